import { promises as fs } from 'fs';
import * as path from 'path';
import { LocalWorkbook } from '../adapters/local/workbook';
import { prepareAgenda, proposedMeetupDate, writeAgendaTab } from '../app/agenda';
import { localRuntime } from '../adapters/local/runtime';
import { setupWorkbook } from '../app/setup';
import { Cell, cellText } from '../core/sheet/cell';
import { CheckResult } from '../core/check';
import { DEMO_SETTING, LedgerKind, Priority, SETTING, Status, TAB, TabName } from '../core/workbook/contract';
import { Day, midnightIn } from '../core/values/dates';
import { escapeCellText } from '../core/sheet/escape';
import { Region } from '../core/region/schema';
import { defaultRegion } from '../data/regions';
import { checkWorkbook, makeFolder, saveWorkbook } from './files';

// ---------------------------------------------------------------------------------------------
// FICTIONAL DEMO DATA. Nothing below is a fact about the region: the region's facts come from
// src/data/. These amounts, statuses and priorities are invented so that the demo shows an overrun
// (CSG 2024), a threatening overrun (ACT 2024) and a programme shortfall after a circulaire cut
// (2024). Every text the demo writes starts with FICTIONAL, so nobody mistakes it for real data.
// IDs refer to the actions the default region seeds (A-001...); the demo checks they still match.
// ---------------------------------------------------------------------------------------------
export const FICTIONAL = 'FICTIEF (demo): ';

/**
 * Which seeded action a demo change is about: a regional action by ID (regional actions are seeded
 * first, in file order), or one of a municipality's own rows by the start of its title. `title`
 * must occur in the action's title either way, so a changed region file fails loudly here.
 */
type DemoActionRef = { id: string; title: string } | { municipality: string; title: string };

interface DemoActionChange {
  action: DemoActionRef;
  /** The budget line the seeded action must be on. */
  budgetCode?: string;
  priority?: Priority;
  plannedEuros?: number;
  deadline?: Day;
  status?: Status;
  note: string;
}

interface DemoLedgerEntry {
  id: string;
  date: Day;
  code: string;
  actionId?: string;
  kind: LedgerKind;
  euros: number;
  commitmentId?: string;
  closed?: boolean;
  description: string;
}

/** The demo's local plans: the first municipalities of the region file, whatever they are called. */
function localPlanChanges(region: Region): DemoActionChange[] {
  const plan = region.acties?.per_gemeente?.find((a) => a.lokaal_plan)?.actie ?? '';
  return region.gemeenten.slice(0, 12).map((g, i) => ({
    action: { municipality: g.naam, title: plan },
    status: i < 10 ? 'Afgerond' : 'Loopt',
    note: i < 10 ? 'lokaal plan vastgesteld (verzonnen)' : 'lokaal plan in concept (verzonnen)',
  }));
}

