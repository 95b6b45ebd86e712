import { Cell, cellText, isBlank } from '../core/cell';
import { LAYOUT, SETTING, TabName, USER_TABS, GENERATED_TABS, TAB } from '../core/contract';
import { escapeCellText } from '../core/escape';
import { Region } from '../core/region';
import { seedRows } from '../core/seed';
import { Runtime } from './runtime';

export interface SetupReport {
  created: string[];
  repaired: { tab: string; headers: string[] }[];
  seeded: { tab: string; rows: number }[];
  /** The address written into a blank `Projectleider`, when this run filled it. */
  projectLeader?: string;
}

function hasData(grid: Cell[][] | null): boolean {
  return !!grid && grid.slice(1).some((row) => row.some((c) => !isBlank(c)));
}

/** Puts a record (header → value) into the column order the tab has now, extra columns left blank. */
function toRow(headerRow: Cell[], record: Record<string, Cell>): Cell[] {
  const byHeader = new Map(Object.entries(record).map(([h, v]) => [h.trim().toLowerCase(), v]));
  return headerRow.map((h) => byHeader.get(String(h ?? '').trim().toLowerCase()) ?? '');
}

/**
 * `Werkboek inrichten`: creates missing tabs, repairs headers, and fills the region's facts into a
 * workbook without data. Tabs with rows that users typed are never touched beyond their header row,
 * so it is safe to run again at any time.
 */
export function setupWorkbook(runtime: Runtime, region: Region, options: { claimBlankProjectLeader?: boolean } = {}): SetupReport {
  const report: SetupReport = { created: [], repaired: [], seeded: [] };
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
        report.created.push(tab);
      } else {
        const added = wb.repairTab(tab, LAYOUT[tab]);
        if (added.length) report.repaired.push({ tab, headers: added });
      }
      const records = seeds[tab] ?? [];
      if (records.length && !hasData(before.get(tab) ?? null) && (emptyWorkbook || created)) {
        const headerRow = wb.readTab(tab)?.[0] ?? [...LAYOUT[tab].headers];
        wb.appendRows(tab, records.map((r) => toRow(headerRow, r)));
        report.seeded.push({ tab, rows: records.length });
      }
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

/**
 * The contract: `Werkboek inrichten` fills a blank `Projectleider` with the address of whoever runs
 * it. Only a blank value is filled (the `Sleutel` row is added when missing); a named leader stays.
 */
function fillBlankProjectLeader(runtime: Runtime, email: string): boolean {
  const wb = runtime.workbook;
  const grid = wb.readTab(TAB.settings);
  if (!grid?.[0]) return false;
  const header = grid[0].map((c) => cellText(c).trim().toLowerCase());
  const keyColumn = header.indexOf('sleutel');
  const valueColumn = header.indexOf('waarde');
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
