import { PropertyStore } from './properties';
import { WorkbookPort } from './workbook';
import { Day } from '../core/values/dates';

/**
 * What an application service needs from its surroundings. Apps Script supplies one backed by
 * SpreadsheetApp, LockService and Session; the CLI, the preview server and tests supply local ones.
 */
export interface Runtime {
  workbook: WorkbookPort;
  /** Today's calendar day in the spreadsheet's time zone. */
  today(): Day;
  now(): Date;
  /** The e-mail of the person running the code, lower-case; '' when Google does not reveal it. */
  userEmail(): string;
  /** The spreadsheet owner's e-mail, '' when unknown (shared drives, local runs). */
  ownerEmail?(): string;
  /** Runs `fn` holding the document lock, so two people's writes cannot interleave. */
  withDocumentLock<T>(fn: () => T): T;
  /** Document properties: ID counters and what waits for the project leader, shared by all users. */
  properties: PropertyStore;
  /**
   * The runner's own properties, which nobody else's execution reads (Apps Script's user properties).
   * Only the project leader who installed the edit tracking holds the Logboek key there. Absent where
   * there is no such store (local runs): Logboek is then judged without a key.
   */
  privateProperties?: PropertyStore;
  /** A short message to the user (a toast in Sheets, 8 seconds unless said); optional where nobody is watching. */
  notify?(message: string, title: string, seconds?: number): void;
}
