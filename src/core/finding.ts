/** One line of `Controles`: a cell the add-on could not use, located as the user sees it. */
export interface Finding {
  tab: string;
  /** The row number a user sees (header = 1); 0 when the problem is the tab itself. */
  row: number;
  /** Header text and column letter, e.g. `Bedrag (G)`; '' when the problem is a whole row or tab. */
  column: string;
  value: string;
  problem: string;
}

export class Findings {
  readonly list: Finding[] = [];
  add(f: Finding): void {
    this.list.push(f);
  }
}
