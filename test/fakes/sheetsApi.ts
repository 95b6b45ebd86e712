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

const clocks = new Map<string, Intl.DateTimeFormat>();
/** Wall-clock ms per instant and zone: a ledger repeats a few hundred dates (the fake must not be the slow part of a bench). */
const walls = new Map<string, Map<number, number>>();

function wallClock(time: number, timeZone: string): number {
  let memo = walls.get(timeZone);
  if (!memo) walls.set(timeZone, (memo = new Map()));
  let wall = memo.get(time);
  if (wall === undefined) {
    let format = clocks.get(timeZone);
    if (!format) clocks.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })));
    const parts = format.formatToParts(new Date(time));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) + ((time % 1000) + 1000) % 1000;
    if (memo.size > 100_000) memo.clear();
    memo.set(time, wall);
  }
  return wall;
}

/** The serial number Sheets keeps for an instant: days since 30-12-1899 on the sheet's wall clock. */
export function serialOf(instant: Date, timeZone: string): number {
  return (wallClock(instant.getTime(), timeZone) - SERIAL_EPOCH_UTC) / 86_400_000;
}

/** A date cell as FORMATTED_STRING gives it: its day (and time, when it has one) as the sheet shows it. */
function formatted(instant: Date, timeZone: string, pattern: string): string {
  const w = new Date(wallClock(instant.getTime(), timeZone));
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${two(w.getUTCDate())}-${two(w.getUTCMonth() + 1)}-${w.getUTCFullYear()}`;
  return /h/.test(pattern) ? `${day} ${two(w.getUTCHours())}:${two(w.getUTCMinutes())}` : day;
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
        const zone = this.ss.timeZone;
        for (let r = 0; r < rows; r++) {
          const stored = sheet.values.rows[r];
          const line: unknown[] = [];
          for (let c = 0; c < columns; c++) {
            const v: Value = stored?.[c] ?? '';
            // typeof first: the fake must not be the slow part of a bench over 100.000 rows
            line.push(typeof v === 'object' && this.w.isDate(v) ? (asText ? formatted(v, zone, sheet.formats.get(r, c)) : serialOf(v, zone)) : v);
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
