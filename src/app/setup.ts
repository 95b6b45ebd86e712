import { CellWrite } from '../ports/workbook';
import { Cell, Grid, cellText, isBlank } from '../core/sheet/cell';
import { CHARACTERS, Character, LAYOUT, OPTIONAL_HEADERS, SETTING, TabName, USER_TABS, GENERATED_TABS, TAB, YES } from '../core/workbook/contract';
import { escapeCellText } from '../core/sheet/escape';
import { Region } from '../core/region/schema';
import { seedRows } from '../core/region/seed';
import { Runtime } from '../ports/runtime';
import { Dialogs } from '../ports/ui';
import { DEFAULT_REGION_ID, builtInRegions, loadRegion } from '../data/regions';
import { authorizeCall, readRoles } from './authorize';
import { headerIndex, headerKey } from '../core/sheet/headers';

export interface SetupReport {
  created: string[];
  repaired: { tab: string; headers: string[] }[];
  seeded: { tab: string; rows: number }[];
  /** Cells of a column this run added, filled from what the sheet or the region file already says. */
  filled: { tab: string; header: string; rows: number }[];
  /** The address written into a blank `Projectleider`, when this run filled it. */
  projectLeader?: string;
  /** `Instellingen` keys an existing workbook lacked and this run added (never a key a user has). */
  settingsAdded?: string[];
}

/** What `Werkboek inrichten` must know before it starts: whether there is anything to keep, and whose region it is. */
export function inspectWorkbook(runtime: Runtime): { empty: boolean; regionName: string } {
  const wb = runtime.workbook;
  const present = new Set(wb.tabNames());
  let empty = true;
  let regionName = '';
  for (const tab of USER_TABS) {
    if (!present.has(tab)) continue;
    const grid = wb.readTab(tab);
    if (hasData(grid)) empty = false;
    if (tab === TAB.settings && grid) regionName = settingValue(grid, SETTING.region);
  }
  return { empty, regionName };
}

/** The `Waarde` of a key in an `Instellingen` grid; '' when absent. */
function settingValue(grid: Grid, key: string): string {
  const [k, v] = [headerIndex(grid[0] ?? [], 'Sleutel'), headerIndex(grid[0] ?? [], 'Waarde')];
  if (k < 0 || v < 0) return '';
  const row = grid.slice(1).find((r) => norm(cellText(r[k])) === norm(key));
  return row ? cellText(row[v]).trim() : '';
}

function hasData(grid: Cell[][] | null): boolean {
  return !!grid && grid.slice(1).some((row) => row.some((c) => !isBlank(c)));
}

/** Puts a record (header → value) into the column order the tab has now, extra columns left blank. */
function toRow(headerRow: Cell[], record: Record<string, Cell>): Cell[] {
  const byHeader = new Map(Object.entries(record).map(([h, v]) => [headerKey(h), v]));
  return headerRow.map((h) => byHeader.get(headerKey(h)) ?? '');
}

/**
 * `Werkboek inrichten`: creates missing tabs, repairs headers, and fills the region's facts into a
 * workbook without data. Tabs with rows that users typed are never touched beyond their header row,
 * so it is safe to run again at any time.
 */
