/**
 * The public Apps Script functions: every export becomes a top-level `function` in build/Code.js
 * (menus and triggers call functions by global name). Export nothing else from this file. Each is
 * wrapped by `inDutch`, so an English error of a Google service never reaches a user as it is.
 */
import { inDutch } from '../core/errors';
import * as agenda from './agenda';
import * as berap from './berap';
import * as budget from './budget';
import * as dashboard from './dashboard';
import * as edits from './edits';
import { addMenu } from '../adapters/appsscript/ui';
import { MENU_ITEMS, MENU_TITLE } from './menu';
import { DEPLOYMENT } from './deployment';
import * as myActions from './myActions';
import * as protections from './protections';
import * as reminders from './reminders';
import * as setup from './setup';
import * as sidebar from './sidebar';

export const setupWorkbook = inDutch(setup.setupWorkbook);
export const runBudgetCheck = inDutch(budget.runBudgetCheck);
export const generateMeetupAgenda = inDutch(agenda.generateMeetupAgenda);
export const menuGenerateAgenda = inDutch(agenda.menuGenerateAgenda);
export const generateBerap = inDutch(berap.generateBerap);
export const installReminders = inDutch(reminders.installReminders);
export const sendUpdateRequests = inDutch(reminders.sendUpdateRequests);
export const applyProtections = inDutch(protections.applyProtections);
export const onEditInstalled = inDutch(edits.onEditInstalled);
export const onChangeInstalled = inDutch(edits.onChangeInstalled);
export const installEditTrigger = inDutch(edits.installEditTrigger);
export const addAction = inDutch(myActions.addAction);
export const getMyActions = inDutch(myActions.getMyActions);
export const updateAction = inDutch(myActions.updateAction);
export const showSidebar = inDutch(dashboard.showSidebar);
export const getDashboard = inDutch(dashboard.getDashboard);
export const selectRow = inDutch(dashboard.selectRow);
export const getSidebar = inDutch(sidebar.getSidebar);

/**
 * Simple trigger: builds the menu and nothing else. onOpen runs in AuthMode.NONE for an add-on that
 * has not been used in this document yet, where touching the spreadsheet, properties or Session throws.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen | { authMode?: unknown }): void {
  addMenu(MENU_TITLE, MENU_ITEMS, DEPLOYMENT === 'addon');
}

/** Runs when the add-on is installed: show the menu straight away, without reopening the sheet. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall | { authMode?: unknown }): void {
  onOpen(e as { authMode?: unknown });
}
