import { TAB } from '../core/workbook/contract';
import { DashboardData } from '../core/dashboard';
import { parseWorkbook } from '../core/workbook/parse';
import { municipalitiesOfEditor } from '../core/rights/permissions';
import { readSnapshot } from './budgetCheck';
import { dashboard } from './dashboard';
import { MyActions, myActionsFrom } from './myActions';
import { Runtime } from '../ports/runtime';

/** One part of the sidebar: its data, or the Dutch reason it could not be made. */
export type SidebarPart<T> = { ok: true; value: T } | { ok: false; message: string };

export interface SidebarData {
  /** When the server made this answer (ISO instant): the sidebar's "bijgewerkt om". */
  loadedAt: string;
  /** The spreadsheet's time zone, so times read as in the sheet. */
  timeZone: string;
  dashboard: SidebarPart<DashboardData>;
  /** Null when the caller edits no municipality's rows. */
  myActions: SidebarPart<MyActions> | null;
}

function part<T>(make: () => T): SidebarPart<T> {
  try {
    return { ok: true, value: make() };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Everything the sidebar shows on opening, in one round trip (Apps Script adds ~0.8 s to each call)
 * and from one read of each tab. A part that fails does not take the other down: the sidebar shows
 * the failure in that section, with its own retry.
 */
export function sidebar(runtime: Runtime): SidebarData {
  const snapshot = readSnapshot(runtime);
  const email = runtime.userEmail();
  const timeZone = runtime.workbook.timeZone;
  const people = parseWorkbook(
    { [TAB.settings]: snapshot[TAB.settings], [TAB.municipalities]: snapshot[TAB.municipalities], [TAB.actionLines]: snapshot[TAB.actionLines] },
    { timeZone, today: runtime.today() },
  ).programme;
  const edits = municipalitiesOfEditor(email, people.municipalities).length > 0;
  return {
    loadedAt: runtime.now().toISOString(),
    timeZone,
    dashboard: part(() => dashboard(runtime, snapshot)),
    myActions: edits
      ? part(() => myActionsFrom(email, { settings: people.settings, municipalities: people.municipalities, actionLines: people.actionLines, actions: snapshot[TAB.actions] ?? null }, timeZone))
      : null,
  };
}