export function setupWorkbook(runtime: Runtime, region: Region, options: { claimBlankProjectLeader?: boolean } = {}): SetupReport {
  const report: SetupReport = { created: [], repaired: [], seeded: [], filled: [] };
  return runtime.withDocumentLock(() => {
    const wb = runtime.workbook;
    const present = new Set(wb.tabNames());
    const before = new Map<TabName, Cell[][] | null>();
    for (const tab of USER_TABS) before.set(tab, present.has(tab) ? wb.readTab(tab) : null);
    const emptyWorkbook = [...before.values()].every((g) => !hasData(g));
    const seeds = seedRows(region, wb.timeZone);

    for (const tab of USER_TABS) {
      const created = !present.has(tab);
      if (created) {
        wb.createTab(tab, LAYOUT[tab]);
        // A new tab also gets the contract's optional columns; an existing one is left as the user keeps it.
        const optional = OPTIONAL_HEADERS[tab];
        if (optional) wb.repairTab(tab, { ...LAYOUT[tab], headers: [...LAYOUT[tab].headers, ...optional] });
        report.created.push(tab);
      } else {
        const added = wb.repairTab(tab, LAYOUT[tab]);
        if (added.length) report.repaired.push({ tab, headers: added });
        if (tab === TAB.budget && added.includes('Karakter')) {
          const rows = fillCharacters(runtime, region);
          if (rows) report.filled.push({ tab, header: 'Karakter', rows });
        }
      }
      const records = seeds[tab] ?? [];
      if (records.length && !hasData(before.get(tab) ?? null) && (emptyWorkbook || created)) {
        const headerRow = wb.readTab(tab)?.[0] ?? [...LAYOUT[tab].headers];
        wb.appendRows(tab, records.map((r) => toRow(headerRow, r)));
        report.seeded.push({ tab, rows: records.length });
      }
    }
    if (!emptyWorkbook && present.has(TAB.settings)) {
      const added = addMissingSettings(runtime, region, (seeds[TAB.settings] ?? []) as Record<string, Cell>[]);
      if (added.length) report.settingsAdded = added;
    }
    if (options.claimBlankProjectLeader) {
      const email = runtime.userEmail();
      if (email && fillBlankProjectLeader(runtime, email)) report.projectLeader = email;
    }
    for (const tab of [...GENERATED_TABS, TAB.log]) {
      if (!present.has(tab)) {
        wb.createTab(tab, LAYOUT[tab]);
        report.created.push(tab);
      } else if (tab === TAB.log) {
        wb.repairTab(tab, LAYOUT[tab]);
      }
    }
    return report;
  });
}

const norm = (text: string) => text.trim().toLowerCase();

/**
 * An existing workbook keeps its region: keys that `Instellingen` lacks (the agenda's region texts
 * arrived later) are added at the bottom, with the region file's value when the workbook is of
 * that region, else blank to fill in. A key that is there is never touched, blank or not.
 */
function addMissingSettings(runtime: Runtime, region: Region, seeded: Record<string, Cell>[]): string[] {
  const wb = runtime.workbook;
  const grid = wb.readTab(TAB.settings) ?? [];
  const header = grid[0] ?? [];
  const [k, v] = [headerIndex(header, 'Sleutel'), headerIndex(header, 'Waarde')];
  if (k < 0 || v < 0) return [];
  const have = new Set(grid.slice(1).map((r) => norm(cellText(r[k]))));
  const sameRegion = !!region.region.naam.trim() && norm(settingValue(grid, SETTING.region)) === norm(region.region.naam);
  const missing = seeded.filter((r) => !have.has(norm(String(r.Sleutel))));
  if (!missing.length) return [];
  wb.appendRows(TAB.settings, missing.map((r) => {
    const line: Cell[] = header.map(() => '');
    line[k] = r.Sleutel;
    line[v] = sameRegion ? (r.Waarde ?? '') : '';
    return line;
  }));
  return missing.map((r) => String(r.Sleutel));
}

/**
 * The Karakter of each row of a `Begroting` whose `Karakter` column this run added: the old
 * `Wettelijk` = `Ja` says `Wettelijk`; otherwise the region file's Karakter of that Code, when the
 * workbook is of that region. Without this, an existing workbook would read every subsidy as Flexibel.
 */
export function plannedCharacters(grid: Grid, region: Region, workbookRegion: string): CellWrite[] {
  const column = (h: string) => headerIndex(grid[0] ?? [], h);
  const [karakter, code, legacy] = [column('Karakter'), column('Code'), column('Wettelijk')];
  if (karakter < 0 || code < 0) return [];
  const sameRegion = !workbookRegion || norm(workbookRegion) === norm(region.region.naam);
  const byCode = new Map<string, Character>(sameRegion ? region.begroting.posten.map((p) => [norm(p.code), p.karakter]) : []);
  const writes: CellWrite[] = [];
  grid.slice(1).forEach((line, i) => {
    if (!isBlank(line[karakter]) || isBlank(line[code])) return;
    const statutory = legacy >= 0 && norm(cellText(line[legacy])) === norm(YES);
    const value = statutory ? 'Wettelijk' : byCode.get(norm(cellText(line[code])));
    if (value && CHARACTERS.includes(value)) writes.push({ row: i + 2, column: karakter + 1, value });
  });
  return writes;
}

