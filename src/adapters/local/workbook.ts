import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Cell, Grid, cellText, columnLetter, isBlank } from '../../core/cell';
import { ColumnFormat, Dropdown, LAYOUT, TabLayout } from '../../core/contract';
import { highlightFormulas, isHighlightFormula } from '../../core/highlights';
import { CellWrite, WorkbookPort } from '../workbook';

/** Excel number formats for the contract's column formats, shown the Dutch way. */
export const NUMBER_FORMAT: Record<ColumnFormat, string> = {
  money: '"€" #,##0.00',
  date: 'dd-mm-yyyy',
  datetime: 'dd-mm-yyyy hh:mm',
  percent: '0.0%',
  integer: '0',
  text: '@',
};

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

const normalise = (header: string) => header.trim().toLowerCase();

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

/** As in Sheets, writing '' empties a cell rather than storing an empty text. */
function toExcel(cell: Cell): ExcelJS.CellValue {
  if (cell === null || cell === undefined || cell === '') return null;
  return cell;
}

/** The last row and column (1-based) holding something a user can see; 0 when the sheet is empty. */
function usedExtent(ws: ExcelJS.Worksheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    for (let c = 1; c < values.length; c++) {
      if (!isBlank(toCell(values[c]))) {
        rows = rowNumber;
        columns = Math.max(columns, c);
      }
    }
  });
  return { rows, columns };
}

function headerIndex(ws: ExcelJS.Worksheet): Map<string, number> {
  const index = new Map<string, number>();
  const values = ws.getRow(1).values as ExcelJS.CellValue[];
  for (let c = 1; c < values.length; c++) {
    const key = normalise(cellText(toCell(values[c])));
    if (key && !index.has(key)) index.set(key, c);
  }
  return index;
}

/**
 * The workbook port over an exceljs workbook held in memory: the same implementation serves tests,
 * the CLI and .xlsx files. exceljs stores Dates as UTC wall-clock, so a workbook that is saved or
 * loaded uses the time zone 'UTC'; another zone is only meaningful for a workbook kept in memory.
 */
export class LocalWorkbook implements WorkbookPort {
  private constructor(readonly book: ExcelJS.Workbook, readonly timeZone: string) {}

  static create(timeZone = 'UTC'): LocalWorkbook {
    return new LocalWorkbook(new ExcelJS.Workbook(), timeZone);
  }

  static async load(file: string): Promise<LocalWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    return new LocalWorkbook(book, 'UTC');
  }

  /** Writes to a temporary file first, so a failed save never leaves a half-written workbook behind. */
  async save(file: string): Promise<void> {
    const buffer = await this.book.xlsx.writeBuffer();
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    await fs.writeFile(temporary, Buffer.from(buffer as ArrayBuffer));
    await fs.rename(temporary, file);
  }

  tabNames(): string[] {
    return this.book.worksheets.map((ws) => ws.name);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.book.getWorksheet(name);
    if (!ws) throw new Error(`Tabblad ${name} ontbreekt`);
    return ws;
  }

  readTab(name: string): Grid | null {
    const ws = this.book.getWorksheet(name);
    if (!ws) return null;
    const { rows, columns } = usedExtent(ws);
    const grid: Grid = [];
    for (let r = 1; r <= rows; r++) {
      const values = ws.getRow(r).values as ExcelJS.CellValue[];
      const line: Cell[] = [];
      for (let c = 1; c <= columns; c++) line.push(toCell(values[c]));
      grid.push(line);
    }
    return grid;
  }

  createTab(name: string, layout: TabLayout): void {
    const ws = this.book.addWorksheet(name);
    this.writeRow(ws, 1, [...layout.headers]);
    layout.headers.forEach((h, i) => {
      ws.getColumn(i + 1).width = Math.max(12, h.length + 4);
    });
    this.applyLayout(ws, layout);
  }

  repairTab(name: string, layout: TabLayout): string[] {
    if (!this.book.getWorksheet(name)) {
      this.createTab(name, layout);
      return [...layout.headers];
    }
    const ws = this.sheet(name);
    const present = headerIndex(ws);
    const missing = layout.headers.filter((h) => !present.has(normalise(h)));
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
    let next = usedExtent(ws).rows + 1;
    for (const row of rows) this.writeRow(ws, next++, row);
  }

  replaceTab(name: string, layout: TabLayout, rows: Grid): void {
    let ws = this.book.getWorksheet(name);
    if (!ws) {
      this.createTab(name, layout);
      ws = this.sheet(name);
    } else {
      // Not spliceRows: exceljs 4.4 leaves every row in place when asked to remove them all.
      for (let r = ws.rowCount; r >= 1; r--) ws.getRow(r).values = [];
    }
    this.writeRow(ws, 1, [...layout.headers]);
    rows.forEach((row, i) => this.writeRow(ws!, i + 2, row));
    this.applyLayout(ws, layout);
  }

  writeCells(name: string, cells: CellWrite[]): void {
    const ws = this.sheet(name);
    for (const { row, column, value } of cells) ws.getCell(row, column).value = toExcel(value);
  }

  private writeRow(ws: ExcelJS.Worksheet, rowNumber: number, cells: readonly Cell[]): void {
    const row = ws.getRow(rowNumber);
    cells.forEach((cell, i) => {
      row.getCell(i + 1).value = toExcel(cell);
    });
  }

  /** Bold frozen header, number formats, dropdowns and highlights, found by header text wherever the columns are. */
  private applyLayout(ws: ExcelJS.Worksheet, layout: TabLayout): void {
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
    const headers = headerIndex(ws);
    const extent = usedExtent(ws);
    const lastRow = Math.max(extent.rows, 1);
    // Styles are replaced, never mutated: exceljs may share one style object between loaded cells.
    for (const c of headers.values()) {
      const cell = ws.getCell(1, c);
      cell.style = { ...cell.style, font: { ...(cell.style.font ?? {}), bold: true } };
    }
    for (const [header, format] of Object.entries(layout.formats ?? {})) {
      const c = headers.get(normalise(header));
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
      const c = headers.get(normalise(header));
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
    const sourceColumn = source ? headerIndex(source).get(normalise(dropdown.header)) : undefined;
    if (dropdown.extra?.length && source && sourceColumn !== undefined) {
      // A range cannot hold the extra values (such as `Regio`), so the current values are listed inline.
      const grid = this.readTab(dropdown.tab) ?? [];
      const values = [...new Set(grid.slice(1).map((r) => cellText(r[sourceColumn - 1]).trim()).filter(Boolean))];
      const list = inline([...values, ...dropdown.extra]);
      if (list) return list;
    }
    // A source tab made later (Begroting after Acties) is referenced where the contract puts the column.
    const c = sourceColumn ?? LAYOUT[dropdown.tab].headers.findIndex((h) => normalise(h) === normalise(dropdown.header)) + 1;
    if (c < 1) return null;
    const letter = columnLetter(c - 1);
    const rows = source ? Math.max(DROPDOWN_MIN_LAST_ROW, usedExtent(source).rows + DROPDOWN_HEADROOM) : DROPDOWN_MIN_LAST_ROW;
    return `'${dropdown.tab.replace(/'/g, "''")}'!$${letter}$2:$${letter}$${rows}`;
  }
}
