import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import { Cell, Grid } from '../../core/sheet/cell';
import { readWorkbookCells, usedGrid } from './streamedSheets';
import { headerKey } from '../../core/sheet/headers';
import { TabLayout } from '../../core/workbook/contract';
import { DutchError } from '../../core/errors';
import { CellWrite, WorkbookPort } from '../../ports/workbook';
import { cellValue, headerColumns, usedExtent, written, xlsxValue } from './cells';
import { LIMITS, checkSheetSizes, tooLargeFile, tooLargeTab } from './limits';
import { writeFileSafely } from './safeWrite';
import { exceljsInput } from './exceljsInput';
import { applyPrintSetup } from './printSetup';
import { CellPatch } from './sheetXml';
import { Source, openSource, patchedFile } from './save';
import { withBerapCharts } from './berapChart';
import { MONEY_COLUMN_WIDTH, applyLayout } from './tabLayout';

/**
 * How a loaded workbook holds its cells. `model` (the default): exceljs's model of every cell, which
 * tests inspect and which a repair of a loaded tab rewrites from. `streamed` (the CLI): the values
 * are read as the zip streams (streamedSheets.ts), a few dozen bytes a cell instead of about 400;
 * exceljs reads everything but the cells. Such tabs are read, written cell by cell and replaced,
 * not repaired.
 */
export interface LoadOptions {
  cells?: 'model' | 'streamed';
}

/** What exceljs keeps on a worksheet without declaring it: its place among the tabs and its protection. */
type SheetInternals = { orderNo: number; sheetProtection: unknown };

/**
 * The workbook port over an exceljs workbook held in memory: the same implementation serves tests,
 * the CLI and .xlsx files. exceljs stores Dates as UTC wall-clock, so a workbook that is saved or
 * loaded uses the time zone 'UTC'; another zone is only meaningful for a workbook kept in memory.
 *
 * A workbook loaded from a file keeps that file. Saving it changes only what the add-on wrote: the
 * tabs it created or rewrote whole (generated through exceljs and put into the original zip) and the
 * cells it wrote into a user's tab (patched into that tab's XML, everything else of it untouched).
 * Charts, images, comments, validations, protection and names of the user's tabs stay byte for byte.
 */
export class LocalWorkbook implements WorkbookPort {
  /** Tabs whose sheet part the next save writes whole: created, replaced or repaired by the add-on. */
  private readonly rewritten = new Set<string>();
  /** Cells written into tabs of the loaded file, patched into their sheet part on save. */
  private readonly patches = new Map<string, CellPatch[]>();
  /** Tabs read as a stream: their rows (row r at r-1), kept here and not in exceljs's model. */
  private readonly streamed = new Map<string, Cell[][]>();

  private constructor(readonly book: ExcelJS.Workbook, readonly timeZone: string, private source: Source | null) {}

  static create(timeZone = 'UTC'): LocalWorkbook {
    return new LocalWorkbook(new ExcelJS.Workbook(), timeZone, null);
  }

  /** Reads an .xlsx, refusing one beyond LIMITS with a Dutch message (WorkbookTooLargeError). */
  static async load(file: string, options: LoadOptions = {}): Promise<LocalWorkbook> {
    const { size } = await fs.stat(file);
    if (size > LIMITS.fileBytes) throw tooLargeFile(size);
    return LocalWorkbook.fromBuffer(await fs.readFile(file), options);
  }

  static async fromBuffer(data: Uint8Array, options: LoadOptions = {}): Promise<LocalWorkbook> {
    const source = await openSource(data);
    const book = new ExcelJS.Workbook();
    if (options.cells === 'streamed') {
      // The limits are counted while the cells stream in (readWorkbookCells), not in a pass of their own.
      const { cells, skeletons } = await readWorkbookCells(source.pkg, source.parts, source.date1904);
      await book.xlsx.load((await exceljsInput(data, skeletons)) as unknown as ExcelJS.Buffer);
      const wb = new LocalWorkbook(book, 'UTC', source);
      for (const [tab, rows] of cells) if (book.getWorksheet(tab)) wb.streamed.set(tab, rows);
      return wb;
    }
    await checkSheetSizes(source.pkg);
    await book.xlsx.load((await exceljsInput(data)) as unknown as ExcelJS.Buffer);
    return new LocalWorkbook(book, 'UTC', source);
  }

  /**
   * The workbook as .xlsx bytes. A loaded workbook is its original file with only the add-on's
   * changes patched in; a new one is written by exceljs.
   */
  async toBuffer(): Promise<Buffer> {
    // The berap tabs written now get their chart (exceljs writes none).
    const charts = (buffer: Buffer, tabs: Iterable<string>) => withBerapCharts(buffer, tabs, (name) => this.readTab(name));
    if (!this.source) return charts(Buffer.from((await this.book.xlsx.writeBuffer()) as ArrayBuffer), this.tabNames());
    const buffer = await charts(await patchedFile(this.book, this.source, this.rewritten, this.patches), this.rewritten);
    // What was saved is the new original: a second save patches it, not the first one again.
    this.source = await openSource(buffer);
    this.rewritten.clear();
    this.patches.clear();
    return buffer;
  }

  /**
   * Saves without ever leaving a half-written file (see writeFileSafely): a read-only file is
   * refused, the file keeps its mode, a symbolic link stays a link.
   */
  async save(file: string): Promise<void> {
    await writeFileSafely(file, await this.toBuffer());
  }

