/**
 * `npm run bench`: how the server functions scale with the ledger, over the in-memory SpreadsheetApp
 * fake. Time is this machine's CPU time for our code (Sheets' own latency is not modelled); the
 * service-call count is what decides speed in Apps Script, and must not grow with the rows.
 */
import { benchSidebar, formatSidebarBench } from './benchSidebar';
import { benchEdits, formatEditBench } from './benchEdits';
import { benchAgenda, formatAgendaBench } from './benchAgenda';
import { HEADERS, TAB } from '../core/workbook/contract';
import { DEFAULT_TIME_ZONE, makeDay, midnightIn } from '../core/values/dates';
import { runBudgetCheck, setupWorkbook, applyProtections, installEditTrigger, onEditInstalled } from '../server/index';
import { AppsScriptProtections } from '../adapters/appsscript/protections';
import { readPeople } from '../app/protections';
import { appsScriptRuntime } from '../adapters/appsscript/runtime';
import { PROTECTION_PREFIX, planProtections } from '../core/rights/protectionPlan';
import { FakeHandles, __setValuesRaw, __values, installAppsScriptFakes } from '../../test/fakes/spreadsheetApp';
import '../../test/fakes/protectionsExtension';

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
const TIME_ZONE = DEFAULT_TIME_ZONE;

/**
 * A seeded default workbook with `rows` fictional payments spread over its budget lines, as Sheets'
 * getValues returns them: a Date for the date cell, numbers, and '' for a blank (half the rows leave
 * Jaar blank, so the year comes from the Date). Plus decided budget changes and an earlier snapshot
 * in Prognoseverloop, so every read and write of a real check is there.
 */
function workbookWithLedger(rows: number): FakeHandles {
  const fakes = installAppsScriptFakes();
  setupWorkbook('gelderland-zuid');
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

const PROTECTION_ACTIONS = 500;

/**
 * The seeded region with every municipality given two (fictional) editors and `Acties` replaced by
 * 500 fictional actions, either grouped by municipality or dealt out in turn (interleaved).
 */
function workbookWithActions(order: 'sorted' | 'interleaved'): { fakes: FakeHandles; official: string } {
  const fakes = installAppsScriptFakes({ activeUserEmail: 'projectleider@bench.invalid', ownerEmail: 'eigenaar@bench.invalid' });
  setupWorkbook('gelderland-zuid'); // names the runner as project leader
  let official = '';
  fakes.counter.uncounted(() => {
    const ss = fakes.spreadsheet;
    const [mHeader, ...ms] = __values(ss, TAB.municipalities)!;
    const names = ms.map((r) => String(r[mHeader.indexOf('Gemeente')]));
    const slug = (n: string) => n.toLowerCase().replace(/[^a-z]+/g, '');
    official = `a@${slug(names[0])}.invalid`;
    __setValuesRaw(ss.getSheetByName(TAB.municipalities)!, 2, mHeader.indexOf('Editors') + 1, names.map((n) => [`a@${slug(n)}.invalid, b@${slug(n)}.invalid`]));
    const header = HEADERS[TAB.actions];
    const rows = Array.from({ length: PROTECTION_ACTIONS }, (_, i) => {
      const m = order === 'interleaved' ? names[i % names.length] : names[Math.floor((i * names.length) / PROTECTION_ACTIONS)];
      const record: Record<string, unknown> = { ID: `A-${String(i + 1).padStart(3, '0')}`, Actielijn: 'AL1', Gemeente: m, Actie: `fictieve actie ${i + 1}`, Status: 'Loopt' };
      return header.map((h) => record[h] ?? '');
    });
    const sheet = ss.getSheetByName(TAB.actions)!;
    sheet.getRange(2, 1, Math.max(1, sheet.getLastRow()), header.length).clearContent();
    __setValuesRaw(sheet, 2, 1, rows);
  });
  return { fakes, official };
}

interface RightsFigures {
  order: string;
  runs: number;
  applyCalls: number | string;
  editCalls: number;
}

/** Service calls of `Rechten per gemeente toepassen` (second run: replacing) and of one edit by an official. */
function measureRights(order: 'sorted' | 'interleaved'): RightsFigures {
  const { fakes, official } = workbookWithActions(order);
  try {
    const runtime = appsScriptRuntime();
    const { settings, municipalities, actions } = readPeople(runtime);
    const unbounded = planProtections(actions, municipalities, settings, runtime.workbook.tabNames(), Number.MAX_SAFE_INTEGER);
    const runs = unbounded.ok ? unbounded.protections.filter((p) => p.area.kind === 'block').length : 0;
    let applyCalls: number | string;
    try {
      applyProtections();
      fakes.counter.reset();
      applyProtections();
      applyCalls = fakes.counter.total;
    } catch (error) {
      // Refused before anything changed; what it would have cost, through the same adapter:
      fakes.counter.reset();
      if (unbounded.ok) new AppsScriptProtections().replaceProtections(unbounded.protections, PROTECTION_PREFIX);
      applyCalls = `geweigerd (${(error as Error).message.slice(0, 48)}…); zou ${fakes.counter.total} kosten`;
    }
    installEditTrigger();
    const range = fakes.spreadsheet.getSheetByName(TAB.actions)!.getRange('I2');
    fakes.counter.uncounted(() => range.setValue('Afgerond'));
    fakes.__setUser(official, 'projectleider@bench.invalid');
    const e = { range, source: fakes.spreadsheet, user: fakes.Session.getActiveUser(), value: 'Afgerond', oldValue: 'Loopt' };
    fakes.counter.reset();
    onEditInstalled(e as never);
    return { order, runs, applyCalls, editCalls: fakes.counter.total };
  } finally {
    fakes.uninstall();
  }
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
  console.log(`Rechten per gemeente (${PROTECTION_ACTIONS} acties): service calls`);
  for (const f of [measureRights('sorted'), measureRights('interleaved')]) {
    console.log(`  ${f.order.padEnd(11)}  runs ${String(f.runs).padStart(3)}  applyProtections ${f.applyCalls}  one edit by an official ${f.editCalls}`);
  }
  console.log('');
  for (const l of formatEditBench(benchEdits())) console.log(l);
  console.log('');
  for (const l of formatSidebarBench(await benchSidebar())) console.log(l);
  console.log('');
  for (const l of formatAgendaBench(await benchAgenda())) console.log(l);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
