import { authorizeCall } from '../app/authorize';
import { dashboard } from '../app/dashboard';
import { DashboardData } from '../core/dashboard';
import { currentRuntime } from './context';

export const SIDEBAR_FILE = 'Sidebar';
export const SIDEBAR_TITLE = 'Regiomonitor';

/** `Regiomonitor › Dashboard openen`. */
export function showSidebar(): void {
  const output = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(output);
}

/** The sidebar's data: JSON only, as google.script.run carries nothing else. */
export function getDashboard(): DashboardData {
  // Everyone may see the dashboard (ACTION_DUTIES); the check still runs, so the rule stays in one place.
  return dashboard(authorizeCall(currentRuntime(), 'dashboard').runtime);
}

/**
 * Moving the user's selection is not part of the workbook port (it is a UI act, not data), so it
 * has its own tiny port: Apps Script activates the row; the local preview records the request.
 */
export type RowSelector = (tab: string, row: number) => void;

function appsScriptSelectRow(tab: string, row: number): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab);
  if (!sheet) throw new Error(missingTab(tab));
  sheet.activate();
  const lastRow = Math.max(sheet.getLastRow(), 1);
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  // A row beyond the data (the sheet changed since the dashboard was built) selects the last row.
  sheet.getRange(Math.min(row, lastRow), 1, 1, lastColumn).activate();
}

function missingTab(tab: string): string {
  return `Tabblad ${tab} bestaat niet. Voer eerst de budgetcontrole uit, of kies Regiomonitor › Werkboek inrichten.`;
}

let rowSelector: RowSelector | null = null;

export function setRowSelectorOverride(selector: RowSelector | null): void {
  rowSelector = selector;
}

/** Selects a row the sidebar points at (a signal, a budget line, the next meet-up). */
export function selectRow(tab: string, row: number): void {
  if (typeof tab !== 'string' || !tab.trim()) throw new Error('Geen tabblad opgegeven.');
  if (!Number.isInteger(row) || row < 1) throw new Error(`Rij ${String(row)} bestaat niet.`);
  if (rowSelector) {
    // The preview's selector only records; the tab must exist all the same.
    if (!currentRuntime().workbook.tabNames().includes(tab)) throw new Error(missingTab(tab));
    rowSelector(tab, row);
  } else {
    appsScriptSelectRow(tab, row);
  }
}
