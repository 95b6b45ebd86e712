import { runCheck } from '../../../src/core/check';
import { TAB } from '../../../src/core/workbook/contract';
import { midnightIn } from '../../../src/core/values/dates';
import { parseWorkbook } from '../../../src/core/workbook/parse';
import { CONTEXT, action, check, commitment, coverage, eur, figures, line, parse, payment, workbook } from '../fixtures';

describe('bad input becomes Controles rows; the rest is still computed', () => {
  const spec = {
    budget: [
      line(2021, 'ACT', 10000), // row 2
      line(2021, 'MOV', 'twintig'), // row 3: Raming (D)
    ],
    actions: [
      action('A-1', { Begrotingspost: 'ACT', Geraamd: 1000, Deadline: '31-02-2021' }), // row 2: Deadline (H)
      action('A-2', { Begrotingspost: 'ACT', Geraamd: 1000, Gemeente: 'Atlantis' }), // row 3: Gemeente (C)
      action('A-3', { Begrotingspost: 'ACT', Geraamd: 1000, Actielijn: 'AL9' }), // row 4: Actielijn (B)
      action('A-1', { Begrotingspost: 'ACT', Geraamd: 1000, Deadline: '01-06-2021' }), // row 5: repeated ID (A)
      action('A-4', { Begrotingspost: 'XYZ', Geraamd: 1000 }), // row 6: Begrotingspost (J)
      action('A-5', { Begrotingspost: 'ACT', Geraamd: 300, Deadline: '15-03-2021' }), // row 7: fine
    ],
    ledger: [
      payment('R-1', 2021, 'ACT', 'twintig'), // row 2: Bedrag (G)
      payment('R-2', 2021, 'ZZZ', 1000), // row 3: Code (D)
      payment('R-3', 2021, 'ACT', 1000, { 'Actie-ID': 'A-99' }), // row 4: Actie-ID (E)
      payment('R-4', 2021, 'ACT', 1000, { 'Verplichting-ID': 'V-9' }), // row 5: Verplichting-ID (H)
      payment('R-5', 2021, 'ACT', 500), // row 6: fine
      payment('R-5', 2021, 'ACT', 200), // row 7: repeated ID (A), still a readable payment
      { ID: 'R-6', Datum: '31-02-2021', Code: 'ACT', Soort: 'Realisatie', Bedrag: 1000 }, // row 8: Datum (B)
      payment('R-7', 2021, 'ACT', 1000, { Soort: 'Betaling' }), // row 9: Soort (F)
      payment('R-8', 2021, 'ACT', '=1+1'), // row 10: Bedrag (G), a formula-looking value
    ],
  };

  it('lists every problem with the row number a user sees and the column, sorted by tab, row, column', () => {
    const result = check(spec);
    expect(result.outputs.Controles).toEqual([
      ['Acties', 2, 'Deadline (H)', '31-02-2021', 'Deadline: deze datum bestaat niet', 'niet meegeteld'],
      ['Acties', 3, 'Gemeente (C)', 'Atlantis', 'Gemeente Atlantis staat niet in Gemeenten (of gebruik Regio)', 'niet meegeteld'],
      ['Acties', 4, 'Actielijn (B)', 'AL9', 'Actielijn AL9 staat niet in Actielijnen', 'niet meegeteld'],
      ['Acties', 5, 'ID (A)', 'A-1', 'ID A-1 komt vaker voor (eerst in rij 2)', 'niet meegeteld'],
      ['Acties', 6, 'Begrotingspost (J)', 'XYZ', 'Begrotingspost XYZ staat niet in Begroting', 'niet meegeteld'],
      ['Begroting', 3, 'Raming (D)', 'twintig', 'Raming: geen geldig bedrag', 'niet meegeteld'],
      ['Mutaties', 2, 'Bedrag (G)', 'twintig', 'Bedrag: geen geldig bedrag', 'niet meegeteld'],
      ['Mutaties', 3, 'Code (D)', 'ZZZ', 'Begrotingspost ZZZ staat niet in Begroting', 'niet meegeteld'],
      ['Mutaties', 4, 'Actie-ID (E)', 'A-99', 'Actie A-99 staat niet in Acties', 'niet meegeteld'],
      ['Mutaties', 5, 'Verplichting-ID (H)', 'V-9', 'Verplichting V-9 staat niet in Mutaties', 'niet meegeteld'],
      ['Mutaties', 7, 'ID (A)', 'R-5', 'ID R-5 komt vaker voor (eerst in rij 6)', 'niet meegeteld'],
      ['Mutaties', 8, 'Datum (B)', '31-02-2021', 'Datum: deze datum bestaat niet', 'niet meegeteld'],
      ['Mutaties', 9, 'Soort (F)', 'Betaling', 'Soort "Betaling" is geen geldige keuze (Verplichting, Realisatie)', 'niet meegeteld'],
      // escaped so the sheet shows text, not a formula
      ['Mutaties', 10, 'Bedrag (G)', "'=1+1", 'Bedrag: geen geldig bedrag', 'niet meegeteld'],
    ]);
    expect(result.summary.checks).toBe(14);
  });

  it('leaves the bad rows out of the figures and computes the rest', () => {
    const result = check(spec);
    // MOV's Raming is unreadable: only ACT remains
    expect(result.years[0].lines.map((l) => l.code)).toEqual(['ACT']);
    const act = figures(result, 2021, 'ACT');
    // readable payments: R-5 500 + R-5 (repeated) 200 = 700
    expect(act.realisedCents).toBe(eur(700));
    // only A-5 (300) is a readable action on ACT; A-1 (row 5) repeats an ID and is out too
    expect(act.plannedCents).toBe(eur(300));
  });

  it('leaves Rij blank for a problem with a whole tab, and orders tabs as USER_TABS', () => {
    const snapshot = workbook({ budget: [line(2021, 'ACT', 'x')] });
    snapshot[TAB.meetups] = null;
    const rows = runCheck(snapshot, CONTEXT).outputs.Controles;
    expect(rows).toEqual([
      ['Begroting', 2, 'Raming (D)', 'x', 'Raming: geen geldig bedrag', 'niet meegeteld'],
      ['Meet-ups', '', '', '', 'Tabblad Meet-ups ontbreekt; kies Regiomonitor › Werkboek inrichten.', 'niet meegeteld'],
    ]);
  });

  it('reports a missing required column at row 1 and skips that tab', () => {
    const result = check({
      budget: [line(2021, 'ACT', 1000)],
      // the user typed the amount under a header the add-on does not know
      ledger: [{ ID: 'R-1', Jaar: 2021, Code: 'ACT', Soort: 'Realisatie', Betaald: 100 }],
      headers: { [TAB.ledger]: ['ID', 'Datum', 'Jaar', 'Code', 'Soort', 'Betaald', 'Omschrijving'] },
    });
    expect(result.outputs.Controles).toEqual([
      ['Mutaties', 1, 'Bedrag', '', 'Kolom Bedrag ontbreekt in de kopregel; de rijen van dit tabblad tellen niet mee.', 'niet meegeteld'],
    ]);
    expect(figures(result, 2021, 'ACT').realisedCents).toBe(0);
  });

  it('names a ledger line of a year without that Begroting line', () => {
    const { findings } = parse({ budget: [line(2021, 'ACT', 1000)], ledger: [payment('R-1', 2022, 'ACT', 100)] });
    expect(findings.map((f) => [f.row, f.column, f.problem])).toEqual([[2, 'Code (D)', 'Begroting heeft geen regel ACT voor 2022']]);
  });

  it('finds an unknown Gemeente in Indicatoren too', () => {
    const { findings } = parse({ indicators: [{ Indicator: 'Adviezen', Gemeente: 'Atlantis', Jaar: 2021, Waarde: 12 }] });
    expect(findings.map((f) => [f.tab, f.row, f.column])).toEqual([['Indicatoren', 2, 'Gemeente (B)']]);
  });
});

