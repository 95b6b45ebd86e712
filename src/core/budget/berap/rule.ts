import { Cents } from '../../values/money';
import { Sign } from './types';

/** `V` when the line keeps money (Raming > Prognose), `N` when it needs more. */
export function signOf(deviationCents: Cents): Sign {
  return deviationCents > 0 ? 'V' : deviationCents < 0 ? 'N' : '';
}

/**
 * `Toelichting verplicht` (contract: The berap): |Afwijking| ≥ `Drempel toelichting`, or
 * |Afwijking| ≥ `Drempel toelichting %` × Raming. In integers (basis points), so a deviation of
 * exactly the threshold counts, without floating-point doubt. A line without any deviation never
 * needs a text: read literally, a Raming of 0 would make 0 ≥ 0 × 0 true.
 */
export function needsExplanation(deviationCents: Cents, estimateCents: Cents, thresholdCents: Cents, thresholdBasisPoints: number): boolean {
  const deviation = Math.abs(deviationCents);
  if (deviation === 0) return false;
  return deviation >= thresholdCents || deviation * 10000 >= thresholdBasisPoints * Math.abs(estimateCents);
}
