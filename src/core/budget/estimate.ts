import { Cents } from '../values/money';
import { BudgetChange } from '../workbook/model';
import { lineYearKey } from './ledger';

/** Wijzigingen per line-year: the decided changes that come on top of the primitieve raming. */
export function changesByLineYear(changes: readonly BudgetChange[]): Map<string, Cents> {
  const byLine = new Map<string, Cents>();
  for (const change of changes) {
    const key = lineYearKey(change.year, change.code);
    byLine.set(key, (byLine.get(key) ?? 0) + change.amountCents);
  }
  return byLine;
}
