import { CHANGE_HANDLER, COPY_ROWS_KEY, SEALED_AT_KEY, SEAL_EVERY_MS, WATCHED_TABS, headerCacheKey } from '../../core/logbook/editCache';
import { pendingLines } from '../../core/logbook/keyed';
import { somethingWaits } from '../../core/logbook/queue';
import { DELETED_VALUE, DeletedRow, deletedCell, deletedRows, readCopy } from '../../core/logbook/rowCopy';
import { editorLabel } from '../../core/rights/columnRights';
import { Grid } from '../../core/sheet/cell';
import { escapeCellText } from '../../core/sheet/escape';
import { formatNumberNl } from '../../core/values/numbers';
import { underDocumentLock } from './lock';
import { appendLines, logSheet } from './logbookSheet';
import { copySheet, readCopiedTabs, readCopySheet, rebuildCopy } from './rowCopySheet';
import { OwnerState, ownerState, peopleOf, rememberMissed, saveOwnerState, timeZoneOf } from './triggerState';
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Deleted rows logged one line each; beyond this, one more line names the rest by ID. */
export const MAX_DELETED_LINES = 50;

function userOf(e: { user?: GoogleAppsScript.Base.User }): string {
  try {
    return ((e.user ? e.user.getEmail() : '') || '').trim().toLowerCase();
  } catch {
    return '';
  }
}

function deletionLines(gone: readonly DeletedRow[], label: string, now: Date): Grid {
  const lines: Grid = gone.slice(0, MAX_DELETED_LINES).map((d) => [now, label, d.tab, deletedCell(d.row), escapeCellText(d.content), DELETED_VALUE]);
  const rest = gone.slice(MAX_DELETED_LINES);
  if (rest.length) lines.push([now, label, rest[0].tab, `${deletedCell(rest[0].row)} e.v.`, escapeCellText(`nog ${formatNumberNl(rest.length)} rijen: ${rest.map((d) => d.id).join(', ')}`), DELETED_VALUE]);
  return lines;
}

/**
 * A structural change, handled under the lock by the trigger owner: inserting, removing or moving
 * columns drops the cached header rows; removing rows logs every ID of `Acties` and `Mutaties` that
 * is gone, with what its row held (from the copy); any change of rows rebuilds the copy.
 */
export function structuralChange(spreadsheet: Spreadsheet, state: OwnerState, type: string, user: string, now: Date): void {
  if (['INSERT_COLUMN', 'REMOVE_COLUMN', 'OTHER'].includes(type)) for (const tab of WATCHED_TABS) state.toStore[headerCacheKey(tab)] = '';
  if (!['INSERT_ROW', 'REMOVE_ROW', 'OTHER'].includes(type)) return;
  const copied = readCopy(readCopySheet(spreadsheet));
  const people = peopleOf(state, spreadsheet);
  const grids = readCopiedTabs(spreadsheet);
  const lines: Grid = [];
  if (type === 'REMOVE_ROW' || type === 'OTHER') {
    for (const { tab, grid } of grids) {
      const gone = deletedRows(tab, copied.get(tab) ?? [], grid);
      for (const l of deletionLines(gone, editorLabel(user, tab, [''], people), now)) lines.push(l);
    }
  }
  if (lines.length) appendLines(logSheet(spreadsheet), pendingLines(state.keyed.key, lines, now));
  state.toStore[COPY_ROWS_KEY] = String(rebuildCopy(copySheet(spreadsheet), grids, timeZoneOf(state, spreadsheet)));
}

/**
 * The installable onChange handler. It fires for every change, edits included:
 * - an edit: only a look at the document properties, to say whether something waits for the project
 *   leader (a sidebar request, a missed edit) or Logboek is due to be sealed; the server then runs
 *   the catch-up (app/catchUp.ts). The edit itself is the edit trigger's.
 * - a structural change: see structuralChange. When the lock stays taken it is remembered, and put
 *   right by the next run (the copy still holds every row that went).
 * Returns the spreadsheet when the catch-up should run, else null.
 */
export function handleChange(e: { changeType?: string; user?: GoogleAppsScript.Base.User; source?: Spreadsheet }): Spreadsheet | null {
  const type = e?.changeType ?? 'OTHER';
  if (type === 'FORMAT') return null;
  const spreadsheet = e?.source ?? SpreadsheetApp.getActive();
  if (type === 'EDIT') {
    const shared = PropertiesService.getDocumentProperties().getProperties();
    return somethingWaits(shared) || !(Date.now() - Date.parse(shared[SEALED_AT_KEY] ?? '') < SEAL_EVERY_MS) ? spreadsheet : null;
  }
  const now = new Date();
  const user = userOf(e);
  return underDocumentLock(
    'wait',
    () => {
      const state = ownerState(spreadsheet, CHANGE_HANDLER);
      structuralChange(spreadsheet, state, type, user, now);
      saveOwnerState(state);
      return spreadsheet;
    },
    () => {
      rememberMissed({ tab: '', range: type, user, at: now.getTime() });
      return null;
    },
  );
}
