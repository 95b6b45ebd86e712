import { EditPlan, planEdit } from '../../core/logbook/editPlan';
import {
  CHANGE_HANDLER, EDIT_HANDLER, PEOPLE_CACHE_KEY, TIME_ZONE_KEY, TRIGGER_OWNER_KEY, WATCHED_TABS, decodeHeaders, decodePeople, encodePeople, headerCacheKey,
} from '../../core/logbook/editCache';
import { COPY_BLOCKS, COPY_WIDTH, DELETED_VALUE, deletedCell, deletedRows } from '../../core/logbook/rowCopy';
import { PeopleDigest, digestPeople, editorLabel } from '../../core/rights/columnRights';
import { readPeopleTabs } from '../../core/rights/people';
import { parseA1 } from '../../core/sheet/a1';
import { Cell, Grid } from '../../core/sheet/cell';
import { headerIndex } from '../../core/sheet/headers';
import { TAB } from '../../core/workbook/contract';
import { documentLock } from './lock';
import { appendChained } from './logbookSheet';
import { copySheet, rebuildCopyBlock, updateCopy } from './rowCopySheet';
import { appsScriptRuntime } from './runtime';
import { groupCells } from './workbook';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

/**
 * The installable edit and change triggers' handlers (installed by `installEditTrigger`, see
 * app/editTracking.ts): Sheets calls them with its events, and they read and write the sheet
 * directly, with as few service calls as they can; what to write is decided in core/logbook.
 */

/** The edit stays in the sheet; only its stamps and Logboek lines are missing. Apps Script mails the owner. */
const EDIT_BUSY_MESSAGE = 'Regiomonitor: een andere bewerking hield het werkboek te lang bezet; deze bewerking is niet gelogd.';

/** `e.value` for a single cell; Sheets has passed `{oldValue}` objects for cleared cells. */
function eventValue(value: unknown): Cell {
  if (value === undefined || value === null || typeof value === 'object') return '';
  return value as Cell;
}

/** Tabs whose edits change who may do what: the trigger then drops its cached digest of them. */
const PEOPLE_TABS: readonly string[] = [TAB.settings, TAB.municipalities];
function userOf(e: { user?: GoogleAppsScript.Base.User }): string {
  try {
    return ((e.user ? e.user.getEmail() : '') || '').trim().toLowerCase();
  } catch {
    return '';
  }
}

/**
 * The handlers run as the project leader who installed them (their address is in the document
 * properties). Called from anyone else's console they would write as that person: refused.
 */
function requireTriggerOwner(stored: Record<string, string>, handler: string): void {
  const owner = (stored[TRIGGER_OWNER_KEY] ?? '').toLowerCase();
  let effective = '';
  try {
    effective = (Session.getEffectiveUser().getEmail() || '').trim().toLowerCase();
  } catch {
    // treated as unknown below
  }
  if (!owner || effective !== owner) {
    throw new Error(`${handler} draait alleen als trigger van de projectleider die Regiomonitor › Bewerkingen bijhouden aanzette${owner ? ` (${owner})` : ''}; niet vanuit een andere account.`);
  }
}

function readHeaderRow(sheet: Sheet): string[] {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn < 1) return [];
  return (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as Cell[]).map((c) => String(c ?? ''));
}

/** Who is who, from the cache or else from the two tabs (and then cached). */
function peopleOf(stored: Record<string, string>, toStore: Record<string, string>, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): PeopleDigest {
  const cached = decodePeople(stored[PEOPLE_CACHE_KEY]);
  if (cached) return cached;
  const runtime = appsScriptRuntime(spreadsheet);
  const { settings, municipalities } = readPeopleTabs(runtime.workbook, () => runtime.today());
  const people = digestPeople(settings, municipalities);
  const encoded = encodePeople(people);
  if (encoded) toStore[PEOPLE_CACHE_KEY] = encoded;
  return people;
}

function write(sheet: Sheet, plan: EditPlan): void {
  for (const b of groupCells(plan.cells)) sheet.getRange(b.row, b.column, b.values.length, b.values[0].length).setValues(b.values as unknown[][]);
  for (const n of plan.notes) sheet.getRange(n.row, n.column).setNote(n.note || null);
}

function sheetTimeZone(stored: Readonly<Record<string, string>>, toStore: Record<string, string>, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const known = stored[TIME_ZONE_KEY] ?? toStore[TIME_ZONE_KEY];
  if (known) return known;
  const zone = spreadsheet.getSpreadsheetTimeZone();
  toStore[TIME_ZONE_KEY] = zone;
  return zone;
}

