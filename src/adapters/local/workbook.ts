import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import { Cell, Grid, cellText, isBlank } from '../../core/sheet/cell';
import { columnLetter } from '../../core/sheet/a1';
import { ColumnFormat, Dropdown, LAYOUT, TabLayout } from '../../core/workbook/contract';
import { DutchError } from '../../core/errors';
import { highlightFormulas, isHighlightFormula } from '../../core/sheet/highlights';
import { formatEuro } from '../../core/values/money';
import { CellWrite, WorkbookPort } from '../../ports/workbook';
import { generatedSheets, keepDrawings } from './generatedSheets';
import { LIMITS, checkSheetSizes, tooLargeFile, tooLargeTab } from './limits';
import { writeFileSafely } from './safeWrite';
import { CellPatch, XlsxValue, excelSerial, patchCells } from './sheetXml';
import { StyleSheet } from './styles';
import { XlsxPackage } from './xlsxPackage';
import { columnOf, headerKey } from '../../core/sheet/headers';

/** Excel number formats for the contract's column formats, shown the Dutch way. */
export const NUMBER_FORMAT: Record<ColumnFormat, string> = {
  money: '"€" #,##0.00',
  date: 'dd-mm-yyyy',
  datetime: 'dd-mm-yyyy hh:mm',
  percent: '0.0%',
  integer: '0',
  text: '@',
};

/**
 * Money columns are as wide as the widest amount the contract allows (`€ -99.999.999,99`), with
 * room to spare, so a million never turns into `###`. In characters of the default font.
 */
export const MONEY_COLUMN_WIDTH = formatEuro(-9_999_999_999).length + 2;

/** Dropdowns reach at least this far down, and well past the last row, so new rows get them too. */
const DROPDOWN_MIN_LAST_ROW = 1000;
const DROPDOWN_HEADROOM = 500;
/** Excel refuses an inline list longer than this; a range reference is used instead. */
const INLINE_LIST_MAX = 255;

interface DataValidation {
  type: 'list';
  allowBlank: boolean;
  showErrorMessage: boolean;
  formulae: string[];
}
/** exceljs keeps a sheet's validations in a model keyed by address; its typings do not declare it. */
type WithValidations = { dataValidations: { model: Record<string, unknown> } };
/** Nor does it declare the list behind addConditionalFormatting. */
type WithConditionalFormats = { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };

/** An exceljs cell value as the application sees cells: what the user sees, not how it was produced. */
export function toCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return toCell((v.result ?? null) as ExcelJS.CellValue);
    if ('richText' in v && Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((t) => t.text).join('');
    if ('hyperlink' in v) return toCell((v.text ?? null) as ExcelJS.CellValue);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/**
 * What Sheets stores for a written value: '' empties the cell, and one leading apostrophe is taken
 * as "this is text" and dropped (so `''s avonds`, as escapeCellText writes it, becomes `'s avonds`).
 */
function written(cell: Cell): Cell {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'string' && cell.startsWith("'")) return cell.length > 1 ? cell.slice(1) : null;
  return cell;
}

/** A cell's value as a user sees it: the hidden cells of a merged range are blank, as in Sheets. */
function cellValue(cell: ExcelJS.Cell): Cell {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return toCell(cell.value);
}

/** The last row and column (1-based) holding something a user can see; 0 when the sheet is empty. */
function usedExtent(ws: ExcelJS.Worksheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (!isBlank(cellValue(cell))) {
        rows = rowNumber;
        columns = Math.max(columns, c);
      }
    });
  });
  return { rows, columns };
}

function headerColumns(ws: ExcelJS.Worksheet): Map<string, number> {
  const index = new Map<string, number>();
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, c) => {
    const key = headerKey(cellValue(cell));
    if (key && !index.has(key)) index.set(key, c);
  });
  return index;
}

/** The file a workbook was loaded from, kept so that a save changes only what the add-on wrote. */
interface Source {
  pkg: XlsxPackage;
  /** The worksheet part of each tab in the file, by tab name. */
  parts: Map<string, string>;
  date1904: boolean;
}

async function openSource(data: Uint8Array): Promise<Source> {
  const pkg = await XlsxPackage.open(data);
  const parts = new Map((await pkg.sheets()).filter((s) => s.worksheet).map((s) => [s.name, s.part]));
  return { pkg, parts, date1904: await pkg.date1904() };
}

/** What exceljs keeps on a worksheet without declaring it: its place among the tabs and its protection. */
type SheetInternals = { orderNo: number; sheetProtection: unknown };

