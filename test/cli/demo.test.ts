import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { cellText, isBlank } from '../../src/core/sheet/cell';
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

  beforeAll(async () => {
    const demo = await runDemo({ outDir: path.join(tmp(), 'out') });
    file = demo.file;
    result = demo.result;
    agenda = demo.agenda;
    wb = await LocalWorkbook.load(file);
  }, 60_000);

  test('writes out/regiomonitor-gelderland-zuid.xlsx with every tab', () => {
    expect(path.basename(file)).toBe('regiomonitor-gelderland-zuid.xlsx');
    expect(path.basename(path.dirname(file))).toBe('out');
    expect(fs.existsSync(file)).toBe(true);
    for (const tab of [...USER_TABS, ...GENERATED_TABS, TAB.log]) expect(wb.tabNames()).toContain(tab);
  });

  test('the demo data parse cleanly and Peildatum is fixed', () => {
    expect(result.findings).toEqual([]);
    expect(result.summary.referenceDate).toBe('2024-10-01');
    const settings = wb.readTab(TAB.settings)!;
    const peildatum = settings.find((r) => r[0] === 'Peildatum')!;
    expect(dayOfInstant(peildatum[1] as Date, 'UTC')).toBe('2024-10-01');
  });

  test('shows an overrun, a threatening overrun and a programme shortfall', () => {
    const { summary } = result;
    expect(summary.overruns).toBeGreaterThanOrEqual(1);
    expect(summary.threatening).toBeGreaterThanOrEqual(1);

    const line = (code: string, year = 2024) => result.years.find((y) => y.year === year)!.lines.find((l) => l.code === code)!;
    // CSG 2024 (Vast): 120.000 committed (90.000 of it paid) + 8.500 extra invoice = 128.500 > 120.000
    expect(line('CSG')).toMatchObject({ signal: 'Overschrijding', spentCents: 12_850_000, estimateCents: 12_000_000 });
    // ACT 2024: 450.000 + 180.000 + 95.000 committed + 12.500 paid = 737.500 besteed;
    // pipeline 65.000 + 50.000 + 40.000 = 155.000; prognose 892.500 > raming 854.287
    expect(line('ACT')).toMatchObject({ signal: 'Dreigende overschrijding', spentCents: 73_750_000, plannedCents: 15_500_000, forecastCents: 89_250_000 });
    // 2024 dekking 5.519.594 - 150.000 korting = 5.369.594 < raming 5.519.594: Tekort of 150.000
    const y2024 = result.years.find((y) => y.year === 2024)!;
    expect(y2024).toMatchObject({ programmeSignal: 'Tekort', totalCoverageCents: 536_959_400, totalEstimateCents: 551_959_400, shortfallCents: 15_000_000 });
    expect(summary.programmeShortfalls).toEqual([{ year: 2024, shortfallCents: 15_000_000 }]);
    // The Laag-priority sexting action (A-004, 65.000) covers ACT's 38.213 shortfall, moving it to 2025
    const act = summary.proposals.find((p) => p.year === 2024 && p.code === 'ACT')!;
    expect(act.items[0]).toMatchObject({ kind: 'defer', proposal: 'Uitstellen naar 2025', actionId: 'A-004', freedCents: 6_500_000 });
    // ACT 2025: nothing booked, so 65.000 after the deferral; Saldo 854.287 - 65.000 = 789.287
    expect(act.items[0].deferral).toEqual({ toYear: 2025, forecastCents: 6_500_000, balanceCents: 78_928_700, signal: 'OK' });
    expect(act.shortfallCents).toBe(3_821_300);
  });

  test('tells the budget model\'s story: subsidies on course, a settled line with room, a decided change', () => {
    const line = (code: string, year = 2024) => result.years.find((y) => y.year === year)!.lines.find((l) => l.code === code)!;
    // VT (Wettelijk) and MOV (Vast) have committed their whole raming: on course, not Let op
    expect(line('VT')).toMatchObject({ character: 'Wettelijk', spentCents: 190_000_000, forecastCents: 190_000_000, signal: 'OK' });
    expect(line('MOV')).toMatchObject({ character: 'Vast', spentCents: 235_500_000, signal: 'OK' });
    expect(result.summary.warnings).toBe(0);
    // OMG 2024: the 235.000 commitment closed after 180.000 paid: afgerekend, 55.000 real room
    expect(line('OMG')).toMatchObject({ settled: true, realisedCents: 18_000_000, obligoCents: 0, forecastCents: 18_000_000, balanceCents: 5_500_000 });
    // ... which the CSG overrun takes 8.500 of
    const csg = result.summary.proposals.find((p) => p.year === 2024 && p.code === 'CSG')!;
    expect(csg.items.map((i) => [i.proposal, i.freedCents])).toEqual([['Begrotingswijziging van OMG naar CSG', 850_000]]);
    // GEN (Wettelijk, nothing booked) is not free money: Prognose = raming, Saldo 0
    expect(line('GEN')).toMatchObject({ character: 'Wettelijk', forecastCents: 5_530_700, balanceCents: 0 });
    // 2023: a cut of 60.000, cleared by the college's decision to lower ACT 2023 by 60.000
    expect(line('ACT', 2023)).toMatchObject({ primitiveCents: 85_428_700, changesCents: -6_000_000, estimateCents: 79_428_700 });
    const y2023 = result.years.find((y) => y.year === 2023)!;
    // raming 5.459.594 = dekking 5.459.594; prognose 4.665.307 + 700.000 = 5.365.307
    expect(y2023).toMatchObject({ totalEstimateCents: 545_959_400, totalCoverageCents: 545_959_400, totalForecastCents: 536_530_700, programmeSignal: 'OK' });
    // The circulaires call for consulting the contributing municipalities, in both years
    expect(result.summary.proposals.filter((p) => p.code === 'Dekking').map((p) => p.year)).toEqual([2023, 2024]);
    // Resultaat: 2021 5.519.594 - (4.665.307 + 760.000) = 94.287; 2022 109.287; 2023 94.287;
    // 2024 5.369.594 - 5.511.307 = -141.713; 2025 5.519.594 - (4.665.307 + 65.000? no: A-004 is only proposed) = 854.287
    expect(result.summary.results.map((r) => r.resultCents)).toEqual([9_428_700, 10_928_700, 9_428_700, -14_171_300, 85_428_700]);
    // 94.287 + 109.287 + 94.287 - 141.713 + 854.287 = 1.010.435
    expect(result.summary.periodResultCents).toBe(101_043_500);
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
    expect(ledger).toHaveLength(19);
    for (const r of ledger) expect(cellText(r[col(TAB.ledger, 'Omschrijving')])).toMatch(/^FICTIEF \(demo\): /);
    const coverage = wb.readTab(TAB.coverage)!.slice(1);
    // 3 sources x 5 years + 2 fictional circulaire cuts
    expect(coverage).toHaveLength(17);
    const cuts = coverage.filter((r) => (r[col(TAB.coverage, 'Bedrag')] as number) < 0);
    expect(cuts.map((r) => r[col(TAB.coverage, 'Bron')])).toEqual(['FICTIEF (demo): septembercirculaire 2023 korting', 'FICTIEF (demo): meicirculaire 2024 korting']);
    for (const r of cuts) expect(cellText(r[col(TAB.coverage, 'Toelichting')])).toMatch(/^FICTIEF \(demo\): /);
    const changes = wb.readTab(TAB.budgetChanges)!.slice(1);
    expect(changes).toHaveLength(1);
    expect(cellText(changes[0][col(TAB.budgetChanges, 'Besluit')])).toBe('FICTIEF (demo): college 14-11-2023');
    // Every Acties row the demo changed, compared with the plain seeded workbook, says FICTIEF
    const plain = LocalWorkbook.create();
    setupWorkbook(localRuntime(plain, { today: '2024-10-01' }), defaultRegion());
    const before = new Map(plain.readTab(TAB.actions)!.slice(1).map((r) => [cellText(r[0]), r.map(cellText)]));
    const changed = wb.readTab(TAB.actions)!.slice(1).filter((r) => {
      const was = before.get(cellText(r[0]))!;
      return r.some((c, i) => i !== col(TAB.actions, 'Deadline') && cellText(c) !== was[i]);
    });
    // 8 regional actions and 12 local plans (of which the ones the documents already call done are left alone)
    expect(changed.length).toBeGreaterThanOrEqual(15);
    for (const r of changed) expect(cellText(r[col(TAB.actions, 'Toelichting')])).toMatch(/^FICTIEF \(demo\): /);
    const note = wb.readTab(TAB.settings)!.find((r) => r[0] === 'Demo');
    expect(cellText(note?.[1] ?? null)).toMatch(/^FICTIEF \(demo\): /);
  });

  test('the summary table shows the signals, the shortfall and the period result', () => {
    const table = renderSummary(result);
    expect(table).toContain('Budgetcontrole Gelderland Zuid - peildatum 01-10-2024');
    expect(table).toMatch(/2024 {2}CSG .*€ 120\.000,00 +€ 128\.500,00 +€ 128\.500,00 +€ -8\.500,00 +Overschrijding/);
    // 2024: raming 5.519.594, dekking 5.369.594, prognose 5.511.307, Tekort, resultaat -141.713
    expect(table).toMatch(/2024 +€ 5\.519\.594,00 +€ 5\.369\.594,00 +€ 5\.511\.307,00 +Tekort +€ -141\.713,00/);
    expect(table).toContain('Resultaat over de periode (dekking − prognose, opgeteld): € 1.010.435,00.');
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
    expect(md).toContain('- **4.1** Centrum Seksueel Geweld (aandeel Gelderland Zuid) 2024: de prognose steeg met € 8.500,00, van € 120.000,00 naar € 128.500,00; signaal nu Overschrijding (was OK)');
    expect(md).toContain('De meet-up adviseert; het besluit ligt bij: college van Nijmegen, na advies van de bestuurlijke werkgroep.');
    expect(md).not.toMatch(/\b(VT|CSG|MOV|OMG|ACT|GEN)\b/);
    const history = new Set(wb.readTab(TAB.forecastHistory)!.slice(1).map((r) => dayOfInstant(r[0] as Date, 'UTC')));
    expect([...history]).toEqual(['2024-09-12', '2024-10-01']);
  });

  test('the September agenda of Gelderland Zuid announces the campaigns up to November, Orange the World too', () => {
    const md = renderMarkdown(prepareAgenda(localRuntime(wb, { today: '2024-10-01' }), '2024-09-12').agenda);
    // From September up to the next meet-up of 14-11-2024: the three November campaigns, not June's.
    expect(md.split('\n').filter((l) => l.includes('Campagne'))).toEqual([
      '- **1.3** Campagne Week zonder geweld (november)',
      '- **1.4** Campagne Week tegen kindermishandeling (november)',
      '- **1.5** Campagne Orange the World (november en december)',
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
