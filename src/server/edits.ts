import { appsScriptRuntime } from '../adapters/appsscript/runtime';
import { groupCells } from '../adapters/appsscript/workbook';
import { readRoles, authorizeCall } from '../app/authorize';
import { EditPlan, planEdit } from '../core/logbook/editPlan';
import { PEOPLE_CACHE_KEY, WATCHED_TABS, decodeHeaders, decodePeople, encodeHeaders, encodePeople, headerCacheKey } from '../core/logbook/editCache';
import { readPeople } from '../app/protections';
import { Cell, Grid } from '../core/sheet/cell';
import { parseA1 } from '../core/sheet/a1';
import { headerIndex } from '../core/sheet/headers';
import { PeopleDigest, digestPeople, editorLabel } from '../core/rights/columnRights';
import { HEADERS, TAB } from '../core/workbook/contract';
import { ID_FORMATS, highestId, readCounter } from '../core/workbook/ids';
import { LOG_HEAD_KEY, chainLines, readHead, writeHead } from '../core/logbook/chain';
import { COPY_BLOCKS, COPY_WIDTH, DELETED_VALUE, ROW_COPY_TAB, copyBlockOf, copyHeader, copyOf, copyOfRows, deletedCell, deletedRows } from '../core/logbook/rowCopy';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

export const EDIT_HANDLER = 'onEditInstalled';
export const CHANGE_HANDLER = 'onChangeInstalled';
/** Who installed the triggers: a second installer would log every edit twice. */
const TRIGGER_OWNER_KEY = 'regiomonitor.trigger.owner';

/** `e.value` for a single cell; Sheets has passed `{oldValue}` objects for cleared cells. */
function eventValue(value: unknown): Cell {
  if (value === undefined || value === null || typeof value === 'object') return '';
  return value as Cell;
}

/** Tabs whose edits change who may do what: the trigger then drops its cached digest of them. */
const PEOPLE_TABS: readonly string[] = [TAB.settings, TAB.municipalities];
/** How long an edit waits for another edit's handler (or a check) to finish. */
const LOCK_WAIT_MS = 30_000;

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

/** Runs `fn` under the document lock: two edits at once must not hand out one ID or overwrite each other's Logboek lines. */
function underDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    // The edit stays in the sheet; only its stamps and Logboek lines are missing. Apps Script mails the owner.
    throw new Error('Regiomonitor: een andere bewerking hield het werkboek te lang bezet; deze bewerking is niet gelogd.');
  }
  try {
    const result = fn();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
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
  const { settings, municipalities } = readRoles(appsScriptRuntime(spreadsheet));
  const people = digestPeople(settings, municipalities);
  const encoded = encodePeople(people);
  if (encoded) toStore[PEOPLE_CACHE_KEY] = encoded;
  return people;
}

/**
 * Appends lines to `Logboek` with their `Keten`, continuing the chain from its head in the document
 * properties (read with the others, written back by the caller). Runs under the document lock.
 */
function appendChained(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, rows: Grid, stored: Record<string, string>, toStore: Record<string, string>): void {
  if (rows.length === 0) return;
  let log = spreadsheet.getSheetByName(TAB.log);
  const head = readHead(toStore[LOG_HEAD_KEY] ?? stored[LOG_HEAD_KEY]);
  if (!log) {
    log = spreadsheet.insertSheet(TAB.log);
    log.getRange(1, 1, 1, HEADERS[TAB.log].length).setValues([[...HEADERS[TAB.log]]]);
  } else if (head.lines === 0) {
    // The first chained line: a Logboek from before the chain gets its `Keten` header.
    log.getRange(1, HEADERS[TAB.log].length).setValue(HEADERS[TAB.log][HEADERS[TAB.log].length - 1]);
  }
  const chained = chainLines(head, rows);
  const last = log.getLastRow();
  if (last + rows.length > log.getMaxRows()) log.insertRowsAfter(log.getMaxRows(), last + rows.length - log.getMaxRows());
  log.getRange(last + 1, 1, chained.rows.length, chained.rows[0].length).setValues(chained.rows as unknown[][]);
  toStore[LOG_HEAD_KEY] = writeHead(chained.head);
}

function write(sheet: Sheet, plan: EditPlan): void {
  for (const b of groupCells(plan.cells)) sheet.getRange(b.row, b.column, b.values.length, b.values[0].length).setValues(b.values as unknown[][]);
  for (const n of plan.notes) sheet.getRange(n.row, n.column).setNote(n.note || null);
}

function copySheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
  let copy = spreadsheet.getSheetByName(ROW_COPY_TAB);
  if (!copy) {
    copy = spreadsheet.insertSheet(ROW_COPY_TAB);
    copy.getRange(1, 1, 1, COPY_WIDTH).setValues([copyHeader()]);
    copy.hideSheet();
  }
  return copy;
}

/** The sheet's time zone, kept with the trigger's properties so an edit need not ask the sheet for it. */
const TIME_ZONE_KEY = 'regiomonitor.timeZone';

function sheetTimeZone(stored: Readonly<Record<string, string>>, toStore: Record<string, string>, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const known = stored[TIME_ZONE_KEY] ?? toStore[TIME_ZONE_KEY];
  if (known) return known;
  const zone = spreadsheet.getSpreadsheetTimeZone();
  toStore[TIME_ZONE_KEY] = zone;
  return zone;
}

