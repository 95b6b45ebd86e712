/**
 * `npm run bench`, the check's own compute at 100.000 ledger rows (no service calls): the ledger
 * parser against the one before issue 24 (tooling/legacyLedger.ts) over the same cells, and the whole
 * check against a plain loop that only reads every cell of the user tabs once. The runs interleave
 * and the fastest of each counts, so a machine busy with other work disturbs the ratios little.
 */
import { cellText } from '../core/sheet/cell';
import { Findings } from '../core/sheet/findings';
import { runCheck } from '../core/check';
import { AsOfPeildatum } from '../core/workbook/asOf';
import { parseWorkbook } from '../core/workbook/parse';
import { idKey, WorkbookSnapshot } from '../core/workbook/rowReader';
import { parseLedger } from '../core/workbook/tabs/ledger';
import { Grid } from '../core/sheet/cell';
import { ParseContext } from '../core/workbook/rowReader';
import { legacyParseLedger } from './legacyLedger';

export interface ComputeBench {
  rows: number;
  runs: number;
  legacyLedgerMs: number;
  ledgerMs: number;
  checkMs: number;
  /** The whole check with the old ledger parser in place of the new one: check − ledger + legacy ledger. */
  checkWithLegacyLedgerMs: number;
  plainLoopMs: number;
}

function fastest(times: number[]): number {
  return Math.min(...times);
}

function timed(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Reads every cell of every tab once, as text: the least any check must do. */
function plainLoop(snapshot: WorkbookSnapshot): number {
  let length = 0;
  for (const grid of Object.values(snapshot)) {
    if (!grid) continue;
    for (const line of grid) for (const cell of line) length += cellText(cell).trim().length;
  }
  return length;
}

export function benchCompute(snapshot: WorkbookSnapshot, history: Grid | null, context: ParseContext, runs = 7): ComputeBench {
  const parsed = parseWorkbook(snapshot, context);
  const canonical = new Map(parsed.programme.budgetLines.map((l) => [idKey(l.code), l.code]));
  const lineYears = new Set(parsed.programme.budgetLines.map((l) => `${l.year}|${idKey(l.code)}`));
  const asOf = () => new AsOfPeildatum(parsed.programme.settings.referenceDate, new Map(parsed.programme.yearClosings.map((c) => [c.year, c.adoptedOn])));
  const times = { legacy: [] as number[], ledger: [] as number[], check: [] as number[], plain: [] as number[] };
  for (let i = 0; i < runs; i++) {
    times.legacy.push(timed(() => legacyParseLedger(snapshot, new Findings(), context.timeZone, canonical, lineYears, parsed.knownActionIds, asOf())));
    times.ledger.push(timed(() => parseLedger(snapshot, new Findings(), context.timeZone, canonical, lineYears, parsed.knownActionIds, asOf())));
    times.check.push(timed(() => runCheck(snapshot, context, history)));
    times.plain.push(timed(() => plainLoop(snapshot)));
  }
  const rows = (snapshot['Mutaties'] ?? [[]]).length - 1;
  const [legacyLedgerMs, ledgerMs, checkMs, plainLoopMs] = [times.legacy, times.ledger, times.check, times.plain].map(fastest);
  return { rows, runs, legacyLedgerMs, ledgerMs, checkMs, checkWithLegacyLedgerMs: checkMs - ledgerMs + legacyLedgerMs, plainLoopMs };
}

export function formatComputeBench(b: ComputeBench): string[] {
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  return [
    `Check compute at ${b.rows.toLocaleString('en-US')} ledger rows (fastest of ${b.runs}, no service calls)`,
    `  ledger parser: ${ms(b.ledgerMs)} now, ${ms(b.legacyLedgerMs)} before issue 24 (ratio ${(b.ledgerMs / b.legacyLedgerMs).toFixed(2)})`,
    `  whole check: ${ms(b.checkMs)} now, ${ms(b.checkWithLegacyLedgerMs)} with the old ledger parser (ratio ${(b.checkMs / b.checkWithLegacyLedgerMs).toFixed(2)})`,
    `  plain loop reading every cell once: ${ms(b.plainLoopMs)}; the check takes ${(b.checkMs / b.plainLoopMs).toFixed(1)} times that`,
  ];
}
