import { Cell, Grid } from '../../src/core/cell';
import { runCheck } from '../../src/core/check';
import { HEADERS, TAB, TabName, USER_TABS } from '../../src/core/contract';
import { dayOfInstant } from '../../src/core/dates';
import { WorkbookSnapshot, parseWorkbook } from '../../src/core/parse';
import { defaultRegion } from '../../src/core/region';
import { Seed, meetupDays, regionThemes, seedRows, themePartners } from '../../src/core/seed';

const TZ = 'Europe/Amsterdam';
const region = defaultRegion();
const seed = seedRows(region, TZ);
const rows = (tab: TabName) => seed[tab] ?? [];

function snapshotOf(s: Seed): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = {};
  for (const tab of USER_TABS) {
    const headers = HEADERS[tab];
    const grid: Grid = [[...headers], ...(s[tab] ?? []).map((r) => headers.map((h) => (r[h] ?? null) as Cell))];
    snapshot[tab] = grid;
  }
  return snapshot;
}

const day = (cell: Cell) => (cell instanceof Date ? dayOfInstant(cell, TZ) : cell);

describe('seedRows', () => {
  test('every record uses only the contract headers of its tab', () => {
    for (const tab of USER_TABS) {
      for (const record of rows(tab)) for (const key of Object.keys(record)) expect(HEADERS[tab]).toContain(key);
    }
  });

  test('Instellingen: the region and period, defaults, blanks for what the region must fill in', () => {
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
      'Overschot naar reserve': 'Nee',
    });
  });

  test('Gemeenten and Actielijnen', () => {
    const municipalities = rows(TAB.municipalities);
    expect(municipalities).toHaveLength(15);
    expect(municipalities[0]).toEqual({ Gemeente: 'Berg en Dal', Subregio: 'Rijk van Nijmegen', Editors: null, Bijzonderheden: null });
    expect(municipalities.filter((m) => m.Subregio === 'Rivierenland')).toHaveLength(8);
    expect(municipalities.find((m) => m.Gemeente === 'Nijmegen')!.Bijzonderheden).toBe('Centrumgemeente DU VO.');
    expect(rows(TAB.actionLines).map((l) => [l.Code, l.Actielijn])).toEqual([
      ['AL1', 'Preventie en signalering'], ['AL2', 'Expertise lokale teams'], ['AL3', 'Helpende data'], ['AL4', 'Samenwerking zorg- en veiligheidspartners'],
    ]);
  });

  test('Acties: regional, one local plan per municipality, the evaluation, then the centre municipality', () => {
    const actions = rows(TAB.actions);
    // 27 regional + 15 local plans + 1 evaluation + 9 Nijmegen = 52
    expect(actions).toHaveLength(52);
    expect(actions.map((a) => a.ID)).toEqual(Array.from({ length: 52 }, (_, i) => `A-${String(i + 1).padStart(3, '0')}`));
    expect(actions.every((a) => a.Status === 'Niet gestart' && a.Prioriteit === null && a.Geraamd === null)).toBe(true);

    const first = actions[0];
    expect(first).toMatchObject({ Actielijn: 'AL1', Gemeente: 'Regio', Eigenaar: 'Regionaal projectleider', Begrotingspost: 'ACT', Deadline: null, Thema: null });
    // Omgangshuis Rivierenland, on the OMG line
    expect(actions[24]).toMatchObject({ Actielijn: 'AL4', Gemeente: 'Regio', Begrotingspost: 'OMG', Thema: 'Complexe scheidingen', Eigenaar: 'Sterker Sociaal Werk (Omgangshuis)' });
    expect(actions.slice(0, 27).every((a) => a.Gemeente === 'Regio' && a.Deadline === null)).toBe(true);

    // A-028..A-042: the local plans, owned by each municipality, deadline 30-06-2022, first action line
    const plans = actions.slice(27, 42);
    expect(plans.map((a) => a.Gemeente)).toEqual(region.gemeenten.map((g) => g.naam));
    for (const plan of plans) {
      expect(plan.Eigenaar).toBe(plan.Gemeente);
      expect(plan.Actielijn).toBe('AL1');
      expect(plan.Actie).toBe('Lokaal plan van aanpak huiselijk geweld en kindermishandeling opstellen');
      expect(day(plan.Deadline)).toBe('2022-06-30');
    }
    // The Date is midnight in the sheet's zone: 30-06-2022 00:00 CEST = 29-06-2022 22:00 UTC
    expect((plans[0].Deadline as Date).toISOString()).toBe('2022-06-29T22:00:00.000Z');

    // the evaluation
    expect(actions[42]).toMatchObject({ ID: 'A-043', Gemeente: 'Regio', Eigenaar: 'Regionaal projectleider', Actielijn: 'AL1' });
    expect(day(actions[42].Deadline)).toBe('2023-06-30');

    // A-044..A-052: Nijmegen's own actions, in file order
    const local = actions.slice(43);
    expect(local).toHaveLength(9);
    expect(local.every((a) => a.Gemeente === 'Nijmegen' && a.Eigenaar === 'Nijmegen')).toBe(true);
    expect(local[0]).toMatchObject({ Actielijn: 'AL1', Thema: 'Kindermishandeling', Deadline: null });
    expect(day(local[1].Deadline)).toBe('2022-12-31');
    expect(local[8]).toMatchObject({ Thema: 'Eergerelateerd geweld' });
  });

  test('Begroting: 6 lines x 5 years, yearly raming 5.519.594', () => {
    const budget = rows(TAB.budget);
    expect(budget).toHaveLength(30);
    for (let year = 2021; year <= 2025; year++) {
      const lines = budget.filter((b) => b.Jaar === year);
      expect(lines.map((l) => l.Code)).toEqual(['VT', 'CSG', 'MOV', 'OMG', 'ACT', 'GEN']);
      // 1.900.000 + 120.000 + 2.355.000 + 235.000 + 854.287 + 55.307 = 5.519.594
      expect(lines.reduce((sum, l) => sum + (l.Raming as number), 0)).toBe(5519594);
    }
    // VT and the Gennep settlement of a VT task are statutory; the subsidies fixed; the action-line budget flexible.
    expect(budget.filter((b) => b.Jaar === 2021).map((b) => [b.Code, b.Karakter])).toEqual([
      ['VT', 'Wettelijk'], ['CSG', 'Vast'], ['MOV', 'Vast'], ['OMG', 'Vast'], ['ACT', 'Flexibel'], ['GEN', 'Wettelijk'],
    ]);
    expect(budget[4]).toMatchObject({ Jaar: 2021, Code: 'ACT', Raming: 854287, Karakter: 'Flexibel' });
  });

  test('Dekking: 3 sources x 5 years, yearly total 5.519.594 = raming', () => {
    const coverage = rows(TAB.coverage);
    expect(coverage).toHaveLength(15);
    for (let year = 2021; year <= 2025; year++) {
      // 5.392.425 + 59.915 + 67.254 = 5.519.594
      expect(coverage.filter((c) => c.Jaar === year).reduce((sum, c) => sum + (c.Bedrag as number), 0)).toBe(5519594);
    }
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

  test('Meet-ups: 4 a year, themes rotating in sorted order, partners related to the theme', () => {
    expect(regionThemes(region)).toEqual([
      'Complexe scheidingen', 'Eergerelateerd geweld', 'Kindermishandeling', 'Mensenhandel', 'Ouderenmishandeling', 'Plegeraanpak', 'Seksueel geweld',
    ]);
    const meetups = rows(TAB.meetups);
    expect(meetups).toHaveLength(20);
    expect(meetups.slice(0, 4).map((m) => day(m.Datum))).toEqual(['2021-02-11', '2021-05-13', '2021-09-09', '2021-11-11']);
    // 7 themes rotate: meet-up 8 (index 7) is back at the first theme
    expect(meetups.map((m) => m.Thema).slice(0, 8)).toEqual([
      'Complexe scheidingen', 'Eergerelateerd geweld', 'Kindermishandeling', 'Mensenhandel', 'Ouderenmishandeling', 'Plegeraanpak', 'Seksueel geweld', 'Complexe scheidingen',
    ]);
    // Owners in the partner list, and partners named in a theme action's text (plegeraanpak van Moviera; Kairos)
    expect(meetups[0].Netwerkpartners).toBe('Sterker Sociaal Werk (Omgangshuis)');
    expect(meetups[1].Netwerkpartners).toBe('Veilig Thuis Gelderland Zuid (GGD Gelderland Zuid)');
    expect(meetups[2].Netwerkpartners).toBeNull();
    expect(meetups[3].Netwerkpartners).toBe('Moviera');
    expect(meetups[5].Netwerkpartners).toBe('Moviera; Kairos');
    expect(meetups[6].Netwerkpartners).toBe('Centrum Seksueel Geweld');
    expect(themePartners(region, 'Kindermishandeling')).toEqual([]);
    expect(meetups.every((m) => m['Goede voorbeelden'] === null && m.Notities === null)).toBe(true);
  });

  test('Indicatoren: Nijmegen series and the regional 2020 figures', () => {
    const indicators = rows(TAB.indicators);
    // 10 series x 3 years + 13 regional values = 43
    expect(indicators).toHaveLength(43);
    expect(indicators[0]).toEqual({ Indicator: 'Adviezen Veilig Thuis', Gemeente: 'Nijmegen', Thema: null, Jaar: 2019, Waarde: 1581 });
    expect(indicators[29]).toEqual({ Indicator: 'Meldingen eergerelateerd geweld', Gemeente: 'Nijmegen', Thema: 'Eergerelateerd geweld', Jaar: 2021, Waarde: 31 });
    const regional = indicators.filter((i) => i.Gemeente === 'Regio');
    expect(regional).toHaveLength(13);
    expect(regional.every((i) => i.Jaar === 2020)).toBe(true);
    const byName = Object.fromEntries(regional.map((i) => [i.Indicator, i]));
    expect(byName['Meldingen ouderenmishandeling']).toMatchObject({ Thema: 'Ouderenmishandeling', Waarde: 68 });
    // No Nijmegen series of this exact name ("Adviesvragen eergerelateerd geweld" differs): no theme
    expect(byName['Adviezen eergerelateerd geweld']).toMatchObject({ Thema: null, Waarde: 60 });
    expect(byName['Kinderen in omgangshuis']).toMatchObject({ Thema: null, Waarde: 64 });
  });

  test('text from the region file is escaped against formula injection', () => {
    const json = JSON.parse(JSON.stringify(region));
    json.gemeenten[0].bijzonderheden = '=HYPERLINK("x")';
    const s = seedRows(json, 'UTC');
    expect(s[TAB.municipalities]![0].Bijzonderheden).toBe('\'=HYPERLINK("x")');
  });

  test('the seeded workbook parses without a single finding', () => {
    const { programme, findings, knownActionIds } = parseWorkbook(snapshotOf(seed), { timeZone: TZ, today: '2021-06-01' });
    expect(findings).toEqual([]);
    expect(programme.municipalities).toHaveLength(15);
    expect(programme.actions).toHaveLength(52);
    expect(knownActionIds.size).toBe(52);
    expect(programme.budgetLines).toHaveLength(30);
    expect(programme.coverage).toHaveLength(15);
    expect(programme.meetups).toHaveLength(20);
    expect(programme.indicators).toHaveLength(43);
    expect(programme.settings).toMatchObject({ startYear: 2021, endYear: 2025, warnThresholdBasisPoints: 9000, referenceDate: '2021-06-01' });
    expect(programme.actions.find((a) => a.id === 'A-028')!.deadline).toBe('2022-06-30');
  });

  test('the seeded workbook is exactly balanced: no signal, no shortfall', () => {
    const result = runCheck(snapshotOf(seed), { timeZone: TZ, today: '2021-06-01' });
    expect(result.summary.overruns).toBe(0);
    expect(result.summary.threatening).toBe(0);
    expect(result.summary.programmeShortfalls).toEqual([]);
    expect(result.summary.checks).toBe(0);
  });
});
