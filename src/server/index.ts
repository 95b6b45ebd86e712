/**
 * The public Apps Script functions: every export becomes a top-level `function` in build/Code.js
 * (menus and triggers call functions by global name). Export nothing else from this file.
 */
import { buildMenu } from './menu';

export { setupWorkbook } from './setup';
export { runBudgetCheck } from './budget';
export { generateMeetupAgenda, menuGenerateAgenda } from './agenda';
export { installReminders, sendUpdateRequests } from './reminders';
export { applyProtections } from './protections';
export { onEditInstalled, onChangeInstalled, installEditTrigger } from './edits';
export { addAction, getMyActions, updateAction } from './myActions';
export { showSidebar, getDashboard, selectRow } from './dashboard';
export { getSidebar } from './sidebar';

/** Simple trigger: only the menu, so it also works in AuthMode.NONE. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen | { authMode?: unknown }): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Runs when the add-on is installed: show the menu straight away, without reopening the sheet. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall | { authMode?: unknown }): void {
  onOpen(e as { authMode?: unknown });
}
