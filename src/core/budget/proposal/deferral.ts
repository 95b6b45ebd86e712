import { formatDay, yearOf } from '../../values/dates';
import { Cents, formatEuro } from '../../values/money';
import { Settings } from '../../workbook/model';
import { idKey } from '../../workbook/rowReader';
import { unallocated, forecast } from '../forecast';
import { lineYearKey } from '../ledger';
import { isOverrun, lineSignal, plannedUse, programmeShortfall } from '../signal';
import { DeferralEffect, LineFigures, YearFigures } from '../types';
import { Candidate } from './candidates';

export const DEFER_TO_NEXT_PROGRAMME = 'Uitstellen naar volgend programma';
export const deferTo = (year: number) => `Uitstellen naar ${year}`;

/**
 * Where deferred costs land. Deferring moves an action's cost to the next year of the period, so
 * every deferral proposed into one line-year adds up there, and that year is proposed on the
 * figures the deferrals leave it (contract: the proposal's chained years).
 */
export class DeferralLedger {
  private readonly added = new Map<string, Cents>();
  /** Years that received deferred costs. */
  readonly receivingYears = new Set<number>();

  constructor(
    private readonly years: ReadonlyMap<number, YearFigures>,
    private readonly settings: Pick<Settings, 'endYear' | 'warnThresholdBasisPoints'>,
  ) {}

  /** A line-year's figures with the deferrals proposed into it so far. */
  private adjustedLine(line: LineFigures): LineFigures {
    const added = this.added.get(lineYearKey(line.year, line.code)) ?? 0;
    if (added === 0) return line;
    const plannedCents = line.plannedCents + added;
    const forecastCents = forecast(line.character, line.spentCents, plannedCents, line.estimateCents, line.settled, line.phase);
    return {
      ...line,
      plannedCents,
      forecastCents,
      unallocatedCents: unallocated(line.character, line.estimateCents, line.spentCents, plannedCents),
      balanceCents: line.estimateCents - forecastCents,
      signal: lineSignal(line.character, line.estimateCents, line.spentCents, forecastCents, this.settings.warnThresholdBasisPoints, plannedUse(line.phase, line.spentCents, plannedCents, forecastCents)),
    };
  }

  /** A year as the deferrals proposed into it leave it: what that year's proposal is made on. */
  adjusted(year: YearFigures): YearFigures {
    if (!this.receivingYears.has(year.year)) return year;
    const lines = year.lines.map((l) => this.adjustedLine(l));
    const totalForecastCents = lines.reduce((t, l) => t + l.forecastCents, 0);
    const shortfallCents = programmeShortfall(year.totalEstimateCents, year.totalCoverageCents, totalForecastCents);
    return {
      ...year, lines, totalForecastCents, shortfallCents,
      programmeSignal: shortfallCents > 0 ? 'Tekort' : 'OK',
      resultCents: year.totalCoverageCents - totalForecastCents,
    };
  }

  /** Records the deferral of `candidate` out of `year` and returns what it does where it lands. */
  defer(year: number, candidate: Candidate): DeferralEffect {
    const toYear = year + 1;
    const next = this.years.get(toYear);
    if (toYear > this.settings.endYear) return { toYear: null, forecastCents: null, balanceCents: null, signal: null, shiftsShortfall: false };
    const key = lineYearKey(toYear, candidate.code);
    this.added.set(key, (this.added.get(key) ?? 0) + candidate.pipelineCents);
    this.receivingYears.add(toYear);
    const original = next?.lines.find((l) => idKey(l.code) === idKey(candidate.code));
    if (!next || !original) return { toYear, forecastCents: null, balanceCents: null, signal: null, shiftsShortfall: false };
    const line = this.adjustedLine(original);
    const after = this.adjusted(next);
    return {
      toYear,
      forecastCents: line.forecastCents,
      balanceCents: line.balanceCents,
      signal: line.signal,
      shiftsShortfall: isOverrun(line.signal) || after.programmeSignal === 'Tekort',
    };
  }

  /** Whether `toYear` was already short before any deferral: then a deferral adds to it rather than moving it. */
  wasShort(toYear: number, code: string): boolean {
    const next = this.years.get(toYear);
    const line = next?.lines.find((l) => idKey(l.code) === idKey(code));
    return !!next && (next.programmeSignal === 'Tekort' || (!!line && isOverrun(line.signal)));
  }
}

export function deferralProposal(effect: DeferralEffect): string {
  return effect.toYear === null ? DEFER_TO_NEXT_PROGRAMME : deferTo(effect.toYear);
}

/** `oorspronkelijk 2022; al 2 keer uitgesteld`, where the sheet and Logboek tell. */
function history(candidate: Candidate, deferredTimes: number): string {
  const { action } = candidate;
  const parts: string[] = [];
  if (action.originalDeadline && action.deadline && yearOf(action.originalDeadline) !== yearOf(action.deadline)) parts.push(`oorspronkelijk ${yearOf(action.originalDeadline)}`);
  if (deferredTimes > 0) parts.push(`al ${deferredTimes} keer uitgesteld`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** `Deadline 30-11-2024 (oorspronkelijk 2022); in 2025: prognose ACT € 80.000,00, saldo € -5.000,00 (Dreigende overschrijding): verschuift het tekort naar 2025`. */
export function deferralNote(candidate: Candidate, effect: DeferralEffect, endYear: number, deferredTimes: number, addsToShortfall: boolean): string {
  const { action } = candidate;
  const deadline = `${action.deadline ? `Deadline ${formatDay(action.deadline)}` : 'Geen deadline'}${history(candidate, deferredTimes)}`;
  let where: string;
  if (effect.toYear === null) {
    where = `de actie gaat over naar het volgende programma (na ${endYear})`;
  } else if (effect.forecastCents === null || effect.balanceCents === null) {
    where = `Begroting heeft voor ${effect.toYear} geen regel ${candidate.code}: neem de kosten daar op`;
  } else {
    where = `in ${effect.toYear}: prognose ${candidate.code} ${formatEuro(effect.forecastCents)}, saldo ${formatEuro(effect.balanceCents)} (${effect.signal})`;
    if (effect.shiftsShortfall) where += addsToShortfall ? `: vergroot het tekort in ${effect.toYear}` : `: verschuift het tekort naar ${effect.toYear}`;
  }
  return `${deadline}; ${where}`;
}
