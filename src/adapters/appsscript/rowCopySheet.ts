import { Cell, Grid } from '../../core/sheet/cell';
import { COPY_BLOCKS, COPY_WIDTH, CopyEntry, OTHER_IDS_COLUMN, ROW_COPY_TAB, copyBlockCells, copyBlockOf, copyHeader, copyRowOf, entryCells, tabEntries } from '../../core/logbook/rowCopy';
import { RowCopyPort } from '../../ports/logbook';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// The hidden copy of Acties and Mutaties that row deletions are compared with (core/logbook/rowCopy.ts),
// as a sheet: found or made, rebuilt whole, or some entries written at their ID's place.

export function copySheet(spreadsheet: Spreadsheet): Sheet {
  let copy = spreadsheet.getSheetByName(ROW_COPY_TAB);
  if (!copy) {
    copy = spreadsheet.insertSheet(ROW_COPY_TAB);
    copy.getRange(1, 1, 1, COPY_WIDTH).setValues([copyHeader()]);
    copy.hideSheet();
  }
  return copy;
}

function ensureRows(copy: Sheet, rows: number, known: number): number {
  if (rows <= known) return known;
  const max = copy.getMaxRows();
  if (rows > max) copy.insertRowsAfter(max, rows - max);
  return Math.max(rows, max);
}

/** The copy as it is, in one read (header included); null when the tab is not there. */
export function readCopySheet(spreadsheet: Spreadsheet): Grid | null {
  const copy = spreadsheet.getSheetByName(ROW_COPY_TAB);
  if (!copy) return null;
  const last = copy.getLastRow();
  return last > 0 ? (copy.getRange(1, 1, last, COPY_WIDTH).getValues() as Grid) : null;
}

/**
 * Rewrites the copy from the tabs as they are now, clearing whatever an earlier copy held below.
 * Returns the rows the copy has.
 */
export function rebuildCopy(copy: Sheet, tabs: readonly { tab: string; grid: Grid | null }[], timeZone: string): number {
  return writeCopy(copy, new Map(tabs.map(({ tab, grid }) => [tab, tabEntries(grid, timeZone)])));
}

/**
 * Writes the whole copy from entries per tab, in this version's layout, header included (a copy an
 * earlier version kept had another layout, core/logbook/rowCopy.ts). Returns the rows the copy has.
 */
export function writeCopy(copy: Sheet, entries: ReadonlyMap<string, readonly CopyEntry[]>): number {
  const previous = Math.max(1, copy.getLastRow());
  copy.getRange(1, 1, 1, COPY_WIDTH).setValues([copyHeader()]);
  const blocks = [...entries].map(([tab, list]) => ({ block: copyBlockOf(tab)!, ...copyBlockCells(tab, list) }));
  const others: Cell[][] = blocks.flatMap((b) => b.others.map((e) => [b.block.tab, ...entryCells(e)]));
  const rows = Math.max(previous, others.length + 1, ...blocks.map((b) => b.cells.length + 1));
  const known = ensureRows(copy, rows, 0);
  const pad = (cells: Cell[][], width: number) => {
    const out = cells.slice();
    while (out.length < rows - 1) out.push(new Array<Cell>(width).fill(''));
    return out;
  };
  if (rows < 2) return known;
  for (const b of blocks) copy.getRange(2, b.block.column, rows - 1, 3).setValues(pad(b.cells, 3) as unknown[][]);
  if (others.length || previous > 1) copy.getRange(2, OTHER_IDS_COLUMN, rows - 1, 4).setValues(pad(others, 4) as unknown[][]);
  return known;
}

/**
 * Writes entries at their ID's place in one tab's block, without reading the copy: one write for one
 * entry, or one read and one write of the span they fall in. IDs of another form wait for the next
 * rebuild. `known` is the copy's row count as last stored; the count it has now is returned.
 */
export function writeCopyEntries(copy: Sheet, tab: string, entries: readonly CopyEntry[], known: number): number {
  const block = copyBlockOf(tab);
  if (!block) return known;
  const placed = entries.map((e) => ({ at: copyRowOf(tab, e.id), e })).filter((p): p is { at: number; e: CopyEntry } => p.at !== null);
  if (placed.length === 0) return known;
  let first = placed[0].at;
  let last = first;
  for (const p of placed) {
    if (p.at < first) first = p.at;
    if (p.at > last) last = p.at;
  }
  const rows = ensureRows(copy, last, known);
  const range = copy.getRange(first, block.column, last - first + 1, 3);
  if (placed.length === 1) {
    range.setValues([entryCells(placed[0].e)]);
    return rows;
  }
  const span = range.getValues() as Cell[][];
  for (const p of placed) span[p.at - first] = entryCells(p.e);
  range.setValues(span as unknown[][]);
  return rows;
}

/** The watched tabs as they are now, each in one read, for a rebuild. */
export function readCopiedTabs(spreadsheet: Spreadsheet): { tab: string; grid: Grid | null }[] {
  return COPY_BLOCKS.map((block) => {
    const sheet = spreadsheet.getSheetByName(block.tab);
    const last = sheet ? sheet.getLastRow() : 0;
    return { tab: block.tab, grid: sheet && last > 0 ? (sheet.getRange(1, 1, last, Math.max(1, sheet.getLastColumn())).getValues() as Grid) : null };
  });
}

/** The copy port for the project leader's catch-up, over the spreadsheet. */
export function appsScriptRowCopy(spreadsheet: Spreadsheet): RowCopyPort {
  return {
    write(tab, entries) {
      const copy = copySheet(spreadsheet);
      writeCopyEntries(copy, tab, entries, copy.getMaxRows());
    },
  };
}

