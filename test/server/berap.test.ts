import { berapDocKey } from '../../src/app/berap';
import { CHART_TITLE } from '../../src/core/budget/berap/chart';
import { BERAP_HEADERS } from '../../src/core/budget/berap/rows';
import { TAB } from '../../src/core/workbook/contract';
import { generateBerap } from '../../src/server/berap';
import { runBudgetCheck } from '../../src/server/budget';
import { applyProtections } from '../../src/server/protections';
import { HISTORY, berapWorkbook } from '../core/budget/berap/fixture';
import { FakeHandles, __charts, __protections, __setValuesRaw, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { canUserEdit } from '../fakes/protectionsExtension';
import { installDriveFake } from '../fakes/driveAdvanced';
import { fillWorkbook } from './workbooks';

const LEADER = 'leider@regio.nl';
const CONTROLLER = 'controller@stad.nl';
const OFFICIAL = 'ambtenaar@dorp.nl';
const TAB_NAME = 'Berap 2024-10-01';

let fakes: FakeHandles;
let drive: ReturnType<typeof installDriveFake>;

beforeEach(() => {
  fakes = installAppsScriptFakes({ activeUserEmail: CONTROLLER });
  drive = installDriveFake({ counter: fakes.counter });
  const tabs: Record<string, unknown[][]> = { [TAB.forecastHistory]: HISTORY };
  const snapshot = berapWorkbook({
    settings: { Projectleider: LEADER, Controller: CONTROLLER },
    municipalities: [{ Gemeente: 'Stad' }, { Gemeente: 'Dorp', Editors: OFFICIAL }],
  });
  for (const [name, grid] of Object.entries(snapshot)) tabs[name] = grid!;
  fillWorkbook(fakes, tabs);
});
afterEach(() => {
  drive.uninstall();
  fakes.uninstall();
});

const col = (h: string) => BERAP_HEADERS.indexOf(h as (typeof BERAP_HEADERS)[number]);
const sheet = () => fakes.spreadsheet.sheets.find((s) => s.name === TAB_NAME)!;

describe('generateBerap (menu Berap maken)', () => {
  it('is refused to an official, on the server, and writes nothing', () => {
    fakes.__setUser(OFFICIAL);
    expect(() => generateBerap('2024-10-01')).toThrow(/berap/);
    expect(fakes.spreadsheet.sheets.map((s) => s.name)).not.toContain(TAB_NAME);
    expect(drive.drive.docs).toHaveLength(0);
  });

  it('is made by the controller and by the project leader', () => {
    expect(generateBerap('2024-10-01').tabName).toBe(TAB_NAME);
    fakes.__setUser(LEADER);
    expect(generateBerap('01-10-2024').title).toBe('Berap programma Testregio 2024, peildatum 01-10-2024');
  });

  it('writes the tab with the figures and the Controller\'s text kept on remaking', () => {
    const first = generateBerap('2024-10-01');
    expect(first.missing).toBe(2);
    const values = __values(fakes.spreadsheet, TAB_NAME)!;
    expect(values[0]).toEqual([...BERAP_HEADERS]);
    const a = values.findIndex((r) => r[col('Code')] === 'A');
    // A: Raming 1.020.000, Prognose 960.000, Afwijking 60.000 V, Vorige 900.000, Mutatie 60.000
    expect([values[a][col('Raming')], values[a][col('Prognose')], values[a][col('Afwijking')], values[a][col('V/N')], values[a][col('Mutatie')]]).toEqual([1_020_000, 960_000, 60_000, 'V', 60_000]);
    // the controller types A's explanation in Sheets
    fakes.counter.uncounted(() => __setValuesRaw(sheet(), a + 1, col('Toelichting') + 1, [['Subsidie lager vastgesteld.']]));
    const second = generateBerap('2024-10-01');
    expect(second.missing).toBe(1);
    expect(__values(fakes.spreadsheet, TAB_NAME)![a][col('Toelichting')]).toBe('Subsidie lager vastgesteld.');
  });

  it('embeds one chart of Raming and Prognose per line, never a second on remaking', () => {
    generateBerap('2024-10-01');
    generateBerap('2024-10-01');
    const charts = __charts(sheet());
    expect(charts).toHaveLength(1);
    expect(charts[0].type).toBe('BAR');
    expect(charts[0].getOptions().get('title')).toBe(CHART_TITLE);
    // Begrotingspost (B), Raming (F), Prognose (I): header and the four lines A..D
    expect(charts[0].getRanges()).toEqual([
      { row: 1, column: 2, numRows: 5, numColumns: 1 }, { row: 1, column: 6, numRows: 5, numColumns: 1 }, { row: 1, column: 9, numRows: 5, numColumns: 1 },
    ]);
  });

  it('keeps a chart a user added to the tab', () => {
    generateBerap('2024-10-01');
    const own = sheet().newChart().addRange(sheet().getRange('A1:A3')).setOption('title', 'Mijn grafiek').build();
    sheet().insertChart(own);
    generateBerap('2024-10-01');
    expect(__charts(sheet()).map((c) => c.getOptions().get('title')).sort()).toEqual(['Mijn grafiek', CHART_TITLE].sort());
  });

  it('writes one Google Doc per Peildatum in one upload per run, updated in place', () => {
    const first = generateBerap('2024-10-01');
    expect(drive.drive.docs).toHaveLength(1);
    const doc = drive.drive.docs[0];
    expect(first.docUrl).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
    expect(fakes.properties.document.getProperty(berapDocKey('2024-10-01'))).toBe(doc.id);
    expect(doc.html).toContain('Toelichting ontbreekt (verplicht: afwijking boven de drempel).');
    // the chart in words (Drive drops an inline SVG), the table in whole euros
    expect(doc.html).not.toContain('<svg');
    expect(doc.html).toContain('<td class="num">€ 1.020.000</td>');
    const a = __values(fakes.spreadsheet, TAB_NAME)!.findIndex((r) => r[col('Code')] === 'A');
    fakes.counter.uncounted(() => __setValuesRaw(sheet(), a + 1, col('Toelichting') + 1, [['Subsidie lager vastgesteld.']]));
    fakes.counter.reset();
    const second = generateBerap('2024-10-01');
    expect(drive.drive.docs).toHaveLength(1);
    expect(second.docUrl).toBe(first.docUrl);
    expect(doc.html).toContain('<p>Subsidie lager vastgesteld.</p>');
    expect([fakes.counter.count('Drive.Files.update'), fakes.counter.count('Drive.Files.create')]).toEqual([1, 0]);
    // another Peildatum, another Doc
    generateBerap('2024-07-01');
    expect(drive.drive.docs).toHaveLength(2);
  });

  it('without the Drive service (a copy without the manifest) makes the tab and no Doc', () => {
    drive.uninstall();
    const made = generateBerap('2024-10-01');
    expect(made.tabName).toBe(TAB_NAME);
    expect(made.docUrl ?? null).toBeNull();
    drive = installDriveFake({ counter: fakes.counter });
  });

  it('from the menu (no argument): uses Instellingen › Peildatum and says where the berap is and what is missing', () => {
    generateBerap();
    const said = [...fakes.ui.alerts.map((a) => a.prompt), ...fakes.ui.dialogs.map((d) => String(d.title))].join('\n');
    expect(said).toContain('De berap staat in het tabblad Berap 2024-10-01. 2 verplichte toelichtingen ontbreken');
  });

  it('every later check lists the missing explanations in Controles, until they are typed', () => {
    generateBerap('2024-10-01');
    const line = (problem: string) => ({ tab: TAB_NAME, problem });
    const berapLines = () =>
      __values(fakes.spreadsheet, TAB.checks)!.filter((r) => r[0] === TAB_NAME).map((r) => ({ tab: r[0], problem: r[4], gevolg: r[5] }));
    runBudgetCheck();
    expect(berapLines()).toEqual([
      { ...line('Berap 01-10-2024: toelichting ontbreekt bij Post A, afwijking € 60.000 V'), gevolg: 'wel meegeteld' },
      { ...line('Berap 01-10-2024: toelichting ontbreekt bij Post B, afwijking € -15.000 N'), gevolg: 'wel meegeteld' },
    ]);
    const a = __values(fakes.spreadsheet, TAB_NAME)!.findIndex((r) => r[col('Code')] === 'A');
    fakes.counter.uncounted(() => __setValuesRaw(sheet(), a + 1, col('Toelichting') + 1, [['Subsidie lager vastgesteld.']]));
    runBudgetCheck();
    expect(berapLines().map((l) => l.problem)).toEqual(['Berap 01-10-2024: toelichting ontbreekt bij Post B, afwijking € -15.000 N']);
  });

  it('refuses to remake a tab whose Toelichting header was renamed, and wipes no text', () => {
    generateBerap('2024-10-01');
    const a = __values(fakes.spreadsheet, TAB_NAME)!.findIndex((r) => r[col('Code')] === 'A');
    fakes.counter.uncounted(() => {
      __setValuesRaw(sheet(), a + 1, col('Toelichting') + 1, [['Subsidie lager vastgesteld.']]);
      __setValuesRaw(sheet(), 1, col('Toelichting') + 1, [['Uitleg']]);
    });
    expect(() => generateBerap('2024-10-01')).toThrow('Het tabblad Berap 2024-10-01 mist de kolom Toelichting');
    expect(__values(fakes.spreadsheet, TAB_NAME)![a][col('Toelichting')]).toBe('Subsidie lager vastgesteld.');
  });

  it('remade, rewrites two tabs in one setValues each and keeps the chart that stands (budget: test/server/callBudgets.test.ts)', () => {
    generateBerap('2024-10-01');
    fakes.counter.reset();
    generateBerap('2024-10-01');
    expect(fakes.counter.breakdown()['Range.setValues']).toBe(2);
    expect([fakes.counter.count('Sheet.insertChart'), fakes.counter.count('Sheet.removeChart')]).toEqual([0, 0]);
    // without the Sheets and Drive advanced services (a copy without the manifest): 160 before, 143 now
    expect(fakes.counter.total).toBeLessThanOrEqual(143);
  });

  it('makes the chart again when a user deleted it, and when the lines changed', () => {
    generateBerap('2024-10-01');
    fakes.counter.uncounted(() => sheet().removeChart(__charts(sheet())[0]));
    generateBerap('2024-10-01');
    expect(__charts(sheet())).toHaveLength(1);
    // a line fewer in Begroting: the chart's ranges shrink (header and three lines)
    const budget = fakes.spreadsheet.sheets.find((s) => s.name === TAB.budget)!;
    const rows = __values(fakes.spreadsheet, TAB.budget)!;
    const d = rows.findIndex((r) => r[rows[0].indexOf('Code')] === 'D');
    fakes.counter.uncounted(() => budget.deleteRow(d + 1));
    generateBerap('2024-10-01');
    expect(__charts(sheet())).toHaveLength(1);
    expect(__charts(sheet())[0].getRanges()[0]).toEqual({ row: 1, column: 2, numRows: 4, numColumns: 1 });
  });

  it('protects the new tab at once: the project leader and the controller type in it, an official cannot', () => {
    generateBerap('2024-10-01');
    const a = __values(fakes.spreadsheet, TAB_NAME)!.findIndex((r) => r[col('Code')] === 'A');
    const toelichting = col('Toelichting') + 1;
    // before anyone runs Rechten per gemeente toepassen again
    expect(canUserEdit(fakes.spreadsheet, TAB_NAME, a + 1, toelichting, OFFICIAL)).toBe(false);
    expect(canUserEdit(fakes.spreadsheet, TAB_NAME, 1, 1, OFFICIAL)).toBe(false);
    expect(canUserEdit(fakes.spreadsheet, TAB_NAME, a + 1, toelichting, CONTROLLER)).toBe(true);
    expect(canUserEdit(fakes.spreadsheet, TAB_NAME, a + 1, toelichting, LEADER)).toBe(true);
  });

  it('remaking the berap, by either of them, and applying the rights keep one protection of the tab', () => {
    generateBerap('2024-10-01');
    fakes.__setUser(LEADER);
    generateBerap('2024-10-01');
    applyProtections();
    generateBerap('2024-10-01');
    const own = __protections(sheet());
    expect(own.map((p) => p.description)).toEqual([`Regiomonitor: ${TAB_NAME} (projectleider en controller)`]);
    expect(canUserEdit(fakes.spreadsheet, TAB_NAME, 2, col('Toelichting') + 1, OFFICIAL)).toBe(false);
    expect(canUserEdit(fakes.spreadsheet, TAB_NAME, 2, col('Toelichting') + 1, CONTROLLER)).toBe(true);
  });

  it('refuses a date it cannot read, in Dutch', () => {
    expect(() => generateBerap('31-02-2024')).toThrow(/geen datum/);
  });
});
