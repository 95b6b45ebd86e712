import { DashboardData, buildDashboard } from '../core/dashboard';
import { parseWorkbook } from '../core/parse';
import { computeCheck, readSnapshot } from './budgetCheck';
import { Runtime } from './runtime';

/**
 * The sidebar's dashboard. The workbook is read once; the check and the programme both come from
 * that one snapshot (parsing twice costs CPU only, no extra reads from the sheet).
 */
export function dashboard(runtime: Runtime): DashboardData {
  const snapshot = readSnapshot(runtime);
  const context = { timeZone: runtime.workbook.timeZone, today: runtime.today() };
  const check = computeCheck(runtime, snapshot);
  const { programme } = parseWorkbook(snapshot, context);
  return buildDashboard(programme, check, { userEmail: runtime.userEmail() });
}
