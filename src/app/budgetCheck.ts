import { CheckResult, CheckSummary, LogbookRead, runCheck } from '../core/check';
import { Grid } from '../core/sheet/cell';
import { GENERATED_TABS, LAYOUT, TAB, USER_TABS } from '../core/workbook/contract';
import { logbookForCheck } from './logbookCheck';
import { KeyedState } from '../core/logbook/trust';
import { Day } from '../core/values/dates';
import { WorkbookSnapshot } from '../core/workbook/rowReader';
import { assignMissingIds, fillOriginalDeadlines } from './ids';
import { recordCheckRun } from './lastCheck';
import { Runtime } from '../ports/runtime';
import { BerapTab } from '../core/budget/berap/missing';
import { BERAP_TAB } from '../core/budget/berap/rows';

/** Every `Berap JJJJ-MM-DD` tab, one read each: the check lists their missing explanations. */
export function readBerapTabs(runtime: Runtime): BerapTab[] {
  return runtime.workbook.tabNames().filter((name) => BERAP_TAB.test(name)).map((name) => ({ name, grid: runtime.workbook.readTab(name) ?? [] }));
}

/** Reads every user tab once: the one batched read per tab that every service starts from. */
export function readSnapshot(runtime: Runtime): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = {};
  const present = new Set(runtime.workbook.tabNames());
  for (const tab of USER_TABS) snapshot[tab] = present.has(tab) ? runtime.workbook.readTab(tab) : null;
  return snapshot;
}

/** `Prognoseverloop` as it is now, in one read; null before the first check made it. */
export function readHistoryTab(runtime: Runtime): Grid | null {
  return runtime.workbook.tabNames().includes(TAB.forecastHistory) ? runtime.workbook.readTab(TAB.forecastHistory) : null;
}

export interface CheckOptions {
  /** `Logboek` and its chain's head: their findings join the check's (the budget check reads them; the dashboard does not). */
  logbook?: LogbookRead | null;
  /** A reference date that wins over `Peildatum` (the CLI's `--peildatum`, the agenda's meeting date). */
  referenceDate?: Day;
  /** Compare each Prognose with the last snapshot on or before this day (the previous meet-up). */
  changesSince?: Day | null;
  /** `Prognoseverloop` as read; read here when not given. */
  history?: Grid | null;
  /**
   * Run first, holding the lock: the project leader's catch-up (app/catchUp.ts), so what waits for
   * their trigger (missed edits, sidebar requests) is done and Logboek sealed before it is judged.
   */
  catchUp?: (runtime: Runtime) => KeyedState | null;
  /** The berap tabs as read; read here when not given (the berap itself passes none: it reads its own tab). */
  beraps?: BerapTab[];
}

/** Computes without writing anything: for the dashboard, the agenda and officials without write rights. */
export function computeCheck(runtime: Runtime, snapshot: WorkbookSnapshot = readSnapshot(runtime), options: CheckOptions = {}): CheckResult {
  const history = options.history !== undefined ? options.history : readHistoryTab(runtime);
  const beraps = options.beraps ?? readBerapTabs(runtime);
  return runCheck(snapshot, { timeZone: runtime.workbook.timeZone, today: runtime.today(), referenceDate: options.referenceDate }, history, options.changesSince ?? null, options.logbook ?? null, beraps);
}

export const NO_WRITE_RIGHTS_MESSAGE =
  'De budgetcontrole is berekend, maar kon niet worden weggeschreven: de gegenereerde tabbladen zijn beveiligd. Vraag de projectleider de controle te draaien.';

/**
 * The budget check: gives rows typed without ID their ID, computes, and rewrites the generated tabs
 * whole. All under the document lock, so two runs cannot hand out one ID or interleave their writes.
 * Apart from those ID cells and a blank `Oorspronkelijke deadline`, user tabs are never written:
 * running it twice gives the same sheet.
 */
export function budgetCheck(runtime: Runtime, options: CheckOptions = {}): CheckSummary {
  return checkAndWrite(runtime, options).summary;
}

/** The budget check returning the whole result (figures per year), for the CLI's tables. */
export function checkAndWrite(runtime: Runtime, options: CheckOptions = {}): CheckResult {
  return runtime.withDocumentLock(() => {
    const keyed = options.catchUp?.(runtime);
    // Logboek in one read: lines the add-on did not write and edits outside the rights go into Controles.
    const { findings, snapshot, grid: logbook } = logbookForCheck(runtime, readSnapshot(runtime), keyed);
    let result: CheckResult;
    try {
      assignMissingIds(runtime, runtime.properties, snapshot);
      fillOriginalDeadlines(runtime, snapshot);
      result = computeCheck(runtime, snapshot, { ...options, logbook: { review: findings, grid: logbook } });
      for (const tab of GENERATED_TABS) runtime.workbook.replaceTab(tab, LAYOUT[tab], result.outputs[tab]);
      recordCheckRun(runtime);
    } catch (error) {
      // Sheets refuses writes into protected ranges with an English message; say what it means.
      if (/protect|beveilig/i.test(String((error as Error)?.message))) throw new Error(NO_WRITE_RIGHTS_MESSAGE);
      throw error;
    }
    return result;
  });
}
