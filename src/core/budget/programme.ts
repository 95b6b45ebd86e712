import { Phase } from '../workbook/contract';
import { Cents } from '../values/money';
import { CoverageEntry } from '../workbook/model';
import { ReserveLedger } from './reserve';
import { programmeShortfall } from './signal';
import { LineFigures, YearFigures } from './types';

/** Per year: its own Dekking rows, and its draws on the reserve in sheet order. */
export function coverageOfYear(coverage: readonly CoverageEntry[], year: number): { ownCents: Cents; draws: CoverageEntry[] } {
  let ownCents = 0;
  const draws: CoverageEntry[] = [];
  for (const c of coverage) {
    if (c.year !== year) continue;
    if (c.reserveDraw) draws.push(c);
    else ownCents += c.amountCents;
  }
  return { ownCents, draws: draws.sort((a, b) => a.row - b.row) };
}

/**
 * The programme per year, in year order: totals, dekking with the counted draws on the reserve,
 * the programme signal and the year's resultaat. There is no sum over the period: a surplus lapses
 * unless a decision puts it into the reserve, which `reserve` books.
 */
export function programmeYears(
  linesByYear: ReadonlyMap<number, LineFigures[]>, phases: ReadonlyMap<number, Phase>, coverage: readonly CoverageEntry[], reserve: ReserveLedger,
): YearFigures[] {
  const years = [...linesByYear.keys()].sort((a, b) => a - b);
  return years.map((year) => {
    const lines = linesByYear.get(year)!;
    const sum = (pick: (l: LineFigures) => Cents) => lines.reduce((total, l) => total + pick(l), 0);
    const totalEstimateCents = sum((l) => l.estimateCents);
    const totalSpentCents = sum((l) => l.spentCents);
    const totalForecastCents = sum((l) => l.forecastCents);
    const { ownCents, draws } = coverageOfYear(coverage, year);
    const reserveDrawCents = reserve.draw(year, draws);
    const totalCoverageCents = ownCents + reserveDrawCents;
    const shortfallCents = programmeShortfall(totalEstimateCents, totalCoverageCents, totalForecastCents);
    const resultCents = totalCoverageCents - totalForecastCents;
    reserve.deposit(year, resultCents);
    return {
      year,
      phase: phases.get(year) ?? 'lopend',
      lines,
      totalEstimateCents,
      coverageCents: ownCents,
      reserveDrawCents,
      totalCoverageCents,
      totalSpentCents,
      totalForecastCents,
      programmeSignal: shortfallCents > 0 ? 'Tekort' : 'OK',
      shortfallCents,
      resultCents,
    };
  });
}