describe('Dutch text amounts and text dates', () => {
  it('reads € 1.234,56, 1.900.000,-, -2.500 and dates typed as text', () => {
    const result = check({
      // every row dated on or before the Peildatum counts
      settings: { Eindjaar: 2022, Peildatum: '31-12-2022' },
      budget: [line(2021, 'ACT', '€ 1.234,56'), line(2022, 'ACT', '1.900.000,-')],
      coverage: [coverage(2021, '1.900.000,-'), coverage(2021, '-2.500')],
      ledger: [
        // Jaar blank: the year of the Datum
        { ID: 'R-1', Datum: '15-03-2021', Code: 'act', Soort: 'realisatie', Bedrag: '€ 100,50' },
        { ID: 'R-2', Datum: '2022-03-15', Code: 'ACT', Soort: 'Realisatie', Bedrag: '1.000' },
        { ID: 'R-3', Jaar: '2021', Code: 'ACT', Soort: 'Realisatie', Bedrag: 20 },
      ],
    });
    expect(result.findings).toEqual([]);
    // Raming 2021 1.234,56; 2022 1.900.000
    expect(figures(result, 2021, 'ACT').estimateCents).toBe(123456);
    expect(figures(result, 2022, 'ACT').estimateCents).toBe(eur(1900000));
    // dekking 2021: 1.900.000 - 2.500 = 1.897.500
    expect(result.years[0].totalCoverageCents).toBe(eur(1897500));
    // 2021: 100,50 + 20 = 120,50; 2022: 1.000
    expect(figures(result, 2021, 'ACT').realisedCents).toBe(12050);
    expect(figures(result, 2022, 'ACT').realisedCents).toBe(eur(1000));
  });

  it('reads a Date cell in the spreadsheet time zone', () => {
    const { programme, findings } = parseWorkbook(
      workbook({
        budget: [line(2021, 'ACT', 1000), line(2022, 'ACT', 1000)],
        // midnight of 1 January 2022 in Amsterdam is still 2021 in UTC
        actions: [action('A-1', { Deadline: midnightIn('2022-01-01', 'Europe/Amsterdam'), Begrotingspost: 'ACT', Geraamd: 10 })],
      }),
      CONTEXT,
    );
    expect(findings).toEqual([]);
    expect(programme.actions[0].deadline).toBe('2022-01-01');
  });
});