/** The XlsxValue of a cell as the application writes it. */
function xlsxValue(cell: Cell, date1904: boolean): XlsxValue {
  const value = written(cell);
  if (value === null) return { kind: 'blank' };
  if (value instanceof Date) return { kind: 'date', serial: excelSerial(value, date1904) };
  if (typeof value === 'number') return { kind: 'number', number: value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return { kind: 'text', text: value };
}

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

  private constructor(readonly book: ExcelJS.Workbook, readonly timeZone: string, private source: Source | null) {}

  static create(timeZone = 'UTC'): LocalWorkbook {
    return new LocalWorkbook(new ExcelJS.Workbook(), timeZone, null);
  }

  /** Reads an .xlsx, refusing one beyond LIMITS with a Dutch message (WorkbookTooLargeError). */
  static async load(file: string): Promise<LocalWorkbook> {
    const { size } = await fs.stat(file);
    if (size > LIMITS.fileBytes) throw tooLargeFile(size);
    return LocalWorkbook.fromBuffer(await fs.readFile(file));
  }

  static async fromBuffer(data: Uint8Array): Promise<LocalWorkbook> {
    const source = await openSource(data);
    await checkSheetSizes(source.pkg);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ExcelJS.Buffer);
    return new LocalWorkbook(book, 'UTC', source);
  }

  /**
   * The workbook as .xlsx bytes. A loaded workbook is its original file with only the add-on's
   * changes patched in; a new one is written by exceljs.
   */
  async toBuffer(): Promise<Buffer> {
    if (!this.source) return Buffer.from((await this.book.xlsx.writeBuffer()) as ArrayBuffer);
    const buffer = await this.patchedFile(this.source);
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

  private async patchedFile(source: Source): Promise<Buffer> {
    const { pkg } = source;
    const stylesPart = await pkg.stylesPart();
    const styles = StyleSheet.parse(stylesPart ? await pkg.text(stylesPart) : null);
    let existingChanged = false;

    const rewritten = [...this.rewritten].filter((name) => this.book.getWorksheet(name));
    for (const [name, xml] of await generatedSheets(rewritten.map((n) => this.book.getWorksheet(n)!), styles, source.date1904)) {
      const part = source.parts.get(name);
      if (part) {
        pkg.set(part, keepDrawings((await pkg.text(part)) ?? '', xml));
        existingChanged = true;
      } else {
        await pkg.addWorksheet(name, xml);
      }
    }

    const dateStyle = (current: number | undefined, value: XlsxValue) => {
      if (value.kind !== 'date' || styles.isDateStyle(current)) return current;
      return styles.withNumberFormat(current, Number.isInteger(value.serial) ? NUMBER_FORMAT.date : NUMBER_FORMAT.datetime);
    };
    for (const [name, cells] of this.patches) {
      if (this.rewritten.has(name)) continue;
      const part = source.parts.get(name)!;
      pkg.set(part, patchCells((await pkg.text(part))!, cells, dateStyle));
      existingChanged = true;
    }

    if (styles.changed) {
      if (stylesPart) pkg.set(stylesPart, styles.serialise());
      else await pkg.addStylesPart(styles.serialise());
    }
    // Excel's list of formula cells would no longer match; it rebuilds it when it is absent.
    if (existingChanged) await pkg.dropCalcChain();
    return pkg.toBuffer();
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
    this.applyLayout(ws, layout);
  }

  repairTab(name: string, layout: TabLayout): string[] {
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
    this.applyLayout(ws, layout);
    return missing;
  }

  appendRows(name: string, rows: Grid): void {
    const ws = this.sheet(name);
    const first = usedExtent(ws).rows + 1;
    rows.forEach((row, i) => this.writeRow(ws, first + i, row));
    // New rows: their blank cells are blank already.
    this.recordPatches(name, rows.flatMap((row, i) => row.map((value, c) => ({ row: first + i, column: c + 1, value }))).filter((c) => written(c.value) !== null));
  }

  replaceTab(name: string, layout: TabLayout, rows: Grid): void {
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
    this.applyLayout(ws, layout);
  }

  writeCells(name: string, cells: CellWrite[]): void {
    const ws = this.sheet(name);
    for (const { row, column, value } of cells) ws.getCell(row, column).value = written(value);
    this.recordPatches(name, cells);
  }

  private writeRow(ws: ExcelJS.Worksheet, rowNumber: number, cells: readonly Cell[]): void {
    const row = ws.getRow(rowNumber);
    cells.forEach((cell, i) => {
      row.getCell(i + 1).value = written(cell);
    });
  }

  /** Bold frozen header, number formats, dropdowns and highlights, found by header text wherever the columns are. */
  private applyLayout(ws: ExcelJS.Worksheet, layout: TabLayout): void {
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
    const headers = headerColumns(ws);
    const extent = usedExtent(ws);
    const lastRow = Math.max(extent.rows, 1);
    // Styles are replaced, never mutated: exceljs may share one style object between loaded cells.
    for (const c of headers.values()) {
      const cell = ws.getCell(1, c);
      cell.style = { ...cell.style, font: { ...(cell.style.font ?? {}), bold: true } };
    }
    for (const [header, format] of Object.entries(layout.formats ?? {})) {
      const c = headers.get(headerKey(header));
      if (c === undefined) continue;
      const numFmt = NUMBER_FORMAT[format];
      const column = ws.getColumn(c);
      column.style = { ...(column.style ?? {}), numFmt };
      for (let r = 2; r <= lastRow; r++) {
        const cell = ws.getCell(r, c);
        cell.style = { ...cell.style, numFmt };
      }
    }
    for (const [header, dropdown] of Object.entries(layout.dropdowns ?? {})) {
      const c = headers.get(headerKey(header));
      if (c === undefined) continue;
      this.setDropdown(ws, c, Math.max(DROPDOWN_MIN_LAST_ROW, lastRow + DROPDOWN_HEADROOM), dropdown);
    }
    if (layout.highlights?.length) this.setHighlights(ws, layout, extent.columns, Math.max(DROPDOWN_MIN_LAST_ROW, lastRow + DROPDOWN_HEADROOM));
  }

  /**
   * The layout's highlights as expression rules at the columns the header has now. The add-on's
   * earlier rules (marked, see HIGHLIGHT_MARK) are replaced, never added to; a user's own rules stay
   * and keep precedence (Excel: the lower priority number wins), ours follow in layout order.
   */
  private setHighlights(ws: ExcelJS.Worksheet, layout: TabLayout, width: number, lastRow: number): void {
    const sheet = ws as unknown as WithConditionalFormats;
    const isOwn = (rule: ExcelJS.ConditionalFormattingRule) =>
      rule.type === 'expression' && (rule.formulae ?? []).some((f) => typeof f === 'string' && isHighlightFormula(f));
    const kept = sheet.conditionalFormattings
      .map((cf) => ({ ...cf, rules: cf.rules.filter((rule) => !isOwn(rule)) }))
      .filter((cf) => cf.rules.length > 0);
    let priority = Math.max(0, ...kept.flatMap((cf) => cf.rules.map((rule) => rule.priority || 0)));
    const headerRow = Array.from({ length: width }, (_, i) => toCell(ws.getCell(1, i + 1).value));
    const own = highlightFormulas(layout.highlights ?? [], headerRow).map((h) => ({
      ref: `${columnLetter(h.range.fromColumn - 1)}2:${columnLetter(h.range.toColumn - 1)}${lastRow}`,
      rules: [{
        type: 'expression' as const,
        priority: ++priority,
        // The xlsx file stores the formula without its `=`.
        formulae: [h.formula.replace(/^=/, '')],
        style: { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: `FF${h.background.replace(/^#/, '').toUpperCase()}` } } },
      }],
    }));
    sheet.conditionalFormattings = [...kept, ...own];
  }

  /**
   * A list dropdown on one column. Invalid values stay allowed (no error message): the check lists
   * them in `Controles`, a dropdown never rejects what a user typed or pasted.
   */
  private setDropdown(ws: ExcelJS.Worksheet, column: number, lastRow: number, dropdown: Dropdown): void {
    const model = (ws as unknown as WithValidations).dataValidations.model;
    const letter = columnLetter(column - 1);
    for (const address of Object.keys(model)) {
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
      if (m && m[1] === letter && (m[3] === undefined || m[3] === letter) && Number(m[2]) >= 2) delete model[address];
    }
    const formula = this.listFormula(dropdown);
    if (!formula) return;
    const validation: DataValidation = { type: 'list', allowBlank: true, showErrorMessage: false, formulae: [formula] };
    model[`${letter}2:${letter}${lastRow}`] = validation;
  }

  private listFormula(dropdown: Dropdown): string | null {
    const inline = (values: readonly string[]) => {
      const usable = values.every((v) => !v.includes(',') && !v.includes('"'));
      const list = values.join(',');
      return usable && values.length && list.length <= INLINE_LIST_MAX ? `"${list}"` : null;
    };
    if ('values' in dropdown) return inline(dropdown.values);
    const source = this.book.getWorksheet(dropdown.tab);
    const sourceColumn = source ? headerColumns(source).get(headerKey(dropdown.header)) : undefined;
    if (dropdown.extra?.length && source && sourceColumn !== undefined) {
      // A range cannot hold the extra values (such as `Regio`), so the current values are listed inline.
      const grid = this.readTab(dropdown.tab) ?? [];
      const values = [...new Set(grid.slice(1).map((r) => cellText(r[sourceColumn - 1]).trim()).filter(Boolean))];
      const list = inline([...values, ...dropdown.extra]);
      if (list) return list;
    }
    // A source tab made later (Begroting after Acties) is referenced where the contract puts the column.
    const c = sourceColumn ?? columnOf(LAYOUT[dropdown.tab].headers, dropdown.header);
    if (c < 1) return null;
    const letter = columnLetter(c - 1);
    const rows = source ? Math.max(DROPDOWN_MIN_LAST_ROW, usedExtent(source).rows + DROPDOWN_HEADROOM) : DROPDOWN_MIN_LAST_ROW;
    return `'${dropdown.tab.replace(/'/g, "''")}'!$${letter}$2:$${letter}$${rows}`;
  }
}
