import { DashboardData, buildDashboard } from '../core/dashboard';
import { computeCheck, readSnapshot } from './budgetCheck';
import { Runtime } from './runtime';

/** The sidebar's dashboard, from one read of the workbook; nothing is written. */
export function dashboard(runtime: Runtime): DashboardData {
  const check = computeCheck(runtime, readSnapshot(runtime));
  return buildDashboard(check.programme, check, { userEmail: runtime.userEmail() });
}
