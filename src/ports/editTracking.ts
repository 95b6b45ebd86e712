import { Grid } from '../core/sheet/cell';

/**
 * What `Bewerkingen bijhouden aanzetten` needs besides the workbook: the spreadsheet's installable
 * triggers, the hidden row copy the change trigger compares deletions with, and a new Logboek key.
 * Apps Script only.
 */
export interface EditTrackingPort {
  /** The handler names of the current user's triggers on this spreadsheet. */
  installedHandlers(): string[];
  installEditTrigger(handler: string): void;
  installChangeTrigger(handler: string): void;
  /** Rewrites the row copy from these tabs (core/logbook/rowCopy.ts); returns the rows the copy has. */
  rebuildRowCopy(tabs: readonly { tab: string; grid: Grid | null }[], timeZone: string): number;
  /** A new secret key for Logboek (core/logbook/keyed.ts), from a secure random source. */
  newLogKey(): string;
}
