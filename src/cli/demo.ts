import { promises as fs } from 'fs';
import * as path from 'path';
import { LocalWorkbook } from '../adapters/local/workbook';
import { prepareAgenda, proposedMeetupDate, writeAgendaTab } from '../app/agenda';
import { generateBerap } from '../app/berap';
import { localRuntime } from '../adapters/local/runtime';
import { setupWorkbook } from '../app/setup';
import { Cell, cellText } from '../core/sheet/cell';
import { CheckResult } from '../core/check';
import { REGION_MUNICIPALITY, SETTING, TAB, TabName } from '../core/workbook/contract';
import { midnightIn, parseDay } from '../core/values/dates';
import { escapeCellText } from '../core/sheet/escape';
import { Region } from '../core/region/schema';
import { defaultRegion } from '../data/regions';
import { checkWorkbook, makeFolder, saveWorkbook } from './files';

import { DEMO, DONE_BEFORE, DemoActionRef, DemoLedgerEntry, FICTIONAL, municipalityChanges } from './demoData';

export { DEMO, FICTIONAL };

const slug = (name: string) => name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** `regiomonitor-gelderland-zuid.xlsx`: named after the region, not hard-coded. */
export function demoFileName(region: Region): string {
  return `regiomonitor-${slug(region.region.naam)}.xlsx`;
}

const text = (value: string) => escapeCellText(value);
const fictional = (value: string) => text(value.startsWith(FICTIONAL) ? value : `${FICTIONAL}${value}`);

/** Puts records into the tab's current column order, as a user's sheet may order them. */
function appendRecords(wb: LocalWorkbook, tab: TabName, records: Record<string, Cell>[]): void {
  const header = (wb.readTab(tab)?.[0] ?? []).map((h) => cellText(h).trim().toLowerCase());
  wb.appendRows(tab, records.map((r) => {
    const byHeader = new Map(Object.entries(r).map(([h, v]) => [h.toLowerCase(), v]));
    return header.map((h) => byHeader.get(h) ?? null);
  }));
}

function columnOf(wb: LocalWorkbook, tab: TabName, header: string): number {
  const index = (wb.readTab(tab)?.[0] ?? []).findIndex((h) => cellText(h).trim().toLowerCase() === header.toLowerCase());
  if (index === -1) throw new Error(`Demo: kolom ${header} ontbreekt in ${tab}`);
  return index + 1;
}

function appendLedger(wb: LocalWorkbook, entries: readonly DemoLedgerEntry[]): void {
  appendRecords(wb, TAB.ledger, entries.map((m) => ({
    ID: m.id,
    Datum: midnightIn(m.date, wb.timeZone),
    Jaar: m.year ?? null,
    Code: m.code,
    'Actie-ID': m.actionId ?? null,
    Soort: m.kind,
    Bedrag: m.euros,
    'Verplichting-ID': m.commitmentId ?? null,
    Afgesloten: m.closed ? 'Ja' : null,
    Omschrijving: fictional(m.description),
  })));
}

/** Writes a setting's value where its key is, or appends the key. */
function writeSetting(wb: LocalWorkbook, key: string, value: Cell): void {
  const rows = wb.readTab(TAB.settings) ?? [];
  const keyColumn = columnOf(wb, TAB.settings, 'Sleutel');
  const at = rows.findIndex((r) => cellText(r[keyColumn - 1]).trim() === key);
  if (at < 1) appendRecords(wb, TAB.settings, [{ Sleutel: key, Waarde: value }]);
  else wb.writeCells(TAB.settings, [{ row: at + 1, column: columnOf(wb, TAB.settings, 'Waarde'), value }]);
}

