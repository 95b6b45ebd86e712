import { Phase } from '../workbook/contract';
import { Day, yearOf } from '../values/dates';

/**
 * Where a year stands on the Peildatum (contract: The Peildatum and the years). A year whose
 * 31 December lies before the Peildatum has ended and can spend nothing more; it is vastgesteld
 * once its accounts were adopted on or before the Peildatum.
 */
export function yearPhase(year: number, referenceDate: Day, adoptedYears: ReadonlySet<number>): Phase {
  const current = yearOf(referenceDate);
  if (year < current) return adoptedYears.has(year) ? 'vastgesteld' : 'afgelopen';
  return year === current ? 'lopend' : 'toekomstig';
}

/** Afgelopen or vastgesteld: nothing more can be spent in it. */
export function hasEnded(phase: Phase): boolean {
  return phase === 'afgelopen' || phase === 'vastgesteld';
}
