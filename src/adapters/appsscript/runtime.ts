import { Runtime } from '../../ports/runtime';
import { dayOfInstant } from '../../core/values/dates';
import { AppsScriptPropertyStore } from './properties';
import { AppsScriptWorkbook } from './workbook';
import { documentLock } from './lock';
import { BUSY_MESSAGE } from '../../core/errors';

/** What a user reads when the lock stays taken: the one wording of core/errors.ts. */
export const LOCK_BUSY_MESSAGE = BUSY_MESSAGE;

function email(read: () => GoogleAppsScript.Base.User): string {
  try {
    return (read().getEmail() || '').trim().toLowerCase();
  } catch {
    // Simple triggers and consumer accounts may not reveal the user: that is not an error.
    return '';
  }
}

/** The Apps Script runtime keeps its spreadsheet, for the adapters that need more than the workbook port. */
export interface AppsScriptRuntime extends Runtime {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

/** The Runtime of a server function: the active spreadsheet, its time zone, Session and LockService. */
export function appsScriptRuntime(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActive()): AppsScriptRuntime {
  const workbook = new AppsScriptWorkbook(spreadsheet);
  let properties: AppsScriptPropertyStore | undefined;
  let privateProperties: AppsScriptPropertyStore | undefined;
  // One server call has one user: asked once (the sidebar's parts ask three times).
  let user: string | undefined;
  return {
    spreadsheet,
    workbook,
    today: () => dayOfInstant(new Date(), workbook.timeZone),
    now: () => new Date(),
    notify: (message, title, seconds = 8) => spreadsheet.toast(message, title, seconds),
    // Lazy: most runs never touch document properties, and each service call costs time.
    get properties() {
      return (properties ??= new AppsScriptPropertyStore());
    },
    get privateProperties() {
      return (privateProperties ??= new AppsScriptPropertyStore(PropertiesService.getUserProperties()));
    },
    userEmail: () => (user ??= email(() => Session.getActiveUser()) || email(() => Session.getEffectiveUser())),
    ownerEmail: () => {
      const owner = spreadsheet.getOwner();
      return owner ? email(() => owner) : '';
    },
    withDocumentLock: documentLock(LOCK_BUSY_MESSAGE),
  };
}
