import { escapeHtml } from '../../core/values/html';
import { Dialogs, RowSelector } from '../../ports/ui';

/** Dialogs over SpreadsheetApp.getUi(), asked for only when a dialog is shown. */
export function appsScriptDialogs(): Dialogs {
  let ui: GoogleAppsScript.Base.Ui | null = null;
  const get = () => (ui ??= SpreadsheetApp.getUi());
  return {
    ask(title, question) {
      const u = get();
      const answer = u.prompt(title, question, u.ButtonSet.OK_CANCEL);
      return answer.getSelectedButton() === u.Button.OK ? answer.getResponseText() : null;
    },
    tell(title, message) {
      const u = get();
      u.alert(title, message, u.ButtonSet.OK);
    },
    showLink(title, text, link) {
      if (typeof HtmlService === 'undefined') return false;
      const html = HtmlService.createHtmlOutput(
        `<p style="font-family:Arial,sans-serif">${escapeHtml(text)} ` +
          `<a href="${escapeHtml(link.url)}" target="_blank" rel="noopener">${escapeHtml(link.label)}</a></p>`,
      ).setWidth(420).setHeight(140);
      get().showModelessDialog(html, title);
      return true;
    },
  };
}

/**
 * The `Regiomonitor` menu: only the menu, so it also works in AuthMode.NONE (see server/menu.ts). An
 * editor add-on's menu goes under Extensies (createAddonMenu, named after the add-on); a bound
 * script's is a menu of its own in the menu bar.
 */
export function addMenu(title: string, items: readonly { caption: string; functionName: string }[], addon: boolean): void {
  const ui = SpreadsheetApp.getUi();
  const menu = addon ? ui.createAddonMenu() : ui.createMenu(title);
  for (const item of items) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

/** Opens the sidebar from the HTML file the build makes (build/Sidebar.html). */
export function showSidebarFile(file: string, title: string): void {
  const output = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(output);
}

/** Activates the tab and the row; a row beyond the data (the sheet changed since the dashboard was built) selects the last row. */
export const appsScriptSelectRow: RowSelector = (tab, row) => {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab);
  if (!sheet) return false;
  sheet.activate();
  const lastRow = Math.max(sheet.getLastRow(), 1);
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  sheet.getRange(Math.min(row, lastRow), 1, 1, lastColumn).activate();
  return true;
};
