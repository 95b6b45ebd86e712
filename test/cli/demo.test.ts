import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { cellText, isBlank } from '../../src/core/cell';
import { GENERATED_TABS, HEADERS, TAB, USER_TABS } from '../../src/core/contract';
import { dayOfInstant } from '../../src/core/dates';
import { defaultRegion } from '../../src/core/region';
import { FICTIONAL, runDemo } from '../../src/cli/demo';
import { renderSummary } from '../../src/cli/table';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-demo-'));
const col = (tab: keyof typeof HEADERS, header: string) => (HEADERS[tab] as readonly string[]).indexOf(header);

describe('demo', () => {
  let file: string;
  let result: Awaited<ReturnType<typeof runDemo>>['result'];
  let wb: LocalWorkbook;

  beforeAll(async () => {
    const demo = await runDemo({ outDir: path.join(tmp(), 'out') });
    file = demo.file;
    result = demo.result;
    wb = await LocalWorkbook.load(file);
  });

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
    expect(summary.programmeShortfalls.length).toBeGreaterThanOrEqual(1);

    const line = (code: string) => result.years.find((y) => y.year === 2024)!.lines.find((l) => l.code === code)!;
    // CSG 2024: 120.000 committed (90.000 of it paid) + 8.500 extra invoice = 128.500 > 120.000
    expect(line('CSG')).toMatchObject({ signal: 'Overschrijding', spentCents: 12_850_000, estimateCents: 12_000_000 });
    // ACT 2024: 450.000 + 180.000 + 95.000 committed + 12.500 paid = 737.500 besteed;
    // pipeline 65.000 + 50.000 + 40.000 = 155.000; prognose 892.500 > raming 854.287
    expect(line('ACT')).toMatchObject({ signal: 'Dreigende overschrijding', spentCents: 73_750_000, plannedCents: 15_500_000, forecastCents: 89_250_000 });
    // OMG 2024: commitment of 235.000 closed after 180.000 paid: nothing open
    expect(line('OMG')).toMatchObject({ signal: 'OK', realisedCents: 18_000_000, obligoCents: 0, spentCents: 18_000_000 });
    // 2024 dekking 5.519.594 - 150.000 korting = 5.369.594 < raming 5.519.594: Tekort of 150.000
    const y2024 = result.years.find((y) => y.year === 2024)!;
    expect(y2024).toMatchObject({ programmeSignal: 'Tekort', totalCoverageCents: 536_959_400, totalEstimateCents: 551_959_400, shortfallCents: 15_000_000 });
    expect(summary.programmeShortfalls).toEqual([{ year: 2024, shortfallCents: 15_000_000 }]);
    // The Laag-priority sexting action (A-004, 65.000) covers ACT's 38.213 shortfall
    const act = summary.proposals.find((p) => p.year === 2024 && p.code === 'ACT')!;
    expect(act.items[0]).toMatchObject({ kind: 'defer', actionId: 'A-004', freedCents: 6_500_000 });
    expect(act.shortfallCents).toBe(3_821_300);
  });

  test('Budgetcontrole in the file carries the signals', () => {
    const rows = wb.readTab(TAB.budgetCheck)!;
    const signal = (year: number, code: string) => rows.find((r) => r[0] === year && r[1] === code)?.[col(TAB.budgetCheck, 'Signaal')];
    expect(signal(2024, 'CSG')).toBe('Overschrijding');
    expect(signal(2024, 'ACT')).toBe('Dreigende overschrijding');
    expect(signal(2024, 'Dekking')).toBe('Tekort');
    expect(signal(2023, 'Dekking')).toBe('OK');
  });

  test('every text the demo adds is labelled FICTIEF (demo)', () => {
    expect(FICTIONAL).toBe('FICTIEF (demo): ');
    const ledger = wb.readTab(TAB.ledger)!.slice(1);
    expect(ledger).toHaveLength(16);
    for (const r of ledger) expect(cellText(r[col(TAB.ledger, 'Omschrijving')])).toMatch(/^FICTIEF \(demo\): /);
    const coverage = wb.readTab(TAB.coverage)!.slice(1);
    // 3 sources x 5 years + 1 fictional correction
    expect(coverage).toHaveLength(16);
    const cut = coverage.filter((r) => (r[col(TAB.coverage, 'Bedrag')] as number) < 0);
    expect(cut).toHaveLength(1);
    expect(cut[0][col(TAB.coverage, 'Bron')]).toBe('FICTIEF (demo): meicirculaire 2024 korting');
    expect(cut[0][col(TAB.coverage, 'Toelichting')]).toMatch(/^FICTIEF \(demo\): /);
    const actions = wb.readTab(TAB.actions)!.slice(1);
    const changed = actions.filter((r) => r[col(TAB.actions, 'Status')] !== 'Niet gestart' || !isBlank(r[col(TAB.actions, 'Geraamd')]) || !isBlank(r[col(TAB.actions, 'Prioriteit')]));
    expect(changed.length).toBeGreaterThanOrEqual(3);
    for (const r of changed) expect(cellText(r[col(TAB.actions, 'Toelichting')])).toMatch(/^FICTIEF \(demo\): /);
    const note = wb.readTab(TAB.settings)!.find((r) => r[0] === 'Demo');
    expect(cellText(note?.[1] ?? null)).toMatch(/^FICTIEF \(demo\): /);
  });

  test('the summary table shows the signals and the shortfall', () => {
    const table = renderSummary(result);
    expect(table).toContain('Budgetcontrole Gelderland Zuid - peildatum 01-10-2024');
    expect(table).toMatch(/2024 {2}CSG .*€ 120\.000,00 +€ 128\.500,00 +€ 128\.500,00 +€ -8\.500,00 +Overschrijding/);
    // 5.369.594 dekking - 5.519.594 raming = -150.000
    expect(table).toMatch(/2024 +€ 5\.519\.594,00 +€ 5\.369\.594,00 +€ 5\.456\.000,00 +€ -150\.000,00 +Tekort/);
    expect(table).toContain('A-004');
  });

  test('running it again gives the same Budgetcontrole', async () => {
    const again = await runDemo({ outDir: tmp() });
    const second = await LocalWorkbook.load(again.file);
    expect(second.readTab(TAB.budgetCheck)).toEqual(wb.readTab(TAB.budgetCheck));
    expect(second.readTab(TAB.reprioritisation)).toEqual(wb.readTab(TAB.reprioritisation));
  });

  test('refuses demo data that no longer match the seeded actions', async () => {
    const region = JSON.parse(JSON.stringify(defaultRegion()));
    delete region.regionale_acties[3].begrotingspost; // A-004 would no longer be on ACT
    await expect(runDemo({ outDir: tmp(), region })).rejects.toThrow('Demo: actie A-004 staat op geen begrotingspost, niet op ACT');
  });
});