/** Rewrites one tab's block of the copy from the tab as it is now. */
function rebuildCopyBlock(copy: Sheet, tab: string, grid: Grid | null, previousRows: number, timeZone: string): void {
  const block = copyBlockOf(tab)!;
  const pairs = copyOf(grid, timeZone);
  const rows = Math.max(pairs.length, previousRows);
  if (rows === 0) return;
  while (pairs.length < rows) pairs.push(['', '']);
  if (rows + 1 > copy.getMaxRows()) copy.insertRowsAfter(copy.getMaxRows(), rows + 1 - copy.getMaxRows());
  copy.getRange(2, block.column, rows, 2).setValues(pairs as unknown[][]);
}

/**
 * Keeps the copy in step with an edit: the edited rows' pairs are rewritten in place. When the copy
 * shows another ID at those rows than the rows had (rows were sorted or moved without a change
 * event), the block is rebuilt from the whole tab instead.
 */
function updateCopy(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: Sheet, tab: string, first: number, headers: readonly string[], rows: Cell[][], idsBefore: (Cell | undefined)[], timeZone: string,
): void {
  const block = copyBlockOf(tab);
  if (!block || first < 2) return;
  const copy = copySheet(spreadsheet);
  if (first + rows.length - 1 > copy.getMaxRows()) copy.insertRowsAfter(copy.getMaxRows(), first + rows.length - 1 - copy.getMaxRows());
  const range = copy.getRange(first, block.column, rows.length, 2);
  const inCopy = range.getValues() as Cell[][];
  const aligned = inCopy.every((pair, i) => {
    const had = String(pair[0] ?? '').trim().toLowerCase();
    const before = idsBefore[i];
    return !had || before === undefined || had === String(before ?? '').trim().toLowerCase();
  });
  if (aligned) {
    range.setValues(copyOfRows(headers, rows, timeZone) as unknown[][]);
  } else {
    const last = sheet.getLastRow();
    const grid = last > 0 ? (sheet.getRange(1, 1, last, Math.max(1, headers.length)).getValues() as Grid) : null;
    rebuildCopyBlock(copy, tab, grid, Math.max(0, copy.getLastRow() - 1), timeZone);
  }
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
export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
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

  underDocumentLock(() => {
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
export function onChangeInstalled(e: { changeType?: string; user?: GoogleAppsScript.Base.User; source?: GoogleAppsScript.Spreadsheet.Spreadsheet }): void {
  const type = e?.changeType ?? 'OTHER';
  if (['EDIT', 'FORMAT'].includes(type)) return;
  const spreadsheet = e?.source ?? SpreadsheetApp.getActive();
  underDocumentLock(() => {
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

/**
 * Menu `Bewerkingen bijhouden`: installs the edit and change triggers for this spreadsheet, once.
 * Only the project leader installs them, because a trigger runs as the person who installed it and
 * must be allowed to stamp every row. Running it again does nothing.
 */
export function installEditTrigger(): string {
  const spreadsheet = SpreadsheetApp.getActive();
  const { runtime, settings, municipalities } = authorizeCall(appsScriptRuntime(spreadsheet), 'triggers');
  const { actions } = readPeople(runtime);
  const email = runtime.userEmail();
  const properties = PropertiesService.getDocumentProperties();
  const owner = properties.getProperty(TRIGGER_OWNER_KEY);
  const mine = ScriptApp.getUserTriggers(spreadsheet).map((t) => t.getHandlerFunction());
  let message: string;
  if (owner && owner !== email && !mine.includes(EDIT_HANDLER)) {
    message = `Bewerkingen worden al bijgehouden via ${owner}. Laat die eerst het bijhouden uitzetten voordat je het zelf aanzet.`;
  } else {
    if (!mine.includes(EDIT_HANDLER)) ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
    if (!mine.includes(CHANGE_HANDLER)) ScriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(spreadsheet).onChange().create();
    const cache: Record<string, string> = { [TRIGGER_OWNER_KEY]: email };
    const people = encodePeople(digestPeople(settings, municipalities));
    if (people) cache[PEOPLE_CACHE_KEY] = people;
    const ledger = runtime.workbook.tabNames().includes(TAB.ledger) ? runtime.workbook.readTab(TAB.ledger) : null;
    // The copy that row deletions are compared with (core/rowCopy.ts).
    const copy = copySheet(spreadsheet);
    cache[TIME_ZONE_KEY] = runtime.workbook.timeZone;
    for (const [tab, grid] of [[TAB.actions, actions], [TAB.ledger, ledger]] as const) rebuildCopyBlock(copy, tab, grid, Math.max(0, copy.getLastRow() - 1), runtime.workbook.timeZone);
    // The handler reads neither row 1 nor the ID column: it starts from these, kept current by later runs.
    for (const [kind, grid] of [['action', actions], ['ledger', ledger]] as const) {
      if (!grid?.[0]) continue;
      cache[headerCacheKey(ID_FORMATS[kind].tab)] = encodeHeaders(grid[0]);
      const key = ID_FORMATS[kind].propertyKey;
      cache[key] = String(Math.max(readCounter(properties.getProperty(key)), highestId(kind, grid)));
    }
    properties.setProperties(cache);
    message = mine.includes(EDIT_HANDLER) ? 'Bewerkingen werden al bijgehouden.' : 'Bewerkingen in Acties en Mutaties worden nu bijgehouden in Logboek.';
  }
  spreadsheet.toast(message, 'Regiomonitor', 8);
  return message;
}
