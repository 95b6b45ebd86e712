import { appsScriptCatchUp } from '../adapters/appsscript/catchUp';
import { appsScriptRuntime } from '../adapters/appsscript/runtime';
import { catchUp } from '../app/catchUp';
import { KeyedState } from '../core/logbook/trust';
import { appsScriptSelectRow } from '../adapters/appsscript/ui';
import { Runtime } from '../ports/runtime';
import { RowSelector } from '../ports/ui';

/**
 * The runtime the public functions run over: Apps Script's, unless the local preview server has
 * set an override so the very same server functions run over a local workbook.
 */
let override: (() => Runtime) | null = null;

export function setRuntimeOverride(factory: (() => Runtime) | null): void {
  override = factory;
}

export function currentRuntime(): Runtime {
  return override ? override() : appsScriptRuntime();
}

/**
 * The project leader's catch-up (app/catchUp.ts) over Apps Script, for a check to run first; none
 * over the preview's local workbook, which has no triggers and no key.
 */
export function currentCatchUp(): ((runtime: Runtime) => KeyedState | null) | undefined {
  if (override) return undefined;
  return (runtime) => {
    const ports = appsScriptCatchUp(appsScriptRuntime().spreadsheet);
    const report = catchUp(runtime, ports);
    ports.finish();
    return report?.keyed ?? null;
  };
}

/** The preview's row selector: it records what the sidebar asked to select. */
let rowSelector: ((tab: string, row: number) => void) | null = null;

export function setRowSelectorOverride(selector: ((tab: string, row: number) => void) | null): void {
  rowSelector = selector;
}

/** Apps Script activates the row; the local preview records the request. */
export function currentRowSelector(): RowSelector {
  const record = rowSelector;
  if (!record) return appsScriptSelectRow;
  return (tab, row) => {
    // The preview's selector only records; the tab must exist all the same.
    if (!currentRuntime().workbook.tabNames().includes(tab)) return false;
    record(tab, row);
    return true;
  };
}
