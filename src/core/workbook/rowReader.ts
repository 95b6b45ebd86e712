import { Cell, Grid, cellText, isBlank } from '../sheet/cell';
import { HEADERS, LEGACY_HEADERS, OPTIONAL_HEADERS, TabName, YES, NO } from './contract';
import { Day, cellTextIn, parseDay, yearOf } from '../values/dates';
import { Findings } from '../sheet/findings';
import { Cents, parseMoney } from '../values/money';
import { parseDutchNumber } from '../values/numbers';
import { Table, TableRow, readTable } from './table';

/** The user tabs as read in one batch each; `null` for a tab that does not exist. */
export type WorkbookSnapshot = Partial<Record<TabName, Grid | null>>;

export interface ParseContext {
  /** The spreadsheet's time zone, to turn Date cells into calendar days. */
  timeZone: string;
  /** Today, used when `Peildatum` is blank. */
  today: Day;
  /** A reference date that wins over `Peildatum` (the CLI's `--peildatum`). */
  referenceDate?: Day;
}


/** Canonical comparison key for IDs and codes typed by hand (`vt`, ` A-001 `). */
export const idKey = (text: string) => text.trim().toUpperCase();

/** A user's value inside a message: the cell itself is shown in `Waarde`, so a long one is cut here. */
const SHOWN_MAX = 80;
export function shown(text: string): string {
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX - 1)}…` : text;
}

/** A calendar day with its year as a number, so a row's year is not parsed back from the day's text. */
export interface DatedDay {
  day: Day;
  year: number;
}

/**
 * Days of Date cells, per time zone and instant: a ledger of 100.000 rows holds a few hundred
 * distinct dates, and turning an instant into a day in a zone is the costly part of reading one.
 */
const daysByZone = new Map<string, Map<number, DatedDay>>();
const DAY_MEMO_MAX = 100_000;

function datedDayOf(cell: Date, timeZone: string): DatedDay | null {
  const time = cell.getTime();
  let days = daysByZone.get(timeZone);
  if (!days) daysByZone.set(timeZone, (days = new Map()));
  let found = days.get(time);
  if (found === undefined) {
    const read = parseDay(cell, timeZone);
    if (read.kind !== 'ok') return null;
    found = { day: read.day, year: yearOf(read.day) };
    if (days.size >= DAY_MEMO_MAX) days.clear();
    days.set(time, found);
  }
  return found;
}

/**
 * Reads one row's fields and collects what is wrong with it. A row with any problem in a field the
 * figures use is left out (`ok` false) and every problem is listed, so one pass shows the user all.
 */
export class RowReader {
  ok = true;
  constructor(private readonly table: Table, readonly row: TableRow, private readonly findings: Findings, readonly timeZone: string) {}

  problem(header: string, problem: string, value: Cell = this.row.get(header)): void {
    this.ok = false;
    this.findings.add({ tab: this.table.tab, row: this.row.rowNumber, column: this.row.where(header), value: cellTextIn(value, this.timeZone), problem });
  }

  /** A problem that does not leave the row out: the field falls back to its default. */
  warn(header: string, problem: string, value: Cell = this.row.get(header)): void {
    this.findings.add({ tab: this.table.tab, row: this.row.rowNumber, column: this.row.where(header), value: cellTextIn(value, this.timeZone), problem, severity: 'warning' });
  }

  text(header: string): string {
    return cellText(this.row.get(header)).trim();
  }

  requiredText(header: string, value = this.text(header)): string {
    if (!value) this.problem(header, `${header} ontbreekt`);
    return value;
  }

  money(header: string, required: boolean): Cents | null {
    const read = parseMoney(this.row.get(header));
    if (read.kind === 'ok') return read.cents;
    if (read.kind === 'blank') {
      if (required) this.problem(header, `${header} ontbreekt`);
      return null;
    }
    this.problem(header, `${header}: ${read.problem}`);
    return null;
  }

  day(header: string, required: boolean): Day | null {
    return this.datedDay(header, required)?.day ?? null;
  }

  /** As day(), with the year as a number. */
  datedDay(header: string, required: boolean): DatedDay | null {
    const cell = this.row.get(header);
    if (cell instanceof Date) {
      const dated = datedDayOf(cell, this.timeZone);
      if (dated) return dated;
    }
    const read = parseDay(cell, this.timeZone);
    if (read.kind === 'ok') return { day: read.day, year: yearOf(read.day) };
    if (read.kind === 'blank') {
      if (required) this.problem(header, `${header} ontbreekt`);
      return null;
    }
    this.problem(header, `${header}: ${read.problem}`);
    return null;
  }

  year(header: string, required: boolean): number | null {
    const cell = this.row.get(header);
    if (isBlank(cell)) {
      if (required) this.problem(header, `${header} ontbreekt`);
      return null;
    }
    const value = typeof cell === 'number' ? cell : typeof cell === 'string' && /^\s*\d{4}\s*$/.test(cell) ? Number(cell) : NaN;
    if (!Number.isInteger(value) || value < 1900 || value > 2199) {
      this.problem(header, `${header}: geen geldig jaartal`);
      return null;
    }
    return value;
  }

  number(header: string, required: boolean): number | null {
    const cell = this.row.get(header);
    if (isBlank(cell)) {
      if (required) this.problem(header, `${header} ontbreekt`);
      return null;
    }
    const value = parseDutchNumber(cell);
    if (value === null) this.problem(header, `${header}: geen getal`);
    return value;
  }

  /** Matches a vocabulary case-insensitively and returns the contract's spelling. */
  choice<T extends string>(header: string, values: readonly T[], required: boolean, value = this.text(header)): T | null {
    if (!value) {
      if (required) this.problem(header, `${header} ontbreekt`);
      return null;
    }
    const match = values.find((v) => v.toLowerCase() === value.toLowerCase());
    if (!match) this.problem(header, `${header} "${shown(value)}" is geen geldige keuze (${values.join(', ')})`);
    return match ?? null;
  }

  yesNo(header: string): boolean {
    const cell = this.row.get(header);
    if (typeof cell === 'boolean') return cell;
    const value = this.text(header).toLowerCase();
    if (!value || value === NO.toLowerCase()) return false;
    if (value === YES.toLowerCase()) return true;
    this.problem(header, `${header} moet ${YES} of ${NO} zijn`);
    return false;
  }
}

/** The rows of one user tab, each with its reader; missing required columns leave the tab out (see readTable). */
export function rowsOf(snapshot: WorkbookSnapshot, tab: TabName, required: readonly string[], findings: Findings, timeZone: string): RowReader[] {
  const headers = [...HEADERS[tab], ...(OPTIONAL_HEADERS[tab] ?? []), ...(LEGACY_HEADERS[tab] ?? [])];
  const table = readTable(tab, snapshot[tab] ?? null, headers, required, findings, HEADERS[tab]);
  return table.rows.map((row) => new RowReader(table, row, findings, timeZone));
}

/**
 * Reports every repeated value of a column (IDs, codes), keeping the first occurrence as the real one.
 * `texts`: the column's trimmed text per reader, when the caller has read it already.
 */
export function reportDuplicates(readers: RowReader[], header: string, what: string, findings: Findings, tab: string, texts?: readonly string[]): Set<RowReader> {
  const seen = new Map<string, number>();
  const duplicates = new Set<RowReader>();
  for (let i = 0; i < readers.length; i++) {
    const r = readers[i];
    const value = texts ? texts[i] : r.text(header);
    if (!value) continue;
    const key = idKey(value);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, r.row.rowNumber);
    } else {
      duplicates.add(r);
      findings.add({ tab, row: r.row.rowNumber, column: r.row.where(header), value, problem: `${what} ${shown(value)} komt vaker voor (eerst in rij ${first})` });
    }
  }
  return duplicates;
}
