import { Cell, Grid } from '../sheet/cell';
import { a1 } from '../sheet/a1';
import { escapeCellText } from '../sheet/escape';
import { formatNumberNl } from '../values/numbers';

/** What Logboek shows where Apps Script does not tell the old (or new) value of a cell. */
export const UNKNOWN_VALUE = '(onbekend)';
/** A paste of a whole tab would otherwise flood the log; the rest is summarised in one row. */
export const MAX_LOGGED_CELLS = 500;
/**
 * The edit trigger appends its lines one by one (an appended row is atomic without the lock), so a
 * paste logs this many cells apiece and sums up the rest in one line: its range and how many.
 */
export const MAX_PASTE_LOGGED_CELLS = 25;

/** One edit of a block of cells, as the edit trigger or a server function sees it. */
export interface EditRecord {
  at: Date;
  /** E-mail of the person editing; '' when Google does not reveal it. */
  user: string;
  tab: string;
  /** Top-left cell, 1-based. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** Old values per cell; undefined where unknown (Apps Script gives none for multi-cell edits). */
  oldValues?: (Cell | undefined)[][];
  /** New values per cell; undefined where unknown. */
  newValues?: (Cell | undefined)[][];
}

/**
 * How a value goes into `Oud`/`Nieuw`: text is escaped so `=SUM(...)` stays text, numbers, dates and
 * booleans are kept as they are so the log shows them in the sheet's own format.
 */
export function logValue(value: Cell | undefined): Cell {
  if (value === undefined) return UNKNOWN_VALUE;
  if (value === null) return '';
  if (typeof value === 'string') return escapeCellText(value);
  if (value instanceof Date) return isNaN(value.getTime()) ? '' : value;
  return value;
}

/**
 * The `Logboek` rows (Tijdstip, Gebruiker, Tabblad, Cel, Oud, Nieuw) for an edit: one row per cell,
 * left to right, top to bottom. A cell that was blank and still is (part of a paste) is left out.
 */
export function auditRows(edit: EditRecord, maxCells = MAX_LOGGED_CELLS): Grid {
  const rows: Grid = [];
  const user = escapeCellText(edit.user.trim() || UNKNOWN_VALUE);
  const tab = escapeCellText(edit.tab);
  let skipped = 0;
  for (let i = 0; i < edit.numRows; i++) {
    for (let j = 0; j < edit.numColumns; j++) {
      const oldValue = edit.oldValues ? edit.oldValues[i]?.[j] : undefined;
      const newValue = edit.newValues ? edit.newValues[i]?.[j] : undefined;
      const blank = (v: Cell | undefined) => v === null || v === '';
      if (blank(oldValue) && blank(newValue)) continue;
      if (rows.length >= maxCells) {
        skipped++;
        continue;
      }
      rows.push([edit.at, user, tab, a1(edit.row + i, edit.column + j), logValue(oldValue), logValue(newValue)]);
    }
  }
  if (skipped > 0) {
    const last = a1(edit.row + edit.numRows - 1, edit.column + edit.numColumns - 1);
    rows.push([edit.at, user, tab, `${a1(edit.row, edit.column)}:${last}`, UNKNOWN_VALUE, `nog ${formatNumberNl(skipped)} cellen gewijzigd, niet apart gelogd`]);
  }
  return rows;
}
