import ExcelJS from 'exceljs';
import { Cell, isBlank } from '../../core/sheet/cell';
import { headerKey } from '../../core/sheet/headers';
import { XlsxValue, excelSerial } from './sheetXml';

// Cells between exceljs and the application: what a user sees in a cell, what Sheets stores for a
// written value, and how far a sheet is used.

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
export function written(cell: Cell): Cell {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'string' && cell.startsWith("'")) return cell.length > 1 ? cell.slice(1) : null;
  return cell;
}

/** A cell's value as a user sees it: the hidden cells of a merged range are blank, as in Sheets. */
export function cellValue(cell: ExcelJS.Cell): Cell {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return toCell(cell.value);
}

/** The last row and column (1-based) holding something a user can see; 0 when the sheet is empty. */
export function usedExtent(ws: ExcelJS.Worksheet): { rows: number; columns: number } {
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

/** Header text (as headerKey) → 1-based column, the first of a repeated header. */
export function headerColumns(ws: ExcelJS.Worksheet): Map<string, number> {
  const index = new Map<string, number>();
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, c) => {
    const key = headerKey(cellValue(cell));
    if (key && !index.has(key)) index.set(key, c);
  });
  return index;
}

/** The XlsxValue of a cell as the application writes it. */
export function xlsxValue(cell: Cell, date1904: boolean): XlsxValue {
  const value = written(cell);
  if (value === null) return { kind: 'blank' };
  if (value instanceof Date) return { kind: 'date', serial: excelSerial(value, date1904) };
  if (typeof value === 'number') return { kind: 'number', number: value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return { kind: 'text', text: value };
}

