import { formatDay } from '../../values/dates';
import { Cents, formatEuro } from '../../values/money';
import { Settings } from '../../workbook/model';
import { forecast } from '../forecast';
import { lineYearKey } from '../ledger';
import { lineSignal } from '../signal';
import { DeferralEffect, LineFigures } from '../types';
import { Candidate } from './candidates';

export const DEFER_TO_NEXT_PROGRAMME = 'Uitstellen naar volgend programma';
export const deferTo = (year: number) => `Uitstellen naar ${year}`;

/**
 * Where deferred costs land. Deferring moves an action's cost to the next year of the period, so
 * every deferral proposed into one line-year adds up there: the third deferral into ACT 2025 shows
 * what all three do to it together.
 */
export class DeferralLedger {
  private readonly added = new Map<string, Cents>();

  constructor(
    private readonly lineOf: ReadonlyMap<string, LineFigures>,
    private readonly settings: Pick<Settings, 'endYear' | 'warnThresholdBasisPoints'>,
  ) {}

  /** Records the deferral of `candidate` out of `year` and returns what it does where it lands. */
  defer(year: number, candidate: Candidate): DeferralEffect {
    if (year + 1 > this.settings.endYear) return { toYear: null, forecastCents: null, balanceCents: null, signal: null };
    const toYear = year + 1;
    const key = lineYearKey(toYear, candidate.code);
    const total = (this.added.get(key) ?? 0) + candidate.pipelineCents;
    this.added.set(key, total);
    const line = this.lineOf.get(key);
    if (!line) return { toYear, forecastCents: null, balanceCents: null, signal: null };
    const forecastCents = forecast(line.character, line.spentCents, line.plannedCents + total, line.estimateCents, line.settled);
    return {
      toYear,
      forecastCents,
      balanceCents: line.estimateCents - forecastCents,
      signal: lineSignal(line.character, line.estimateCents, line.spentCents, forecastCents, this.settings.warnThresholdBasisPoints),
    };
  }
}

export function deferralProposal(effect: DeferralEffect): string {
  return effect.toYear === null ? DEFER_TO_NEXT_PROGRAMME : deferTo(effect.toYear);
}

/** `Deadline 30-11-2024; in 2025: prognose ACT € 80.000,00, saldo € -5.000,00 (Dreigende overschrijding)`. */
export function deferralNote(candidate: Candidate, effect: DeferralEffect, endYear: number): string {
  const { action } = candidate;
  const deadline = action.deadline ? `Deadline ${formatDay(action.deadline)}` : 'Geen deadline';
  let where: string;
  if (effect.toYear === null) {
    where = `de actie gaat over naar het volgende programma (na ${endYear})`;
  } else if (effect.forecastCents === null || effect.balanceCents === null) {
    where = `Begroting heeft voor ${effect.toYear} geen regel ${candidate.code}: neem de kosten daar op`;
  } else {
    where = `in ${effect.toYear}: prognose ${candidate.code} ${formatEuro(effect.forecastCents)}, saldo ${formatEuro(effect.balanceCents)} (${effect.signal})`;
  }
  return `${deadline}; ${where}`;
}
