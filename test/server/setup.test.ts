import { GENERATED_TABS, HEADERS, OPTIONAL_HEADERS, TAB, TabName, USER_TABS } from '../../src/core/workbook/contract';
import { defaultRegion } from '../../src/data/regions';
import { regionYears } from '../../src/core/region/schema';
import { setupWorkbook } from '../../src/server/index';
import { NUMBER_FORMAT } from '../../src/adapters/appsscript/workbook';
import { Button, DataValidationCriteria, FakeHandles, FakeRange, __formulaCells, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { allValues, records } from './workbooks';

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installAppsScriptFakes();
});
afterEach(() => fakes.uninstall());

const ALL_TABS = [...USER_TABS, ...GENERATED_TABS, TAB.log];
/** A new tab gets the contract's columns, then its optional ones (Meet-ups: Tijd, Locatie, ...). */
const newTabHeaders = (tab: TabName) => [...HEADERS[tab], ...(OPTIONAL_HEADERS[tab] ?? [])];
const sheet = (name: string) => fakes.counter.uncounted(() => fakes.spreadsheet.getSheetByName(name)!);

describe('setupWorkbook on a fresh spreadsheet', () => {
  it('creates every tab with its header, frozen and bold, and says so in a toast', () => {
    const report = setupWorkbook('gelderland-zuid');
    expect([...report.created].sort()).toEqual([...ALL_TABS].sort());
    for (const tab of ALL_TABS) {
      const s = sheet(tab);
      expect(__values(fakes.spreadsheet, tab)![0]).toEqual(newTabHeaders(tab));
      expect(s.getFrozenRows()).toBe(1);
      expect(s.getRange(1, 1).getFontWeight()).toBe('bold');
    }
    // Tabs follow the contract's order after the spreadsheet's own first tab.
    expect(fakes.spreadsheet.sheets.map((s) => s.name)).toEqual(['Blad1', ...ALL_TABS]);
    expect(fakes.ui.toasts).toHaveLength(1);
    expect(fakes.ui.toasts[0].message).toMatch(/^Werkboek ingericht: 19 tabbladen aangemaakt/);
    expect(fakes.locks.document.waits).toBe(1);
    expect(fakes.locks.document.released).toBe(1);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('sets dropdowns that flag rather than reject, and money/date formats on whole columns', () => {
    setupWorkbook('gelderland-zuid');
    const acties = sheet(TAB.actions);
    // Acties: C Gemeente, G Prioriteit, H Deadline, I Status, J Begrotingspost, K Geraamd, M Bijgewerkt op.
    const gemeente = acties.getRange('C50').getDataValidation()!;
    expect(gemeente.getCriteriaType()).toBe(DataValidationCriteria.VALUE_IN_LIST);
    const municipalities = defaultRegion().gemeenten.map((g) => g.naam);
    expect(gemeente.getCriteriaValues()[0]).toEqual([...municipalities, 'Regio']);
    expect(acties.getRange('I2').getDataValidation()!.getCriteriaValues()[0]).toEqual(['Niet gestart', 'Loopt', 'Afgerond', 'Uitgesteld', 'Geschrapt']);
    const post = acties.getRange('J2').getDataValidation()!;
    const source = post.getCriteriaValues()[0] as FakeRange;
    expect(`${source.getSheet().getName()}!${source.getA1Notation().replace(/\d+$/, '')}`).toBe('Begroting!B2:B');
    for (const cell of ['C2', 'G2', 'I2', 'J2']) expect(acties.getRange(cell).getDataValidation()!.getAllowInvalid()).toBe(true);
    expect(acties.getRange('H2').getNumberFormat()).toBe(NUMBER_FORMAT.date);
    expect(acties.getRange('K999').getNumberFormat()).toBe(NUMBER_FORMAT.money);
    expect(acties.getRange('M2').getNumberFormat()).toBe(NUMBER_FORMAT.datetime);
    const mutaties = sheet(TAB.ledger);
    // Mutaties: F Soort, G Bedrag
    expect(mutaties.getRange('F2').getDataValidation()!.getCriteriaValues()[0]).toEqual(['Verplichting', 'Realisatie']);
    expect(mutaties.getRange('G2').getNumberFormat()).toBe('"€" #,##0.00;"€" -#,##0.00');
    // Budgetcontrole: Uitputting is column O now that Karakter, Primitief, Wijzigingen and Niet belegd come before it.
    expect(sheet(TAB.budgetCheck).getRange('O2').getNumberFormat()).toBe('0.0%');
  });

  it('sets up Actielijst, empty, with a Status dropdown and dates for Deadline and Meet-up (issue 22)', () => {
    setupWorkbook('gelderland-zuid');
    const list = sheet(TAB.actionList);
    // Nr, Afspraak, Wie, Deadline, Status, Meet-up
    expect(__values(fakes.spreadsheet, TAB.actionList)).toEqual([['Nr', 'Afspraak', 'Wie', 'Deadline', 'Status', 'Meet-up']]);
    expect(list.getRange('E2').getDataValidation()!.getCriteriaValues()[0]).toEqual(['Open', 'Afgerond']);
    expect(list.getRange('E2').getDataValidation()!.getAllowInvalid()).toBe(true);
    expect(list.getRange('D2').getNumberFormat()).toBe(NUMBER_FORMAT.date);
    expect(list.getRange('F2').getNumberFormat()).toBe(NUMBER_FORMAT.date);
  });

  it("seeds the region's facts into the user tabs, with no formulas", () => {
    const report = setupWorkbook('gelderland-zuid');
    const region = defaultRegion();
    const years = regionYears(region).length;
    // one Begroting row per budget line per year
    const budgetRows = region.begroting.posten.length * years;
    expect(report.seeded).toContainEqual({ tab: TAB.budget, rows: budgetRows });
    expect(records(fakes, TAB.budget)).toHaveLength(budgetRows);
    expect(records(fakes, TAB.municipalities).map((r) => r.Gemeente)).toEqual(region.gemeenten.map((g) => g.naam));
    expect(records(fakes, TAB.settings).find((r) => r.Sleutel === 'Regio')?.Waarde).toBe(region.region.naam);
    expect(__formulaCells(fakes.spreadsheet)).toEqual([]);
  });
});

describe('setupWorkbook again', () => {
  it('adds nothing and changes nothing on a complete workbook', () => {
    setupWorkbook('gelderland-zuid');
    const before = allValues(fakes);
    const report = setupWorkbook('gelderland-zuid');
    expect(report).toEqual({ created: [], repaired: [], seeded: [], filled: [] });
    expect(allValues(fakes)).toEqual(before);
    expect(fakes.ui.toasts[1].message).toBe('Het werkboek is compleet; er is niets gewijzigd.');
  });

  it('repairs a deleted tab and a deleted column without touching user rows or user columns', () => {
    setupWorkbook('gelderland-zuid');
    fakes.counter.uncounted(() => {
      const acties = fakes.spreadsheet.getSheetByName(TAB.actions)!;
      const last = acties.getLastRow();
      // A user row (with text that looks like a number and a formula) and a user column P (after the contract's 15).
      acties.getRange(last + 1, 1, 1, 14).setValues([['A-999', 'AL1', 'Regio', 'Eigen actie', 'Piet', '', 'Hoog', '', 'Loopt', '', '1.234,50', "'=niet rekenen", '', '']]);
      acties.getRange(1, 16, 2, 1).setValues([['Eigen kolom'], ['mijn notitie']]);
      // The user deleted the column Karakter (E) of Begroting, and the tab Meet-ups.
      fakes.spreadsheet.getSheetByName(TAB.budget)!.deleteColumns(5, 1);
      fakes.spreadsheet.deleteSheet(fakes.spreadsheet.getSheetByName(TAB.meetups)!);
    });
    const before = allValues(fakes);

    const report = setupWorkbook('gelderland-zuid');
    expect(report.created).toEqual([TAB.meetups]);
    expect(report.repaired).toEqual([{ tab: TAB.budget, headers: ['Karakter'] }]);
    expect(report.seeded).toEqual([{ tab: TAB.meetups, rows: expect.any(Number) }]);

    const after = allValues(fakes);
    // Every tab but the recreated one is byte-for-byte the same, except the one header added to Begroting.
    for (const tab of Object.keys(before)) {
      if (tab === TAB.budget) continue;
      expect(after[tab]).toEqual(before[tab]);
    }
    // Begroting lost E; Toelichting moved to E; Karakter comes back as F. Its cells are new, so setup
    // fills them from the region file by Code (none of them was typed by a user).
    expect(after[TAB.budget].map((r) => r.slice(0, 5))).toEqual(before[TAB.budget]);
    expect(after[TAB.budget].slice(1, 7).map((r) => [r[1], r[5]])).toEqual([
      ['VT', 'Wettelijk'], ['CSG', 'Vast'], ['MOV', 'Vast'], ['OMG', 'Vast'], ['ACT', 'Flexibel'], ['GEN', 'Wettelijk'],
    ]);
    expect(sheet(TAB.budget).getRange('F2').getDataValidation()!.getCriteriaValues()[0]).toEqual(['Wettelijk', 'Vast', 'Flexibel']);
    // The user's row and column survive, text stays text.
    const userRow = after[TAB.actions].find((r) => r[0] === 'A-999')!;
    expect(userRow.slice(0, 16)).toEqual(['A-999', 'AL1', 'Regio', 'Eigen actie', 'Piet', '', 'Hoog', '', 'Loopt', '', '1.234,50', '=niet rekenen', '', '', '', '']);
    expect(after[TAB.actions][1][15]).toBe('mijn notitie');
    expect(__values(fakes.spreadsheet, TAB.meetups)![0]).toEqual(newTabHeaders(TAB.meetups));
  });
  it('brings a workbook of budget model v2 to v3 without touching what users typed', () => {
    setupWorkbook('gelderland-zuid');
    fakes.counter.uncounted(() => {
      // v2 had no Jaarafsluiting, no Dekking › Datum (E), no Acties › Oorspronkelijke deadline (O),
      // and not the two keys for who decides
      fakes.spreadsheet.deleteSheet(fakes.spreadsheet.getSheetByName(TAB.yearClosing)!);
      fakes.spreadsheet.getSheetByName(TAB.coverage)!.deleteColumns(5, 1);
      fakes.spreadsheet.getSheetByName(TAB.actions)!.deleteColumns(15, 1);
      const settings = fakes.spreadsheet.getSheetByName(TAB.settings)!;
      const keys = settings.getRange(1, 1, settings.getLastRow(), 1).getValues().map((r) => r[0]);
      for (const key of ['Besluitvorming programma', 'Besluitvorming verschuiving']) settings.deleteRow(keys.indexOf(key) + 1);
      // a user typed a dekking row of their own
      const coverage = fakes.spreadsheet.getSheetByName(TAB.coverage)!;
      coverage.getRange(coverage.getLastRow() + 1, 1, 1, 4).setValues([[2024, 'meicirculaire', -1000, 'eigen regel']]);
    });
    const before = allValues(fakes);
    const report = setupWorkbook();
    expect(report.created).toEqual([TAB.yearClosing]);
    expect(report.repaired).toEqual(expect.arrayContaining([{ tab: TAB.coverage, headers: ['Datum'] }, { tab: TAB.actions, headers: ['Oorspronkelijke deadline'] }]));
    expect(report.settingsAdded).toEqual(['Besluitvorming verschuiving', 'Besluitvorming programma']);
    const after = allValues(fakes);
    // the old columns and rows are as they were; the new column is added after them, blank
    for (const tab of [TAB.coverage, TAB.actions]) {
      expect(after[tab].map((r) => r.slice(0, before[tab][0].length))).toEqual(before[tab]);
      expect(after[tab].slice(1).every((r) => r[before[tab][0].length] === '')).toBe(true);
    }
    expect(after[TAB.coverage].at(-1)!.slice(0, 4)).toEqual([2024, 'meicirculaire', -1000, 'eigen regel']);
    expect(__values(fakes.spreadsheet, TAB.yearClosing)![0]).toEqual([...HEADERS[TAB.yearClosing]]);
  });
});

describe('setupWorkbook chooses the region of an empty workbook', () => {
  it('asks which region, listing the built-in ones; a blank answer is the default region', () => {
    fakes.ui.promptAnswers.push({ text: '', button: Button.OK });
    const report = setupWorkbook();
    expect(fakes.ui.prompts).toHaveLength(1);
    expect(fakes.ui.prompts[0].title).toBe('Werkboek inrichten');
    expect(fakes.ui.prompts[0].prompt).toMatch(/^Voor welke regio is dit werkboek\? Typ de code:\ngelderland-zuid: Gelderland Zuid 2021-2025\. .*\nsjabloon: Leeg sjabloon\. /);
    expect(fakes.ui.prompts[0].prompt).toContain('Laat leeg voor gelderland-zuid.');
    expect(report.seeded.map((s) => s.tab)).toContain(TAB.municipalities);
    expect(records(fakes, TAB.settings).find((r) => r.Sleutel === 'Regio')?.Waarde).toBe('Gelderland Zuid');
  });

  it('sjabloon gives every tab and every Instellingen key, without region data', () => {
    fakes.ui.promptAnswers.push({ text: 'sjabloon', button: Button.OK });
    const report = setupWorkbook();
    expect([...report.created].sort()).toEqual([...ALL_TABS].sort());
    expect(records(fakes, TAB.municipalities)).toEqual([]);
    expect(records(fakes, TAB.actions)).toEqual([]);
    expect(records(fakes, TAB.settings).map((r) => r.Sleutel)).toEqual([
      'Regio', 'Centrumgemeente', 'Startjaar', 'Eindjaar', 'Peildatum', 'Drempel let op', 'Projectleider', 'Controller', 'Besluitvorming',
      'Besluitvorming verschuiving', 'Besluitvorming programma', 'Overschot naar reserve', 'Drempel toelichting', 'Drempel toelichting %', 'Bijdragende gemeenten', 'Campagnes', 'Nieuwsbrief', 'Lokaal plan', 'Organisator', 'Overleg', 'Programma',
    ]);
  });

  it('changes nothing on Cancel or an unknown region, and says why', () => {
    fakes.ui.promptAnswers.push({ text: 'gelderland-zuid', button: Button.CANCEL });
    expect(setupWorkbook()).toEqual({ created: [], repaired: [], seeded: [], filled: [] });
    fakes.ui.promptAnswers.push({ text: 'utrecht', button: Button.OK });
    expect(setupWorkbook()).toEqual({ created: [], repaired: [], seeded: [], filled: [] });
    expect(fakes.ui.alerts[0].prompt).toBe('Onbekende regio "utrecht". Kies gelderland-zuid, sjabloon, of geef een eigen regiobestand (JSON).\nEr is niets gewijzigd.');
    expect(fakes.spreadsheet.sheets.map((s) => s.name)).toEqual(['Blad1']);
    expect(fakes.ui.toasts).toEqual([]);
  });
});

describe('setupWorkbook on an existing workbook keeps its region', () => {
  /** Instellingen as a workbook made before the agenda's region texts moved into it, with a newsletter text the user typed. */
  function olderSettings(region: string): void {
    fakes.counter.uncounted(() => {
      fakes.spreadsheet.deleteSheet(fakes.spreadsheet.getSheetByName(TAB.settings)!);
      const sheet = fakes.spreadsheet.insertSheet(TAB.settings);
      sheet.getRange(1, 1, 5, 2).setValues([['Sleutel', 'Waarde'], ['Regio', region], ['Startjaar', 2021], ['Besluitvorming', 'college'], ['Nieuwsbrief', 'Onze eigen nieuwsbrief']]);
    });
  }

  it('does not ask, adds the missing keys with its region texts, and never overwrites a value', () => {
    setupWorkbook('gelderland-zuid');
    olderSettings('Gelderland Zuid');
    const report = setupWorkbook();
    expect(fakes.ui.prompts).toEqual([]);
    expect(report.settingsAdded).toEqual([
      'Centrumgemeente', 'Eindjaar', 'Peildatum', 'Drempel let op', 'Projectleider', 'Controller', 'Besluitvorming verschuiving', 'Besluitvorming programma',
      'Overschot naar reserve', 'Drempel toelichting', 'Drempel toelichting %', 'Bijdragende gemeenten', 'Campagnes', 'Lokaal plan', 'Organisator', 'Overleg', 'Programma',
    ]);
    const settings = Object.fromEntries(records(fakes, TAB.settings).map((r) => [r.Sleutel, r.Waarde]));
    expect(settings).toMatchObject({
      Besluitvorming: 'college',
      Nieuwsbrief: 'Onze eigen nieuwsbrief',
      Campagnes: 'Week tegen ouderenmishandeling: juni; Week zonder geweld: november; Week tegen kindermishandeling: november; Orange the World: november, december',
      'Lokaal plan': 'Lokaal plan van aanpak huiselijk geweld en kindermishandeling opstellen',
      Organisator: 'Regionaal projectleider',
      // The region's own words for its meet-up and programme (region file: overleg.meetup.kort, region.programma_kort).
      Overleg: 'ambtelijke meet-up',
      Programma: 'regioaanpak',
    });
    expect(fakes.ui.toasts[1].message).toContain('Instellingen aangevuld met Centrumgemeente, Eindjaar');
    // Run again: nothing more to add.
    expect(setupWorkbook().settingsAdded).toBeUndefined();
  });

  it('adds the missing keys blank for a region it does not know', () => {
    setupWorkbook('gelderland-zuid');
    olderSettings('Regio Utrecht');
    setupWorkbook();
    const settings = Object.fromEntries(records(fakes, TAB.settings).map((r) => [r.Sleutel, r.Waarde]));
    expect(settings).toMatchObject({ Regio: 'Regio Utrecht', Campagnes: '', Organisator: '', 'Lokaal plan': '', Nieuwsbrief: 'Onze eigen nieuwsbrief' });
  });
});