describe('settings', () => {
  it('takes Peildatum when given, today otherwise, and the CLI reference date over both', () => {
    expect(parse({ settings: { Peildatum: '15-03-2022' } }).programme.settings.referenceDate).toBe('2022-03-15');
    expect(parse({}).programme.settings.referenceDate).toBe(CONTEXT.today);
    expect(parse({ settings: { Peildatum: '15-03-2022' } }, { ...CONTEXT, referenceDate: '2023-01-02' }).programme.settings.referenceDate).toBe('2023-01-02');
  });

  it('defaults Startjaar and Eindjaar to the Begroting years', () => {
    const { settings } = parse({ budget: [line(2023, 'A', 1), line(2021, 'A', 1)] }).programme;
    expect([settings.startYear, settings.endYear]).toEqual([2021, 2023]);
  });

  it('reports an unreadable Drempel let op and keeps 90%', () => {
    const { programme, findings } = parse({ settings: { 'Drempel let op': 'veel' } });
    expect(programme.settings.warnThresholdBasisPoints).toBe(9000);
    expect(findings.map((f) => [f.tab, f.column])).toEqual([['Instellingen', 'Waarde (B)']]);
  });

  it('reads Drempel toelichting (€ 50.000) and Drempel toelichting % (10%) with their defaults, typed or as Sheets stores them', () => {
    expect(parse({}).programme.settings).toMatchObject({ explanationThresholdCents: 5_000_000, explanationThresholdBasisPoints: 1000 });
    const typed = parse({ settings: { 'Drempel toelichting': '€ 25.000', 'Drempel toelichting %': '5%' } }).programme.settings;
    expect(typed).toMatchObject({ explanationThresholdCents: 2_500_000, explanationThresholdBasisPoints: 500 });
    const stored = parse({ settings: { 'Drempel toelichting': 100_000, 'Drempel toelichting %': 0.15 } }).programme.settings;
    expect(stored).toMatchObject({ explanationThresholdCents: 10_000_000, explanationThresholdBasisPoints: 1500 });
  });

  it('lists an unreadable Drempel toelichting and uses the default', () => {
    const { programme, findings } = parse({ settings: { 'Drempel toelichting': 'veel', 'Drempel toelichting %': '-5' } });
    expect(programme.settings).toMatchObject({ explanationThresholdCents: 5_000_000, explanationThresholdBasisPoints: 1000 });
    expect(findings.map((f) => f.problem)).toEqual([
      'Drempel toelichting %: geen percentage tussen 0 en 100; 10% wordt gebruikt',
      'Drempel toelichting: geen bedrag van € 0 of meer; € 50.000 wordt gebruikt',
    ]);
  });
});

