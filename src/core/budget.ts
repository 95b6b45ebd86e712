import { YearFigures, LineFigures } from './check.types';
import { OPEN_STATUSES } from './contract';
import { yearOf } from './dates';
import { Ledger, buildLedger, lineYearKey } from './ledger';
import { Cents } from './money';
import { Action, Programme, Settings } from './model';
import { lineSignal, programmeShortfall } from './signal';

/** The year an action's remaining cost falls in: its deadline's, or the period's last when it has none. */
export function pipelineYear(action: Action, settings: Settings): number {
  return action.deadline ? yearOf(action.deadline) : settings.endYear;
}

/**
 * What an action still adds to the forecast: `Geraamd` minus what the ledger already holds for it,
 * never below zero, and only while the action is still going to happen.
 */
export function actionPipeline(action: Action, ledger: Ledger): Cents {
  if (!OPEN_STATUSES.includes(action.status)) return 0;
  return Math.max(0, (action.plannedCents ?? 0) - ledger.heldForAction(action.id));
}

/** Besteed / Raming; null when nothing is budgeted, as a ratio would be meaningless. */
export function utilisation(spentCents: Cents, estimateCents: Cents): number | null {
  return estimateCents === 0 ? null : spentCents / estimateCents;
}

export function computeYears(programme: Programme, ledger: Ledger = buildLedger(programme.ledger)): YearFigures[] {
  const { settings } = programme;

  const pipeline = new Map<string, Cents>();
  for (const action of programme.actions) {
    if (!action.budgetCode) continue;
    const cents = actionPipeline(action, ledger);
    if (cents === 0) continue;
    const key = lineYearKey(pipelineYear(action, settings), action.budgetCode);
    pipeline.set(key, (pipeline.get(key) ?? 0) + cents);
  }

  const years = [...new Set(programme.budgetLines.map((l) => l.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const lines: LineFigures[] = programme.budgetLines
      .filter((l) => l.year === year)
      .sort((a, b) => a.row - b.row)
      .map((line) => {
        const realisedCents = ledger.realised(year, line.code);
        const obligoCents = ledger.obligo(year, line.code);
        const spentCents = realisedCents + obligoCents;
        const plannedCents = pipeline.get(lineYearKey(year, line.code)) ?? 0;
        const forecastCents = spentCents + plannedCents;
        return {
          year,
          code: line.code,
          name: line.name,
          statutory: line.statutory,
          estimateCents: line.estimateCents,
          realisedCents,
          obligoCents,
          spentCents,
          plannedCents,
          forecastCents,
          balanceCents: line.estimateCents - forecastCents,
          utilisation: utilisation(spentCents, line.estimateCents),
          signal: lineSignal(line.estimateCents, spentCents, forecastCents, settings.warnThresholdBasisPoints),
        };
      });
    const sum = (pick: (l: LineFigures) => Cents) => lines.reduce((total, l) => total + pick(l), 0);
    const totalEstimateCents = sum((l) => l.estimateCents);
    const totalCoverageCents = programme.coverage.filter((c) => c.year === year).reduce((total, c) => total + c.amountCents, 0);
    const totalForecastCents = sum((l) => l.forecastCents);
    const shortfallCents = programmeShortfall(totalEstimateCents, totalCoverageCents, totalForecastCents);
    return {
      year,
      lines,
      totalEstimateCents,
      totalCoverageCents,
      totalSpentCents: sum((l) => l.spentCents),
      totalForecastCents,
      programmeSignal: shortfallCents > 0 ? 'Tekort' : 'OK',
      shortfallCents,
    };
  });
}
