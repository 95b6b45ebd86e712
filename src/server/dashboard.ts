import { showSidebarFile } from '../adapters/appsscript/ui';
import { authorizeCall } from '../app/authorize';
import { dashboard, selectRow as selectRowService } from '../app/dashboard';
import { DashboardData } from '../core/dashboard';
import { currentRowSelector, currentRuntime } from './context';

export const SIDEBAR_FILE = 'Sidebar';
export const SIDEBAR_TITLE = 'Regiomonitor';

/** `Regiomonitor › Dashboard openen`. */
export function showSidebar(): void {
  showSidebarFile(SIDEBAR_FILE, SIDEBAR_TITLE);
}

/** The sidebar's data: JSON only, as google.script.run carries nothing else. */
export function getDashboard(): DashboardData {
  // Everyone may see the dashboard (ACTION_DUTIES); the check still runs, so the rule stays in one place.
  return dashboard(authorizeCall(currentRuntime(), 'dashboard').runtime);
}

/** Selects a row the sidebar points at (a signal, a budget line, the next meet-up). */
export function selectRow(tab: string, row: number): void {
  selectRowService(currentRowSelector(), tab, row);
}
