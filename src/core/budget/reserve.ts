import { TAB } from '../workbook/contract';
import { Cents, formatEuro } from '../values/money';
import { CoverageEntry, YearClosing } from '../workbook/model';
import { BudgetNotice } from './notices';
import { ReserveYear } from './types';

/**
 * The reserve moves only by decision (contract: Reserve): a storting is `Jaarafsluiting › Naar
 * reserve` of a vastgesteld year, a draw a `Dekking` row `Onttrekking reserve`. A draw counts as
 * dekking only up to what the reserve held at the start of its year; the rest is bad input.
 */
export class ReserveLedger {
  readonly years: ReserveYear[] = [];
  readonly notices: BudgetNotice[] = [];
  private balance: Cents = 0;

  constructor(private readonly closings: ReadonlyMap<number, YearClosing>) {}

  /** The year's draws (its `Dekking` rows `Onttrekking reserve`), counted up to the balance; returns what counts as dekking. */
  draw(year: number, draws: readonly CoverageEntry[]): Cents {
    const openingCents = this.balance;
    let left = openingCents;
    let withdrawalCents = 0;
    const decisions: string[] = [];
    for (const entry of draws) {
      const counted = Math.min(entry.amountCents, left);
      left -= counted;
      withdrawalCents += counted;
      decisions.push(`onttrekking: ${entry.note || entry.source} (Dekking rij ${entry.row})`);
      if (counted < entry.amountCents) {
        this.notices.push({
          tab: TAB.coverage, row: entry.row, header: 'Bedrag', value: formatEuro(entry.amountCents), severity: 'error',
          problem: `Onttrekking reserve ${formatEuro(entry.amountCents)} is meer dan de reserve aan het begin van ${year} nog had (${formatEuro(counted + left)}): ${formatEuro(entry.amountCents - counted)} telt niet mee als dekking`,
        });
      }
    }
    this.years.push({ year, openingCents, depositCents: 0, withdrawalCents, closingCents: openingCents - withdrawalCents, decisions });
    this.balance = openingCents - withdrawalCents;
    return withdrawalCents;
  }

  /** The storting decided at the year's Jaarafsluiting, once its result is known. */
  deposit(year: number, resultCents: Cents): void {
    const closing = this.closings.get(year);
    const current = this.years[this.years.length - 1];
    if (!closing || !current || current.year !== year || closing.toReserveCents === 0) return;
    const depositCents = closing.toReserveCents;
    current.depositCents = depositCents;
    current.closingCents += depositCents;
    current.decisions.unshift(`storting: ${closing.decision || `Jaarafsluiting rij ${closing.row}`}`);
    this.balance += depositCents;
    if (depositCents > Math.max(0, resultCents)) {
      this.notices.push({
        tab: TAB.yearClosing, row: closing.row, header: 'Naar reserve', value: formatEuro(depositCents), severity: 'warning',
        problem: `Naar reserve ${formatEuro(depositCents)} is meer dan het resultaat van ${year} volgens dit werkboek (${formatEuro(resultCents)}); klopt het besluit, dan ontbreken er cijfers van ${year}`,
      });
    }
  }
}
