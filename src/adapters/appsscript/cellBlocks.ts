import { Cell } from '../../core/sheet/cell';
import { CellWrite } from '../../ports/workbook';

export interface CellBlock {
  row: number;
  column: number;
  values: Cell[][];
}

/**
 * Groups single-cell writes into rectangles: runs of adjacent columns in a row, then runs of rows with
 * the same span stacked. A column of new IDs or a row of stamps becomes one setValues. When a cell is
 * written twice, the last write wins.
 */
export function groupCells(cells: CellWrite[]): CellBlock[] {
  const last = new Map<string, CellWrite>();
  for (const c of cells) last.set(`${c.row}:${c.column}`, c);
  const sorted = [...last.values()].sort((a, b) => a.row - b.row || a.column - b.column);
  const segments: CellBlock[] = [];
  for (const c of sorted) {
    const prev = segments[segments.length - 1];
    if (prev && prev.row === c.row && prev.column + prev.values[0].length === c.column) prev.values[0].push(c.value);
    else segments.push({ row: c.row, column: c.column, values: [[c.value]] });
  }
  const blocks: CellBlock[] = [];
  const open = new Map<string, CellBlock>();
  for (const s of segments) {
    const key = `${s.column}:${s.values[0].length}`;
    const block = open.get(key);
    if (block && block.row + block.values.length === s.row) {
      block.values.push(s.values[0]);
    } else {
      const fresh = { row: s.row, column: s.column, values: [s.values[0]] };
      blocks.push(fresh);
      open.set(key, fresh);
    }
  }
  return blocks;
}
