import { Cell, Grid } from '../../core/sheet/cell';
import { HEADERS, LAYOUT, TAB } from '../../core/workbook/contract';
import { LogLine } from '../../core/logbook/keyed';
import { COPY_BLOCKS, COPY_WIDTH, ROW_COPY_TAB, copyHeader, copyRowOf, entryCells } from '../../core/logbook/rowCopy';
import { LogbookPort, RowCopyPort } from '../../ports/logbook';
import { WorkbookPort } from '../../ports/workbook';

/**
 * `Logboek` and the row copy over a local workbook, for the preview, which has no triggers: one
 * process works on the workbook, so appending is simply appending.
 */
export function localLogbook(workbook: WorkbookPort): LogbookPort {
  const width = HEADERS[TAB.log].length;
  const grid = () => (workbook.tabNames().includes(TAB.log) ? workbook.readTab(TAB.log) : null);
  return {
    lastRow: () => grid()?.length ?? 1,
    lines(from, to) {
      const all = grid() ?? [];
      const out: LogLine[] = [];
      for (let r = Math.max(2, from); r <= Math.min(to, all.length); r++) out.push({ row: r, cells: all[r - 1].slice(0, width - 1), keten: all[r - 1][width - 1] });
      return out;
    },
    append(lines: Grid) {
      if (!lines.length) return;
      if (!workbook.tabNames().includes(TAB.log)) workbook.createTab(TAB.log, LAYOUT[TAB.log]);
      workbook.appendRows(TAB.log, lines);
    },
    writeKeten(writes) {
      if (writes.length) workbook.writeCells(TAB.log, writes.map((w) => ({ row: w.row, column: width, value: w.keten })));
    },
  };
}

export function localRowCopy(workbook: WorkbookPort): RowCopyPort {
  return {
    write(tab, entries) {
      const block = COPY_BLOCKS.find((b) => b.tab === tab);
      if (!block || !workbook.tabNames().includes(ROW_COPY_TAB)) return;
      const header = workbook.readTab(ROW_COPY_TAB)?.[0] ?? [];
      if (header.length < COPY_WIDTH || copyHeader().some((h, i) => header[i] !== h)) return;
      const cells: { row: number; column: number; value: Cell }[] = [];
      for (const e of entries) {
        const at = copyRowOf(tab, e.id);
        if (at !== null) entryCells(e).forEach((value, i) => cells.push({ row: at, column: block.column + i, value }));
      }
      workbook.writeCells(ROW_COPY_TAB, cells);
    },
  };
}
