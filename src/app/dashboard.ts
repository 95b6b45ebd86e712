import { DashboardData, buildDashboard } from '../core/dashboard';
import { WorkbookSnapshot } from '../core/workbook/rowReader';
import { computeCheck, readSnapshot } from './budgetCheck';
import { lastCheckRun } from './lastCheck';
import { Runtime } from '../ports/runtime';
import { RowSelector } from '../ports/ui';

/** The sidebar's dashboard, from one read of the workbook; nothing is written. */
export function dashboard(runtime: Runtime, snapshot: WorkbookSnapshot = readSnapshot(runtime)): DashboardData {
  const check = computeCheck(runtime, snapshot);
  return buildDashboard(check.programme, check, { userEmail: runtime.userEmail(), lastCheckAt: lastCheckRun(runtime) });
}

function missingTab(tab: string): string {
  return `Tabblad ${tab} bestaat niet. Voer eerst de budgetcontrole uit, of kies Regiomonitor › Werkboek inrichten.`;
}

/** Selects a row the sidebar points at; its arguments come from the browser, so they are checked here. */
export function selectRow(select: RowSelector, tab: unknown, row: unknown): void {
  if (typeof tab !== 'string' || !tab.trim()) throw new Error('Geen tabblad opgegeven.');
  if (!Number.isInteger(row) || (row as number) < 1) throw new Error(`Rij ${String(row)} bestaat niet.`);
  if (!select(tab, row as number)) throw new Error(missingTab(tab));
}
