import { Cell, Grid, cellText, isBlank } from '../sheet/cell';
import { cellTextIn } from '../values/dates';
import { TAB } from '../workbook/contract';
import { headerIndex } from '../sheet/headers';

/**
 * Sheets tells the change trigger that rows were removed, not which, nor what they held. So the
 * add-on keeps a copy of `Acties` and `Mutaties` (ID and content per row) in a hidden tab: when rows
 * disappear, the IDs that are in the copy but no longer in the tab are the deleted rows, and their
 * content goes into `Logboek`. Document properties (500 KB in all, 9 KB a value) cannot hold 100.000
 * ledger rows; a hidden tab can. The copy follows the tab row by row: row 5 of `Acties` is row 5 of
 * its block, so an edit updates the copy without reading it whole.
 */
export const ROW_COPY_TAB = 'Kopie voor Logboek';

export interface CopyBlock {
  tab: string;
  /** 1-based column of the block's ID column; content is the next column. */
  column: number;
}

/** Acties in A:B, Mutaties in D:E, with an empty column between for whoever opens the tab. */
export const COPY_BLOCKS: readonly CopyBlock[] = [
  { tab: TAB.actions, column: 1 },
  { tab: TAB.ledger, column: 4 },
];
export const COPY_WIDTH = 5;

export function copyBlockOf(tab: string): CopyBlock | null {
  return COPY_BLOCKS.find((b) => b.tab === tab) ?? null;
}

/** The header row of the copy tab. */
export function copyHeader(): string[] {
  const out = new Array<string>(COPY_WIDTH).fill('');
  for (const b of COPY_BLOCKS) {
    out[b.column - 1] = `${b.tab}: ID`;
    out[b.column] = `${b.tab}: inhoud`;
  }
  return out;
}

const MAX_CONTENT = 50_000;

/** A row as Logboek shows a deleted one: `ID: A-012 · Actielijn: AL1 · Gemeente: Tiel …`, blanks left out. */
export function rowContent(headers: readonly Cell[], line: readonly Cell[], timeZone: string): string {
  const parts: string[] = [];
  headers.forEach((h, i) => {
    const name = cellText(h).trim();
    const value = line[i];
    if (name && !isBlank(value ?? null)) parts.push(`${name}: ${cellTextIn(value, timeZone).trim()}`);
  });
  const text = parts.join(' · ');
  return text.length > MAX_CONTENT ? `${text.slice(0, MAX_CONTENT - 1)}…` : text;
}

function idColumn(headers: readonly Cell[]): number {
  return headerIndex(headers, 'ID');
}

/** The copy of a whole tab: one [ID, content] pair per data row, aligned with the tab's rows 2…n. */
export function copyOf(grid: Grid | null, timeZone: string): Cell[][] {
  if (!grid || grid.length < 2) return [];
  const headers = grid[0];
  const id = idColumn(headers);
  return grid.slice(1).map((line) => {
    const key = id >= 0 ? cellText(line[id] ?? null).trim() : '';
    return key ? [key, rowContent(headers, line, timeZone)] : ['', ''];
  });
}

/** The copy of some rows (the ones an edit touched), given the tab's header row. */
export function copyOfRows(headers: readonly Cell[], rows: readonly (readonly Cell[])[], timeZone: string): Cell[][] {
  return copyOf([[...headers], ...rows.map((r) => [...r])], timeZone);
}

export interface DeletedRow {
  tab: string;
  /** Where the row was, as far as the copy knows. */
  row: number;
  id: string;
  content: string;
}

/**
 * Rows of the copy whose ID is no longer anywhere in the tab: deleted (or their ID was cleared,
 * which the edit trigger logs as a change). `copy` is the block's data rows (sheet rows 2…), `grid`
 * the tab as it is now.
 */
export function deletedRows(tab: string, copy: readonly (readonly Cell[])[], grid: Grid | null): DeletedRow[] {
  const present = new Set<string>();
  if (grid && grid.length) {
    const id = idColumn(grid[0]);
    if (id >= 0) for (const line of grid.slice(1)) present.add(cellText(line[id] ?? null).trim().toLowerCase());
  }
  const out: DeletedRow[] = [];
  copy.forEach((pair, i) => {
    const id = cellText(pair[0] ?? null).trim();
    if (id && !present.has(id.toLowerCase())) out.push({ tab, row: i + 2, id, content: cellText(pair[1] ?? null) });
  });
  return out;
}

/** Logboek's `Cel` and `Nieuw` for a deleted row; `Oud` holds its content. */
export function deletedCell(row: number): string {
  return `rij ${row}`;
}
export const DELETED_VALUE = '(rij verwijderd)';
