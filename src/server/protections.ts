import { AppsScriptProtections } from '../adapters/appsscript/protections';
import { appsScriptRuntime } from '../adapters/appsscript/runtime';
import { authorizeCall } from '../app/authorize';
import { ProtectionReport, applyProtections as applyProtectionsService } from '../app/protections';

/** Menu `Rechten per gemeente toepassen`: protections in line with `Gemeenten` › `Editors` and the rows of `Acties`. */
export function applyProtections(): ProtectionReport {
  const base = appsScriptRuntime();
  const { runtime } = authorizeCall(base, 'protections');
  const report = applyProtectionsService(runtime, new AppsScriptProtections(base.spreadsheet), runtime.privateProperties);
  runtime.notify?.(report.message, 'Rechten per gemeente', 10);
  return report;
}
