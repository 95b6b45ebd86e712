import { Cell, Grid } from '../core/sheet/cell';
import { TabLayout } from '../core/workbook/contract';

export interface CellWrite {
  /** 1-based, as the user sees it. */
  row: number;
  /** 1-based. */
  column: number;
  value: Cell;
}

/**
 * The workbook port: everything the application needs from a spreadsheet, in batched operations so
 * the number of service calls never grows with the number of rows. Implemented over SpreadsheetApp
 * (Apps Script) and in memory (local runs, tests, .xlsx through exceljs).
 */
export interface WorkbookPort {
  /** The spreadsheet's time zone, to read Date cells as calendar days. */
  readonly timeZone: string;
  tabNames(): string[];
  /** The whole used range of a tab in one read (header row included), or null if the tab is absent. */
  readTab(name: string): Grid | null;
  /** Creates a tab with its header row, frozen header, formats, dropdowns and highlights (conditional formatting). */
  createTab(name: string, layout: TabLayout): void;
  /**
   * Adds headers missing from row 1 after the last used column, and (re)applies frozen header,
   * formats and dropdowns by header. Never moves, clears or rewrites a data cell. Returns the headers added.
   */
  repairTab(name: string, layout: TabLayout): string[];
  /** Appends rows under the last used row in one write; each row follows the tab's current columns. */
  appendRows(name: string, rows: Grid): void;
  /**
   * Rewrites a generated tab whole in one write: header row from the layout, then the rows.
   * Creates the tab when absent and grows or clears it so no stale rows stay behind.
   */
  replaceTab(name: string, layout: TabLayout, rows: Grid): void;
  /** Writes individual cells of a user tab (IDs, stamps): the only writes allowed into user tabs. */
  writeCells(name: string, cells: CellWrite[]): void;
}