/** Fills in the seeded actions the demo plans, defers and closes, as a project leader would type them. */
function changeActions(wb: LocalWorkbook, region: Region): void {
  const tz = wb.timeZone;
  const actions = wb.readTab(TAB.actions) ?? [];
  const col = (h: string) => columnOf(wb, TAB.actions, h);
  const text = (row: number, h: string) => cellText(actions[row - 1][col(h) - 1]).trim();
  const rows = actions.slice(1).map((_, i) => i + 2);
  const describe = (ref: DemoActionRef) => ('id' in ref ? `actie ${ref.id}` : `actie "${ref.title}" van ${ref.municipality}`);
  const find = (ref: DemoActionRef): number => {
    const matches = rows.filter((row) =>
      ('id' in ref ? text(row, 'ID') === ref.id : text(row, 'Gemeente') === ref.municipality) && text(row, 'Actie').toLowerCase().includes(ref.title.toLowerCase()));
    if (matches.length !== 1) throw new Error(`Demo: ${describe(ref)} staat niet (of niet één keer) in Acties`);
    return matches[0];
  };
  const changed = new Set<number>();
  for (const change of [...DEMO.actions, ...municipalityChanges(region)]) {
    const row = find(change.action);
    changed.add(row);
    const line = text(row, 'Begrotingspost');
    if (change.budgetCode && line !== change.budgetCode) throw new Error(`Demo: ${describe(change.action)} staat op ${line || 'geen begrotingspost'}, niet op ${change.budgetCode}`);
    // A status the policy documents give stays: the demo only invents what they leave open.
    if (change.status && text(row, 'Status') !== 'Niet gestart') continue;
    const cells: { header: string; value: Cell }[] = [{ header: 'Toelichting', value: fictional(change.note) }];
    if (change.priority) cells.push({ header: 'Prioriteit', value: change.priority });
    if (change.plannedEuros !== undefined) cells.push({ header: 'Geraamd', value: change.plannedEuros });
    if (change.deadline) cells.push({ header: 'Deadline', value: midnightIn(change.deadline, tz) });
    if (change.originalDeadline) cells.push({ header: 'Oorspronkelijke deadline', value: midnightIn(change.originalDeadline, tz) });
    if (change.status) cells.push({ header: 'Status', value: change.status });
    wb.writeCells(TAB.actions, cells.map((c) => ({ row, column: col(c.header), value: c.value })));
  }
  const year = Number(DEMO.referenceDate.slice(0, 4));
  for (const row of rows) {
    const deadline = actions[row - 1][col('Deadline') - 1];
    const due = parseDay(deadline, tz);
    if (changed.has(row) || text(row, 'Gemeente') === REGION_MUNICIPALITY || text(row, 'Status') !== 'Niet gestart' || due.kind !== 'ok' || Number(due.day.slice(0, 4)) >= year) continue;
    wb.writeCells(TAB.actions, [
      { row, column: col('Status'), value: DONE_BEFORE.status },
      { row, column: col('Toelichting'), value: fictional(DONE_BEFORE.note) },
    ]);
  }
}

/**
 * Writes the fictional demo data into a freshly set up workbook, as a user would type it. Every
 * row is dated: a check on an earlier Peildatum sees only what was known then.
 */
export function addDemoData(wb: LocalWorkbook, region: Region): void {
  const tz = wb.timeZone;
  writeSetting(wb, SETTING.referenceDate, midnightIn(DEMO.referenceDate, tz));
  for (const [key, value] of Object.entries(DEMO.settings)) writeSetting(wb, key, value);
  appendRecords(wb, TAB.settings, [{ Sleutel: DEMO.settingsNote.key, Waarde: fictional(DEMO.settingsNote.value) }]);
  changeActions(wb, region);
  appendRecords(wb, TAB.budgetChanges, DEMO.budgetChanges.map((c) => ({
    Datum: midnightIn(c.date, tz), Jaar: c.year, Code: c.code, Bedrag: c.euros, Besluit: fictional(c.decision), Toelichting: fictional(c.note),
  })));
  appendRecords(wb, TAB.coverage, DEMO.coverage.map((c) => ({ Jaar: c.year, Bron: fictional(c.source), Bedrag: c.euros, Toelichting: fictional(c.note), Datum: midnightIn(c.date, tz) })));
  appendRecords(wb, TAB.yearClosing, DEMO.yearClosings.map((c) => ({
    Jaar: c.year, 'Vastgesteld op': midnightIn(c.adoptedOn, tz), Besluit: fictional(c.decision), 'Naar reserve': c.toReserveEuros || null, Toelichting: fictional(c.note),
  })));
  appendRecords(wb, TAB.actionList, DEMO.actionList.map((a) => ({
    Nr: a.nr, Afspraak: fictional(a.agreement), Wie: text(a.who), Deadline: midnightIn(a.deadline, tz), Status: a.status, 'Meet-up': midnightIn(a.meetup, tz),
  })));
  appendLedger(wb, DEMO.ledger);
}

