import { appsScriptDialogs } from '../adapters/appsscript/ui';
import { SetupReport, setupFromMenu } from '../app/setup';
import { currentRuntime } from './context';

/**
 * Menu `Werkboek inrichten`: creates and repairs the tabs; an empty workbook is filled with the
 * region the project leader chooses (`region`, a built-in ID or a region file's JSON, skips the
 * question). Who may run it is decided in app/setup.ts.
 */
export function setupWorkbook(region?: unknown): SetupReport {
  return setupFromMenu(currentRuntime(), region, appsScriptDialogs());
}
