import { Cents } from '../values/money';
import { CoverageEntry, Settings } from '../workbook/model';
import { programmeShortfall } from './signal';
import { LineFigures, YearFigures } from './types';

/** Per year of Begroting: its own Dekking. */
export function coverageOfYear(coverage: readonly CoverageEntry[], year: number): Cents {
  let total = 0;
  for (const c of coverage) if (c.year === year) total += c.amountCents;
  return total;
}

interface Carried {
  fromYear: number;
  cents: Cents;
}

/**
 * The programme per year, in year order: totals, the reserve carried from a closed year, the
 * programme signal, and the resultaat of the year and of the period so far.
 * With `Overschot naar reserve` = `Ja`, the positive resultaat of a year that ended before the
 * Peildatum is added to the next year's dekking; with `Nee` a surplus lapses. Only the year right
 * after it receives it, and only when that year is in Begroting.
 */
export function programmeYears(
  linesByYear: ReadonlyMap<number, LineFigures[]>,
  coverage: readonly CoverageEntry[],
  settings: Pick<Settings, 'startYear' | 'surplusToReserve' | 'referenceDate'>,
): YearFigures[] {
  const years = [...linesByYear.keys()].sort((a, b) => a - b);
  const referenceYear = Number(settings.referenceDate.slice(0, 4));
  const out: YearFigures[] = [];
  let cumulative: Cents | null = null;
  let carried: Carried | null = null;
  for (const year of years) {
    const lines = linesByYear.get(year)!;
    const sum = (pick: (l: LineFigures) => Cents) => lines.reduce((total, l) => total + pick(l), 0);
    const totalEstimateCents = sum((l) => l.estimateCents);
    const totalSpentCents = sum((l) => l.spentCents);
    const totalForecastCents = sum((l) => l.forecastCents);
    const coverageCents = coverageOfYear(coverage, year);
    const reserve: Carried | null = carried && carried.fromYear === year - 1 ? carried : null;
    const reserveCents: Cents = reserve ? reserve.cents : 0;
    const totalCoverageCents: Cents = coverageCents + reserveCents;
    const shortfallCents = programmeShortfall(totalEstimateCents, totalCoverageCents, totalForecastCents);
    const resultCents: Cents = totalCoverageCents - totalForecastCents;
    // The reserve is the period's own money moving a year on: counted once, where it was earned.
    if (year >= settings.startYear) cumulative = (cumulative ?? 0) + coverageCents - totalForecastCents;
    const ended = year < referenceYear;
    carried = settings.surplusToReserve && ended && resultCents > 0 ? { fromYear: year, cents: resultCents } : null;
    out.push({
      year,
      lines,
      totalEstimateCents,
      coverageCents,
      reserveCents,
      reserveFromYear: reserve ? reserve.fromYear : null,
      totalCoverageCents,
      totalSpentCents,
      totalForecastCents,
      programmeSignal: shortfallCents > 0 ? 'Tekort' : 'OK',
      shortfallCents,
      resultCents,
      cumulativeResultCents: year >= settings.startYear ? cumulative : null,
      ended,
    });
  }
  return out;
}
