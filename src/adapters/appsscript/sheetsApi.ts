import { Cell, Grid } from '../../core/sheet/cell';

/**
 * The Sheets advanced service (the Sheets REST API, v4), for what SpreadsheetApp can only do one tab
 * at a time: the names, sizes and frozen rows of every tab in one call, and the values of any number
 * of tabs in two. SpreadsheetApp costs at least two calls per tab read (getDataRange, getValues) plus
 * one per tab name (getName), and each call costs 10 to 100 ms; opening the sidebar read 12 tabs.
 *
 * Used for reading only, so the manifest asks `spreadsheets.readonly` for it (README, "Scopes").
 * When the service is not enabled (a bound script copied without the manifest), `sheetsApi()` is
 * null and the workbook adapter reads through SpreadsheetApp as before.
 */
export interface SheetsService {
  Spreadsheets: {
    get(spreadsheetId: string, optionalArgs?: { fields?: string }): SpreadsheetResource;
    Values: {
      batchGet(spreadsheetId: string, optionalArgs: { ranges: string[]; valueRenderOption?: string; dateTimeRenderOption?: string; majorDimension?: string }): { valueRanges?: { range?: string; values?: unknown[][] }[] };
    };
  };
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  gridProperties?: { rowCount?: number; columnCount?: number; frozenRowCount?: number };
}

export interface SpreadsheetResource {
  properties?: { timeZone?: string };
  sheets?: { properties?: SheetProperties }[];
}

/** What one call tells about every tab, in the order of getSheets(). */
export interface SheetInfo {
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRows: number;
}

export interface WorkbookMetadata {
  timeZone: string;
  sheets: SheetInfo[];
}

export function sheetsApi(): SheetsService | null {
  const service = (globalThis as { Sheets?: SheetsService }).Sheets;
  return service && typeof service.Spreadsheets?.get === 'function' ? service : null;
}

const METADATA_FIELDS = 'properties.timeZone,sheets.properties(sheetId,title,index,gridProperties(rowCount,columnCount,frozenRowCount))';

export function readMetadata(api: SheetsService, spreadsheetId: string): WorkbookMetadata {
  const resource = api.Spreadsheets.get(spreadsheetId, { fields: METADATA_FIELDS });
  const sheets = (resource.sheets ?? [])
    .map((s) => s.properties!)
    .filter(Boolean)
    .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
    .map((p) => ({
      title: p.title,
      rowCount: p.gridProperties?.rowCount ?? 0,
      columnCount: p.gridProperties?.columnCount ?? 0,
      frozenRows: p.gridProperties?.frozenRowCount ?? 0,
    }));
  return { timeZone: resource.properties?.timeZone ?? '', sheets };
}

/** A whole tab as an A1 range: the title quoted, a quote inside doubled. */
export function wholeTab(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC (ms) at an instant, by reading the wall clock there. */
function offsetAt(time: number, timeZone: string): number {
  let format = wallClocks.get(timeZone);
  if (!format) wallClocks.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })));
  const get: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(time))) get[p.type] = Number(p.value);
  const whole = Math.floor(time / 1000) * 1000;
  return Date.UTC(get.year, get.month - 1, get.day, get.hour, get.minute, get.second) - whole;
}

/**
 * The instant a serial number (days since 30-12-1899 on the sheet's wall clock) stands for in the
 * sheet's zone: the Date getValues would have returned for that cell. Offsets are memoised per hour
 * of wall-clock time, as a ledger's dates repeat the same few hundred days.
 */
export function serialToDate(serial: number, timeZone: string, memo: Map<number, number>): Date {
  const wall = Math.round((serial * MS_PER_DAY + SERIAL_EPOCH_UTC) );
  const hour = Math.floor(wall / 3_600_000);
  let offset = memo.get(hour);
  if (offset === undefined) {
    // Twice, for the edges of daylight saving time, as midnightIn does.
    offset = offsetAt(wall, timeZone);
    offset = offsetAt(wall - offset, timeZone);
    memo.set(hour, offset);
  }
  return new Date(wall - offset);
}

/**
 * Reads tabs in two calls, whatever their number: once with dates as serial numbers and once with
 * dates as text. A cell that is a number in the first and text in the second is a date or time, and
 * becomes the Date getValues returns; every other cell is as getValues returns it. Rows are padded
 * to a rectangle as wide as the widest row, as getDataRange is. A tab without values reads as [['']].
 */
