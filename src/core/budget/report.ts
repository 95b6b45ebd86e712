import { Cell, Grid } from '../sheet/cell';
import { COVERAGE_CODE, RESULT_CODE, SIGNALS, Signal, TOTAL_CODE, afterPeriodLabel } from '../workbook/contract';
import { escapeCellText } from '../sheet/escape';
import { centsToSheet, formatEuro } from '../values/money';
import { utilisation } from './figures';
import { AfterPeriodLine, LineFigures, Proposal, ReserveYear, YearFigures } from './types';

export const NO_PROPOSAL = 'Geen voorstel nodig: geen (dreigende) overschrijding of tekort.';
export const TOTAL_NAME = 'Totaal';
export const coverageName = (y: Pick<YearFigures, 'reserveDrawCents'>) =>
  y.reserveDrawCents > 0 ? `Dekking (inkomsten, waarvan ${formatEuro(y.reserveDrawCents)} uit de reserve); Saldo = dekking − hoogste van raming en prognose` : 'Dekking (inkomsten); Saldo = dekking − hoogste van raming en prognose';
export const resultName = (year: number) => `Resultaat ${year} (dekking − prognose)`;
export const afterPeriodName = (line: AfterPeriodLine) => `${line.name || line.code}: naar het volgende programma (${line.actionIds.join(', ')})`;

const money = centsToSheet;
const text = (value: string): string => escapeCellText(value);
const ratio = (value: number | null): Cell => (value === null ? '' : value);
const optionalMoney = (cents: number | null): Cell => (cents === null ? '' : money(cents));
const blank = (n: number): Cell[] => Array<Cell>(n).fill('');

/** The most serious signal of a year's lines: the Totaal row must not read `OK` beside an overrun. */
export function worstSignal(lines: readonly LineFigures[]): Signal {
  return lines.reduce<Signal>((worst, l) => (SIGNALS.indexOf(l.signal) < SIGNALS.indexOf(worst) ? l.signal : worst), 'OK');
}

/**
 * `Budgetcontrole`: per year its lines in Begroting order, then a total row (with the worst signal of
 * its lines), the Dekking row with the programme signal and the Resultaat row, each with the year's
 * Fase; then one `Na JJJJ` row per line with what is planned after the period (17 columns: Jaar … Fase).
 */
export function budgetRows(years: readonly YearFigures[], afterPeriod: readonly AfterPeriodLine[], endYear: number): Grid {
  const rows: Grid = [];
  for (const y of years) {
    for (const l of y.lines) {
      rows.push([
        y.year, text(l.code), text(l.name), l.character, money(l.primitiveCents), money(l.changesCents), money(l.estimateCents),
        money(l.realisedCents), money(l.obligoCents), money(l.spentCents), money(l.plannedCents), optionalMoney(l.unallocatedCents), money(l.forecastCents),
        money(l.balanceCents), ratio(l.utilisation), l.signal, y.phase,
      ]);
    }
    const sum = (pick: (l: LineFigures) => number) => y.lines.reduce((t, l) => t + pick(l), 0);
    const flexible = y.lines.filter((l) => l.unallocatedCents !== null);
    rows.push([
      y.year, TOTAL_CODE, TOTAL_NAME, '', money(sum((l) => l.primitiveCents)), money(sum((l) => l.changesCents)), money(y.totalEstimateCents),
      money(sum((l) => l.realisedCents)), money(sum((l) => l.obligoCents)), money(y.totalSpentCents), money(sum((l) => l.plannedCents)),
      flexible.length ? money(flexible.reduce((t, l) => t + (l.unallocatedCents ?? 0), 0)) : '',
      money(y.totalForecastCents), money(y.totalEstimateCents - y.totalForecastCents), ratio(utilisation(y.totalSpentCents, y.totalEstimateCents)),
      worstSignal(y.lines), y.phase,
    ]);
    rows.push([
      y.year, COVERAGE_CODE, text(coverageName(y)), '', '', '', money(y.totalCoverageCents), '', '', '', '', '', money(y.totalForecastCents),
      money(y.totalCoverageCents - Math.max(y.totalEstimateCents, y.totalForecastCents)), '', y.programmeSignal, y.phase,
    ]);
    rows.push([y.year, RESULT_CODE, resultName(y.year), ...blank(10), money(y.resultCents), '', '', y.phase]);
  }
  for (const line of afterPeriod) {
    rows.push([afterPeriodLabel(endYear), text(line.code), text(afterPeriodName(line)), line.character, ...blank(6), money(line.plannedCents), ...blank(6)]);
  }
  return rows;
}

/** `Reserveverloop`: one row per year (Jaar, Beginstand, Storting, Onttrekking, Eindstand, Besluit). */
export function reserveRows(years: readonly ReserveYear[]): Grid {
  return years.map((y) => [y.year, money(y.openingCents), money(y.depositCents), money(y.withdrawalCents), money(y.closingCents), text(y.decisions.join('; '))]);
}

/** `Herprioritering`: one row per proposal item, or a single row saying none is needed. Who decides closes each Toelichting. */
export function reprioritisationRows(proposals: readonly Proposal[]): Grid {
  const rows: Grid = [];
  for (const p of proposals) {
    for (const item of p.items) {
      const note = item.decidedBy ? `${item.note}; besluit: ${item.decidedBy}` : item.note;
      rows.push([
        item.year, text(item.code), item.kind === 'consult' || item.kind === 'reserve' ? '' : money(item.shortfallCents), text(item.proposal), text(item.actionId),
        text(item.actionTitle), text(item.priority), money(item.freedCents), text(note),
      ]);
    }
  }
  if (rows.length === 0) rows.push(['', '', '', NO_PROPOSAL, '', '', '', '', '']);
  return rows;
}
