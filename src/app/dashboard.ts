import { DashboardData, buildDashboard } from '../core/dashboard';
import { WorkbookSnapshot } from '../core/workbook/rowReader';
import { computeCheck, readSnapshot } from './budgetCheck';
import { lastCheckRun } from './lastCheck';
import { Runtime } from '../ports/runtime';

/** The sidebar's dashboard, from one read of the workbook; nothing is written. */
export function dashboard(runtime: Runtime, snapshot: WorkbookSnapshot = readSnapshot(runtime)): DashboardData {
  const check = computeCheck(runtime, snapshot);
  return buildDashboard(check.programme, check, { userEmail: runtime.userEmail(), lastCheckAt: lastCheckRun(runtime) });
}