export function readTabsAt(api: SheetsService, spreadsheetId: string, titles: readonly string[], timeZone: string): Grid[] {
  if (titles.length === 0) return [];
  const ranges = titles.map(wholeTab);
  const serial = api.Spreadsheets.Values.batchGet(spreadsheetId, { ranges, valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER', majorDimension: 'ROWS' }).valueRanges ?? [];
  const text = api.Spreadsheets.Values.batchGet(spreadsheetId, { ranges, valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING', majorDimension: 'ROWS' }).valueRanges ?? [];
  const memo = new Map<number, number>();
  return titles.map((_, i) => {
    const numbers = serial[i]?.values ?? [];
    const shown = text[i]?.values ?? [];
    let width = 0;
    for (const row of numbers) if (row.length > width) width = row.length;
    if (numbers.length === 0 || width === 0) return [['']];
    return numbers.map((row, r) => {
      const out: Cell[] = new Array(width);
      const other = shown[r] ?? [];
      for (let c = 0; c < width; c++) {
        const v = row[c];
        if (v === undefined || v === null) out[c] = '';
        else if (typeof v === 'number' && typeof other[c] === 'string') out[c] = serialToDate(v, timeZone, memo);
        else out[c] = v as Cell;
      }
      return out;
    });
  });
}

/** A rectangle as the API gives it: 0-based, ends exclusive; null ends run to the sheet's edge. */
export interface GridBox {
  startRow: number;
  endRow: number;
  startColumn: number;
  endColumn: number;
}

/** One protection as the API shows it, with its tab's grid size. */
export interface ProtectionState {
  tab: string;
  description: string;
  /** null: the whole sheet. */
  range: GridBox | null;
  unprotected: GridBox[];
  /** Lower-case addresses. */
  users: string[];
  domainEdit: boolean;
  warningOnly: boolean;
  maxRows: number;
  maxColumns: number;
}

interface ApiGridRange {
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

interface ApiProtectedRange {
  description?: string;
  range?: ApiGridRange;
  unprotectedRanges?: ApiGridRange[];
  editors?: { users?: string[]; domainUsersCanEdit?: boolean };
  warningOnly?: boolean;
}

const PROTECTION_FIELDS = 'sheets(properties(title,gridProperties(rowCount,columnCount)),protectedRanges(description,range,unprotectedRanges,editors,warningOnly))';

/**
 * Every protection of the spreadsheet in one call, with its editors: what SpreadsheetApp shows only
 * by asking each sheet and each protection, several calls apiece.
 */
export function readProtectionStates(api: SheetsService, spreadsheetId: string): ProtectionState[] {
  const resource = api.Spreadsheets.get(spreadsheetId, { fields: PROTECTION_FIELDS }) as SpreadsheetResource & { sheets?: { properties?: SheetProperties; protectedRanges?: ApiProtectedRange[] }[] };
  const out: ProtectionState[] = [];
  for (const sheet of resource.sheets ?? []) {
    const maxRows = sheet.properties?.gridProperties?.rowCount ?? 0;
    const maxColumns = sheet.properties?.gridProperties?.columnCount ?? 0;
    const box = (r: ApiGridRange): GridBox => ({
      startRow: r.startRowIndex ?? 0,
      endRow: r.endRowIndex ?? maxRows,
      startColumn: r.startColumnIndex ?? 0,
      endColumn: r.endColumnIndex ?? maxColumns,
    });
    for (const p of sheet.protectedRanges ?? []) {
      const r = p.range ?? {};
      const whole = r.startRowIndex === undefined && r.endRowIndex === undefined && r.startColumnIndex === undefined && r.endColumnIndex === undefined;
      out.push({
        tab: sheet.properties?.title ?? '',
        description: p.description ?? '',
        range: whole ? null : box(r),
        unprotected: (p.unprotectedRanges ?? []).map(box),
        users: (p.editors?.users ?? []).map((u) => u.toLowerCase()),
        domainEdit: p.editors?.domainUsersCanEdit ?? false,
        warningOnly: p.warningOnly ?? false,
        maxRows,
        maxColumns,
      });
    }
  }
  return out;
}
