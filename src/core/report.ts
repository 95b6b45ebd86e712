import { utilisation } from './budget';
import { Cell, Grid } from './cell';
import { Proposal, YearFigures } from './check.types';
import { COVERAGE_CODE, TOTAL_CODE, USER_TABS } from './contract';
import { escapeCellText } from './escape';
import { Finding } from './finding';
import { centsToSheet } from './money';
import { lineSignal } from './signal';

export const NO_PROPOSAL = 'Geen voorstel nodig: geen (dreigende) overschrijding of tekort.';
export const TOTAL_NAME = 'Totaal';
export const COVERAGE_NAME = 'Dekking (inkomsten)';

const money = centsToSheet;
const text = (value: string): string => escapeCellText(value);
const ratio = (value: number | null): Cell => (value === null ? '' : value);

/** `Budgetcontrole`: per year its lines in Begroting order, a total row and the programme's coverage row. */
export function budgetRows(years: readonly YearFigures[], warnBasisPoints: number): Grid {
  const rows: Grid = [];
  for (const y of years) {
    for (const l of y.lines) {
      rows.push([
        y.year, text(l.code), text(l.name), money(l.estimateCents), money(l.realisedCents), money(l.obligoCents),
        money(l.spentCents), money(l.plannedCents), money(l.forecastCents), money(l.balanceCents), ratio(l.utilisation), l.signal,
      ]);
    }
    const sum = (pick: (l: YearFigures['lines'][number]) => number) => y.lines.reduce((t, l) => t + pick(l), 0);
    const realised = sum((l) => l.realisedCents);
    const obligo = sum((l) => l.obligoCents);
    const planned = sum((l) => l.plannedCents);
    rows.push([
      y.year, TOTAL_CODE, TOTAL_NAME, money(y.totalEstimateCents), money(realised), money(obligo), money(y.totalSpentCents),
      money(planned), money(y.totalForecastCents), money(y.totalEstimateCents - y.totalForecastCents),
      ratio(utilisation(y.totalSpentCents, y.totalEstimateCents)),
      lineSignal(y.totalEstimateCents, y.totalSpentCents, y.totalForecastCents, warnBasisPoints),
    ]);
    rows.push([
      y.year, COVERAGE_CODE, COVERAGE_NAME, money(y.totalCoverageCents), '', '', '', '', money(y.totalForecastCents),
      money(y.totalCoverageCents - Math.max(y.totalEstimateCents, y.totalForecastCents)), '', y.programmeSignal,
    ]);
  }
  return rows;
}

/** `Herprioritering`: one row per proposal item, or a single row saying none is needed. */
export function reprioritisationRows(proposals: readonly Proposal[]): Grid {
  const rows: Grid = [];
  for (const p of proposals) {
    for (const item of p.items) {
      rows.push([
        item.year, text(item.code), money(item.shortfallCents), text(item.proposal), text(item.actionId), text(item.actionTitle),
        text(item.priority), money(item.freedCents), text(item.note),
      ]);
    }
  }
  if (rows.length === 0) rows.push(['', '', '', NO_PROPOSAL, '', '', '', '', '']);
  return rows;
}

/** Position of a `Controles` column such as `Bedrag (G)`: by the letter a user sees. */
function columnOrder(column: string): number {
  if (!column) return -1;
  const letters = /\(([A-Z]+)\)$/.exec(column)?.[1];
  if (!letters) return Number.MAX_SAFE_INTEGER;
  return [...letters].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0);
}

function tabOrder(tab: string): number {
  const index = (USER_TABS as readonly string[]).indexOf(tab);
  return index === -1 ? USER_TABS.length : index;
}

/** `Controles`: every finding, in the order the user walks the workbook (tab, row, column). */
export function checkRows(findings: readonly Finding[]): Grid {
  const sorted = findings
    .map((f, index) => ({ f, index }))
    .sort((a, b) =>
      tabOrder(a.f.tab) - tabOrder(b.f.tab) ||
      (a.f.tab < b.f.tab ? -1 : a.f.tab > b.f.tab ? 1 : 0) ||
      a.f.row - b.f.row ||
      columnOrder(a.f.column) - columnOrder(b.f.column) ||
      (a.f.column < b.f.column ? -1 : a.f.column > b.f.column ? 1 : 0) ||
      a.index - b.index);
  return sorted.map(({ f }) => [text(f.tab), f.row === 0 ? '' : f.row, text(f.column), text(f.value), text(f.problem)]);
}
