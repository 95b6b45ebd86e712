import { runCheck } from '../../../../src/core/check';
import { buildBerap } from '../../../../src/core/budget/berap/build';
import { explanationsByCode } from '../../../../src/core/budget/berap/carryOver';
import { Cell, Grid } from '../../../../src/core/sheet/cell';
import { midnightIn } from '../../../../src/core/values/dates';
import { HEADERS, TAB } from '../../../../src/core/workbook/contract';
import { CONTEXT, Row, coverage, commitment, line, payment, workbook } from '../../fixtures';

/**
 * One lopend year, 2024, at Peildatum 01-10-2024, thresholds € 50.000 and 10% (the defaults).
 * All lines Flexibel (Prognose = Besteed) except D, Wettelijk (Prognose = its Raming while open):
 * - A: Primitief 1.000.000, +20.000 decided 01-03 (and -500.000 decided 01-11, after the Peildatum),
 *   paid 960.000: Afwijking 60.000 V, 5,9%: over the amount only;
 * - B: 100.000, paid 115.000: Afwijking -15.000 N, -15%: over the percentage only;
 * - C: 200.000, commitment 190.000 with 100.000 paid on it (a payment of 50.000 on 15-10 is after
 *   the Peildatum): Besteed 190.000, Afwijking 10.000 V, 5%: under both;
 * - D: Wettelijk 300.000, paid 100.000: Prognose 300.000, Afwijking 0.
 */
export function berapWorkbook(more: { settings?: Record<string, Cell>; municipalities?: Row[] } = {}) {
  const d = (day: string) => day;
  return workbook({
    settings: { Peildatum: '01-10-2024', ...more.settings },
    ...(more.municipalities ? { municipalities: more.municipalities } : {}),
    budget: [line(2024, 'A', 1_000_000), line(2024, 'B', 100_000), line(2024, 'C', 200_000), line(2024, 'D', 300_000, { Karakter: 'Wettelijk' })],
    budgetChanges: [
      { Datum: d('01-03-2024'), Jaar: 2024, Code: 'A', Bedrag: 20_000, Besluit: 'college 01-03-2024' },
      { Datum: d('01-11-2024'), Jaar: 2024, Code: 'A', Bedrag: -500_000, Besluit: 'college 01-11-2024' },
    ],
    coverage: [coverage(2024, 1_500_000)],
    ledger: [
      payment('R-1', 2024, 'A', 960_000, { Datum: '10-05-2024' }),
      payment('R-2', 2024, 'B', 115_000, { Datum: '10-05-2024' }),
      commitment('V-1', 2024, 'C', 190_000, { Datum: '01-02-2024' }),
      payment('R-3', 2024, 'C', 100_000, { Datum: '01-06-2024', 'Verplichting-ID': 'V-1' }),
      payment('R-4', 2024, 'C', 50_000, { Datum: '15-10-2024', 'Verplichting-ID': 'V-1' }),
      payment('R-5', 2024, 'D', 100_000, { Datum: '01-06-2024' }),
    ],
  });
}

const TZ = CONTEXT.timeZone;
const day = (iso: string) => midnightIn(iso, TZ);

/**
 * `Prognoseverloop` before this berap: 01-04 (C at 150.000), 01-07 (A 900.000, B 100.000, D 300.000;
 * no C), and 01-12, after the Peildatum, which no berap at 01-10 may compare with.
 */
export const HISTORY: Grid = [
  [...HEADERS[TAB.forecastHistory]],
  [day('2024-04-01'), 2024, 'C', 200_000, 0, 150_000, 50_000, 'OK'],
  [day('2024-07-01'), 2024, 'A', 1_020_000, 900_000, 900_000, 120_000, 'OK'],
  [day('2024-07-01'), 2024, 'B', 100_000, 100_000, 100_000, 0, 'OK'],
  [day('2024-07-01'), 2024, 'D', 300_000, 0, 300_000, 0, 'OK'],
  [day('2024-12-01'), 2024, 'A', 1_020_000, 1_000_000, 1_000_000, 20_000, 'OK'],
];

export function makeBerap(tab: Grid | null = null, fictional = false) {
  const check = runCheck(berapWorkbook(), CONTEXT, HISTORY);
  const year = check.years.find((y) => y.year === 2024)!;
  return buildBerap({
    settings: check.programme.settings, year, history: check.history, proposals: check.proposals,
    explanations: explanationsByCode(tab), programmeName: 'regioaanpak', fictional,
  });
}
