import { COPY_ROWS_KEY, EDIT_HANDLER, PEOPLE_CACHE_KEY, SEALED_AT_KEY, SEAL_EVERY_MS, WATCHED_TABS } from '../../core/logbook/editCache';
import { EditPlan, planEdit } from '../../core/logbook/editPlan';
import { pendingLines } from '../../core/logbook/keyed';
import { somethingWaits } from '../../core/logbook/queue';
import { copyEntries, readCopy } from '../../core/logbook/rowCopy';
import { A1Range, parseA1 } from '../../core/sheet/a1';
import { Cell } from '../../core/sheet/cell';
import { headerIndex } from '../../core/sheet/headers';
import { TAB } from '../../core/workbook/contract';
import { underDocumentLock } from './lock';
import { appendLines, logSheet } from './logbookSheet';
import { copySheet, readCopySheet, writeCopyEntries } from './rowCopySheet';
import { OwnerState, copyRowsOf, headersOf, ownerState, peopleOf, rememberMissed, saveOwnerState, timeZoneOf } from './triggerState';
import { groupCells } from './cellBlocks';
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The installable edit trigger's handler (installed by `installEditTrigger`, see app/editTracking.ts).
 * It runs as the project leader who installed it, so it may write stamps into every row and append
 * to `Logboek`, while `e.user` names the official who edited, which a simple onEdit cannot see for
 * users on other domains. What to write is decided in core/logbook; this file reads and writes with
 * as few service calls as it can.
 */

/** Tabs whose edits change who may do what: the trigger then drops its cached digest of them. */
const PEOPLE_TABS: readonly string[] = [TAB.settings, TAB.municipalities];

/** One edit as the trigger handles it, now or later (a missed edit put right). */
export interface EditEvent {
  tab: string;
  where: A1Range;
  /** E-mail of the editor; '' when Google does not reveal it. */
  user: string;
  /** Single cell only: the old value Apps Script gave. */
  oldValue?: Cell;
  /** Single cell only: the new value Apps Script gave. */
  value?: Cell;
  now: Date;
}

/** `e.value` for a single cell; Sheets has passed `{oldValue}` objects for cleared cells. */
function eventValue(value: unknown): Cell {
  if (value === undefined || value === null || typeof value === 'object') return '';
  return value as Cell;
}

function userOf(e: { user?: GoogleAppsScript.Base.User }): string {
  try {
    return ((e.user ? e.user.getEmail() : '') || '').trim().toLowerCase();
  } catch {
    return '';
  }
}

const isSingle = (where: A1Range) => where.numRows === 1 && where.numColumns === 1;

/**
 * Reads, plans and writes one edit. Without the lock (`shared` absent) it stops before anything is
 * written when the plan gives or moves an ID: that needs the counter, under the lock. Under the lock
 * it also knows, for a paste over the ID column, which rows existed before (from the row copy), so a
 * pasted ID does not make a new row pass for an existing one.
 */