export const DEMO = {
  referenceDate: '2024-10-01' as Day,
  /**
   * The meet-up before the Peildatum (the region's proposed September meet-up). The demo runs a
   * check on that day with the ledger as it was then, so `Prognoseverloop` holds that snapshot and
   * the agenda of the next meet-up can say what changed since (the CSG invoice of 15-09-2024).
   */
  previousMeetup: '2024-09-12' as Day,
  settingsNote: {
    key: DEMO_SETTING,
    value: `${FICTIONAL}dit werkboek is een demonstratie. Regio, gemeenten, actielijnen, acties, begroting en dekking komen uit de regioaanpak; alle mutaties, de circulairekortingen, het besluit in Begrotingswijzigingen, prioriteiten, ramingen per actie en statussen met FICTIEF in de toelichting zijn verzonnen.`,
  },
  actions: [
    // ACT 2024 pipeline: 65.000 + 50.000 + 40.000 = 155.000 on top of 737.500 besteed
    { action: { id: 'A-004', title: 'sexting' }, budgetCode: 'ACT', priority: 'Laag', plannedEuros: 65_000, deadline: '2024-11-30', status: 'Niet gestart', note: 'voorlichting sexting en grooming: raming en planning verzonnen' },
    { action: { id: 'A-019', title: 'toekomsttuin' }, budgetCode: 'ACT', priority: 'Middel', plannedEuros: 50_000, deadline: '2024-12-31', status: 'Loopt', note: 'toekomsttuinen: raming en planning verzonnen' },
    { action: { id: 'A-024', title: 'complexe scheidingen' }, budgetCode: 'ACT', priority: 'Hoog', plannedEuros: 40_000, deadline: '2024-12-15', status: 'Loopt', note: 'complexe scheidingen: raming en planning verzonnen' },
    { action: { id: 'A-005', title: 'Augeo' }, budgetCode: 'ACT', status: 'Afgerond', note: 'lidmaatschap betaald (verzonnen)' },
    { action: { id: 'A-007', title: 'Casussimulaties' }, budgetCode: 'ACT', status: 'Loopt', note: 'casussimulaties lopen (verzonnen)' },
    { action: { id: 'A-008', title: 'opleidings- en professionaliseringsprogramma' }, budgetCode: 'ACT', status: 'Loopt', note: 'trainingen lopen (verzonnen)' },
    { action: { id: 'A-012', title: 'ouderenmishandeling' }, budgetCode: 'ACT', status: 'Loopt', note: 'expertiserol loopt (verzonnen)' },
    { action: { id: 'A-036', title: 'Evaluatie halverwege' }, status: 'Afgerond', note: 'evaluatie besproken in de bestuurlijke werkgroep (verzonnen)' },
  ] as DemoActionChange[],
  coverage: [
    // 2023: a cut of 60.000, which the college decided to absorb by lowering ACT 2023 (budgetChanges)
    { year: 2023, source: 'septembercirculaire 2023 korting', euros: -60_000, note: 'verzonnen bijstelling van de DU VO-uitkering, opgevangen in Begrotingswijzigingen' },
    // 2024: 5.519.594 - 150.000 = 5.369.594 dekking against 5.519.594 raming: a shortfall not yet decided on
    { year: 2024, source: 'meicirculaire 2024 korting', euros: -150_000, note: 'verzonnen bijstelling van de DU VO-uitkering; nog geen besluit' },
  ],
  budgetChanges: [
    // 2023: raming 5.519.594 - 60.000 = 5.459.594 = dekking: the shortfall of the cut is cleared
    { date: '2023-11-14' as Day, year: 2023, code: 'ACT', euros: -60_000, decision: 'college 14-11-2023', note: 'korting septembercirculaire opgevangen in het actielijnenbudget' },
  ],
  ledger: [
    // ACT in the years before: 760.000, 745.000 and 700.000 spent (all under their raming)
    { id: 'M-101', date: '2021-12-15', code: 'ACT', kind: 'Realisatie', euros: 760_000, description: 'uitgaven actielijnen 2021 (totaal)' },
    { id: 'M-102', date: '2022-12-15', code: 'ACT', kind: 'Realisatie', euros: 745_000, description: 'uitgaven actielijnen 2022 (totaal)' },
    { id: 'M-103', date: '2023-12-15', code: 'ACT', kind: 'Realisatie', euros: 700_000, description: 'uitgaven actielijnen 2023 (totaal)' },
    // VT 2024: 1.900.000 committed, 1.425.000 of it paid: besteed 1.900.000 = raming, on course (OK, not Let op)
    { id: 'M-001', date: '2024-01-15', code: 'VT', kind: 'Verplichting', euros: 1_900_000, description: 'subsidiebeschikking Veilig Thuis 2024' },
    { id: 'M-002', date: '2024-09-30', code: 'VT', kind: 'Realisatie', euros: 1_425_000, commitmentId: 'M-001', description: 'voorschotten Veilig Thuis Q1-Q3 2024' },
    // MOV 2024: 2.355.000 committed, 1.766.250 paid: besteed 2.355.000 = raming, on course
    { id: 'M-003', date: '2024-01-15', code: 'MOV', kind: 'Verplichting', euros: 2_355_000, description: 'subsidiebeschikking Moviera 2024' },
    { id: 'M-004', date: '2024-09-30', code: 'MOV', kind: 'Realisatie', euros: 1_766_250, commitmentId: 'M-003', description: 'voorschotten Moviera Q1-Q3 2024' },
    // CSG 2024: 120.000 committed (90.000 paid) + 8.500 extra invoice = 128.500 > 120.000 (Overschrijding)
    { id: 'M-005', date: '2024-02-01', code: 'CSG', kind: 'Verplichting', euros: 120_000, description: 'subsidie Centrum Seksueel Geweld 2024' },
    { id: 'M-006', date: '2024-07-01', code: 'CSG', kind: 'Realisatie', euros: 90_000, commitmentId: 'M-005', description: 'voorschot Centrum Seksueel Geweld' },
    { id: 'M-007', date: '2024-09-15', code: 'CSG', kind: 'Realisatie', euros: 8_500, description: 'nafactuur extra inzet acute zorg' },
    // OMG 2024: 235.000 committed, settled at 180.000 and closed: afgerekend, 55.000 real room
    { id: 'M-008', date: '2024-01-20', code: 'OMG', kind: 'Verplichting', euros: 235_000, closed: true, description: 'subsidie Omgangshuis 2024, afgerekend' },
    { id: 'M-009', date: '2024-08-30', code: 'OMG', kind: 'Realisatie', euros: 180_000, commitmentId: 'M-008', description: 'vaststelling subsidie Omgangshuis 2024' },
    // ACT 2024: commitments 450.000 + 180.000 + 95.000 and a direct payment of 12.500 = 737.500 besteed
    { id: 'M-010', date: '2024-01-25', code: 'ACT', actionId: 'A-008', kind: 'Verplichting', euros: 450_000, description: 'opdracht trainingen Samen werken aan Veiligheid 2024' },
    { id: 'M-011', date: '2024-06-28', code: 'ACT', actionId: 'A-008', kind: 'Realisatie', euros: 300_000, commitmentId: 'M-010', description: 'factuur trainingen eerste helft 2024' },
    { id: 'M-012', date: '2024-02-01', code: 'ACT', actionId: 'A-012', kind: 'Verplichting', euros: 180_000, description: 'opdracht expertiserol ouderenmishandeling 2024' },
    { id: 'M-013', date: '2024-07-15', code: 'ACT', actionId: 'A-012', kind: 'Realisatie', euros: 90_000, commitmentId: 'M-012', description: 'factuur expertiserol eerste helft 2024' },
    { id: 'M-014', date: '2024-03-01', code: 'ACT', actionId: 'A-005', kind: 'Realisatie', euros: 12_500, description: 'lidmaatschap Augeo 2024' },
    { id: 'M-015', date: '2024-04-10', code: 'ACT', actionId: 'A-007', kind: 'Verplichting', euros: 95_000, description: 'opdracht casussimulaties 2024' },
    { id: 'M-016', date: '2024-09-10', code: 'ACT', actionId: 'A-007', kind: 'Realisatie', euros: 40_000, commitmentId: 'M-015', description: 'factuur casussimulaties voorjaar 2024' },
  ] as DemoLedgerEntry[],
};
// ------------------------------------------------------------------------- end of demo data ---

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
    Code: m.code,
    'Actie-ID': m.actionId ?? null,
    Soort: m.kind,
    Bedrag: m.euros,
    'Verplichting-ID': m.commitmentId ?? null,
    Afgesloten: m.closed ? 'Ja' : null,
    Omschrijving: fictional(m.description),
  })));
}

