// A1 notation: how Sheets and users name cells (`H5`, `AB7`, `H5:J7`). The one place that turns
// column numbers into letters and back.

/** Spreadsheet column letter for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Spreadsheet column letters → 1-based number: A → 1, XFD → 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A cell by 1-based row and column: (5, 8) → `H5`. */
export function a1(row: number, column: number): string {
  return `${columnLetter(column - 1)}${row}`;
}

/** A block of cells, 1-based, as an edit event's range gives it. */
export interface A1Range {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** `H5` or `H5:J7` → 1-based position and size; null when it is no such range. Columns may run past Z (`AB7`). */
export function parseA1(text: string): A1Range | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(text.toUpperCase());
  if (!m) return null;
  const row = Number(m[2]);
  const column = columnNumber(m[1]);
  const lastRow = m[4] ? Number(m[4]) : row;
  const lastColumn = m[3] ? columnNumber(m[3]) : column;
  return { row, column, numRows: lastRow - row + 1, numColumns: lastColumn - column + 1 };
}
