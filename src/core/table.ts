import { Cell, Grid, cellText, columnLetter, isBlank } from './cell';
import { Findings } from './finding';

const normalise = (header: string) => header.trim().toLowerCase();

/** A data row of a user tab, read by header text so column order and extra columns do not matter. */
export interface TableRow {
  /** The row number a user sees (header row = 1). */
  rowNumber: number;
  get(header: string): Cell;
  /** `Bedrag (G)`: how `Controles` names a column. */
  where(header: string): string;
  has(header: string): boolean;
}

export interface Table {
  tab: string;
  present: boolean;
  /** 0-based column index per header as spelled in the contract; absent headers are missing. */
  columns: Map<string, number>;
  rows: TableRow[];
}

/**
 * Finds the contract's headers in row 1 (trimmed, case-insensitive). Missing required headers are
 * reported once; rows that are entirely blank are skipped, as users leave gaps.
 */
export function readTable(tab: string, grid: Grid | null, headers: readonly string[], required: readonly string[], findings: Findings): Table {
  const columns = new Map<string, number>();
  if (!grid) {
    findings.add({ tab, row: 0, column: '', value: '', problem: `Tabblad ${tab} ontbreekt; kies Regiomonitor › Werkboek inrichten.` });
    return { tab, present: false, columns, rows: [] };
  }
  const headerRow = grid[0] ?? [];
  const byName = new Map<string, number>();
  headerRow.forEach((cell, index) => {
    const key = normalise(cellText(cell));
    if (key && !byName.has(key)) byName.set(key, index);
  });
  for (const header of headers) {
    const index = byName.get(normalise(header));
    if (index !== undefined) columns.set(header, index);
  }
  const missing = required.filter((h) => !columns.has(h));
  for (const header of missing) {
    findings.add({ tab, row: 1, column: header, value: '', problem: `Kolom ${header} ontbreekt in de kopregel; de rijen van dit tabblad tellen niet mee.` });
  }
  const rows: TableRow[] = [];
  if (missing.length) {
    findings.skipped.push({ tab, columns: missing });
    return { tab, present: true, columns, rows };
  }
  for (let r = 1; r < grid.length; r++) {
    const line = grid[r];
    const used = [...columns.values()];
    if (used.every((c) => isBlank(line[c]))) continue;
    const rowNumber = r + 1;
    rows.push({
      rowNumber,
      get: (header) => {
        const c = columns.get(header);
        return c === undefined ? null : (line[c] ?? null);
      },
      where: (header) => {
        const c = columns.get(header);
        return c === undefined ? header : `${header} (${columnLetter(c)})`;
      },
      has: (header) => columns.has(header),
    });
  }
  return { tab, present: true, columns, rows };
}
