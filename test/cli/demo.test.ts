import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { Grid, cellText, isBlank } from '../../src/core/sheet/cell';
import { runCheck } from '../../src/core/check';
import { WorkbookSnapshot } from '../../src/core/workbook/rowReader';
import { GENERATED_TABS, HEADERS, TAB, USER_TABS } from '../../src/core/workbook/contract';
import { dayOfInstant } from '../../src/core/values/dates';
import { defaultRegion } from '../../src/data/regions';
import { FICTIONAL, runDemo } from '../../src/cli/demo';
import { localRuntime } from '../../src/adapters/local/runtime';
import { setupWorkbook } from '../../src/app/setup';
import { renderSummary } from '../../src/cli/table';
import { prepareAgenda } from '../../src/app/agenda';
import { renderMarkdown } from '../../src/core/agenda/markdown';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-demo-'));
const col = (tab: keyof typeof HEADERS, header: string) => (HEADERS[tab] as readonly string[]).indexOf(header);

describe('demo', () => {
  let file: string;
  let result: Awaited<ReturnType<typeof runDemo>>['result'];
  let wb: LocalWorkbook;
  let agenda: Awaited<ReturnType<typeof runDemo>>['agenda'];
  let berap: Awaited<ReturnType<typeof runDemo>>['berap'];

  beforeAll(async () => {
    const demo = await runDemo({ outDir: path.join(tmp(), 'out') });
    file = demo.file;
    result = demo.result;
    agenda = demo.agenda;
    berap = demo.berap;
    wb = await LocalWorkbook.load(file);
  }, 60_000);

  test('writes out/regiomonitor-gelderland-zuid.xlsx with every tab', () => {
    expect(path.basename(file)).toBe('regiomonitor-gelderland-zuid.xlsx');
    expect(path.basename(path.dirname(file))).toBe('out');
    expect(fs.existsSync(file)).toBe(true);
    for (const tab of [...USER_TABS, ...GENERATED_TABS, TAB.log]) expect(wb.tabNames()).toContain(tab);
  });

  test('the demo data parse cleanly, Peildatum is fixed, and only its four warnings are listed', () => {
    // no error; four warnings a controller should see: an action of 2023 that never happened, a local
    // plan of 2022 still in draft, an invoice on CSG that names no commitment while one is open, and
    // the berap's missing explanation for ACT
    expect(result.findings.filter((f) => f.severity !== 'warning')).toEqual([]);
    expect(result.findings.map((f) => [f.tab, f.value || f.column, f.problem.slice(0, 40)])).toEqual([
      ['Acties', '31-10-2023', 'deadline in 2023 verstreken: uitstellen '],
      ['Acties', '30-06-2022', 'deadline in 2022 verstreken: uitstellen '],
      ['Mutaties', 'Verplichting-ID (H)', 'Realisatie zonder Verplichting-ID, terwi'],
      ['Berap 2024-10-01', 'Toelichting (P)', 'Berap 01-10-2024: toelichting ontbreekt '],
    ]);
    expect(result.summary.referenceDate).toBe('2024-10-01');
    const settings = wb.readTab(TAB.settings)!;
    const peildatum = settings.find((r) => r[0] === 'Peildatum')!;
    expect(dayOfInstant(peildatum[1] as Date, 'UTC')).toBe('2024-10-01');
  });

  const line = (code: string, year = 2024) => result.years.find((y) => y.year === year)!.lines.find((l) => l.code === code)!;
  const year = (y: number) => result.years.find((x) => x.year === y)!;

  test('phases the years: 2021 and 2022 vastgesteld, 2023 afgelopen, 2024 lopend, 2025 toekomstig', () => {
    expect(result.years.map((y) => [y.year, y.phase])).toEqual([[2021, 'vastgesteld'], [2022, 'vastgesteld'], [2023, 'afgelopen'], [2024, 'lopend'], [2025, 'toekomstig']]);
    // Resultaat per year, dekking − prognose (subsidies at their raming 4.665.307 in every closed year):
    // 2021: 5.519.594 - (4.665.307 + 760.000) = 94.287; 2022: 5.519.594 - (4.665.307 + 745.000) = 109.287;
    // 2023: 5.459.594 - (4.665.307 + 700.000) = 94.287; 2024: 5.369.594 - 5.511.307 = -141.713;
    // 2025: toekomstig, every line at least its raming: 5.519.594 - 5.519.594 = 0 (no period sum anywhere)
    expect(result.summary.results.map((r) => r.resultCents)).toEqual([9_428_700, 10_928_700, 9_428_700, -14_171_300, 0]);
    expect(result.summary.message.startsWith('2024 (lopend): tekort € 150.000; 1 overschrijding, 1 dreigend; resultaat -€ 141.713')).toBe(true);
  });

  test('an ended year forecasts what it spent; planning that did not happen is shown, not forecast', () => {
    // ACT 2023: raming 854.287 - 60.000 = 794.287, spent 700.000; A-011 (25.000, deadline 31-10-2023) still shows
    // as Gepland, the prognose is the 700.000 spent, Niet belegd 794.287 - 700.000 - 25.000 = 69.287
    expect(line('ACT', 2023)).toMatchObject({ phase: 'afgelopen', spentCents: 70_000_000, plannedCents: 2_500_000, forecastCents: 70_000_000, unallocatedCents: 6_928_700 });
    expect(line('VT', 2023)).toMatchObject({ forecastCents: 190_000_000, balanceCents: 0 });
  });

  test('a storting only by decision: 100.000 of 2022 in Reserveverloop; 2023\'s surplus proposed, not booked', () => {
    expect(result.reserve.map((r) => [r.year, r.openingCents, r.depositCents, r.withdrawalCents, r.closingCents])).toEqual([
      [2021, 0, 0, 0, 0], [2022, 0, 10_000_000, 0, 10_000_000], [2023, 10_000_000, 0, 0, 10_000_000], [2024, 10_000_000, 0, 0, 10_000_000], [2025, 10_000_000, 0, 0, 10_000_000],
    ]);
    // no year's dekking grew by a surplus: 2024 is 5.519.594 - 150.000
    expect(year(2024).totalCoverageCents).toBe(536_959_400);
    const storting = result.proposals.flatMap((p) => p.items).filter((i) => i.kind === 'reserve');
    expect(storting.map((i) => [i.year, i.freedCents, i.decidedBy])).toEqual([[2023, 9_428_700, 'gemeenteraad van Nijmegen (bij berap of jaarrekening)']]);
  });

  test('2024 runs with an overrun, a threatening overrun and a programme shortfall', () => {
    // CSG 2024 (Vast): 120.000 committed (90.000 of it paid) + 8.500 extra invoice = 128.500 > 120.000
    expect(line('CSG')).toMatchObject({ signal: 'Overschrijding', spentCents: 12_850_000, estimateCents: 12_000_000 });
    // ACT 2024: 450.000 + 180.000 + 95.000 committed + 12.500 paid = 737.500 besteed;
    // pipeline 65.000 + 50.000 + 40.000 = 155.000; prognose 892.500 > raming 854.287
    expect(line('ACT')).toMatchObject({ signal: 'Dreigende overschrijding', spentCents: 73_750_000, plannedCents: 15_500_000, forecastCents: 89_250_000 });
    // 2024 dekking 5.519.594 - 150.000 korting = 5.369.594 < raming 5.519.594: Tekort of 150.000
    expect(year(2024)).toMatchObject({ programmeSignal: 'Tekort', totalCoverageCents: 536_959_400, totalEstimateCents: 551_959_400, shortfallCents: 15_000_000 });
    expect(result.summary.programmeShortfalls).toEqual([{ year: 2024, shortfallCents: 15_000_000 }]);
    // VT (Wettelijk) and MOV (Vast) have committed their whole raming: on course, not Let op
    expect(line('VT')).toMatchObject({ character: 'Wettelijk', spentCents: 190_000_000, forecastCents: 190_000_000, signal: 'OK' });
    expect(line('MOV')).toMatchObject({ character: 'Vast', spentCents: 235_500_000, signal: 'OK' });
    // OMG 2024: the 235.000 commitment closed after 180.000 paid: afgerekend, 55.000 real room
    expect(line('OMG')).toMatchObject({ settled: true, realisedCents: 18_000_000, obligoCents: 0, forecastCents: 18_000_000, balanceCents: 5_500_000 });
  });

  test('the 2024 proposal defers into 2025, says it moves the shortfall there, and 2025\'s proposal covers it', () => {
    const act = result.proposals.find((p) => p.year === 2024 && p.code === 'ACT')!;
    // ACT short 892.500 - 854.287 = 38.213: the Laag sexting action (A-004, 65.000), deferred before from 2023
    expect(act.items[0]).toMatchObject({ kind: 'defer', proposal: 'Uitstellen naar 2025', actionId: 'A-004', freedCents: 6_500_000, decidedBy: 'college van Nijmegen, na advies van de bestuurlijke werkgroep' });
    expect(act.items[0].note).toContain('(oorspronkelijk 2023)');
    const total = result.proposals.find((p) => p.year === 2024 && p.code === 'Totaal')!;
    // raming 150.000 over dekking: CSG takes 8.500 of OMG's 55.000; lower OMG by the 46.500 left and ACT by the
    // 26.787 A-004 freed (65.000 - 38.213); then defer A-019 (50.000) and A-024 (40.000), lowering ACT by 50.000
    // and 26.713: 46.500 + 26.787 + 50.000 + 26.713 = 150.000
    expect(total.items.map((i) => [i.kind, i.actionId || i.sourceCode, i.freedCents, i.thenLowerCents ?? null])).toEqual([
      ['lower', 'OMG', 4_650_000, null], ['lower', 'ACT', 2_678_700, null], ['defer', 'A-019', 5_000_000, 5_000_000], ['defer', 'A-024', 4_000_000, 2_671_300],
    ]);
    expect(total.items.filter((i) => i.kind === 'lower').every((i) => i.decidedBy === 'gemeenteraad van Nijmegen (bij berap of jaarrekening)')).toBe(true);
    // ACT 2025 (toekomstig): 450.000 committed + 270.000 planned = 720.000, Niet belegd 134.287; with the three
    // deferrals 720.000 + 155.000 = 875.000 > 854.287: the last one pushes 2025 over
    expect(line('ACT', 2025)).toMatchObject({ spentCents: 45_000_000, plannedCents: 27_000_000, unallocatedCents: 13_428_700, forecastCents: 85_428_700 });
    expect(total.items[3].deferral).toMatchObject({ toYear: 2025, forecastCents: 87_500_000, balanceCents: -2_071_300, signal: 'Dreigende overschrijding', shiftsShortfall: true });
    expect(total.items[3].note).toContain('verschuift het tekort naar 2025');
    const act2025 = result.proposals.find((p) => p.year === 2025 && p.code === 'ACT')!;
    // 875.000 - 854.287 = 20.713: A-001 (Laag, 120.000) moves to the next programme
    expect(act2025).toMatchObject({ shortfallCents: 2_071_300, covered: true });
    expect(act2025.items.map((i) => [i.actionId, i.proposal])).toEqual([['A-001', 'Uitstellen naar volgend programma']]);
    // 2024 is covered, and so is what it moved on
    expect([act.covered, total.covered]).toEqual([true, true]);
  });

  test('an action after Eindjaar is listed under Na 2025, not as an error', () => {
    expect(result.afterPeriod).toEqual([expect.objectContaining({ code: 'ACT', plannedCents: 3_500_000, actionIds: ['A-027'] })]);
    const rows = wb.readTab(TAB.budgetCheck)!;
    expect(rows.find((r) => r[0] === 'Na 2025')?.[col(TAB.budgetCheck, 'Gepland')]).toBe(35_000);
  });

  test('the two checks of the demo give the same Prognoseverloop in either order', () => {
    // the demo's user tabs as saved, checked on each Peildatum with the other's history before it
    const snapshot: WorkbookSnapshot = Object.fromEntries(USER_TABS.map((tab) => [tab, wb.readTab(tab)]));
    const HEAD = [...HEADERS[TAB.forecastHistory]];
    const check = (day: string, history: Grid | null) => runCheck(snapshot, { timeZone: wb.timeZone, today: '2024-10-01', referenceDate: day }, history).outputs.Prognoseverloop;
    const forward = check('2024-10-01', [HEAD, ...check('2024-09-12', null)]);
    expect(check('2024-09-12', [HEAD, ...check('2024-10-01', null)])).toEqual(forward);
    // 6 lines x 5 years, twice; and what the demo itself wrote
    expect(forward).toHaveLength(60);
    expect(wb.readTab(TAB.forecastHistory)!.slice(1)).toEqual(forward);
  });

  test('Budgetcontrole in the file carries the signals', () => {
    const rows = wb.readTab(TAB.budgetCheck)!;
    const signal = (year: number, code: string) => rows.find((r) => r[0] === year && r[1] === code)?.[col(TAB.budgetCheck, 'Signaal')];
    expect(signal(2024, 'CSG')).toBe('Overschrijding');
    expect(signal(2024, 'ACT')).toBe('Dreigende overschrijding');
    expect(signal(2024, 'VT')).toBe('OK');
    expect(signal(2024, 'Dekking')).toBe('Tekort');
    expect(signal(2023, 'Dekking')).toBe('OK');
  });

  test('every text the demo adds is labelled FICTIEF (demo)', async () => {
    expect(FICTIONAL).toBe('FICTIEF (demo): ');
    const ledger = wb.readTab(TAB.ledger)!.slice(1);
    // 3 closed years x 6 lines, 16 rows of 2024 and one 2025 commitment
    expect(ledger).toHaveLength(35);
    for (const r of ledger) expect(cellText(r[col(TAB.ledger, 'Omschrijving')])).toMatch(/^FICTIEF \(demo\): /);
    const coverage = wb.readTab(TAB.coverage)!.slice(1);
    // 3 sources x 5 years + 2 fictional circulaire cuts
    expect(coverage).toHaveLength(17);
    const cuts = coverage.filter((r) => (r[col(TAB.coverage, 'Bedrag')] as number) < 0);
    expect(cuts.map((r) => r[col(TAB.coverage, 'Bron')])).toEqual(['FICTIEF (demo): septembercirculaire 2023 korting', 'FICTIEF (demo): meicirculaire 2024 korting']);
    for (const r of cuts) expect(cellText(r[col(TAB.coverage, 'Toelichting')])).toMatch(/^FICTIEF \(demo\): /);
    const changes = wb.readTab(TAB.budgetChanges)!.slice(1);
    expect(changes).toHaveLength(1);
    expect(cellText(changes[0][col(TAB.budgetChanges, 'Besluit')])).toBe('FICTIEF (demo): raad 14-11-2023 (najaarsnota)');
    const closings = wb.readTab(TAB.yearClosing)!.slice(1);
    expect(closings.map((r) => cellText(r[col(TAB.yearClosing, 'Besluit')]))).toEqual(['FICTIEF (demo): raad 05-07-2022 (jaarrekening 2021)', 'FICTIEF (demo): raad 04-07-2023 (jaarrekening 2022)']);
    // Every Acties row the demo changed, compared with the plain seeded workbook, says FICTIEF
    const plain = LocalWorkbook.create();
    setupWorkbook(localRuntime(plain, { today: '2024-10-01' }), defaultRegion());
    const before = new Map(plain.readTab(TAB.actions)!.slice(1).map((r) => [cellText(r[0]), r.map(cellText)]));
    const changed = wb.readTab(TAB.actions)!.slice(1).filter((r) => {
      const was = before.get(cellText(r[0]))!;
      // the add-on itself fills Oorspronkelijke deadline at the first check
      return r.some((c, i) => i !== col(TAB.actions, 'Deadline') && i !== col(TAB.actions, 'Oorspronkelijke deadline') && cellText(c) !== was[i]);
    });
    // 8 regional actions and 12 local plans (of which the ones the documents already call done are left alone)
    expect(changed.length).toBeGreaterThanOrEqual(15);
    for (const r of changed) expect(cellText(r[col(TAB.actions, 'Toelichting')])).toMatch(/^FICTIEF \(demo\): /);
    const list = wb.readTab(TAB.actionList)!.slice(1);
    expect(list.map((r) => [cellText(r[col(TAB.actionList, 'Status')]), cellText(r[col(TAB.actionList, 'Afspraak')]).slice(0, 16)])).toEqual([
      ['Afgerond', 'FICTIEF (demo): '], ['Open', 'FICTIEF (demo): '], ['Open', 'FICTIEF (demo): '],
    ]);
    const note = wb.readTab(TAB.settings)!.find((r) => r[0] === 'Demo');
    expect(cellText(note?.[1] ?? null)).toMatch(/^FICTIEF \(demo\): /);
  });

  test('the summary table shows the signals, the shortfall and each year\'s result, no period sum', () => {
    const table = renderSummary(result);
    expect(table).toContain('Budgetcontrole Gelderland Zuid - peildatum 01-10-2024');
    expect(table).toMatch(/2024 {2}CSG .*€ 120\.000,00 +€ 128\.500,00 +€ 128\.500,00 +€ -8\.500,00 +Overschrijding/);
    // 2024: raming 5.519.594, dekking 5.369.594, prognose 5.511.307, Tekort, resultaat -141.713
    expect(table).toMatch(/2024 +lopend +€ 5\.519\.594,00 +€ 5\.369\.594,00 +€ 5\.511\.307,00 +Tekort +€ -141\.713,00/);
    expect(table).not.toMatch(/opgeteld|over de periode|1\.010\.435/);
    expect(table).toContain('4 waarschuwingen (wel meegeteld, maar kijk ernaar)');
    expect(table).toContain('A-004');
  });

  test('writes the agenda of the next meet-up after the Peildatum (14-11-2024), labelled FICTIEF', () => {
    expect(path.basename(agenda.markdownFile)).toBe('agenda-2024-11-14.md');
    expect(path.basename(agenda.htmlFile)).toBe('agenda-2024-11-14.html');
    expect(wb.tabNames()).toContain('Agenda 2024-11-14');
    const md = fs.readFileSync(agenda.markdownFile, 'utf8');
    expect(md.startsWith('# Agenda ambtelijke meet-up Gelderland Zuid, 14-11-2024\n\n**FICTIEF: ')).toBe(true);
    // The check of 12-09-2024 (the previous meet-up) ran before the CSG invoice of 15-09-2024 (8.500):
    // CSG 2024 went from its raming 120.000 to 128.500.
    expect(md).toContain('- **B.2** Centrum Seksueel Geweld (aandeel Gelderland Zuid) 2024: de prognose steeg met € 8.500, van € 120.000 naar € 128.500; signaal nu Overschrijding (was OK)');
    expect(md).toContain('Dit is een advies; het besluit ligt bij: college van Nijmegen, na advies van de bestuurlijke werkgroep.');
    // Whole euros everywhere, and the figures as of the workbook's Peildatum (before the meet-up).
    expect(md).not.toMatch(/€ -?[\d.]+,\d\d/);
    expect(md).toContain('Cijfers per: 01-10-2024');
    expect(md).not.toMatch(/\b(VT|CSG|MOV|OMG|ACT|GEN)\b/);
    const history = new Set(wb.readTab(TAB.forecastHistory)!.slice(1).map((r) => dayOfInstant(r[0] as Date, 'UTC')));
    expect([...history]).toEqual(['2024-09-12', '2024-10-01']);
  });

  test('the September agenda of Gelderland Zuid announces the campaigns up to November, Orange the World too', () => {
    const md = renderMarkdown(prepareAgenda(localRuntime(wb, { today: '2024-10-01' }), '2024-09-12').agenda);
    // From September up to the next meet-up of 14-11-2024: the three November campaigns, not June's.
    expect(md).toContain('Mededelingen: campagnes tot de volgende bijeenkomst (14-11-2024): Week zonder geweld (november), Week tegen kindermishandeling (november) en Orange the World (november en december).');
    expect(md).not.toContain('ouderenmishandeling (juni)');
  });

  test('the agenda proper of 14-11-2024 as the project leader sends it (issue 22)', () => {
    const md = fs.readFileSync(agenda.markdownFile, 'utf8');
    const page = md.split('\n## Bijlage A')[0];
    // Item 1: the open Actielijst rows of 12-09-2024 (two open, one done), ter vaststelling.
    expect(page).toContain('## 1. Opening, verslag en actielijst, mededelingen (ter vaststelling)');
    expect(page).toContain('| 2 | FICTIEF (demo): voorstel eigenaar en deadline voor de acties zonder deadline bij Expertise lokale teams | Regionaal projectleider | 14-11-2024 |');
    expect(page).toContain('| 3 | FICTIEF (demo): goede voorbeelden voor de nieuwsbrief van december aanleveren | alle gemeenten | 01-12-2024 |');
    expect(page).not.toContain('rondvraag bij de gemeenten');
    // Placeholders where Meet-ups has no logistics.
    expect(page).toContain('Tijd: nog in te vullen');
    // Item 4: one shortfall figure for 2024, the one the sidebar and Budgetcontrole show: the raming
    // 5.519.594 lies 150.000 above the dekking 5.369.594 (the prognose 5.511.307 lies 141.713 above it).
    expect(page).toContain('Programma 2024: tekort € 150.000: de raming ligt € 150.000 boven de dekking; de prognose ligt € 141.713 boven de dekking; het advies dekt dit.');
    expect(result.summary.programmeShortfalls).toEqual([{ year: 2024, shortfallCents: 15_000_000 }]);
    expect(page).not.toContain('-141.713');
    // Item 8: decisions go into Actielijst.
    expect(page).toContain('Besluitenlijst: de besluiten en afspraken van vandaag gaan met wie en wanneer in de tab Actielijst.');
    // Counts, not lists: the page names no action by its ID.
    expect(page).not.toMatch(/\(A-\d{3}\)/);
  });

  test('writes the berap at 01-10-2024: tab, .md and .html, two explanations typed and one missing', () => {
    expect(path.basename(berap.markdownFile)).toBe('berap-2024-10-01.md');
    const md = fs.readFileSync(berap.markdownFile, 'utf8');
    expect(fs.readFileSync(berap.htmlFile, 'utf8')).toContain('<p class="banner" role="note">FICTIEF');
    // Demo thresholds € 25.000 and 5%. CSG: 120.000 − (98.500 + 30.000) = -8.500, -7,1%: over the
    // percentage only. ACT: 854.287 − (737.500 + 155.000) = -38.213, -4,5%: over the amount only.
    // OMG: 235.000 − 180.000 = 55.000, 23,4%: over both.
    expect(md).toContain('| € 120.000 | € 98.500 | € 30.000 | € 128.500 | € -8.500 | -7,1% | N |');
    expect(md).toContain('| € 854.287 | € 442.500 | € 295.000 | € 892.500 | € -38.213 | -4,5% | N |');
    expect(md).toContain('| € 235.000 | € 180.000 | € 0 | € 180.000 | € 55.000 | 23,4% | V |');
    const tab = wb.readTab('Berap 2024-10-01')!;
    const at = (h: string) => tab[0].map(cellText).indexOf(h);
    const rows = tab.slice(1).filter((r) => cellText(r[at('Toelichting verplicht')]) === 'Ja');
    expect(rows.map((r) => [r[at('Code')], cellText(r[at('Toelichting')]).startsWith(FICTIONAL)])).toEqual([['CSG', true], ['OMG', true], ['ACT', false]]);
    // the README shows this berap: its table cannot drift from what the demo writes
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const row of md.split('\n').filter((l) => l.startsWith('|'))) expect(readme).toContain(row);
    expect(result.findings.filter((f) => f.tab === 'Berap 2024-10-01').map((f) => f.problem)).toEqual([
      'Berap 01-10-2024: toelichting ontbreekt bij Budget uitvoering actielijnen regioaanpak inclusief expertise specifieke thema\'s, afwijking € -38.213 N',
    ]);
  });

  test('running it again gives the same Budgetcontrole', async () => {
    const again = await runDemo({ outDir: tmp() });
    const second = await LocalWorkbook.load(again.file);
    expect(second.readTab(TAB.budgetCheck)).toEqual(wb.readTab(TAB.budgetCheck));
    expect(second.readTab(TAB.reprioritisation)).toEqual(wb.readTab(TAB.reprioritisation));
  }, 60_000);

  test('refuses demo data that no longer match the seeded actions', async () => {
    const region = JSON.parse(JSON.stringify(defaultRegion()));
    delete region.acties.regionaal[3].begrotingspost; // A-004 would no longer be on ACT
    await expect(runDemo({ outDir: tmp(), region })).rejects.toThrow('Demo: actie A-004 staat op geen begrotingspost, niet op ACT');
  }, 60_000);
});
