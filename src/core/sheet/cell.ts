/**
 * What a spreadsheet cell holds when read in one batch: Sheets' getValues gives numbers, Dates,
 * strings, booleans and '' for a blank; exceljs gives null for a blank. Both blanks are treated alike.
 */
export type Cell = string | number | boolean | Date | null;
export type Grid = Cell[][];

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The text a user sees for a cell, for messages in `Controles`. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isNaN(cell.getTime()) ? 'ongeldige datum' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? 'WAAR' : 'ONWAAR';
  return String(cell);
}
