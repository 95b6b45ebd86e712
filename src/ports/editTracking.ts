import { Grid } from '../core/sheet/cell';

/**
 * What `Bewerkingen bijhouden aanzetten` needs besides the workbook: the spreadsheet's installable
 * triggers, and the hidden row copy the change trigger compares deletions with. Apps Script only.
 */
export interface EditTrackingPort {
  /** The handler names of the current user's triggers on this spreadsheet. */
  installedHandlers(): string[];
  installEditTrigger(handler: string): void;
  installChangeTrigger(handler: string): void;
  /** Rewrites each tab's block of the row copy from its grid (core/logbook/rowCopy.ts), in this order. */
  rebuildRowCopy(tabs: readonly { tab: string; grid: Grid | null }[], timeZone: string): void;
}
