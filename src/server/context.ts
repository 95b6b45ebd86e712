import { appsScriptRuntime } from '../adapters/appsscript/runtime';
import { Runtime } from '../ports/runtime';

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