/**
 * The installable onEdit handler (installed by `installEditTrigger`). It runs as the project leader
 * who installed it, so it may write stamps into every row and append to `Logboek`, while `e.user`
 * names the official who edited — which a simple onEdit cannot see for users on other domains.
 * Everything after the first look at the event runs under the document lock.
 *
 * Cost of a single-cell edit of an existing `Acties` row (measured in test/server/edits.test.ts):
 * the lock, the document properties (read once, written once), the effective user, one read of the
 * edited row, one write of the stamps, `Logboek` found and appended to, and the row copy read and
 * written for that row. Row 1 is read only when its cache is stale; the ID column only when the
 * edit includes it; the whole tab never. Writes made by a script do not fire onEdit, so its own
 * stamps cannot loop.
 */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const tab = sheet.getName();
  if (PEOPLE_TABS.includes(tab)) {
    // Who may do what changed: the next edit reads the two tabs again.
    PropertiesService.getDocumentProperties().deleteProperty(PEOPLE_CACHE_KEY);
    return;
  }
  if (!WATCHED_TABS.includes(tab)) return;
  const where = parseA1(range.getA1Notation());
  if (!where) return;
  const user = userOf(e);
  const single = where.numRows === 1 && where.numColumns === 1;

  documentLock(EDIT_BUSY_MESSAGE)(() => {
    const properties: Properties = PropertiesService.getDocumentProperties();
    const stored = properties.getProperties();
    requireTriggerOwner(stored, EDIT_HANDLER);
    const toStore: Record<string, string> = {};
    let headers = decodeHeaders(stored[headerCacheKey(tab)]);
    if (!headers || where.row === 1) {
      headers = readHeaderRow(sheet);
      toStore[headerCacheKey(tab)] = JSON.stringify(headers);
    }
    const people = peopleOf(stored, toStore, e.source);

    const width = Math.max(headers.length, where.column + where.numColumns - 1);
    const rows = sheet.getRange(where.row, 1, where.numRows, width).getValues() as Cell[][];
    const oldValues = single ? [[eventValue(e.oldValue)]] : undefined;
    const idColumn = headerIndex(headers, 'ID') + 1;
    const idInEdit = idColumn >= where.column && idColumn < where.column + where.numColumns;
    let otherIds: Cell[] | undefined;
    if (idInEdit) {
      const last = sheet.getLastRow();
      const ids = last > 1 ? (sheet.getRange(2, idColumn, last - 1, 1).getValues() as Cell[][]).map((r) => r[0]) : [];
      otherIds = ids.filter((_, i) => i + 2 < where.row || i + 2 >= where.row + where.numRows);
    }
    const idsBefore = rows.map((line) => (idColumn < 1 ? undefined : idInEdit ? (single ? oldValues![0][0] : undefined) : line[idColumn - 1]));

    const plan = planEdit({ ...where, tab, oldValues, rows, otherIds, user, people, now: new Date(), headers, properties: stored });
    write(sheet, plan);
    appendChained(e.source, plan.logRows, stored, toStore);
    // The copy holds the rows as they are after the plan's own writes.
    for (const c of plan.cells) {
      const line = rows[c.row - where.row];
      if (line) line[c.column - 1] = typeof c.value === 'string' && c.value.startsWith("'") ? c.value.slice(1) : c.value;
    }
    updateCopy(e.source, sheet, tab, where.row, headers, rows, idsBefore, sheetTimeZone(stored, toStore, e.source));
    Object.assign(toStore, plan.properties);
    if (Object.keys(toStore).length) properties.setProperties(toStore);
  });
}

/**
 * The installable onChange handler. Inserting, removing or moving columns shifts headers, so the
 * cached header rows are dropped. Removing rows is logged: `Acties` and `Mutaties` are compared
 * with their copy, and every ID that is gone goes into `Logboek` with what its row held. Any other
 * structural change rebuilds the copy, so it follows the rows again.
 */
export function handleChange(e: { changeType?: string; user?: GoogleAppsScript.Base.User; source?: GoogleAppsScript.Spreadsheet.Spreadsheet }): void {
  const type = e?.changeType ?? 'OTHER';
  if (['EDIT', 'FORMAT'].includes(type)) return;
  const spreadsheet = e?.source ?? SpreadsheetApp.getActive();
  documentLock(EDIT_BUSY_MESSAGE)(() => {
    const properties = PropertiesService.getDocumentProperties();
    const stored = properties.getProperties();
    requireTriggerOwner(stored, CHANGE_HANDLER);
    if (['INSERT_COLUMN', 'REMOVE_COLUMN', 'OTHER'].includes(type)) for (const tab of WATCHED_TABS) properties.deleteProperty(headerCacheKey(tab));
    if (!['INSERT_ROW', 'REMOVE_ROW', 'OTHER'].includes(type)) return;
    const toStore: Record<string, string> = {};
    const copy = copySheet(spreadsheet);
    const copyRows = Math.max(0, copy.getLastRow() - 1);
    const copied = copyRows > 0 ? (copy.getRange(2, 1, copyRows, COPY_WIDTH).getValues() as Cell[][]) : [];
    const people = peopleOf(stored, toStore, spreadsheet);
    const now = new Date();
    const lines: Grid = [];
    for (const block of COPY_BLOCKS) {
      const sheet = spreadsheet.getSheetByName(block.tab);
      const last = sheet ? sheet.getLastRow() : 0;
      const grid = sheet && last > 0 ? (sheet.getRange(1, 1, last, Math.max(1, sheet.getLastColumn())).getValues() as Grid) : null;
      const pairs = copied.map((r) => [r[block.column - 1], r[block.column]]);
      if (type === 'REMOVE_ROW' || type === 'OTHER') {
        const label = editorLabel(userOf(e), block.tab, [''], people);
        for (const gone of deletedRows(block.tab, pairs, grid)) lines.push([now, label, block.tab, deletedCell(gone.row), gone.content, DELETED_VALUE]);
      }
      rebuildCopyBlock(copy, block.tab, grid, copyRows, sheetTimeZone(stored, toStore, spreadsheet));
    }
    appendChained(spreadsheet, lines.map((l) => l.map((v) => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v))), stored, toStore);
    if (Object.keys(toStore).length) properties.setProperties(toStore);
  });
}
