import { authorizeCall, readRoles } from '../app/authorize';
import { SetupReport, setupWorkbook as setupService } from '../app/setup';
import { currentRuntime } from './context';
import { defaultRegion } from '../core/region';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The Dutch one-liner for the toast after `Werkboek inrichten`. */
export function setupMessage(report: SetupReport): string {
  const parts: string[] = [];
  if (report.created.length) parts.push(`${plural(report.created.length, 'tabblad', 'tabbladen')} aangemaakt`);
  const headers = report.repaired.reduce((n, r) => n + r.headers.length, 0);
  if (headers) parts.push(`${plural(headers, 'kolom', 'kolommen')} hersteld in ${report.repaired.map((r) => r.tab).join(', ')}`);
  for (const f of report.filled) parts.push(`${plural(f.rows, 'cel', 'cellen')} ${f.header} ingevuld in ${f.tab}`);
  if (report.seeded.length) parts.push(`${plural(report.seeded.length, 'tabblad', 'tabbladen')} gevuld met de regiogegevens`);
  if (report.projectLeader) parts.push(`${report.projectLeader} is als projectleider ingevuld`);
  return parts.length ? `Werkboek ingericht: ${parts.join(', ')}.` : 'Het werkboek is compleet; er is niets gewijzigd.';
}

/**
 * Menu `Werkboek inrichten`: creates and repairs the tabs, seeds an empty workbook. Once a project
 * leader is named only they may run it; while `Projectleider` is blank anyone may, and the first run
 * names them (the contract), so a new workbook is never without a project leader for long.
 */
export function setupWorkbook(): SetupReport {
  let runtime = currentRuntime();
  const unclaimed = !readRoles(runtime).settings.projectLeader.trim();
  if (!unclaimed) runtime = authorizeCall(runtime, 'setup').runtime;
  const report = setupService(runtime, defaultRegion(), { claimBlankProjectLeader: unclaimed });
  runtime.notify?.(setupMessage(report), 'Regiomonitor');
  return report;
}