function fillCharacters(runtime: Runtime, region: Region): number {
  const wb = runtime.workbook;
  const grid = wb.readTab(TAB.budget) ?? [];
  const settings = wb.tabNames().includes(TAB.settings) ? (wb.readTab(TAB.settings) ?? []) : [];
  const [key, value] = [headerIndex(settings[0] ?? [], 'Sleutel'), headerIndex(settings[0] ?? [], 'Waarde')];
  const regionRow = key < 0 || value < 0 ? undefined : settings.slice(1).find((r) => norm(cellText(r[key])) === norm(SETTING.region));
  const writes = plannedCharacters(grid, region, regionRow ? cellText(regionRow[value]) : '');
  if (writes.length) wb.writeCells(TAB.budget, writes);
  return writes.length;
}

/**
 * The contract: `Werkboek inrichten` fills a blank `Projectleider` with the address of whoever runs
 * it. Only a blank value is filled (the `Sleutel` row is added when missing); a named leader stays.
 */
function fillBlankProjectLeader(runtime: Runtime, email: string): boolean {
  const wb = runtime.workbook;
  const grid = wb.readTab(TAB.settings);
  if (!grid?.[0]) return false;
  const header = grid[0];
  const keyColumn = headerIndex(header, 'Sleutel');
  const valueColumn = headerIndex(header, 'Waarde');
  if (keyColumn < 0 || valueColumn < 0) return false;
  const key = SETTING.projectLeader.toLowerCase();
  const rows = grid.slice(1).map((line, i) => ({ line, row: i + 2 })).filter(({ line }) => cellText(line[keyColumn]).trim().toLowerCase() === key);
  if (rows.some(({ line }) => !isBlank(line[valueColumn]))) return false;
  if (rows.length) {
    wb.writeCells(TAB.settings, [{ row: rows[0].row, column: valueColumn + 1, value: escapeCellText(email) }]);
  } else {
    const line: Cell[] = header.map(() => '');
    line[keyColumn] = SETTING.projectLeader;
    line[valueColumn] = escapeCellText(email);
    wb.appendRows(TAB.settings, [line]);
  }
  return true;
}

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
function askRegion(dialogs: Dialogs): Region | null {
  const list = builtInRegions().map((r) => `${r.id}: ${r.naam}. ${r.beschrijving}`).join('\n');
  const answer = dialogs.ask(
    DIALOG_TITLE,
    `Voor welke regio is dit werkboek? Typ de code:\n${list}\nLaat leeg voor ${DEFAULT_REGION_ID}. Je kunt ook de inhoud van een eigen regiobestand (JSON) plakken.`,
  );
  if (answer === null) return null;
  try {
    return loadRegion(answer.trim() || DEFAULT_REGION_ID);
  } catch (error) {
    dialogs.tell(DIALOG_TITLE, `${(error as Error).message}\nEr is niets gewijzigd.`);
    return null;
  }
}

/**
 * Menu `Werkboek inrichten` (and `setupWorkbook(region)`): creates and repairs the tabs. An empty workbook is filled with the
 * region the project leader chooses (`region`, a built-in ID or a region file's JSON, skips the
 * question); an existing one keeps its region and only gets what is missing. Once a project leader
 * is named only they may run it; while `Projectleider` is blank anyone may, and the first run names
 * them (the contract), so a new workbook is never without a project leader for long.
 */
export function setupFromMenu(start: Runtime, region: unknown, dialogs: Dialogs): SetupReport {
  let runtime = start;
  const unclaimed = !readRoles(runtime).settings.projectLeader.trim();
  if (!unclaimed) runtime = authorizeCall(runtime, 'setup').runtime;
  const { empty, regionName } = inspectWorkbook(runtime);
  let chosen: Region | null;
  if (!empty) chosen = regionOfWorkbook(regionName);
  else if (typeof region === 'string' && region.trim()) chosen = loadRegion(region);
  else chosen = askRegion(dialogs);
  if (!chosen) return { created: [], repaired: [], seeded: [], filled: [] };
  const report = setupWorkbook(runtime, chosen, { claimBlankProjectLeader: unclaimed });
  runtime.notify?.(setupMessage(report), 'Regiomonitor');
  return report;
}
