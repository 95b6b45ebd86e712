/**
 * `npm run bench`: how the server functions scale with the ledger, over the in-memory SpreadsheetApp
 * fake. Time is this machine's CPU time for our code (Sheets' own latency is not modelled); the
 * service-call count is what decides speed in Apps Script, and must not grow with the rows.
 */
import { benchSidebar, formatSidebarBench } from './benchSidebar';
import { HEADERS, TAB } from '../core/contract';
import { makeDay, midnightIn } from '../core/dates';
import { runBudgetCheck, setupWorkbook } from '../server/index';
import { FakeHandles, __setValuesRaw, __values, installAppsScriptFakes } from '../../test/fakes/spreadsheetApp';

interface Measurement {
  medianMs: number;
  runs: number;
  serviceCalls: number;
}

/** One line of the table: a named operation at one workload size. */
export interface Benchmark {
  name: string;
  sizes: number[];
  /** Number of timed runs for a size (fewer for the big ones). */
  runs(size: number): number;
  /** Prepares a fresh workbook for `size` and returns the operation to time. */
  prepare(size: number): { fakes: FakeHandles; operation: () => unknown };
}

const REFERENCE_DATE = '30-06-2023';
const TIME_ZONE = 'Europe/Amsterdam';

/**
 * A seeded default workbook with `rows` fictional payments spread over its budget lines, as Sheets'
 * getValues returns them: a Date for the date cell, numbers, and '' for a blank (half the rows leave
 * Jaar blank, so the year comes from the Date). Plus decided budget changes and an earlier snapshot
 * in Prognoseverloop, so every read and write of a real check is there.
 */
function workbookWithLedger(rows: number): FakeHandles {
  const fakes = installAppsScriptFakes();
  setupWorkbook();
  fakes.counter.uncounted(() => {
    const ss = fakes.spreadsheet;
    const settings = __values(ss, TAB.settings)!;
    const peil = settings.findIndex((r) => r[0] === 'Peildatum');
    if (peil > 0) __setValuesRaw(ss.getSheetByName(TAB.settings)!, peil + 1, 2, [[REFERENCE_DATE]]);
    const [budgetHeader, ...budget] = __values(ss, TAB.budget)!;
    const lines = budget.map((r) => ({ year: Number(r[budgetHeader.indexOf('Jaar')]), code: String(r[budgetHeader.indexOf('Code')]) }));
    const header = HEADERS[TAB.ledger];
    const ledger = Array.from({ length: rows }, (_, i) => {
      const line = lines[i % lines.length];
      const record: Record<string, unknown> = {
        ID: `BENCH-${i + 1}`,
        Datum: midnightIn(makeDay(line.year, (i % 12) + 1, (i % 28) + 1), TIME_ZONE),
        Jaar: i % 2 ? line.year : '',
        Code: line.code,
        Soort: 'Realisatie',
        Bedrag: 10 + (i % 90),
        Omschrijving: 'fictieve betaling (benchmark)',
      };
      return header.map((h) => record[h] ?? '');
    });
    const sheet = ss.getSheetByName(TAB.ledger)!;
    __setValuesRaw(sheet, sheet.getLastRow() + 1, 1, ledger);
    const changes = ss.getSheetByName(TAB.budgetChanges)!;
    const change = (year: number, code: string, euros: number) => HEADERS[TAB.budgetChanges].map((h) =>
      ({ Datum: midnightIn(makeDay(year, 3, 12), TIME_ZONE), Jaar: year, Code: code, Bedrag: euros, Besluit: 'FICTIEF (benchmark)', Toelichting: '' } as Record<string, unknown>)[h]);
    __setValuesRaw(changes, 2, 1, [change(2023, 'ACT', -50_000), change(2023, 'CSG', 50_000)]);
  });
  // An earlier Peildatum's snapshot, so the check upserts next to rows it keeps.
  fakes.counter.uncounted(() => {
    const ss = fakes.spreadsheet;
    const settings = __values(ss, TAB.settings)!;
    const peil = settings.findIndex((r) => r[0] === 'Peildatum');
    __setValuesRaw(ss.getSheetByName(TAB.settings)!, peil + 1, 2, [['31-03-2023']]);
  });
  runBudgetCheck();
  fakes.counter.uncounted(() => {
    const ss = fakes.spreadsheet;
    const settings = __values(ss, TAB.settings)!;
    const peil = settings.findIndex((r) => r[0] === 'Peildatum');
    __setValuesRaw(ss.getSheetByName(TAB.settings)!, peil + 1, 2, [[REFERENCE_DATE]]);
  });
  runBudgetCheck(); // the first run creates nothing new but warms up; steady state is what we time
  return fakes;
}

const BENCHMARKS: Benchmark[] = [
  {
    name: 'runBudgetCheck',
    sizes: [2_000, 20_000, 100_000],
    runs: (size) => (size >= 100_000 ? 3 : 7),
    prepare: (size) => ({ fakes: workbookWithLedger(size), operation: () => runBudgetCheck() }),
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(benchmark: Benchmark, size: number): Measurement {
  const { fakes, operation } = benchmark.prepare(size);
  const times: number[] = [];
  let serviceCalls = 0;
  try {
    for (let i = 0; i < benchmark.runs(size); i++) {
      fakes.counter.reset();
      const start = process.hrtime.bigint();
      operation();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      serviceCalls = fakes.counter.total;
    }
  } finally {
    fakes.uninstall();
  }
  return { medianMs: median(times), runs: times.length, serviceCalls };
}

async function main(): Promise<void> {
  // Growth is linear when each extra 1.000 rows costs about the same; the smallest size carries the
  // fixed part (the seeded workbook's other tabs), so its column stays blank.
  const rows: string[][] = [['benchmark', 'Mutaties rows', 'median ms', 'extra ms per 1k rows', 'runs', 'service calls']];
  for (const benchmark of BENCHMARKS) {
    let previous: { size: number; ms: number } | null = null;
    for (const size of benchmark.sizes) {
      const m = measure(benchmark, size);
      const marginal = previous ? ((m.medianMs - previous.ms) / ((size - previous.size) / 1000)).toFixed(2) : '';
      rows.push([benchmark.name, size.toLocaleString('en-US'), m.medianMs.toFixed(1), marginal, String(m.runs), String(m.serviceCalls)]);
      previous = { size, ms: m.medianMs };
    }
  }
  const widths = rows[0].map((_, c) => rows.reduce((w, r) => Math.max(w, r[c].length), 0));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
  console.log('');
  for (const l of formatSidebarBench(await benchSidebar())) console.log(l);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
