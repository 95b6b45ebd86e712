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
  return parts.length ? `Werkboek ingericht: ${parts.join(', ')}.` : 'Het werkboek is compleet; er is niets gewijzigd.';
}

/** Menu `Werkboek inrichten`: creates and repairs the tabs, seeds an empty workbook. */
export function setupWorkbook(): SetupReport {
  const runtime = currentRuntime();
  const report = setupService(runtime, defaultRegion());
  runtime.notify?.(setupMessage(report), 'Regiomonitor');
  return report;
}