  /** Records cells written into a tab of the loaded file; other tabs are written whole on save. */
  private recordPatches(name: string, cells: { row: number; column: number; value: Cell }[]): void {
    if (!this.source?.parts.has(name) || this.rewritten.has(name) || cells.length === 0) return;
    const list = this.patches.get(name) ?? [];
    for (const c of cells) list.push({ row: c.row, column: c.column, value: xlsxValue(c.value, this.source.date1904) });
    this.patches.set(name, list);
  }

  tabNames(): string[] {
    return this.book.worksheets.map((ws) => ws.name);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.book.getWorksheet(name);
    if (!ws) throw new DutchError(`Tabblad ${name} ontbreekt.`);
    return ws;
  }

  /**
   * The used range as Sheets' getValues gives it: a merged range holds its value in the top-left
   * cell only. A tab whose used range exceeds LIMITS.gridCells is refused (WorkbookTooLargeError).
   */
  readTab(name: string): Grid | null {
    const stored = this.streamed.get(name);
    if (stored) {
      const used = usedGrid(stored);
      if (used.rows * used.columns > LIMITS.gridCells) throw tooLargeTab(name, used.rows, used.columns);
      return used.grid();
    }
    const ws = this.book.getWorksheet(name);
    if (!ws) return null;
    const { rows, columns } = usedExtent(ws);
    if (rows * columns > LIMITS.gridCells) throw tooLargeTab(name, rows, columns);
    const grid: Grid = [];
    for (let r = 1; r <= rows; r++) {
      const line: Cell[] = new Array<Cell>(columns).fill(null);
      ws.findRow(r)?.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c <= columns) line[c - 1] = cellValue(cell);
      });
      grid.push(line);
    }
    return grid;
  }

  createTab(name: string, layout: TabLayout): void {
    const ws = this.book.addWorksheet(name);
    this.rewritten.add(name);
    this.writeRow(ws, 1, [...layout.headers]);
    layout.headers.forEach((h, i) => {
      const least = layout.formats?.[h] === 'money' ? MONEY_COLUMN_WIDTH : 12;
      ws.getColumn(i + 1).width = Math.max(least, h.length + 4);
    });
    applyLayout(this.book, ws, layout, (tab) => this.readTab(tab));
    applyPrintSetup(ws);
  }

  repairTab(name: string, layout: TabLayout): string[] {
    if (this.streamed.has(name)) throw new Error(`Tab ${name} was read as a stream; load with cells: 'model' to repair it`);
    if (!this.book.getWorksheet(name)) {
      this.createTab(name, layout);
      return [...layout.headers];
    }
    const ws = this.sheet(name);
    // Formats and dropdowns are set through exceljs, so a repaired tab is written whole on save.
    this.rewritten.add(name);
    const present = headerColumns(ws);
    const missing = layout.headers.filter((h) => !present.has(headerKey(h)));
    // After the last used column of any row, so a column of data without a header is never taken over.
    const start = usedExtent(ws).columns + 1;
    missing.forEach((h, i) => {
      ws.getCell(1, start + i).value = h;
    });
    applyLayout(this.book, ws, layout, (tab) => this.readTab(tab));
    return missing;
  }

  appendRows(name: string, rows: Grid): void {
    const stored = this.streamed.get(name);
    const ws = stored ? null : this.sheet(name);
    const first = (stored ? usedGrid(stored).rows : usedExtent(ws!).rows) + 1;
    rows.forEach((row, i) => {
      if (stored) stored[first + i - 1] = row.map(written);
      else this.writeRow(ws!, first + i, row);
    });
    // New rows: their blank cells are blank already.
    this.recordPatches(name, rows.flatMap((row, i) => row.map((value, c) => ({ row: first + i, column: c + 1, value }))).filter((c) => written(c.value) !== null));
  }

  replaceTab(name: string, layout: TabLayout, rows: Grid): void {
    this.streamed.delete(name);
    const old = this.book.getWorksheet(name) as (ExcelJS.Worksheet & SheetInternals) | undefined;
    if (old) {
      // Rewritten whole: a fresh sheet in the same place, so no stale row, value or style of the old
      // one lingers (exceljs shares loaded styles between cells). A protection the user set stays.
      const { orderNo, sheetProtection } = old;
      this.book.removeWorksheet(old.id);
      this.createTab(name, layout);
      const fresh = this.sheet(name) as ExcelJS.Worksheet & SheetInternals;
      fresh.orderNo = orderNo;
      if (sheetProtection) fresh.sheetProtection = sheetProtection;
    } else {
      this.createTab(name, layout);
    }
    const ws = this.sheet(name);
    rows.forEach((row, i) => this.writeRow(ws, i + 2, row));
    applyLayout(this.book, ws, layout, (tab) => this.readTab(tab));
  }

  writeCells(name: string, cells: CellWrite[]): void {
    const stored = this.streamed.get(name);
    if (stored) {
      for (const { row, column, value } of cells) (stored[row - 1] ??= [])[column - 1] = written(value);
    } else {
      const ws = this.sheet(name);
      for (const { row, column, value } of cells) ws.getCell(row, column).value = written(value);
    }
    this.recordPatches(name, cells);
  }

  private writeRow(ws: ExcelJS.Worksheet, rowNumber: number, cells: readonly Cell[]): void {
    const row = ws.getRow(rowNumber);
    cells.forEach((cell, i) => {
      row.getCell(i + 1).value = written(cell);
    });
  }

}
