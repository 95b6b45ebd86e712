import { Character, Phase, ProgrammeSignal, Signal } from '../workbook/contract';
import { Cents } from '../values/money';

/** True when `amount` ≥ basisPoints/10000 × estimate, in integers so 90% is exactly 90%. */
function atOrAbove(amountCents: Cents, estimateCents: Cents, basisPoints: number): boolean {
  return amountCents * 10000 >= basisPoints * estimateCents;
}

/**
 * The signal of a budget line-year: the first that holds. `Let op` only on a Flexibel line: a
 * subsidy or statutory task on course to use its whole raming is normal, not a warning. It also
 * needs a positive raming: on a line with nothing budgeted every amount, even zero, is "at 90%".
 * `plannedUseCents` is what `Let op` weighs besides Besteed: the Prognose, except in a future year,
 * whose Prognose is raised to the raming and so would always be "at 90%": there it is what is
 * really planned, Besteed + Gepland.
 */
export function lineSignal(
  character: Character, estimateCents: Cents, spentCents: Cents, forecastCents: Cents, warnBasisPoints: number, plannedUseCents: Cents = forecastCents,
): Signal {
  if (spentCents > estimateCents) return 'Overschrijding';
  if (forecastCents > estimateCents) return 'Dreigende overschrijding';
  if (
    character === 'Flexibel' &&
    estimateCents > 0 &&
    (atOrAbove(spentCents, estimateCents, warnBasisPoints) || atOrAbove(plannedUseCents, estimateCents, warnBasisPoints))
  ) {
    return 'Let op';
  }
  return 'OK';
}

/** What `Let op` weighs in a phase: the Prognose, or in a future year Besteed + Gepland. */
export function plannedUse(phase: Phase, spentCents: Cents, plannedCents: Cents, forecastCents: Cents): Cents {
  return phase === 'toekomstig' ? spentCents + plannedCents : forecastCents;
}

/** How much the programme is short in a year: the DU VO is taakstellend, so dekking is the ceiling. */
export function programmeShortfall(estimateCents: Cents, coverageCents: Cents, forecastCents: Cents): Cents {
  return Math.max(estimateCents - coverageCents, forecastCents - coverageCents, 0);
}

export function programmeSignal(estimateCents: Cents, coverageCents: Cents, forecastCents: Cents): ProgrammeSignal {
  return programmeShortfall(estimateCents, coverageCents, forecastCents) > 0 ? 'Tekort' : 'OK';
}

/** Signals that call for a reprioritisation proposal. */
export function isOverrun(signal: Signal): boolean {
  return signal === 'Overschrijding' || signal === 'Dreigende overschrijding';
}
