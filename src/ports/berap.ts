import { Berap } from '../core/budget/berap/types';

/** The Google Doc of a berap: DocumentApp in Apps Script, a fake in tests, absent locally. */
export interface BerapDocPort {
  /** Rewrites the Doc `existingId` when it can still be opened, else writes a new one; returns the Doc written. */
  write(berap: Berap, existingId: string | null): { id: string; url: string };
}

/** The chart of Raming and Prognose on the berap tab: replaced on every remake, never a second one. */
export interface BerapChartPort {
  replace(tabName: string, berap: Berap): void;
}
