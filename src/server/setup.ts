import { authorizeCall, readRoles } from '../app/authorize';
import { SetupReport, inspectWorkbook, setupWorkbook as setupService } from '../app/setup';
import { currentRuntime } from './context';
import { Region } from '../core/region/schema';
import { DEFAULT_REGION_ID, builtInRegions, loadRegion } from '../data/regions';

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
  if (report.settingsAdded?.length) parts.push(`Instellingen aangevuld met ${report.settingsAdded.join(', ')}`);
  if (report.seeded.length) parts.push(`${plural(report.seeded.length, 'tabblad', 'tabbladen')} gevuld met de regiogegevens`);
  if (report.projectLeader) parts.push(`${report.projectLeader} is als projectleider ingevuld`);
  return parts.length ? `Werkboek ingericht: ${parts.join(', ')}.` : 'Het werkboek is compleet; er is niets gewijzigd.';
}

const DIALOG_TITLE = 'Werkboek inrichten';

/** The built-in region whose name the workbook's `Regio` has; otherwise the empty template (texts left blank). */
function regionOfWorkbook(name: string): Region {
  const norm = (s: string) => s.trim().toLowerCase();
  for (const { id } of builtInRegions()) {
    const region = loadRegion(id);
    if (region.region.naam.trim() && norm(region.region.naam) === norm(name)) return region;
  }
  return loadRegion('sjabloon');
}

/** Asks which region an empty workbook is for; null when cancelled or not understood (then said why). */
function askRegion(): Region | null {
  const ui = SpreadsheetApp.getUi();
  const list = builtInRegions().map((r) => `${r.id}: ${r.naam}. ${r.beschrijving}`).join('\n');
  const answer = ui.prompt(
    DIALOG_TITLE,
    `Voor welke regio is dit werkboek? Typ de code:\n${list}\nLaat leeg voor ${DEFAULT_REGION_ID}. U kunt ook de inhoud van een eigen regiobestand (JSON) plakken.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  try {
    return loadRegion(answer.getResponseText().trim() || DEFAULT_REGION_ID);
  } catch (error) {
    ui.alert(DIALOG_TITLE, `${(error as Error).message}\nEr is niets gewijzigd.`, ui.ButtonSet.OK);
    return null;
  }
}

/**
 * Menu `Werkboek inrichten`: creates and repairs the tabs. An empty workbook is filled with the
 * region the project leader chooses (`region`, a built-in ID or a region file's JSON, skips the
 * question); an existing one keeps its region and only gets what is missing. Once a project leader
 * is named only they may run it; while `Projectleider` is blank anyone may, and the first run names
 * them (the contract), so a new workbook is never without a project leader for long.
 */
export function setupWorkbook(region?: unknown): SetupReport {
  let runtime = currentRuntime();
  const unclaimed = !readRoles(runtime).settings.projectLeader.trim();
  if (!unclaimed) runtime = authorizeCall(runtime, 'setup').runtime;
  const { empty, regionName } = inspectWorkbook(runtime);
  let chosen: Region | null;
  if (!empty) chosen = regionOfWorkbook(regionName);
  else if (typeof region === 'string' && region.trim()) chosen = loadRegion(region);
  else chosen = askRegion();
  if (!chosen) return { created: [], repaired: [], seeded: [], filled: [] };
  const report = setupService(runtime, chosen, { claimBlankProjectLeader: unclaimed });
  runtime.notify?.(setupMessage(report), 'Regiomonitor');
  return report;
}
