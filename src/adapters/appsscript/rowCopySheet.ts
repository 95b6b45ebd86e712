import { Cell, Grid } from '../../core/sheet/cell';
import { COPY_WIDTH, ROW_COPY_TAB, copyBlockOf, copyHeader, copyOf, copyOfRows } from '../../core/logbook/rowCopy';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// The hidden copy of Acties and Mutaties that row deletions are compared with (core/logbook/rowCopy.ts),
// as a sheet: found or made, a tab's block rebuilt whole, or the rows of one edit rewritten in place.

export function copySheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
  let copy = spreadsheet.getSheetByName(ROW_COPY_TAB);
  if (!copy) {
    copy = spreadsheet.insertSheet(ROW_COPY_TAB);
    copy.getRange(1, 1, 1, COPY_WIDTH).setValues([copyHeader()]);
    copy.hideSheet();
  }
  return copy;
}

/** Rewrites one tab's block of the copy from the tab as it is now. */
export function rebuildCopyBlock(copy: Sheet, tab: string, grid: Grid | null, previousRows: number, timeZone: string): void {
  const block = copyBlockOf(tab)!;
  const pairs = copyOf(grid, timeZone);
  const rows = Math.max(pairs.length, previousRows);
  if (rows === 0) return;
  while (pairs.length < rows) pairs.push(['', '']);
  if (rows + 1 > copy.getMaxRows()) copy.insertRowsAfter(copy.getMaxRows(), rows + 1 - copy.getMaxRows());
  copy.getRange(2, block.column, rows, 2).setValues(pairs as unknown[][]);
}

/**
 * Keeps the copy in step with an edit: the edited rows' pairs are rewritten in place. When the copy
 * shows another ID at those rows than the rows had (rows were sorted or moved without a change
 * event), the block is rebuilt from the whole tab instead.
 */
export function updateCopy(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: Sheet, tab: string, first: number, headers: readonly string[], rows: Cell[][], idsBefore: (Cell | undefined)[], timeZone: string,
): void {
  const block = copyBlockOf(tab);
  if (!block || first < 2) return;
  const copy = copySheet(spreadsheet);
  if (first + rows.length - 1 > copy.getMaxRows()) copy.insertRowsAfter(copy.getMaxRows(), first + rows.length - 1 - copy.getMaxRows());
  const range = copy.getRange(first, block.column, rows.length, 2);
  const inCopy = range.getValues() as Cell[][];
  const aligned = inCopy.every((pair, i) => {
    const had = String(pair[0] ?? '').trim().toLowerCase();
    const before = idsBefore[i];
    return !had || before === undefined || had === String(before ?? '').trim().toLowerCase();
  });
  if (aligned) {
    range.setValues(copyOfRows(headers, rows, timeZone) as unknown[][]);
  } else {
    const last = sheet.getLastRow();
    const grid = last > 0 ? (sheet.getRange(1, 1, last, Math.max(1, headers.length)).getValues() as Grid) : null;
    rebuildCopyBlock(copy, tab, grid, Math.max(0, copy.getLastRow() - 1), timeZone);
  }
}

