import { Character } from '../workbook/contract';
import { Cents } from '../values/money';

/**
 * Prognose by Karakter. A Flexibel line forecasts what it spent and still plans. A Vast or Wettelijk
 * line (a subsidy, a statutory task) is expected to use its whole raming, so it forecasts at least
 * the raming; once afgerekend its forecast is what it really spent, and a settlement below the
 * raming shows as real room.
 */
export function forecast(character: Character, spentCents: Cents, plannedCents: Cents, estimateCents: Cents, settled: boolean): Cents {
  const expected = spentCents + plannedCents;
  if (character === 'Flexibel' || settled) return expected;
  return Math.max(expected, estimateCents);
}
