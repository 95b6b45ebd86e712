import { Severity } from '../sheet/findings';

/**
 * A finding of the budget model about a row it did read (a warning, or a draw beyond the
 * reserve): located by tab, row and header; the check names the column as the user sees it.
 */
export interface BudgetNotice {
  tab: string;
  row: number;
  header: string;
  value: string;
  problem: string;
  severity: Severity;
}
