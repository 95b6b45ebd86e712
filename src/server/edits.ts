import { appsScriptRuntime } from '../adapters/appsscript/runtime';
import { groupCells } from '../adapters/appsscript/workbook';
import { EditPlan, WATCHED_TABS, decodeHeaders, encodeHeaders, headerCacheKey, planEdit } from '../app/edits';
import { readPeople } from '../app/protections';
import { Cell, Grid } from '../core/cell';
import { HEADERS, SETTING, TAB } from '../core/contract';
import { ID_FORMATS, highestId, readCounter } from '../core/ids';
import { isProjectLeader } from '../core/permissions';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

export const EDIT_HANDLER = 'onEditInstalled';
export const CHANGE_HANDLER = 'onChangeInstalled';
/** Who installed the triggers: a second installer would log every edit twice. */
const TRIGGER_OWNER_KEY = 'regiomonitor.trigger.owner';

/** `H5` or `H5:J7` → 1-based position and size. Columns may run past Z (`AB7`). */
function parseA1(a1: string): { row: number; column: number; numRows: number; numColumns: number } | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1.toUpperCase());
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  const column = col(m[1]);
  const lastRow = m[4] ? Number(m[4]) : row;
  const lastColumn = m[3] ? col(m[3]) : column;
  return { row, column, numRows: lastRow - row + 1, numColumns: lastColumn - column + 1 };
}

/** `e.value` for a single cell; Sheets has passed `{oldValue}` objects for cleared cells. */
function eventValue(value: unknown): Cell {
  if (value === undefined || value === null || typeof value === 'object') return '';
  return value as Cell;
}

function userOf(e: GoogleAppsScript.Events.SheetsOnEdit): string {
  try {
    const email = e.user ? e.user.getEmail() : Session.getActiveUser().getEmail();
    return (email || '').trim().toLowerCase();
  } catch {
    return '';
  }
}

function readHeaderRow(sheet: Sheet): string[] {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn < 1) return [];
  return (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as Cell[]).map((c) => String(c ?? ''));
}

function appendLog(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, rows: Grid): void {
  if (rows.length === 0) return;
  let log = spreadsheet.getSheetByName(TAB.log);
  if (!log) {
    log = spreadsheet.insertSheet(TAB.log);
    log.appendRow([...HEADERS[TAB.log]]);
  }
  if (rows.length === 1) {
    // appendRow finds the end itself and is atomic against a colleague's simultaneous append.
    log.appendRow(rows[0] as unknown[]);
    return;
  }
  const last = log.getLastRow();
  if (last + rows.length > log.getMaxRows()) log.insertRowsAfter(log.getMaxRows(), last + rows.length - log.getMaxRows());
  log.getRange(last + 1, 1, rows.length, rows[0].length).setValues(rows as unknown[][]);
}

function write(sheet: Sheet, plan: EditPlan): void {
  for (const b of groupCells(plan.cells)) sheet.getRange(b.row, b.column, b.values.length, b.values[0].length).setValues(b.values as unknown[][]);
  for (const n of plan.notes) sheet.getRange(n.row, n.column).setNote(n.note || null);
}

/**
 * The installable onEdit handler (installed by `installEditTrigger`). It runs as the project leader
 * who installed it, so it may write stamps into every row and append to `Logboek`, while `e.user`
 * names the official who edited — which a simple onEdit cannot see for users on other domains.
 *
 * Cost of a single-cell edit of an existing `Acties` row: five calls that reach the spreadsheet or
 * its properties (read properties, read the row's ID cell, write the two stamps, find `Logboek`,
 * appendRow) plus cheap accessors on objects already in hand (getSheet, getName, getA1Notation,
 * getEmail, getRange). Row 1 is not read: its contents are cached in document properties, refreshed
 * when row 1 is edited, when columns are inserted or removed (onChange), and by every full run.
 * The whole tab is never read. Writes made by a script do not fire onEdit, so its own stamps cannot loop.
 */
export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const tab = sheet.getName();
  if (!WATCHED_TABS.includes(tab)) return;
  const where = parseA1(range.getA1Notation());
  if (!where) return;
  const single = where.numRows === 1 && where.numColumns === 1;
  const user = userOf(e);

  const properties: Properties = PropertiesService.getDocumentProperties();
  const stored = properties.getProperties();
  let headers = decodeHeaders(stored[headerCacheKey(tab)]);
  const newCache: Record<string, string> = {};
  if (!headers || where.row === 1) {
    headers = readHeaderRow(sheet);
    newCache[headerCacheKey(tab)] = JSON.stringify(headers);
  }

  const newValues: Cell[][] = single ? [[eventValue(e.value)]] : (range.getValues() as Cell[][]);
  const oldValues = single ? [[eventValue(e.oldValue)]] : undefined;
  const idColumn = headers.findIndex((h) => h.trim().toLowerCase() === 'id') + 1;
  const idInEdit = idColumn >= where.column && idColumn < where.column + where.numColumns;
  const dataRows = where.row === 1 ? where.numRows - 1 : where.numRows;
  const rowIds: Cell[] =
    idColumn > 0 && !idInEdit && dataRows > 0
      ? (sheet.getRange(Math.max(2, where.row), idColumn, dataRows, 1).getValues() as Cell[][]).map((r) => r[0])
      : [];
  // planEdit indexes rowIds by edited row; pad for a header row at the top of the edit.
  if (where.row === 1) rowIds.unshift('');

  const plan = planEdit({ ...where, tab, oldValues, newValues, rowIds, user, now: new Date(), headers, properties: stored });
  write(sheet, plan);
  appendLog(e.source, plan.logRows);
  const toStore = { ...newCache, ...plan.properties };
  if (Object.keys(toStore).length) properties.setProperties(toStore);
}

/**
 * The installable onChange handler: inserting, removing or moving columns shifts headers, so the
 * cached header rows are dropped and the next edit reads row 1 again.
 */
export function onChangeInstalled(e: { changeType?: string }): void {
  if (e && e.changeType && !['INSERT_COLUMN', 'REMOVE_COLUMN', 'OTHER'].includes(e.changeType)) return;
  const properties = PropertiesService.getDocumentProperties();
  for (const tab of WATCHED_TABS) properties.deleteProperty(headerCacheKey(tab));
}

/**
 * Menu `Bewerkingen bijhouden`: installs the edit and change triggers for this spreadsheet, once.
 * Only the project leader installs them, because a trigger runs as the person who installed it and
 * must be allowed to stamp every row. Running it again does nothing.
 */
export function installEditTrigger(): string {
  const spreadsheet = SpreadsheetApp.getActive();
  const runtime = appsScriptRuntime(spreadsheet);
  const { settings, actions } = readPeople(runtime);
  const email = runtime.userEmail();
  if (!isProjectLeader(email, settings)) {
    throw new Error(`Alleen de projectleider (Instellingen › ${SETTING.projectLeader}${settings.projectLeader ? `: ${settings.projectLeader}` : ', nog leeg'}) kan het bijhouden van bewerkingen aanzetten.`);
  }
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
    const ledger = runtime.workbook.tabNames().includes(TAB.ledger) ? runtime.workbook.readTab(TAB.ledger) : null;
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
