import { Cell, Grid, cellText, isBlank } from '../sheet/cell';
import { cellTextIn } from '../values/dates';
import { TAB } from '../workbook/contract';
import { headerIndex } from '../sheet/headers';
import { IdKind, idKindOfTab, idNumber } from '../workbook/ids';

/**
 * Sheets tells the change trigger that rows were removed, not which, nor what they held. So the
 * add-on keeps a copy of `Acties` and `Mutaties` (per ID: the row it was last seen in and what it
 * held) in a hidden tab: when rows disappear, the IDs in the copy that are no longer in the tab are
 * the deleted rows, and their content goes into `Logboek`. Document properties (500 KB in all, 9 KB a
 * value) cannot hold 100.000 ledger rows; a hidden tab can.
 *
 * An ID of the add-on's own form has a fixed place: `A-053` is row 54 of the `Acties` block, whatever
 * row the action is in. So an edit writes its row's copy without reading the copy first, and sorting
 * the tab moves nothing in the copy. Other IDs (`TIEL-1`, typed by hand) are listed in a block of their
 * own, which only a rebuild of the copy rewrites.
 */
export const ROW_COPY_TAB = 'Kopie voor Logboek';

export interface CopyBlock {
  tab: string;
  kind: IdKind;
  /** 1-based column of the block's ID column; row and content follow. */
  column: number;
}

/** Acties in A:C, Mutaties in E:G, with an empty column between for whoever opens the tab. */
export const COPY_BLOCKS: readonly CopyBlock[] = [
  { tab: TAB.actions, kind: 'action', column: 1 },
  { tab: TAB.ledger, kind: 'ledger', column: 5 },
];
/** IDs without a fixed place: Tabblad, ID, Rij, Inhoud in I:L. */
export const OTHER_IDS_COLUMN = 9;
export const COPY_WIDTH = 12;
/** IDs numbered beyond this are listed with the others: a fixed place would make the copy too long. */
export const MAX_FIXED_ID = 250_000;

export function copyBlockOf(tab: string): CopyBlock | null {
  return COPY_BLOCKS.find((b) => b.tab === tab) ?? null;
}

/** The header row of the copy tab. */
export function copyHeader(): string[] {
  const out = new Array<string>(COPY_WIDTH).fill('');
  for (const b of COPY_BLOCKS) [out[b.column - 1], out[b.column], out[b.column + 1]] = [`${b.tab}: ID`, `${b.tab}: rij`, `${b.tab}: inhoud`];
  [out[OTHER_IDS_COLUMN - 1], out[OTHER_IDS_COLUMN], out[OTHER_IDS_COLUMN + 1], out[OTHER_IDS_COLUMN + 2]] = ['Andere ID: tabblad', 'ID', 'rij', 'inhoud'];
  return out;
}