describe('a commitment in the ledger read from the sheet', () => {
  it('takes Verplichting-ID references regardless of where the commitment row is', () => {
    const result = check({
      budget: [line(2021, 'ACT', 10000)],
      // the payment sits above its order
      ledger: [payment('R-1', 2021, 'ACT', 400, { 'Verplichting-ID': 'v-1' }), commitment('V-1', 2021, 'ACT', 1000)],
    });
    // 1.000 - 400 = 600 open
    expect(result.findings).toEqual([]);
    expect(figures(result, 2021, 'ACT').obligoCents).toBe(eur(600));
  });

  it('rejects a Verplichting-ID that names a payment', () => {
    const { findings } = parse({
      budget: [line(2021, 'ACT', 10000)],
      ledger: [payment('R-1', 2021, 'ACT', 400), payment('R-2', 2021, 'ACT', 400, { 'Verplichting-ID': 'R-1' })],
    });
    expect(findings.map((f) => [f.row, f.problem])).toEqual([[3, 'R-1 is geen Verplichting']]);
  });
});

describe('actions whose Geraamd falls outside the budget', () => {
  it('lists an action whose deadline year has no Begroting line for its code, and leaves it out', () => {
    const snapshot = {
      Instellingen: [['Sleutel', 'Waarde'], ['Startjaar', 2021], ['Eindjaar', 2022]],
      Gemeenten: [['Gemeente'], ['Tiel']],
      Actielijnen: [['Code'], ['AL1']],
      Begroting: [['Jaar', 'Code', 'Raming'], [2021, 'ACT', 1000]],
      Acties: [
        ['ID', 'Actielijn', 'Gemeente', 'Actie', 'Status', 'Begrotingspost', 'Geraamd', 'Deadline'],
        ['A-001', 'AL1', 'Tiel', 'In 2021', 'Loopt', 'ACT', 100, '01-06-2021'],
        // 2022 is in the period but has no ACT line: the 100 euros would count nowhere.
        ['A-002', 'AL1', 'Tiel', 'In 2022', 'Loopt', 'ACT', 100, '01-06-2022'],
        // 2030 lies after Eindjaar: the next programme's, shown under Na 2022, not an error
        ['A-003', 'AL1', 'Tiel', 'In 2030', 'Loopt', 'ACT', 100, '01-06-2030'],
      ],
    };
    const { programme, findings } = parseWorkbook(snapshot, { timeZone: 'UTC', today: '2021-01-01' });
    expect(programme.actions.map((a) => a.id)).toEqual(['A-001', 'A-003']);
    expect(findings.filter((f) => f.tab === 'Acties')).toEqual([
      expect.objectContaining({ tab: 'Acties', row: 3, column: 'Deadline (H)', problem: 'Geraamd valt in 2022, maar Begroting heeft geen regel ACT voor 2022' }),
    ]);
  });
});