export interface DemoResult {
  file: string;
  result: CheckResult;
  /** The agenda of the demo's next meet-up, also written as the tab `Agenda JJJJ-MM-DD`. */
  agenda: { title: string; markdownFile: string; htmlFile: string };
  /** The berap at the Peildatum, also written as the tab `Berap JJJJ-MM-DD`. */
  berap: { title: string; markdownFile: string; htmlFile: string };
}

/** The controller types the demo's explanations into the berap tab, by Code, as in Sheets. */
function typeExplanations(wb: LocalWorkbook, tabName: string): void {
  const grid = wb.readTab(tabName) ?? [];
  const code = columnIn(grid, 'Code');
  const column = columnIn(grid, 'Toelichting');
  const writes = grid.flatMap((row, i) => {
    const typed = DEMO.berapExplanations[cellText(row[code]).trim()];
    return i > 0 && typed ? [{ row: i + 1, column: column + 1, value: fictional(typed) }] : [];
  });
  wb.writeCells(tabName, writes);
}

function columnIn(grid: Cell[][], header: string): number {
  const index = (grid[0] ?? []).findIndex((h) => cellText(h).trim() === header);
  if (index === -1) throw new Error(`Demo: kolom ${header} ontbreekt`);
  return index;
}

/**
 * `npm start`: the default region's workbook with fictional demo data, checked and saved as
 * `<outDir>/regiomonitor-<regio>.xlsx`. Deterministic: `Peildatum` is fixed in the sheet.
 */
export async function runDemo(options: { outDir: string; region?: Region }): Promise<DemoResult> {
  const region = options.region ?? defaultRegion();
  const wb = LocalWorkbook.create();
  const fixedNow = midnightIn(DEMO.referenceDate, wb.timeZone);
  const runtime = localRuntime(wb, { today: DEMO.referenceDate, now: () => fixedNow });
  setupWorkbook(runtime, region);
  addDemoData(wb, region);
  // The check of the previous meet-up, then the one on the Peildatum: the Peildatum cuts off what
  // was booked after it, so either order gives the same Prognoseverloop.
  checkWorkbook(runtime, DEMO.previousMeetup);
  checkWorkbook(runtime);
  // The berap at the Peildatum; the controller explains two deviations and remakes it. The check
  // after it lists the explanation that is still missing in Controles.
  const first = generateBerap(runtime, undefined);
  typeExplanations(wb, first.tabName);
  const berap = generateBerap(runtime, undefined);
  const result = checkWorkbook(runtime);
  const agenda = prepareAgenda(runtime, proposedMeetupDate(runtime));
  writeAgendaTab(runtime, agenda);
  await makeFolder(options.outDir);
  const file = path.join(options.outDir, demoFileName(region));
  await saveWorkbook(wb, file);
  const base = path.join(options.outDir, `agenda-${agenda.date}`);
  await fs.writeFile(`${base}.md`, agenda.markdown, 'utf8');
  await fs.writeFile(`${base}.html`, agenda.html, 'utf8');
  const berapBase = path.join(options.outDir, `berap-${berap.berap.referenceDate}`);
  await fs.writeFile(`${berapBase}.md`, berap.markdown, 'utf8');
  await fs.writeFile(`${berapBase}.html`, berap.html, 'utf8');
  return {
    file, result,
    agenda: { title: agenda.title, markdownFile: `${base}.md`, htmlFile: `${base}.html` },
    berap: { title: berap.berap.title, markdownFile: `${berapBase}.md`, htmlFile: `${berapBase}.html` },
  };
}
