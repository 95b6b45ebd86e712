import { LocalWorkbook } from '../../../src/adapters/local/workbook';
import { localRuntime } from '../../../src/adapters/local/runtime';
import { budgetCheck } from '../../../src/app/budgetCheck';
import { setupWorkbook } from '../../../src/app/setup';
import { Cell, Grid } from '../../../src/core/sheet/cell';
import { runCheck } from '../../../src/core/check';
import { GENERATED_TABS, HEADERS, OPTIONAL_HEADERS, SETTING, TAB, TabName, USER_TABS } from '../../../src/core/workbook/contract';
import { dayOfInstant } from '../../../src/core/values/dates';
import { WorkbookSnapshot } from '../../../src/core/workbook/rowReader';
import { parseWorkbook } from '../../../src/core/workbook/parse';
import { Region } from '../../../src/core/region/schema';
import { defaultRegion } from '../../../src/data/regions';
import { parseRegion } from '../../../src/core/region/validate';
import { MEETUP_ASSUMPTION, OWNER_TO_BE_DECIDED, Seed, everyWeeks, meetupDays, regionThemes, seedRows, themePartners } from '../../../src/core/region/seed';
import { loadRegion } from '../../../src/data/regions';
import arnhemJson from '../../fixtures/regio-arnhem.json';

const TZ = 'Europe/Amsterdam';
const region = defaultRegion();
const seed = seedRows(region, TZ);
const rows = (tab: TabName, s: Seed = seed) => s[tab] ?? [];
const headersOf = (tab: TabName) => [...HEADERS[tab], ...(OPTIONAL_HEADERS[tab] ?? [])];

/** The seed as a freshly set-up workbook reads: the contract's headers plus its optional ones. */
function snapshotOf(s: Seed): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = {};
  for (const tab of USER_TABS) {
    const headers = headersOf(tab);
    const grid: Grid = [[...headers], ...(s[tab] ?? []).map((r) => headers.map((h) => (r[h] ?? null) as Cell))];
    snapshot[tab] = grid;
  }
  return snapshot;
}

const day = (cell: Cell) => (cell instanceof Date ? dayOfInstant(cell, TZ) : cell);
const id = (n: number) => `A-${String(n).padStart(3, '0')}`;
const action = (n: number) => rows(TAB.actions)[n - 1];

