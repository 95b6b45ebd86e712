import { Character, Phase } from '../workbook/contract';
import { Cents } from '../values/money';
import { hasEnded } from './phase';

/**
 * Prognose by phase and Karakter. A year that has ended forecasts what it spent. A future year
 * forecasts at least its raming: money nobody planned for yet is not a result. In the running year
 * a Flexibel line forecasts what it spent and still plans; a Vast or Wettelijk line (a subsidy, a
 * statutory task) is expected to use its whole raming, so it forecasts at least the raming, until it
 * is afgerekend and a settlement below the raming shows as real room.
 */
export function forecast(character: Character, spentCents: Cents, plannedCents: Cents, estimateCents: Cents, settled: boolean, phase: Phase = 'lopend'): Cents {
  if (hasEnded(phase)) return spentCents;
  const expected = spentCents + plannedCents;
  if (phase === 'toekomstig') return Math.max(expected, estimateCents);
  if (character === 'Flexibel' || settled) return expected;
  return Math.max(expected, estimateCents);
}

/** Niet belegd: a Flexibel line's raming that no commitment, payment or planned action is tied to yet; null on other lines. */
export function unallocated(character: Character, estimateCents: Cents, spentCents: Cents, plannedCents: Cents): Cents | null {
  return character === 'Flexibel' ? Math.max(0, estimateCents - spentCents - plannedCents) : null;
}
