import { Berap } from '../core/budget/berap/types';
import { ProtectionPort } from './protections';

/** The Google Doc of a berap: one Drive upload in Apps Script, a fake in tests, absent locally. */
export interface BerapDocPort {
  /** Rewrites the Doc `existingId` when it can still be opened, else writes a new one; returns the Doc written. */
  write(berap: Berap, existingId: string | null): { id: string; url: string };
}

/** The chart of Raming and Prognose on the berap tab: never a second one. */
export interface BerapChartPort {
  /**
   * Puts the chart on the tab, or keeps the one there when `standing` (what the last run returned)
   * still describes it; returns what describes the chart now ('' when there is none), for the next run.
   */
  replace(tabName: string, berap: Berap, standing: string | null): string;
}

/** What Berap maken writes besides the workbook; each absent outside Sheets. */
export interface BerapPorts {
  doc?: BerapDocPort | null;
  chart?: BerapChartPort | null;
  /** The tab's protection; a file has none. */
  protections?: ProtectionPort | null;
}
