import { WorkbookPort } from '../ports/workbook';
import { Grid } from '../core/sheet/cell';
import { TAB } from '../core/workbook/contract';
import { Caller, ServerAction, authorize, callerOf } from '../core/rights/permissions';
import { Runtime } from '../ports/runtime';
import { People, readPeopleTabs } from '../core/rights/people';

/** The two tabs that say who is who. */
const PEOPLE_TABS: readonly string[] = [TAB.settings, TAB.municipalities];

/**
 * Reads the people tabs once per server call: the service that runs after the check gets the same
 * grids without another service call, until it writes one of those tabs itself.
 */
class PeopleMemo implements WorkbookPort {
  private readonly memo = new Map<string, Grid | null>();
  constructor(private readonly inner: WorkbookPort) {}
  get timeZone(): string {
    return this.inner.timeZone;
  }
  tabNames(): string[] {
    return this.inner.tabNames();
  }
  readTab(name: string): Grid | null {
    if (!PEOPLE_TABS.includes(name)) return this.inner.readTab(name);
    if (!this.memo.has(name)) this.memo.set(name, this.inner.readTab(name));
    const grid = this.memo.get(name)!;
    // A copy: callers may patch what they read.
    return grid && grid.map((row) => [...row]);
  }
  private written(name: string): void {
    this.memo.delete(name);
  }
  createTab(...args: Parameters<WorkbookPort['createTab']>): void {
    this.written(args[0]);
    this.inner.createTab(...args);
  }
  repairTab(...args: Parameters<WorkbookPort['repairTab']>): string[] {
    this.written(args[0]);
    return this.inner.repairTab(...args);
  }
  appendRows(...args: Parameters<WorkbookPort['appendRows']>): void {
    this.written(args[0]);
    this.inner.appendRows(...args);
  }
  replaceTab(...args: Parameters<WorkbookPort['replaceTab']>): void {
    this.written(args[0]);
    this.inner.replaceTab(...args);
  }
  writeCells(...args: Parameters<WorkbookPort['writeCells']>): void {
    this.written(args[0]);
    this.inner.writeCells(...args);
  }
}

/** Settings and municipalities as the rights need them, from `Instellingen` and `Gemeenten` only. */
export function readRoles(runtime: Runtime): People {
  return readPeopleTabs(runtime.workbook, () => runtime.today());
}

export interface Authorized extends People {
  /** The runtime to carry on with: same as given, but the people tabs are not read a second time. */
  runtime: Runtime;
  caller: Caller;
}

/**
 * The check every public server function makes first: who is calling (from Session), and may they
 * do this (from `Instellingen` and `Gemeenten`)? Throws the Dutch refusal; the sidebar shows it as is.
 */
export function authorizeCall(runtime: Runtime, action: ServerAction): Authorized {
  const memoised: Runtime = Object.create(runtime, { workbook: { value: new PeopleMemo(runtime.workbook), enumerable: true } });
  const people = readRoles(memoised);
  // Only asked when nobody is named: the owner then acts as project leader (see callerOf).
  const owner = people.settings.projectLeader.trim() ? '' : (runtime.ownerEmail?.() ?? '');
  const caller = callerOf(runtime.userEmail(), people.settings, people.municipalities, owner);
  const verdict = authorize(action, caller, people.settings);
  if (!verdict.ok) throw new Error(verdict.message);
  return { runtime: memoised, caller, ...people };
}
