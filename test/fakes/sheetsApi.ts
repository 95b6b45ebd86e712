/**
 * The Sheets advanced service (REST API v4) over the SpreadsheetApp fake's sheets, for what the add-on
 * uses of it: `Spreadsheets.get` (spreadsheet and sheet properties) and `Spreadsheets.Values.batchGet`
 * (values of whole tabs). Each call counts as one service call, as `Sheets.Spreadsheets.get` and
 * `Sheets.Spreadsheets.Values.batchGet`.
 *
 * It returns what the API returns where the code could get it wrong: dates as serial numbers on the
 * sheet's wall clock (UNFORMATTED_VALUE with SERIAL_NUMBER) or as their formatted text
 * (FORMATTED_STRING), trailing blank cells of a row left out, a tab without values without `values`.
 */
import { FakeHandles, FakeSheet, FakeSpreadsheet, Value } from './spreadsheetApp';

interface Wrapper {
  wrap<T extends object>(target: T, type: string): T;
  unwrap<T extends object>(proxy: T): T;
  isDate(v: unknown): v is Date;
}

const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** The serial number Sheets keeps for an instant: days since 30-12-1899 on the sheet's wall clock. */
export function serialOf(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) + (instant.getTime() % 1000 + 1000) % 1000;
  return (wall - SERIAL_EPOCH_UTC) / 86_400_000;
}

function sheetOf(ss: FakeSpreadsheet, range: string): FakeSheet {
  const m = /^'((?:[^']|'')*)'$/.exec(range) ?? /^([^'!]+)$/.exec(range);
  const title = m ? m[1].replace(/''/g, "'") : null;
  const sheet = title === null ? undefined : ss.sheets.find((s) => s.name === title);
  if (!sheet) throw new Error(`GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: ${range}`);
  return sheet;
}

export class FakeSheetsValues {
  constructor(
    private readonly w: Wrapper,
    private readonly ss: FakeSpreadsheet,
  ) {}
  batchGet(spreadsheetId: string, args: { ranges: string[]; valueRenderOption?: string; dateTimeRenderOption?: string; majorDimension?: string }) {
    if (spreadsheetId !== this.ss.id) throw new Error(`Requested entity was not found: ${spreadsheetId}`);
    if (args.valueRenderOption !== 'UNFORMATTED_VALUE') throw new Error('fake: only UNFORMATTED_VALUE is modelled');
    const asText = args.dateTimeRenderOption === 'FORMATTED_STRING';
    return {
      spreadsheetId,
      valueRanges: args.ranges.map((range) => {
        const sheet = sheetOf(this.ss, range);
        const rows = sheet._lastRow();
        const columns = sheet._lastColumn();
        const values: unknown[][] = [];
        for (let r = 0; r < rows; r++) {
          const line: unknown[] = [];
          for (let c = 0; c < columns; c++) {
            const v: Value = sheet.values.get(r, c);
            line.push(this.w.isDate(v) ? (asText ? sheet._display(r, c) : serialOf(v, this.ss.timeZone)) : v);
          }
          while (line.length && line[line.length - 1] === '') line.pop();
          values.push(line);
        }
        const a1 = `'${sheet.name.replace(/'/g, "''")}'!A1:${columns ? String.fromCharCode(64 + Math.min(columns, 26)) : 'A'}${Math.max(rows, 1)}`;
        return rows ? { range: a1, majorDimension: 'ROWS', values } : { range: a1, majorDimension: 'ROWS' };
      }),
    };
  }
}

type Area = { row: number; column: number; numRows: number; numColumns: number };
/** An area as a GridRange: 0-based, ends exclusive, a start of 0 left out as the API leaves it out. */
function gridRange(sheetId: number, a: Area): Record<string, number> {
  const r: Record<string, number> = { sheetId, endRowIndex: a.row - 1 + a.numRows, endColumnIndex: a.column - 1 + a.numColumns };
  if (a.row > 1) r.startRowIndex = a.row - 1;
  if (a.column > 1) r.startColumnIndex = a.column - 1;
  return r;
}

/** The sheet's protections as `protectedRanges`, editors included (the caller may edit them all). */
function protectedRanges(sheet: FakeSheet) {
  return sheet.protections
    .filter((p) => !p.removed)
    .map((p) => {
      const unprotected = ((p as unknown as { unprotected?: { row: number; column: number; numRows: number; numColumns: number }[] }).unprotected ?? []);
      return {
        description: p.description || undefined,
        warningOnly: p.warningOnly || undefined,
        range: p.area ? gridRange(sheet.sheetId, p.area) : { sheetId: sheet.sheetId },
        unprotectedRanges: unprotected.length ? unprotected.map((u) => gridRange(sheet.sheetId, u)) : undefined,
        editors: { users: [...p.editors].sort(), domainUsersCanEdit: p.domainEdit || undefined },
      };
    });
}

export class FakeSheetsSpreadsheets {
  readonly Values: FakeSheetsValues;
  constructor(
    w: Wrapper,
    private readonly ss: FakeSpreadsheet,
  ) {
    this.Values = w.wrap(new FakeSheetsValues(w, ss), 'Sheets.Spreadsheets.Values');
  }
  get(spreadsheetId: string, _args?: { fields?: string }) {
    if (spreadsheetId !== this.ss.id) throw new Error(`Requested entity was not found: ${spreadsheetId}`);
    return {
      spreadsheetId,
      properties: { title: this.ss.name, locale: this.ss.locale, timeZone: this.ss.timeZone },
      sheets: this.ss.sheets.map((s, index) => ({
        properties: { sheetId: s.sheetId, title: s.name, index, gridProperties: { rowCount: s.maxRows, columnCount: s.maxColumns, frozenRowCount: s.frozenRows || undefined } },
        protectedRanges: protectedRanges(s),
      })),
    };
  }
}

/** Installs `Sheets` beside the fakes (as enabling the advanced service does); returns the uninstaller. */
export function installSheetsApi(fakes: FakeHandles, target: object = globalThis): () => void {
  const ss = fakes.counter.uncounted(() => fakes.spreadsheet);
  const w = (ss as unknown as { w: Wrapper }).w;
  const raw = w.unwrap(ss);
  const holder = target as { Sheets?: unknown };
  const previous = Object.getOwnPropertyDescriptor(target, 'Sheets');
  holder.Sheets = { Spreadsheets: w.wrap(new FakeSheetsSpreadsheets(w, raw), 'Sheets.Spreadsheets') };
  return () => {
    if (previous) Object.defineProperty(target, 'Sheets', previous);
    else delete holder.Sheets;
  };
}