describe('seedRows: Gelderland Zuid', () => {
  test('every record uses only the contract headers of its tab, or its optional ones', () => {
    for (const tab of USER_TABS) {
      for (const record of rows(tab)) for (const key of Object.keys(record)) expect(headersOf(tab)).toContain(key);
    }
  });

  test('Instellingen: the region and period, defaults, blanks to fill in, and the agenda texts', () => {
    const settings = Object.fromEntries(rows(TAB.settings).map((r) => [r.Sleutel, r.Waarde]));
    expect(settings).toEqual({
      Regio: 'Gelderland Zuid',
      Centrumgemeente: 'Nijmegen',
      Startjaar: 2021,
      Eindjaar: 2025,
      Peildatum: null,
      'Drempel let op': 0.9,
      Projectleider: null,
      Controller: null,
      Besluitvorming: 'college van Nijmegen, na advies van de bestuurlijke werkgroep',
      // blank: the same body decides shifts and the programme total, until someone says otherwise
      'Besluitvorming verschuiving': null,
      'Besluitvorming programma': null,
      'Overschot naar reserve': 'Nee',
      'Drempel toelichting': 50000,
      'Drempel toelichting %': 0.1,
      'Bijdragende gemeenten': 'Gennep, Maasdriel, Zaltbommel',
      Campagnes: 'Week tegen ouderenmishandeling: juni; Week zonder geweld: november; Week tegen kindermishandeling: november; Orange the World: november, december',
      Nieuwsbrief: 'Nieuwsbrief regioaanpak: verschijnt gemiddeld eens per kwartaal; gemeenten en netwerkpartners kunnen goede voorbeelden aandragen.',
      'Lokaal plan': 'Lokaal plan van aanpak huiselijk geweld en kindermishandeling opstellen',
      Organisator: 'Regionaal projectleider',
      // The words the agenda and the mails use: the region file's short names.
      Overleg: 'ambtelijke meet-up',
      Programma: 'regioaanpak',
    });
    // Every key is one of the contract's.
    expect(rows(TAB.settings).every((r) => (Object.values(SETTING) as string[]).includes(r.Sleutel as string))).toBe(true);
  });

  test('Gemeenten and Actielijnen; a subregion the documents do not give is labelled an assumption', () => {
    const municipalities = rows(TAB.municipalities);
    expect(municipalities).toHaveLength(15);
    expect(municipalities[0]).toEqual({
      Gemeente: 'Berg en Dal', Subregio: 'Rijk van Nijmegen', Editors: null,
      Bijzonderheden: "Aanname: subregio; de regioaanpak noemt de twee subregio's, niet de indeling per gemeente.",
    });
    expect(municipalities.filter((m) => m.Subregio === 'Rivierenland')).toHaveLength(8);
    // Maasdriel: its subregion is in the document (Bijlage 2), so no assumption.
    expect(municipalities.find((m) => m.Gemeente === 'Maasdriel')!.Bijzonderheden).not.toMatch(/Aanname/);
    expect(municipalities.find((m) => m.Gemeente === 'Nijmegen')!.Bijzonderheden).toMatch(/^Centrumgemeente DU VO\. Aanname: subregio/);
    expect(rows(TAB.actionLines).map((l) => [l.Code, l.Actielijn])).toEqual([
      ['AL1', 'Preventie en signalering'], ['AL2', 'Expertise lokale teams'], ['AL3', 'Helpende data'], ['AL4', 'Samenwerking zorg- en veiligheidspartners'],
    ]);
  });

  test('Acties: counts per action line, regional and municipal', () => {
    const actions = rows(TAB.actions);
    // 37 regional + 15 municipalities x 6 obligations + 22 of Nijmegen = 149
    expect(actions).toHaveLength(149);
    expect(actions.map((a) => a.ID)).toEqual(Array.from({ length: 149 }, (_, i) => id(i + 1)));
    const count = (line: string, regional: boolean) => actions.filter((a) => a.Actielijn === line && (a.Gemeente === 'Regio') === regional).length;
    // Regional: AL1 9, AL2 7, AL3 6, AL4 15 = 37
    expect(['AL1', 'AL2', 'AL3', 'AL4'].map((l) => count(l, true))).toEqual([9, 7, 6, 15]);
    // Municipal: 15 per obligation (AL1 plan, AL2 Kwaliteitskader, AL3 data, AL4 contacts + toekomsttuinen + mensenhandel)
    // plus Nijmegen's own: AL1 10, AL2 6, AL3 1, AL4 5.
    expect(['AL1', 'AL2', 'AL3', 'AL4'].map((l) => count(l, false))).toEqual([15 + 10, 15 + 6, 15 + 1, 45 + 5]);
    expect(actions.every((a) => a.Prioriteit === null && a.Geraamd === null)).toBe(true);
  });

  test('Acties: every municipality has its obligations as its own rows, in one block', () => {
    const actions = rows(TAB.actions);
    expect(actions.slice(0, 37).every((a) => a.Gemeente === 'Regio')).toBe(true);
    const perMunicipality = Object.fromEntries(region.gemeenten.map((g) => [g.naam, actions.filter((a) => a.Gemeente === g.naam)]));
    for (const [name, own] of Object.entries(perMunicipality)) {
      expect(own).toHaveLength(name === 'Nijmegen' ? 6 + 22 : 6);
      expect(own.every((a) => a.Eigenaar === name)).toBe(true);
      // One block: consecutive IDs.
      const first = actions.indexOf(own[0]);
      expect(own).toEqual(actions.slice(first, first + own.length));
      expect(own.map((a) => a.Actielijn).slice(0, 6)).toEqual(['AL1', 'AL2', 'AL4', 'AL3', 'AL4', 'AL4']);
    }
    // Berg en Dal: A-038..A-043; Nijmegen after five municipalities: A-068..A-095; Zaltbommel last: A-144..A-149.
    expect(perMunicipality['Berg en Dal'].map((a) => a.ID)).toEqual(['A-038', 'A-039', 'A-040', 'A-041', 'A-042', 'A-043']);
    expect(perMunicipality.Nijmegen[0].ID).toBe('A-068');
    expect(perMunicipality.Nijmegen[27].ID).toBe('A-095');
    expect(perMunicipality.Zaltbommel.map((a) => a.ID)[5]).toBe('A-149');
  });

  test('Acties: the local plan of each municipality, with its derived deadline labelled; Nijmegen has done it', () => {
    const plans = rows(TAB.actions).filter((a) => a.Actie === 'Lokaal plan van aanpak huiselijk geweld en kindermishandeling opstellen');
    expect(plans.map((a) => a.Gemeente)).toEqual(region.gemeenten.map((g) => g.naam));
    for (const plan of plans) {
      expect(day(plan.Deadline)).toBe('2022-06-30');
      expect(plan.Toelichting).toMatch(/^Aanname: deadline; 'binnen een jaar na vaststelling van de regioaanpak'/);
      expect(plan.Status).toBe(plan.Gemeente === 'Nijmegen' ? 'Afgerond' : 'Niet gestart');
    }
    // The Date is midnight in the sheet's zone: 30-06-2022 00:00 CEST = 29-06-2022 22:00 UTC
    expect((plans[0].Deadline as Date).toISOString()).toBe('2022-06-29T22:00:00.000Z');
  });

  test('Acties: a local approach to human trafficking in each municipality by 2022, not one Moviera action', () => {
    const trafficking = rows(TAB.actions).filter((a) => a.Actie === 'Een duidelijke en geborgde lokale aanpak van mensenhandel, inclusief seksuele uitbuiting');
    expect(trafficking).toHaveLength(15);
    for (const a of trafficking) {
      expect(a).toMatchObject({ Actielijn: 'AL4', Thema: 'Mensenhandel', Eigenaar: a.Gemeente });
      expect(day(a.Deadline)).toBe('2022-12-31');
    }
    expect(trafficking.find((a) => a.Gemeente === 'Maasdriel')!.Toelichting).toBe('Voor de coördinatie van mensenhandel valt Maasdriel onder centrumgemeente Den Bosch.');
    // A-026 is now the regional link with the safety policy, owned by nobody the documents name.
    expect(action(26)).toMatchObject({ Gemeente: 'Regio', Thema: 'Mensenhandel', Eigenaar: OWNER_TO_BE_DECIDED });
    expect(rows(TAB.actions).filter((a) => a.Eigenaar === 'Moviera')).toEqual([]);
  });

  test('Acties: no invented owners; the GGD coordinates the network approach to sexual violence', () => {
    // The owners the issue found invented (then) now read as open.
    for (const n of [6, 9, 11, 14, 21, 23]) expect(action(n).Eigenaar).toBe(OWNER_TO_BE_DECIDED);
    expect(action(22)).toMatchObject({ Eigenaar: 'GGD Gelderland Zuid', Thema: 'Seksueel geweld', Status: 'Loopt' });
    const regional = rows(TAB.actions).slice(0, 37);
    const owners = [...new Set(regional.map((a) => a.Eigenaar))].sort();
    expect(owners).toEqual([
      'Bestuurlijke werkgroep Zorg en Veiligheid Gelderland Zuid', 'GGD Gelderland Zuid', 'Moviera en Veilig Thuis', OWNER_TO_BE_DECIDED,
      'Regionaal projectleider', 'Sterker Sociaal Werk', 'Veilig Thuis Gelderland Zuid', 'Werkgroep Samenwerkingsafspraken',
    ]);
    // 37 regional actions, 13 with an owner a document names
    expect(regional.filter((a) => a.Eigenaar === OWNER_TO_BE_DECIDED)).toHaveLength(24);
  });

  test('Acties: statuses follow the documents, everything else is Niet gestart', () => {
    const started = rows(TAB.actions).filter((a) => a.Status !== 'Niet gestart').map((a) => [a.ID, a.Status]);
    expect(started).toEqual([
      ['A-022', 'Loopt'], // netwerkaanpak seksueel geweld (2025)
      ['A-023', 'Loopt'], // Actieoverleg, l.1504
      ['A-028', 'Loopt'], // stalking expertise at Veilig Thuis, l.817
      ['A-068', 'Afgerond'], // Nijmegen's local plan: the lokale agenda
      ['A-074', 'Loopt'], // Kinderrechten in de klas in Nijmegen, started 2021
      ['A-082', 'Loopt'], // lokale alliantie financieel misbruik, started end 2021
      ['A-089', 'Loopt'], // e-learning eergerelateerd geweld (2025)
      ['A-093', 'Loopt'], // Ontwikkeltafel: working group since 2024
    ]);
  });

  test('Acties: the successor approach is the action of 2025, the evaluation mid-term, both deadlines labelled', () => {
    expect(action(37)).toMatchObject({ Actielijn: 'AL1', Gemeente: 'Regio', Eigenaar: OWNER_TO_BE_DECIDED });
    expect(action(37).Actie).toMatch(/^De opvolgende regioaanpak/);
    expect(day(action(37).Deadline)).toBe('2025-12-31');
    expect(action(37).Toelichting).toMatch(/^Aanname: deadline; de looptijd van deze regioaanpak eindigt in 2025\. Eens per vier jaar/);
    expect(action(36)).toMatchObject({ Eigenaar: 'Regionaal projectleider' });
    expect(day(action(36).Deadline)).toBe('2023-06-30');
  });

  test('Begroting: 6 lines x 5 years, yearly raming 5.519.594, Karakter, later years labelled as assumptions', () => {
    const budget = rows(TAB.budget);
    expect(budget).toHaveLength(30);
    for (let year = 2021; year <= 2025; year++) {
      const lines = budget.filter((b) => b.Jaar === year);
      expect(lines.map((l) => l.Code)).toEqual(['VT', 'CSG', 'MOV', 'OMG', 'ACT', 'GEN']);
      // 1.900.000 + 120.000 + 2.355.000 + 235.000 + 854.287 + 55.307 = 5.519.594
      expect(lines.reduce((sum, l) => sum + (l.Raming as number), 0)).toBe(5519594);
      for (const l of lines) {
        if (year === 2021) expect(l.Toelichting ?? '').not.toMatch(/Aanname/);
        else expect(l.Toelichting).toMatch(/^Aanname: verondersteld gelijk aan 2021; de regioaanpak noemt één jaarbedrag voor 2021-2025\./);
      }
    }
    // VT and the Gennep settlement of a VT task are statutory; the subsidies fixed; the action-line budget flexible.
    expect(budget.filter((b) => b.Jaar === 2021).map((b) => [b.Code, b.Karakter])).toEqual([
      ['VT', 'Wettelijk'], ['CSG', 'Vast'], ['MOV', 'Vast'], ['OMG', 'Vast'], ['ACT', 'Flexibel'], ['GEN', 'Wettelijk'],
    ]);
    expect(budget[2].Toelichting).toBe('Opvang, crisisopvang, ambulante trajecten, preventie, zorgcoördinator mensenhandel, initiatieven als kinderen in de opvang en plegeraanpak.');
  });

  test('Dekking: 3 sources x 5 years, yearly total 5.519.594 = raming, later years labelled', () => {
    const coverage = rows(TAB.coverage);
    expect(coverage).toHaveLength(15);
    for (let year = 2021; year <= 2025; year++) {
      // 5.392.425 + 59.915 + 67.254 = 5.519.594
      const ofYear = coverage.filter((c) => c.Jaar === year);
      expect(ofYear.reduce((sum, c) => sum + (c.Bedrag as number), 0)).toBe(5519594);
      expect(ofYear.every((c) => (year === 2021 ? c.Toelichting === null : String(c.Toelichting).startsWith('Aanname: verondersteld gelijk aan 2021')))).toBe(true);
    }
    expect(coverage[0]).toEqual({ Jaar: 2021, Bron: 'DU VO bedrag decembercirculaire 2020', Bedrag: 5392425, Toelichting: null });
  });

  test('Mutaties start empty', () => {
    expect(rows(TAB.ledger)).toEqual([]);
  });

  test('meet-up days: second Thursday of February, May, September and November', () => {
    // 1 Feb 2021 is a Monday, so Thursdays are 4 and 11 Feb; 1 May a Saturday (6, 13 May);
    // 1 Sep a Wednesday (2, 9 Sep); 1 Nov a Monday (4, 11 Nov).
    expect(meetupDays(2021, 4)).toEqual(['2021-02-11', '2021-05-13', '2021-09-09', '2021-11-11']);
    // Middle months of two halves: April and October; 1 Apr 2021 (90 days after Friday 1 Jan) and 7 Oct 2021 are first Thursdays.
    expect(meetupDays(2021, 2)).toEqual(['2021-04-08', '2021-10-14']);
    // Twelve a year: every month, summer included (September is taken).
    expect(meetupDays(2021, 12).map((d) => d.slice(5, 7))).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']);
  });

  test('Meet-ups: 4 a year from the rhythm, themes rotating in file order, every row labelled as a proposal', () => {
    expect(regionThemes(region)).toEqual([
      'Huiselijk geweld', 'Kindermishandeling', 'Complexe scheidingen', 'Ouderenmishandeling', 'Eergerelateerd geweld',
      'Seksueel geweld', 'Mensenhandel', 'Plegeraanpak', 'Gendergerelateerd geweld',
    ]);
    const meetups = rows(TAB.meetups);
    expect(meetups).toHaveLength(20);
    expect(meetups.slice(0, 4).map((m) => day(m.Datum))).toEqual(['2021-02-11', '2021-05-13', '2021-09-09', '2021-11-11']);
    // 9 themes rotate: meet-up 10 (index 9) is back at the first theme
    expect(meetups[8].Thema).toBe('Gendergerelateerd geweld');
    expect(meetups[9].Thema).toBe('Huiselijk geweld');
    expect(meetups.every((m) => m.Notities === MEETUP_ASSUMPTION && m['Goede voorbeelden'] === null)).toBe(true);
    expect(MEETUP_ASSUMPTION).toBe('Voorgestelde datum en thema (aanname, niet uit de regioaanpak)');
    // Partners the file links to the theme, owners of theme actions, partners named in a theme action.
    expect(meetups[0].Netwerkpartners).toBe('Veilig Thuis Gelderland Zuid; Moviera');
    expect(meetups[2].Netwerkpartners).toBe('Sterker Sociaal Werk; Jeugdbescherming Gelderland');
    // Eergerelateerd geweld: Moviera and ervaringsdeskundigen are named in Nijmegen's action on experts by experience.
    expect(themePartners(region, 'Eergerelateerd geweld')).toEqual([
      'Veilig Thuis Gelderland Zuid', 'Moviera', 'LEC EGG', 'Migranten- en vluchtelingenorganisaties', 'Ervaringsdeskundigen',
    ]);
    expect(meetups[5].Netwerkpartners).toBe('GGD Gelderland Zuid; Centrum Seksueel Geweld');
  });

  test('Indicatoren: every figure has a theme of the meet-ups, one naming, and the desired direction', () => {
    const indicators = rows(TAB.indicators);
    // 10 Nijmegen series x 3 years + 14 regional 2020 figures = 44
    expect(indicators).toHaveLength(44);
    const themes = regionThemes(region);
    expect(indicators.filter((i) => themes.includes(i.Thema as string))).toHaveLength(44);
    expect(indicators[0]).toEqual({ Indicator: 'Adviesvragen Veilig Thuis', Gemeente: 'Nijmegen', Thema: 'Huiselijk geweld', Jaar: 2019, Waarde: 1581, 'Gewenste richting': 'meer' });
    expect(indicators[29]).toEqual({ Indicator: 'Meldingen Veilig Thuis eergerelateerd geweld', Gemeente: 'Nijmegen', Thema: 'Eergerelateerd geweld', Jaar: 2021, Waarde: 31, 'Gewenste richting': null });
    // One word for advice requests: "Adviesvragen", never "Adviezen".
    expect(indicators.filter((i) => /^Advie/.test(i.Indicator as string)).every((i) => /^Adviesvragen Veilig Thuis/.test(i.Indicator as string))).toBe(true);
    // More advice requests is the desired direction (lokale agenda l.68); meldingen have no goal (l.70-74).
    // Nijmegen 5 series x 3 years + 2 regional = 17 rows 'meer', the other 27 blank.
    expect(indicators.filter((i) => i['Gewenste richting'] === 'meer')).toHaveLength(17);
    expect(indicators.filter((i) => i['Gewenste richting'] === 'meer').every((i) => /^Adviesvragen/.test(i.Indicator as string))).toBe(true);
    expect(indicators.filter((i) => i['Gewenste richting'] === null)).toHaveLength(27);
    const regional = indicators.filter((i) => i.Gemeente === 'Regio');
    expect(regional).toHaveLength(14);
    const byName = Object.fromEntries(regional.map((i) => [i.Indicator, i]));
    expect(byName['Meldingen Veilig Thuis ouderenmishandeling']).toMatchObject({ Thema: 'Ouderenmishandeling', Waarde: 68 });
    expect(byName['Adviesvragen Veilig Thuis eergerelateerd geweld']).toMatchObject({ Thema: 'Eergerelateerd geweld', Waarde: 60 });
    expect(byName['Zorgtrajecten mensenhandel']).toMatchObject({ Thema: 'Mensenhandel', Waarde: 31 });
    expect(byName['Consultatie- en adviesgesprekken CSG']).toMatchObject({ Thema: 'Seksueel geweld', Waarde: 203 });
  });

  test('text from the region file is escaped against formula injection', () => {
    const json = JSON.parse(JSON.stringify(region)) as Region;
    json.gemeenten[0].bijzonderheden = '=HYPERLINK("x")';
    json.acties.regionaal[0].actie = '+SUM(A1)';
    json.overleg.campagnes![0].naam = '=Week';
    const s = seedRows(json, 'UTC');
    expect(s[TAB.municipalities]![0].Bijzonderheden).toMatch(/^'=HYPERLINK\("x"\)/);
    expect(s[TAB.actions]![0].Actie).toBe("'+SUM(A1)");
    expect(s[TAB.settings]!.find((r) => r.Sleutel === 'Campagnes')!.Waarde).toMatch(/^'=Week: juni;/);
  });

  test('the seeded workbook parses without a single finding', () => {
    const { programme, findings, knownActionIds } = parseWorkbook(snapshotOf(seed), { timeZone: TZ, today: '2021-06-01' });
    expect(findings).toEqual([]);
    expect(programme.municipalities).toHaveLength(15);
    expect(programme.actions).toHaveLength(149);
    expect(knownActionIds.size).toBe(149);
    expect(programme.budgetLines).toHaveLength(30);
    expect(programme.coverage).toHaveLength(15);
    expect(programme.meetups).toHaveLength(20);
    expect(programme.indicators).toHaveLength(44);
    expect(programme.indicators.filter((i) => i.direction === 'meer')).toHaveLength(17);
    expect(programme.settings).toMatchObject({ startYear: 2021, endYear: 2025, warnThresholdBasisPoints: 9000, referenceDate: '2021-06-01', contributors: ['Gennep', 'Maasdriel', 'Zaltbommel'] });
    expect(programme.actions.find((a) => a.id === 'A-038')!.deadline).toBe('2022-06-30');
  });

  test('the seeded workbook is exactly balanced: no signal, no shortfall', () => {
    const result = runCheck(snapshotOf(seed), { timeZone: TZ, today: '2021-06-01' });
    expect(result.summary.overruns).toBe(0);
    expect(result.summary.threatening).toBe(0);
    expect(result.summary.programmeShortfalls).toEqual([]);
    expect(result.summary.checks).toBe(0);
  });
});

describe('seedRows: a second region and the template', () => {
  const arnhem = parseRegion(arnhemJson);
  const arnhemSeed = seedRows(arnhem, TZ);

  test('Arnhem: a meet-up every six weeks from the assumed start, through the period', () => {
    // 10-01-2019 + 43 x 42 days = 21-12-2023, the last before the end of 2023: 44 meet-ups
    expect(everyWeeks('2019-01-10', 6, 2023)).toHaveLength(44);
    const meetups = rows(TAB.meetups, arnhemSeed);
    expect(meetups).toHaveLength(44);
    expect(meetups.slice(0, 3).map((m) => day(m.Datum))).toEqual(['2019-01-10', '2019-02-21', '2019-04-04']);
    expect(day(meetups[43].Datum)).toBe('2023-12-21');
    expect(meetups.every((m) => m.Notities === MEETUP_ASSUMPTION)).toBe(true);
    // Five themes rotate.
    expect(meetups.map((m) => m.Thema).slice(0, 6)).toEqual(['Kindermishandeling', 'Ouderenmishandeling', 'Mensenhandel', 'Seksueel geweld', 'Schadelijke traditionele praktijken', 'Kindermishandeling']);
  });

  test('Arnhem: 16 municipalities with 2 obligations each, 15 regional and 3 Arnhem actions; fictional amounts labelled', () => {
    expect(rows(TAB.municipalities, arnhemSeed)).toHaveLength(16);
    // 15 + 16 x 2 + 3 = 50
    expect(rows(TAB.actions, arnhemSeed)).toHaveLength(50);
    const budget = rows(TAB.budget, arnhemSeed);
    // 4 lines x 5 years (2019-2023)
    expect(budget).toHaveLength(20);
    expect(budget.filter((b) => b.Jaar === 2019).map((b) => [b.Code, b.Karakter])).toEqual([['VTA', 'Wettelijk'], ['VTB', 'Wettelijk'], ['MOV', 'Vast'], ['PRE', 'Flexibel']]);
    expect(budget.every((b) => String(b.Toelichting).startsWith('Aanname: FICTIEF bedrag'))).toBe(true);
    const settings = Object.fromEntries(rows(TAB.settings, arnhemSeed).map((r) => [r.Sleutel, r.Waarde]));
    expect(settings).toMatchObject({
      Regio: 'Arnhem-Achterhoek', Centrumgemeente: 'Arnhem', Startjaar: 2019, Eindjaar: 2023, 'Bijdragende gemeenten': null,
      Campagnes: 'Dag tegen Ouderenmishandeling: juni; Week tegen Kindermishandeling: november; Orange the World: november, december',
      'Lokaal plan': 'Lokaal uitvoeringsplan uitvoeren', Organisator: 'Gemeente Arnhem',
      // Without a short name, the full ones: the meet-up's name and the programme's.
      Overleg: 'Regionaal ambtelijk overleg HGKM', Programma: 'Regiovisie Samen Veilig',
    });
  });

  test('Arnhem: the seeded workbook parses without a finding and balances (1.500.000 + 1.200.000 + 2.000.000 + 300.000 = 5.000.000 FICTIEF a year, against as much DU VO)', () => {
    const snapshot = snapshotOf(arnhemSeed);
    const { findings, programme } = parseWorkbook(snapshot, { timeZone: TZ, today: '2022-06-01' });
    expect(findings).toEqual([]);
    expect(programme.actions).toHaveLength(50);
    const result = runCheck(snapshot, { timeZone: TZ, today: '2022-06-01' });
    expect(result.summary.programmeShortfalls).toEqual([]);
    // No error; the years before 2022 have ended without a ledger, so each of their subsidy and statutory
    // lines is a warning (no Realisatie), and so is each open action whose deadline fell in them
    expect(result.findings.filter((f) => f.severity !== 'warning')).toEqual([]);
    const endedLines = programme.budgetLines.filter((l) => l.year < 2022 && l.character !== 'Flexibel').length;
    const endedActions = programme.actions.filter((a) => a.deadline && a.deadline < '2022-01-01' && ['Niet gestart', 'Loopt', 'Uitgesteld'].includes(a.status)).length;
    expect(result.summary.checks).toBe(endedLines + endedActions);
  });

  test('the template: every Instellingen key, blank, and no other row', () => {
    const template = loadRegion('sjabloon');
    const s = seedRows(template, TZ);
    expect(rows(TAB.settings, s).map((r) => r.Sleutel)).toEqual(Object.values(SETTING));
    const filled = rows(TAB.settings, s).filter((r) => r.Waarde !== null).map((r) => [r.Sleutel, r.Waarde]);
    // Only the contract's defaults.
    expect(filled).toEqual([['Drempel let op', 0.9], ['Overschot naar reserve', 'Nee'], ['Drempel toelichting', 50000], ['Drempel toelichting %', 0.1]]);
    for (const tab of USER_TABS) if (tab !== TAB.settings) expect(rows(tab, s)).toEqual([]);
    expect(parseWorkbook(snapshotOf(s), { timeZone: TZ, today: '2026-01-15' }).findings).toEqual([]);
  });

  test('init on the template gives every tab with its headers and the Instellingen keys; a check runs on it', () => {
    const wb = LocalWorkbook.create();
    const runtime = localRuntime(wb, { today: '2026-01-15' });
    setupWorkbook(runtime, loadRegion('sjabloon'));
    for (const tab of [...USER_TABS, ...GENERATED_TABS, TAB.log]) expect(wb.readTab(tab)![0].slice(0, HEADERS[tab].length)).toEqual([...HEADERS[tab]]);
    expect(wb.readTab(TAB.settings)!.slice(1).map((r) => r[0])).toEqual(Object.values(SETTING));
    expect(wb.readTab(TAB.actions)).toHaveLength(1);
    const summary = budgetCheck(runtime);
    expect(summary.checks).toBe(0);
    expect(summary.overruns).toBe(0);
  });
});