/** The sheet row of the copy where an ID has its fixed place, or null for an ID of another form. */
export function copyRowOf(tab: string, id: string): number | null {
  const kind = idKindOfTab(tab);
  const n = kind ? idNumber(kind, id) : null;
  return n !== null && n >= 1 && n <= MAX_FIXED_ID ? n + 1 : null;
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

/** One row of a tab as the copy keeps it. */
export interface CopyEntry {
  id: string;
  /** The sheet row it was last seen in. */
  row: number;
  content: string;
}

/** The copy entries of some rows of a tab (`first` is the sheet row of `rows[0]`); rows without ID have none. */
export function copyEntries(headers: readonly Cell[], rows: readonly (readonly Cell[])[], first: number, timeZone: string): CopyEntry[] {
  const id = headerIndex(headers, 'ID');
  if (id < 0) return [];
  const out: CopyEntry[] = [];
  rows.forEach((line, i) => {
    const key = cellText(line[id] ?? null).trim();
    if (key) out.push({ id: key, row: first + i, content: rowContent(headers, line, timeZone) });
  });
  return out;
}

/** The three cells an entry takes in its block. */
export function entryCells(e: CopyEntry): Cell[] {
  return [e.id, e.row, e.content];
}

/** Every entry of a whole tab (header row first), for a rebuild. */
export function tabEntries(grid: Grid | null, timeZone: string): CopyEntry[] {
  return grid && grid.length > 1 ? copyEntries(grid[0], grid.slice(1), 2, timeZone) : [];
}

/**
 * A tab's block of the copy, as written on a rebuild: the cells from row 2 down (blank where no ID
 * has its place), and the entries with IDs of another form.
 */
export function copyBlockCells(tab: string, entries: readonly CopyEntry[]): { cells: Cell[][]; others: CopyEntry[] } {
  const placed = new Map<number, CopyEntry>();
  const others: CopyEntry[] = [];
  for (const e of entries) {
    const at = copyRowOf(tab, e.id);
    if (at === null || placed.has(at)) others.push(e);
    else placed.set(at, e);
  }
  let last = 1;
  for (const at of placed.keys()) if (at > last) last = at;
  const cells: Cell[][] = [];
  for (let r = 2; r <= last; r++) {
    const e = placed.get(r);
    cells.push(e ? entryCells(e) : ['', '', '']);
  }
  return { cells, others };
}

/**
 * The copy as an earlier version kept it: one [ID, content] pair per row of the tab, `Acties` in A:B
 * and `Mutaties` in D:E. Still read once, so rows deleted across an update are logged all the same.
 */
function readRowAlignedCopy(copy: Grid): Map<string, CopyEntry[]> {
  const out = new Map<string, CopyEntry[]>(COPY_BLOCKS.map((b) => [b.tab, []]));
  const columns: [string, number][] = [[TAB.actions, 0], [TAB.ledger, 3]];
  copy.slice(1).forEach((line, i) => {
    for (const [tab, c] of columns) {
      const id = cellText(line[c] ?? null).trim();
      if (id) out.get(tab)!.push({ id, row: i + 2, content: cellText(line[c + 1] ?? null) });
    }
  });
  return out;
}

/** True when the copy's header row is this version's (copyHeader); a rebuild makes it so. */
export function isCurrentCopy(copy: Grid | null): boolean {
  const header = copy?.[0] ?? [];
  return copyHeader().every((h, i) => cellText(header[i] ?? null) === h);
}

/** The copy as read back: each tab's entries, wherever they sit. */
export function readCopy(copy: Grid | null): Map<string, CopyEntry[]> {
  if (copy && copy.length && !isCurrentCopy(copy) && cellText(copy[0][1] ?? null) === `${TAB.actions}: inhoud`) return readRowAlignedCopy(copy);
  const out = new Map<string, CopyEntry[]>(COPY_BLOCKS.map((b) => [b.tab, []]));
  for (const line of (copy ?? []).slice(1)) {
    for (const b of COPY_BLOCKS) {
      const id = cellText(line[b.column - 1] ?? null).trim();
      if (id) out.get(b.tab)!.push({ id, row: Number(line[b.column]) || 0, content: cellText(line[b.column + 1] ?? null) });
    }
    const tab = cellText(line[OTHER_IDS_COLUMN - 1] ?? null).trim();
    const id = cellText(line[OTHER_IDS_COLUMN] ?? null).trim();
    if (tab && id && out.has(tab)) out.get(tab)!.push({ id, row: Number(line[OTHER_IDS_COLUMN + 1]) || 0, content: cellText(line[OTHER_IDS_COLUMN + 2] ?? null) });
  }
  return out;
}

export interface DeletedRow {
  tab: string;
  /** Where the row was, as far as the copy knows. */
  row: number;
  id: string;
  content: string;
}

/**
 * Entries of the copy whose ID is no longer anywhere in the tab: deleted (or their ID was cleared,
 * which the edit trigger logs as a change). `grid` is the tab as it is now.
 */
export function deletedRows(tab: string, entries: readonly CopyEntry[], grid: Grid | null): DeletedRow[] {
  const present = new Set<string>();
  if (grid && grid.length) {
    const id = headerIndex(grid[0], 'ID');
    if (id >= 0) for (const line of grid.slice(1)) present.add(cellText(line[id] ?? null).trim().toLowerCase());
  }
  const gone = new Map<string, DeletedRow>();
  for (const e of entries) if (!present.has(e.id.toLowerCase())) gone.set(e.id.toLowerCase(), { tab, row: e.row, id: e.id, content: e.content });
  return [...gone.values()].sort((a, b) => a.row - b.row);
}

/** Logboek's `Cel` and `Nieuw` for a deleted row; `Oud` holds its content. */
export function deletedCell(row: number): string {
  return `rij ${row}`;
}
export const DELETED_VALUE = '(rij verwijderd)';
