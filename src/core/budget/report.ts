import { Cell, Grid } from '../sheet/cell';
import { COVERAGE_CODE, RESERVE_CODE, RESULT_CODE, TOTAL_CODE } from '../workbook/contract';
import { escapeCellText } from '../sheet/escape';
import { centsToSheet, formatEuro } from '../values/money';
import { utilisation } from './figures';
import { lineSignal } from './signal';
import { LineFigures, Proposal, YearFigures } from './types';

export const NO_PROPOSAL = 'Geen voorstel nodig: geen (dreigende) overschrijding of tekort.';
export const TOTAL_NAME = 'Totaal';
export const COVERAGE_NAME = 'Dekking (inkomsten)';
export const reserveName = (fromYear: number) => `Reserve uit ${fromYear}`;

const money = centsToSheet;
const text = (value: string): string => escapeCellText(value);
const ratio = (value: number | null): Cell => (value === null ? '' : value);
/** 15 columns: Jaar … Signaal. */
const blank = (n: number): Cell[] => Array<Cell>(n).fill('');

function resultName(year: number, startYear: number, cumulative: number | null): string {
  if (cumulative === null) return `Resultaat ${year} (dekking − prognose)`;
  return `Resultaat ${year} (dekking − prognose); cumulatief vanaf ${startYear}: ${formatEuro(cumulative)}`;
}

/**
 * `Budgetcontrole`: per year its lines in Begroting order, then a total row, the computed reserve
 * row when a surplus was carried over, the Dekking row with the programme signal and the Resultaat
 * row (the year's resultaat in Saldo, the cumulative one in the row's name).
 */
export function budgetRows(years: readonly YearFigures[], startYear: number, warnBasisPoints: number): Grid {
  const rows: Grid = [];
  for (const y of years) {
    for (const l of y.lines) {
      rows.push([
        y.year, text(l.code), text(l.name), l.character, money(l.primitiveCents), money(l.changesCents), money(l.estimateCents),
        money(l.realisedCents), money(l.obligoCents), money(l.spentCents), money(l.plannedCents), money(l.forecastCents),
        money(l.balanceCents), ratio(l.utilisation), l.signal,
      ]);
    }
    const sum = (pick: (l: LineFigures) => number) => y.lines.reduce((t, l) => t + pick(l), 0);
    // The total has no Let op: it mixes subsidies that are meant to reach 100% with Flexibel lines.
    rows.push([
      y.year, TOTAL_CODE, TOTAL_NAME, '', money(sum((l) => l.primitiveCents)), money(sum((l) => l.changesCents)), money(y.totalEstimateCents),
      money(sum((l) => l.realisedCents)), money(sum((l) => l.obligoCents)), money(y.totalSpentCents), money(sum((l) => l.plannedCents)),
      money(y.totalForecastCents), money(y.totalEstimateCents - y.totalForecastCents), ratio(utilisation(y.totalSpentCents, y.totalEstimateCents)),
      lineSignal('Vast', y.totalEstimateCents, y.totalSpentCents, y.totalForecastCents, warnBasisPoints),
    ]);
    if (y.reserveFromYear !== null) {
      rows.push([y.year, RESERVE_CODE, reserveName(y.reserveFromYear), '', '', '', money(y.reserveCents), ...blank(8)]);
    }
    rows.push([
      y.year, COVERAGE_CODE, COVERAGE_NAME, '', '', '', money(y.totalCoverageCents), '', '', '', '', money(y.totalForecastCents),
      money(y.totalCoverageCents - Math.max(y.totalEstimateCents, y.totalForecastCents)), '', y.programmeSignal,
    ]);
    rows.push([y.year, RESULT_CODE, resultName(y.year, startYear, y.cumulativeResultCents), ...blank(9), money(y.resultCents), '', '']);
  }
  return rows;
}

/** `Herprioritering`: one row per proposal item, or a single row saying none is needed. */
export function reprioritisationRows(proposals: readonly Proposal[]): Grid {
  const rows: Grid = [];
  for (const p of proposals) {
    for (const item of p.items) {
      rows.push([
        item.year, text(item.code), item.kind === 'consult' ? '' : money(item.shortfallCents), text(item.proposal), text(item.actionId),
        text(item.actionTitle), text(item.priority), money(item.freedCents), text(item.note),
      ]);
    }
  }
  if (rows.length === 0) rows.push(['', '', '', NO_PROPOSAL, '', '', '', '', '']);
  return rows;
}
