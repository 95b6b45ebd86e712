import { Cell, Grid, cellText } from '../sheet/cell';
import { A1Range, a1 } from '../sheet/a1';
import { ADDON_USER, KEPT_OUTSIDE_RIGHTS, REVERTED_OUTSIDE_RIGHTS } from '../rights/columnRights';
import { formatNumberNl } from '../values/numbers';
import { logValue } from './lines';

/**
 * Cells changed outside someone's rights in one edit, gathered into blocks, so a paste of any size
 * leaves a bounded record: one Logboek line and one note per block, a bounded number of blocks, and
 * one line for whatever is left beyond that.
 */

/** One cell outside the rights: put back (`reverted`) or kept and flagged. */
export interface Violation {
  row: number;
  column: number;
  header: string;
  reverted: boolean;
}

export interface ViolationBlock extends A1Range {
  reverted: boolean;
}

/** Blocks are logged and noted one by one up to here; the rest goes into one line per kind. */
export const MAX_VIOLATION_LINES = 20;
export const MAX_VIOLATION_NOTES = 10;

/**
 * The violations as rectangles: per row, runs of adjacent columns of one kind; runs with the same
 * columns and kind in consecutive rows join into one block. Rows are handled in order, so this is
 * linear in the number of violations.
 */
export function violationBlocks(violations: readonly Violation[]): ViolationBlock[] {
  const sorted = [...violations].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: ViolationBlock[] = [];
  for (const v of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === v.row && last.reverted === v.reverted && last.column + last.numColumns === v.column) last.numColumns++;
    else runs.push({ row: v.row, column: v.column, numRows: 1, numColumns: 1, reverted: v.reverted });
  }
  const blocks: ViolationBlock[] = [];
  const open = new Map<string, ViolationBlock>();
  for (const run of runs) {
    const key = `${run.column}:${run.numColumns}:${run.reverted}`;
    const block = open.get(key);
    if (block && block.row + block.numRows === run.row) block.numRows++;
    else {
      const fresh = { ...run };
      blocks.push(fresh);
      open.set(key, fresh);
    }
  }
  return blocks;
}

function rangeText(b: A1Range): string {
  const single = b.numRows === 1 && b.numColumns === 1;
  return single ? a1(b.row, b.column) : `${a1(b.row, b.column)}:${a1(b.row + b.numRows - 1, b.column + b.numColumns - 1)}`;
}

function cells(b: A1Range): number {
  return b.numRows * b.numColumns;
}

/** The smallest block holding all of `blocks`. */
function around(blocks: readonly ViolationBlock[]): ViolationBlock {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const b of blocks) {
    top = Math.min(top, b.row);
    left = Math.min(left, b.column);
    bottom = Math.max(bottom, b.row + b.numRows - 1);
    right = Math.max(right, b.column + b.numColumns - 1);
  }
  return { row: top, column: left, numRows: bottom - top + 1, numColumns: right - left + 1, reverted: blocks[0].reverted };
}

export interface BlockRecord {
  lines: Grid;
  notes: { row: number; column: number; note: string }[];
}

/**
 * The add-on's Logboek lines and notes for the blocks of a paste. A block line names its range and
 * size; `Nieuw` says what happened (`buiten rechten bewaard`: the budget check lists those cells until
 * the project leader acts; `buiten rechten teruggezet`: a row that did not exist is blank again).
 * Blocks beyond MAX_VIOLATION_LINES go into one line per kind covering all of them, which errs on the
 * side of listing too many cells, never too few.
 */
export function blockRecord(blocks: readonly ViolationBlock[], at: Date, tab: string, note: (b: ViolationBlock, range: string) => string): BlockRecord {
  const record: BlockRecord = { lines: [], notes: [] };
  const listed = blocks.slice(0, MAX_VIOLATION_LINES);
  const rest = blocks.slice(MAX_VIOLATION_LINES);
  const line = (b: ViolationBlock) => [at, ADDON_USER, tab, rangeText(b), `(${formatNumberNl(cells(b))} cellen)`, b.reverted ? REVERTED_OUTSIDE_RIGHTS : KEPT_OUTSIDE_RIGHTS];
  for (const b of listed) record.lines.push(line(b));
  for (const kind of [false, true]) {
    const left = rest.filter((b) => b.reverted === kind);
    if (left.length) record.lines.push(line(around(left)));
  }
  for (const b of blocks.slice(0, MAX_VIOLATION_NOTES)) record.notes.push({ row: b.row, column: b.column, note: note(b, rangeText(b)) });
  return record;
}

/** The line of a single cell: what was typed and either the value put back, or that it was kept. */
export function singleCellLine(at: Date, tab: string, row: number, column: number, typed: Cell, outcome: { restored: Cell } | 'kept'): Cell[] {
  return [at, ADDON_USER, tab, a1(row, column), logValue(typed), outcome === 'kept' ? KEPT_OUTSIDE_RIGHTS : logValue(outcome.restored)];
}

/** `"900000"` as a note quotes what was typed. */
export function quoted(value: Cell | undefined): string {
  return `"${cellText(value ?? null)}"`;
}