/** The demo's mutations dated after `after`: what happened since an earlier check. */
export function addLaterDemoLedger(wb: LocalWorkbook, after: Day): void {
  appendLedger(wb, DEMO.ledger.filter((m) => m.date > after));
}

/**
 * Writes the fictional demo data into a freshly set up workbook, as a user would type it; with
 * `ledgerUntil`, only the mutations up to that day (addLaterDemoLedger adds the rest).
 */
export function addDemoData(wb: LocalWorkbook, region: Region, options: { ledgerUntil?: Day } = {}): void {
  const tz = wb.timeZone;
  const settings = wb.readTab(TAB.settings) ?? [];
  const dateRow = settings.findIndex((r) => cellText(r[columnOf(wb, TAB.settings, 'Sleutel') - 1]).trim() === SETTING.referenceDate);
  if (dateRow < 1) throw new Error('Demo: Peildatum ontbreekt in Instellingen');
  wb.writeCells(TAB.settings, [{ row: dateRow + 1, column: columnOf(wb, TAB.settings, 'Waarde'), value: midnightIn(DEMO.referenceDate, tz) }]);
  appendRecords(wb, TAB.settings, [{ Sleutel: DEMO.settingsNote.key, Waarde: fictional(DEMO.settingsNote.value) }]);

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
  for (const change of [...DEMO.actions, ...localPlanChanges(region)]) {
    const row = find(change.action);
    const line = text(row, 'Begrotingspost');
    if (change.budgetCode && line !== change.budgetCode) throw new Error(`Demo: ${describe(change.action)} staat op ${line || 'geen begrotingspost'}, niet op ${change.budgetCode}`);
    // A status the policy documents give stays: the demo only invents what they leave open.
    if (change.status && text(row, 'Status') !== 'Niet gestart') continue;
    const cells: { header: string; value: Cell }[] = [{ header: 'Toelichting', value: fictional(change.note) }];
    if (change.priority) cells.push({ header: 'Prioriteit', value: change.priority });
    if (change.plannedEuros !== undefined) cells.push({ header: 'Geraamd', value: change.plannedEuros });
    if (change.deadline) cells.push({ header: 'Deadline', value: midnightIn(change.deadline, tz) });
    if (change.status) cells.push({ header: 'Status', value: change.status });
    wb.writeCells(TAB.actions, cells.map((c) => ({ row, column: col(c.header), value: c.value })));
  }

  appendRecords(wb, TAB.budgetChanges, DEMO.budgetChanges.map((c) => ({
    Datum: midnightIn(c.date, tz), Jaar: c.year, Code: c.code, Bedrag: c.euros, Besluit: fictional(c.decision), Toelichting: fictional(c.note),
  })));
  appendRecords(wb, TAB.coverage, DEMO.coverage.map((c) => ({ Jaar: c.year, Bron: fictional(c.source), Bedrag: c.euros, Toelichting: fictional(c.note) })));
  appendLedger(wb, DEMO.ledger.filter((m) => !options.ledgerUntil || m.date <= options.ledgerUntil));
}

export interface DemoResult {
  file: string;
  result: CheckResult;
  /** The agenda of the demo's next meet-up, also written as the tab `Agenda JJJJ-MM-DD`. */
  agenda: { title: string; markdownFile: string; htmlFile: string };
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
  addDemoData(wb, region, { ledgerUntil: DEMO.previousMeetup });
  checkWorkbook(runtime, DEMO.previousMeetup);
  addLaterDemoLedger(wb, DEMO.previousMeetup);
  const result = checkWorkbook(runtime);
  const agenda = prepareAgenda(runtime, proposedMeetupDate(runtime));
  writeAgendaTab(runtime, agenda);
  await makeFolder(options.outDir);
  const file = path.join(options.outDir, demoFileName(region));
  await saveWorkbook(wb, file);
  const base = path.join(options.outDir, `agenda-${agenda.date}`);
  await fs.writeFile(`${base}.md`, agenda.markdown, 'utf8');
  await fs.writeFile(`${base}.html`, agenda.html, 'utf8');
  return { file, result, agenda: { title: agenda.title, markdownFile: `${base}.md`, htmlFile: `${base}.html` } };
}
