/** One line of `Controles`: a cell the add-on could not use, located as the user sees it. */
export interface Finding {
  tab: string;
  /** The row number a user sees (header = 1); 0 when the problem is the tab itself. */
  row: number;
  /** Header text and column letter, e.g. `Bedrag (G)`; '' when the problem is a whole row or tab. */
  column: string;
  value: string;
  problem: string;
  /**
   * `error` (the default): the row or cell is left out of the figures. `warning`: it counts, but a
   * controller should look at it (contract: Controles › Gevolg).
   */
  severity?: Severity;
}

export type Severity = 'error' | 'warning';

export const isWarning = (f: Pick<Finding, 'severity'>): boolean => f.severity === 'warning';

/** A tab left out of the figures whole, because a column it cannot do without is missing. */
export interface SkippedTab {
  tab: string;
  columns: string[];
}

export class Findings {
  readonly list: Finding[] = [];
  readonly skipped: SkippedTab[] = [];
  add(f: Finding): void {
    this.list.push(f);
  }
}
