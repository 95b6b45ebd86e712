/**
 * `npm run bench`: how the server functions scale with the ledger, over the in-memory SpreadsheetApp
 * fake. Time is this machine's CPU time for our code (Sheets' own latency is not modelled); the
 * service-call count is what decides speed in Apps Script, and must not grow with the rows.
 */
import { benchSidebar, formatSidebarBench } from './benchSidebar';
import { benchEdits, formatEditBench } from './benchEdits';
import { benchFiles, formatFileBench } from './benchFiles';
import { benchCli, formatCliBench } from './benchCli';
import { TAB } from '../core/workbook/contract';
import { runBudgetCheck, applyProtections, installEditTrigger, onEditInstalled } from '../server/index';
import { benchAgenda, formatAgendaBench } from './benchAgenda';
import { AppsScriptProtections } from '../adapters/appsscript/protections';
import { readPeople } from '../app/protections';
import { appsScriptRuntime } from '../adapters/appsscript/runtime';
import { PROTECTION_PREFIX, planProtections } from '../core/rights/protectionPlan';
import { FakeHandles } from '../../test/fakes/spreadsheetApp';
import { PROTECTION_ACTIONS, workbookWithActions, workbookWithLedger } from './benchWorkbooks';
import { allCallFigures, formatCallFigures } from './callFigures';

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
  for (const l of formatCallFigures(allCallFigures())) console.log(l);
  console.log('');
  for (const l of formatEditBench(benchEdits())) console.log(l);
  console.log('');
  for (const l of formatSidebarBench(await benchSidebar())) console.log(l);
  console.log('');
  for (const l of formatFileBench(await benchFiles())) console.log(l);
  for (const l of formatCliBench(await benchCli())) console.log(l);
  for (const l of formatAgendaBench(await benchAgenda())) console.log(l);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
