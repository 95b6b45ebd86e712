import { Runtime } from '../../ports/runtime';
import { dayOfInstant } from '../../core/values/dates';
import { AppsScriptPropertyStore } from './protections';
import { AppsScriptWorkbook } from './workbook';

/** How long a run waits for another user's run to finish before giving up. */
const LOCK_WAIT_MS = 30_000;
export const LOCK_BUSY_MESSAGE = 'Een andere gebruiker werkt het werkboek bij; probeer het over een halve minuut opnieuw.';

function email(read: () => GoogleAppsScript.Base.User): string {
  try {
    return (read().getEmail() || '').trim().toLowerCase();
  } catch {
    // Simple triggers and consumer accounts may not reveal the user: that is not an error.
    return '';
  }
}

/** The Runtime of a server function: the active spreadsheet, its time zone, Session and LockService. */
export function appsScriptRuntime(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActive()): Runtime {
  const workbook = new AppsScriptWorkbook(spreadsheet);
  let lockDepth = 0;
  let properties: AppsScriptPropertyStore | undefined;
  return {
    workbook,
    today: () => dayOfInstant(new Date(), workbook.timeZone),
    now: () => new Date(),
    notify: (message, title) => spreadsheet.toast(message, title, 8),
    // Lazy: most runs never touch document properties, and each service call costs time.
    get properties() {
      return (properties ??= new AppsScriptPropertyStore());
    },
    userEmail: () => email(() => Session.getActiveUser()) || email(() => Session.getEffectiveUser()),
    ownerEmail: () => {
      const owner = spreadsheet.getOwner();
      return owner ? email(() => owner) : '';
    },
    withDocumentLock<T>(fn: () => T): T {
      // A service that calls another under the lock must not wait for itself.
      if (lockDepth > 0) return fn();
      const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
      try {
        lock.waitLock(LOCK_WAIT_MS);
      } catch {
        throw new Error(LOCK_BUSY_MESSAGE);
      }
      lockDepth++;
      try {
        const result = fn();
        // Writes are buffered; flush them while the lock is still held.
        SpreadsheetApp.flush();
        return result;
      } finally {
        lockDepth--;
        lock.releaseLock();
      }
    },
  };
}
