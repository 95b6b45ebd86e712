import { runCheck } from '../core/check';
import { CheckResult, CheckSummary } from '../core/check.types';
import { GENERATED_TABS, LAYOUT, TAB, USER_TABS } from '../core/contract';
import { WorkbookSnapshot } from '../core/parse';
import { Runtime } from './runtime';

/** Reads every user tab once: the one batched read per tab that every service starts from. */
export function readSnapshot(runtime: Runtime): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = {};
  const present = new Set(runtime.workbook.tabNames());
  for (const tab of USER_TABS) snapshot[tab] = present.has(tab) ? runtime.workbook.readTab(tab) : null;
  return snapshot;
}

export function computeCheck(runtime: Runtime, snapshot: WorkbookSnapshot = readSnapshot(runtime)): CheckResult {
  return runCheck(snapshot, { timeZone: runtime.workbook.timeZone, today: runtime.today() });
}

/**
 * The budget check: reads the user tabs, computes, and rewrites the generated tabs whole. User tabs
 * are never written, so running it twice gives the same sheet.
 */
export function budgetCheck(runtime: Runtime): CheckSummary {
  const result = computeCheck(runtime);
  runtime.withDocumentLock(() => {
    for (const tab of GENERATED_TABS) runtime.workbook.replaceTab(tab, LAYOUT[tab], result.outputs[tab]);
  });
  return result.summary;
}

export { TAB };
