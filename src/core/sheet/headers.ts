import { Cell, cellText } from './cell';

/**
 * Header lookup, the one way: columns are found by the text in row 1, trimmed and case-insensitive,
 * so `Bedrag `, `bedrag` and `BEDRAG` are one column, whatever order or extra columns a user keeps.
 */
export function headerKey(text: Cell | undefined): string {
  return cellText(text).trim().toLowerCase();
}

/** A header row as keys, for many lookups in one row. */
export function headerKeys(row: readonly Cell[]): string[] {
  return row.map(headerKey);
}

/** 0-based position of `header` in a header row; -1 when absent. The first of a repeated header wins. */
export function headerIndex(row: readonly Cell[], header: string): number {
  const key = headerKey(header);
  return row.findIndex((h) => headerKey(h) === key);
}

/** 1-based column of `header` in a header row, as Sheets counts; 0 when absent. */
export function columnOf(row: readonly Cell[], header: string): number {
  return headerIndex(row, header) + 1;
}
