import { Cell, Grid, cellText } from '../sheet/cell';
import { HEADERS, TAB } from '../workbook/contract';
import { Day, midnightIn, parseDay } from '../values/dates';
import { escapeCellText } from '../sheet/escape';
import { Cents, centsToSheet, parseMoney } from '../values/money';
import { idKey } from '../workbook/rowReader';
import { YearFigures } from './types';
import { headerIndex } from '../sheet/headers';

/**
 * `Prognoseverloop`: one row per line-year per Peildatum, kept across runs, so the agenda and the
 * dashboard can say what changed since the previous meet-up. A rerun on the same Peildatum replaces
 * its own rows; rows of other Peildata are kept as they are, also ones this code cannot read.
 */
const HISTORY_HEADERS = HEADERS[TAB.forecastHistory];

export interface SnapshotLine {
  year: number;
  code: string;
  estimateCents: Cents;
  spentCents: Cents;
  forecastCents: Cents;
  balanceCents: Cents;
  signal: string;
}

export interface ForecastSnapshot {
  referenceDate: Day;
  lines: SnapshotLine[];
}

/** This check's rows, in the order of `Budgetcontrole`. */
export function snapshotRows(years: readonly YearFigures[], referenceDate: Day, timeZone: string): Grid {
  const date = midnightIn(referenceDate, timeZone);
  return years.flatMap((y) =>
    y.lines.map((l) => [date, y.year, escapeCellText(l.code), centsToSheet(l.estimateCents), centsToSheet(l.spentCents), centsToSheet(l.forecastCents), centsToSheet(l.balanceCents), l.signal]),
  );
}

interface HistoryRow {
  cells: Cell[];
  referenceDate: Day | null;
}

/** The tab's rows by the contract's columns, wherever an older run put them. */
function historyRowsOf(grid: Grid | null, timeZone: string): HistoryRow[] {
  if (!grid || grid.length < 2) return [];
  const at = HISTORY_HEADERS.map((h) => headerIndex(grid[0], h));
  const out: HistoryRow[] = [];
  for (const line of grid.slice(1)) {
    const cells = at.map((i) => (i < 0 ? '' : (line[i] ?? '')));
    if (cells.every((c) => cellText(c).trim() === '')) continue;
    const read = parseDay(cells[0], timeZone);
    out.push({ cells, referenceDate: read.kind === 'ok' ? read.day : null });
  }
  return out;
}

/**
 * The whole tab after this check: other Peildata kept, this Peildatum's rows replaced, ordered by
 * Peildatum (rows whose Peildatum cannot be read go last, in their old order).
 */
export function upsertHistory(existing: Grid | null, current: Grid, referenceDate: Day, timeZone: string): Grid {
  const kept = historyRowsOf(existing, timeZone).filter((r) => r.referenceDate !== referenceDate);
  const rows: HistoryRow[] = [...kept, ...current.map((cells) => ({ cells, referenceDate }))];
  const order = rows.map((row, index) => ({ row, index }));
  order.sort((a, b) => {
    const x = a.row.referenceDate;
    const y = b.row.referenceDate;
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : 1;
    }
    return a.index - b.index;
  });
  return order.map(({ row }) => row.cells);
}

function cents(cell: Cell): Cents | null {
  const read = parseMoney(cell);
  return read.kind === 'ok' ? read.cents : null;
}

/** Every readable snapshot in the tab, oldest first. */
export function readHistory(rows: Grid, timeZone: string): ForecastSnapshot[] {
  const byDate = new Map<Day, SnapshotLine[]>();
  for (const cells of rows) {
    const date = parseDay(cells[0], timeZone);
    const year = Number(cells[1]);
    const estimate = cents(cells[3]);
    const spent = cents(cells[4]);
    const forecast = cents(cells[5]);
    const balance = cents(cells[6]);
    if (date.kind !== 'ok' || !Number.isInteger(year) || estimate === null || spent === null || forecast === null || balance === null) continue;
    const list = byDate.get(date.day) ?? [];
    list.push({ year, code: cellText(cells[2]).trim(), estimateCents: estimate, spentCents: spent, forecastCents: forecast, balanceCents: balance, signal: cellText(cells[7]).trim() });
    byDate.set(date.day, list);
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([referenceDate, lines]) => ({ referenceDate, lines }));
}

/**
 * The snapshot to compare with: the last one taken on or before `since` (the previous meet-up) and
 * before `referenceDate`; without `since`, the last one before `referenceDate`.
 */
export function baselineSnapshot(snapshots: readonly ForecastSnapshot[], referenceDate: Day, since?: Day | null): ForecastSnapshot | null {
  const limit = since && since < referenceDate ? since : null;
  const eligible = snapshots.filter((s) => s.referenceDate < referenceDate && (limit === null || s.referenceDate <= limit));
  return eligible.length ? eligible[eligible.length - 1] : null;
}

export interface ForecastChange {
  year: number;
  code: string;
  sinceDate: Day;
  fromForecastCents: Cents;
  toForecastCents: Cents;
  /** Prognose now − Prognose then. */
  deltaCents: Cents;
  fromSignal: string;
  toSignal: string;
}

/** Per line-year that exists in both: how its Prognose moved since the baseline. */
export function forecastChanges(years: readonly YearFigures[], baseline: ForecastSnapshot | null): ForecastChange[] {
  if (!baseline) return [];
  const then = new Map(baseline.lines.map((l) => [`${l.year}|${idKey(l.code)}`, l]));
  const out: ForecastChange[] = [];
  for (const y of years) {
    for (const l of y.lines) {
      const before = then.get(`${y.year}|${idKey(l.code)}`);
      if (!before) continue;
      out.push({
        year: y.year, code: l.code, sinceDate: baseline.referenceDate,
        fromForecastCents: before.forecastCents, toForecastCents: l.forecastCents, deltaCents: l.forecastCents - before.forecastCents,
        fromSignal: before.signal, toSignal: l.signal,
      });
    }
  }
  return out;
}
