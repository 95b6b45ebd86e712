import { Runtime } from '../../ports/runtime';
import { DEFAULT_TIME_ZONE, Day, dayOfInstant } from '../../core/values/dates';
import { MemoryPropertyStore } from './properties';
import { PropertyStore } from '../../ports/properties';
import { WorkbookPort } from '../../ports/workbook';


export interface LocalRuntimeOptions {
  /** A fixed today (tests, the demo); default the current day in the Netherlands. */
  today?: Day;
  userEmail?: string;
  now?: () => Date;
  properties?: PropertyStore;
}

/**
 * The runtime of local runs (CLI, demo, preview, tests): one process works on the workbook, so the
 * document lock is a plain call.
 */
export function localRuntime(workbook: WorkbookPort, options: LocalRuntimeOptions = {}): Runtime {
  const now = options.now ?? (() => new Date());
  return {
    workbook,
    // Every DU VO region is Dutch: "today" on a local run is the day in the Netherlands.
    today: () => options.today ?? dayOfInstant(now(), DEFAULT_TIME_ZONE),
    now,
    userEmail: () => (options.userEmail ?? '').trim().toLowerCase(),
    withDocumentLock: <T>(fn: () => T): T => fn(),
    // Kept for the life of the process: a local run has no document properties to persist them in.
    properties: options.properties ?? new MemoryPropertyStore(),
  };
}
