import { Cents } from '../values/money';
import { BudgetLine, Programme } from '../workbook/model';
import { changesByLineYear } from './estimate';
import { forecast } from './forecast';
import { Ledger, buildLedger, lineYearKey } from './ledger';
import { pipelineByLineYear } from './pipeline';
import { programmeYears } from './programme';
import { lineSignal } from './signal';
import { LineFigures, YearFigures } from './types';

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
}

/** One line-year's figures from what the ledger, the decisions and the pipeline give it. */
export function lineFigures(inputs: LineInputs, warnBasisPoints: number): LineFigures {
  const { line, changesCents, realisedCents, obligoCents, plannedCents, settled } = inputs;
  const estimateCents = line.estimateCents + changesCents;
  const spentCents = realisedCents + obligoCents;
  const forecastCents = forecast(line.character, spentCents, plannedCents, estimateCents, settled);
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
    forecastCents,
    balanceCents: estimateCents - forecastCents,
    utilisation: utilisation(spentCents, estimateCents),
    settled,
    signal: lineSignal(line.character, estimateCents, spentCents, forecastCents, warnBasisPoints),
  };
}

/** Every line-year of Begroting and every year of the programme, in year order and Begroting order. */
export function computeYears(programme: Programme, ledger: Ledger = buildLedger(programme.ledger)): YearFigures[] {
  const { settings } = programme;
  const pipeline = pipelineByLineYear(programme.actions, settings, ledger);
  const changes = changesByLineYear(programme.budgetChanges);
  const linesByYear = new Map<number, LineFigures[]>();
  for (const line of [...programme.budgetLines].sort((a, b) => a.year - b.year || a.row - b.row)) {
    const key = lineYearKey(line.year, line.code);
    const figures = lineFigures(
      {
        line,
        changesCents: changes.get(key) ?? 0,
        realisedCents: ledger.realised(line.year, line.code),
        obligoCents: ledger.obligo(line.year, line.code),
        plannedCents: pipeline.get(key) ?? 0,
        settled: ledger.settled(line.year, line.code),
      },
      settings.warnThresholdBasisPoints,
    );
    const list = linesByYear.get(line.year) ?? [];
    list.push(figures);
    linesByYear.set(line.year, list);
  }
  return programmeYears(linesByYear, programme.coverage, settings);
}