describe('the agenda texts in Instellingen', () => {
  it('reads campaigns, newsletter, local plan and organisers from the workbook', () => {
    const { programme, findings } = parse({
      settings: {
        Campagnes: 'Week tegen ouderenmishandeling: juni; Orange the World: November en december\nWeek zonder geweld: november',
        Nieuwsbrief: 'Nieuwsbrief: eens per kwartaal',
        'Lokaal plan': 'Lokaal plan opstellen',
        // "en" inside a name does not split it; only commas, semicolons and lines do.
        Organisator: 'Projectleider zorg en veiligheid, Gemeente Arnhem',
      },
    });
    expect(findings).toEqual([]);
    expect(programme.settings).toMatchObject({
      campaigns: [
        { name: 'Week tegen ouderenmishandeling', months: [6] },
        { name: 'Orange the World', months: [11, 12] },
        { name: 'Week zonder geweld', months: [11] },
      ],
      newsletter: 'Nieuwsbrief: eens per kwartaal',
      localPlanTitle: 'Lokaal plan opstellen',
      organisers: ['Projectleider zorg en veiligheid', 'Gemeente Arnhem'],
    });
  });

  it('lists a campaign it cannot read in Controles, keeps what it can, and reads the rest of the settings', () => {
    const { programme, findings } = parse({ settings: { Campagnes: 'Week X: juno, juli; Zonder maand; Dag Y: smarch', Besluitvorming: 'college' } });
    expect(programme.settings.campaigns).toEqual([{ name: 'Week X', months: [7] }]);
    expect(programme.settings.decisionBody).toBe('college');
    // Instellingen rows: Regio 2, Centrumgemeente 3, Campagnes 4.
    expect(findings.map((f) => [f.tab, f.row, f.column, f.problem])).toEqual([
      ['Instellingen', 4, 'Waarde (B)', 'Campagnes: "juno" bij Week X is geen maand (januari … december)'],
      ['Instellingen', 4, 'Waarde (B)', 'Campagnes: "Zonder maand" is niet te lezen; schrijf Naam: maand, maand (bijvoorbeeld Orange the World: november, december). Deze campagne telt niet mee'],
      ['Instellingen', 4, 'Waarde (B)', 'Campagnes: "smarch" bij Dag Y is geen maand (januari … december)'],
      ['Instellingen', 4, 'Waarde (B)', 'Campagnes: Dag Y heeft geen maand en telt niet mee'],
    ]);
  });

  it('reads an absent or blank key as none', () => {
    expect(parse({}).programme.settings).toMatchObject({ campaigns: [], newsletter: '', localPlanTitle: '', organisers: [] });
  });
});

describe('Meet-ups › Tijd as Sheets and exports give it', () => {
  const time = (Tijd: unknown, timeZone = 'Europe/Amsterdam') =>
    parse({ meetups: [{ Datum: '2025-03-13', Tijd: Tijd as never }], headers: { [TAB.meetups]: ['Datum', 'Thema', 'Tijd'] } }, { timeZone, today: '2025-01-01' }).programme.meetups[0].time;

  it('keeps typed text, and writes a time cell as HH:MM', () => {
    expect(time('13.30-16.00 uur')).toBe('13.30-16.00 uur');
    // A fraction of a day (xlsx): 0,5625 × 24 h = 13:30.
    expect(time(0.5625)).toBe('13:30');
    // A Date on Sheets' day zero, as getValues returns a time cell, read in the sheet's zone.
    expect(time(new Date(Date.UTC(1899, 11, 30, 13, 30)), 'UTC')).toBe('13:30');
    expect(time(new Date('2025-03-13T09:15:00Z'))).toBe('10:15');
  });
});
