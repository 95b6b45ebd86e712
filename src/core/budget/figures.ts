import { Phase } from '../workbook/contract';
import { Cents } from '../values/money';
import { BudgetLine, Programme } from '../workbook/model';
import { changesByLineYear } from './estimate';
import { forecast, unallocated } from './forecast';
import { Ledger, buildLedger, lineYearKey } from './ledger';
import { BudgetNotice } from './notices';
import { yearPhase } from './phase';
import { pipelineByLineYear } from './pipeline';
import { programmeYears } from './programme';
import { ReserveLedger } from './reserve';
import { lineSignal, plannedUse } from './signal';
import { AfterPeriodLine, LineFigures, ReserveYear, YearFigures } from './types';
import { endedYearNotices, paymentNotices } from './warnings';
import { idKey } from '../workbook/rowReader';

/** Besteed / Raming; null when nothing is budgeted, as a ratio would be meaningless. */
export function utilisation(spentCents: Cents, estimateCents: Cents): number | null {
  return estimateCents === 0 ? null : spentCents / estimateCents;
}

export interface LineInputs {
  line: BudgetLine;
  changesCents: Cents;
  realisedCents: Cents;
  obligoCents: Cents;
  plannedCents: Cents;
  settled: boolean;
  phase: Phase;
}

/** One line-year's figures from what the ledger, the decisions and the pipeline give it. */
export function lineFigures(inputs: LineInputs, warnBasisPoints: number): LineFigures {
  const { line, changesCents, realisedCents, obligoCents, plannedCents, settled, phase } = inputs;
  const estimateCents = line.estimateCents + changesCents;
  const spentCents = realisedCents + obligoCents;
  const forecastCents = forecast(line.character, spentCents, plannedCents, estimateCents, settled, phase);
  return {
    year: line.year,
    code: line.code,
    name: line.name,
    character: line.character,
    primitiveCents: line.estimateCents,
    changesCents,
    estimateCents,
    realisedCents,
    obligoCents,
    spentCents,
    plannedCents,
    unallocatedCents: unallocated(line.character, estimateCents, spentCents, plannedCents),
    forecastCents,
    balanceCents: estimateCents - forecastCents,
    utilisation: utilisation(spentCents, estimateCents),
    settled,
    signal: lineSignal(line.character, estimateCents, spentCents, forecastCents, warnBasisPoints, plannedUse(phase, spentCents, plannedCents, forecastCents)),
    phase,
  };
}

/** Everything the budget model computes from a parsed workbook. */
export interface BudgetFigures {
  years: YearFigures[];
  reserve: ReserveYear[];
  /** Actions planned after `Eindjaar`, per line: the `Na JJJJ` rows. */
  afterPeriod: AfterPeriodLine[];
  /** Warnings (and draws beyond the reserve) about rows that were read: for `Controles`. */
  notices: BudgetNotice[];
}

/** Every line-year of Begroting and every year of the programme, in year order and Begroting order. */
export function computeFigures(programme: Programme, ledger: Ledger = buildLedger(programme.ledger)): BudgetFigures {
  const { settings } = programme;
  const pipeline = pipelineByLineYear(programme.actions, settings, ledger);
  const changes = changesByLineYear(programme.budgetChanges);
  const adopted = new Set(programme.yearClosings.map((c) => c.year));
  const phases = new Map<number, Phase>();
  const linesByYear = new Map<number, LineFigures[]>();
  const budgetLines = [...programme.budgetLines].sort((a, b) => a.year - b.year || a.row - b.row);
  for (const line of budgetLines) {
    const key = lineYearKey(line.year, line.code);
    if (!phases.has(line.year)) phases.set(line.year, yearPhase(line.year, settings.referenceDate, adopted));
    const figures = lineFigures(
      {
        line,
        changesCents: changes.get(key) ?? 0,
        realisedCents: ledger.realised(line.year, line.code),
        obligoCents: ledger.obligo(line.year, line.code),
        plannedCents: pipeline.byLineYear.get(key) ?? 0,
        settled: ledger.settled(line.year, line.code),
        phase: phases.get(line.year)!,
      },
      settings.warnThresholdBasisPoints,
    );
    const list = linesByYear.get(line.year) ?? [];
    list.push(figures);
    linesByYear.set(line.year, list);
  }
  const reserve = new ReserveLedger(new Map(programme.yearClosings.map((c) => [c.year, c])));
  const years = programmeYears(linesByYear, phases, programme.coverage, reserve);
  const lastLineOf = new Map(budgetLines.map((l) => [idKey(l.code), l]));
  const afterPeriod = [...pipeline.afterPeriod.values()].map((after) => {
    const line = lastLineOf.get(idKey(after.code));
    return { code: line?.code ?? after.code, name: line?.name ?? '', character: line?.character ?? 'Flexibel', plannedCents: after.cents, actionIds: after.actionIds };
  });
  return {
    years,
    reserve: reserve.years,
    afterPeriod,
    notices: [...endedYearNotices(programme, budgetLines, phases, ledger), ...paymentNotices(programme, ledger), ...reserve.notices],
  };
}

/** The figures per year only (tests, and callers that need no reserve or notices). */
export function computeYears(programme: Programme, ledger: Ledger = buildLedger(programme.ledger)): YearFigures[] {
  return computeFigures(programme, ledger).years;
}