export function applyEdit(spreadsheet: Spreadsheet, sheet: Sheet, state: OwnerState, event: EditEvent, shared?: Record<string, string>): EditPlan | 'needs-lock' {
  const { tab, where } = event;
  const headers = headersOf(state, sheet, tab, where.row === 1);
  const people = peopleOf(state, spreadsheet);
  const width = Math.max(headers.length, where.column + where.numColumns - 1);
  const rows = sheet.getRange(where.row, 1, where.numRows, width).getValues() as Cell[][];
  const single = isSingle(where) && event.oldValue !== undefined;
  const idColumn = headerIndex(headers, 'ID') + 1;
  const idInEdit = idColumn >= where.column && idColumn < where.column + where.numColumns;
  let otherIds: Cell[] | undefined;
  let existedBefore: boolean[] | undefined;
  if (shared && idInEdit) {
    const last = sheet.getLastRow();
    const ids = last > 1 ? (sheet.getRange(2, idColumn, last - 1, 1).getValues() as Cell[][]).map((r) => r[0]) : [];
    otherIds = ids.filter((_, i) => i + 2 < where.row || i + 2 >= where.row + where.numRows);
    if (!single) {
      const known = new Set((readCopy(readCopySheet(spreadsheet)).get(tab) ?? []).map((e) => e.row));
      existedBefore = rows.map((_, i) => known.has(where.row + i));
    }
  }
  const plan = planEdit({ ...where, tab, oldValues: single ? [[event.oldValue!]] : undefined, rows, otherIds, existedBefore, user: event.user, people, now: event.now, headers, properties: shared });
  if (!shared && plan.usesCounter) return 'needs-lock';

  for (const b of groupCells(plan.cells)) sheet.getRange(b.row, b.column, b.values.length, b.values[0].length).setValues(b.values as unknown[][]);
  for (const n of plan.notes) sheet.getRange(n.row, n.column).setNote(n.note || null);
  if (plan.logRows.length) appendLines(logSheet(spreadsheet), pendingLines(state.keyed.key, plan.logRows, event.now));
  // The copy holds the rows as they are after the plan's own writes.
  for (const c of plan.cells) {
    const line = rows[c.row - where.row];
    if (line) line[c.column - 1] = typeof c.value === 'string' && c.value.startsWith("'") ? c.value.slice(1) : c.value;
  }
  if (where.row > 1 || where.numRows > 1) {
    const entries = copyEntries(headers, where.row === 1 ? rows.slice(1) : rows, Math.max(2, where.row), timeZoneOf(state, spreadsheet));
    if (entries.length) {
      const rowsNow = writeCopyEntries(copySheet(spreadsheet), tab, entries, copyRowsOf(state));
      if (rowsNow !== copyRowsOf(state)) state.toStore[COPY_ROWS_KEY] = String(rowsNow);
    }
  }
  if (shared && Object.keys(plan.properties).length) PropertiesService.getDocumentProperties().setProperties(plan.properties);
  return plan;
}

/**
 * Cost of a single-cell edit of an existing `Acties` row (measured in test/server/edits.test.ts): the
 * event (tab, range, editor), the trigger owner's user properties in one read, the edited row, the
 * stamps, one appended Logboek line and the row copy's entry for that row: 15 service calls. No lock:
 * each write touches only this row, and appended rows never collide. An edit that gives or moves an
 * ID, and every paste, runs under the document lock; when the lock stays taken the edit is
 * remembered (core/logbook/queue.ts) and put right by the next run. Writes made by a script do not
 * fire onEdit, so the trigger's own writes cannot loop.
 *
 * Returns true when, under the lock, it saw something waiting for the project leader: the server then
 * runs the catch-up (app/catchUp.ts).
 */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): boolean {
  const range = e.range;
  const sheet = range.getSheet();
  const tab = sheet.getName();
  if (PEOPLE_TABS.includes(tab)) {
    // Who may do what changed: the next edit reads the two tabs again.
    PropertiesService.getUserProperties().deleteProperty(PEOPLE_CACHE_KEY);
    return false;
  }
  if (!WATCHED_TABS.includes(tab)) return false;
  const a1Text = range.getA1Notation();
  const where = parseA1(a1Text);
  if (!where) return false;
  const spreadsheet = e.source;
  const event: EditEvent = { tab, where, user: userOf(e), now: new Date() };
  // A single cell typed or cleared comes with its old value; a single cell pasted comes with
  // neither value (Sheets gives none for a paste), so its old value is unknown, as in any paste.
  if (isSingle(where) && !(e.value === undefined && e.oldValue === undefined)) {
    event.oldValue = eventValue(e.oldValue);
    event.value = eventValue(e.value);
  }
  const missed = () => {
    rememberMissed({ tab, range: a1Text, user: event.user, at: event.now.getTime(), ...(isSingle(where) ? { value: event.value, oldValue: event.oldValue } : {}) });
    return false;
  };
  const locked = (state: OwnerState) => {
    const shared = PropertiesService.getDocumentProperties().getProperties();
    applyEdit(spreadsheet, sheet, state, event, shared);
    saveOwnerState(state);
    const sealedAt = Date.parse(shared[SEALED_AT_KEY] ?? '');
    return somethingWaits(shared) || !(event.now.getTime() - sealedAt < SEAL_EVERY_MS);
  };
  if (isSingle(where)) {
    const state = ownerState(spreadsheet, EDIT_HANDLER);
    if (applyEdit(spreadsheet, sheet, state, event) !== 'needs-lock') {
      saveOwnerState(state);
      return false;
    }
    // An ID to give: the row was read already, so the lock is only tried briefly.
    return underDocumentLock('try', () => locked(state), missed);
  }
  return underDocumentLock('wait', () => locked(ownerState(spreadsheet, EDIT_HANDLER)), missed);
}
