import { Finding } from '../../src/core/sheet/findings';
import { checkRows } from '../../src/core/sheet/controles';
import { action, check, commitment, coverage, eur, line, payment } from './fixtures';

describe('Budgetcontrole rows', () => {
  const spec = {
    budget: [line(2021, 'VT', 100000, { Begrotingspost: 'Veilig Thuis', Karakter: 'Wettelijk' }), line(2021, 'ACT', 20000, { Begrotingspost: '=Activiteiten' }), line(2021, 'NUL', 0)],
    coverage: [coverage(2021, 110000)],
    actions: [action('A-1', { Begrotingspost: 'ACT', Geraamd: 5000, Deadline: '01-10-2021' })],
    ledger: [
      payment('R-1', 2021, 'VT', 60000),
      commitment('V-1', 2021, 'VT', 40000),
      payment('R-2', 2021, 'VT', 10000, { 'Verplichting-ID': 'V-1' }),
      payment('R-3', 2021, 'ACT', 16000),
    ],
  };

  it('writes one row per line, a Totaal row and a Dekking row per year, money in euros', () => {
    const rows = check(spec).outputs.Budgetcontrole;
    expect(rows).toEqual([
      // VT (Wettelijk): realised 60.000 + 10.000 = 70.000; obligo 40.000 - 10.000 = 30.000; Besteed 100.000 = Raming;
      // Prognose max(100.000, 100.000); a statutory line at 100% is on course, not Let op
      // (Niet belegd is blank on a line that is not Flexibel; 2021 holds the Peildatum: lopend)
      [2021, 'VT', 'Veilig Thuis', 'Wettelijk', 100000, 0, 100000, 70000, 30000, 100000, 0, '', 100000, 0, 1, 'OK', 'lopend'],
      // ACT: Besteed 16.000 (80%); Gepland 5.000; Prognose 21.000 > 20.000 -> Dreigende; Saldo -1.000; name escaped
      // Niet belegd: 20.000 - 16.000 - 5.000 < 0, so 0
      [2021, 'ACT', "'=Activiteiten", 'Flexibel', 20000, 0, 20000, 16000, 0, 16000, 5000, 0, 21000, -1000, 0.8, 'Dreigende overschrijding', 'lopend'],
      // NUL: nothing budgeted: no Uitputting
      [2021, 'NUL', 'Post NUL', 'Flexibel', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '', 'OK', 'lopend'],
      // totals: raming 120.000; realised 86.000; obligo 30.000; Besteed 116.000; Gepland 5.000; Prognose 121.000;
      // Niet belegd of the Flexibel lines 0 + 0; Saldo -1.000; Uitputting 116/120; the worst line signal: Dreigende
      [2021, 'Totaal', 'Totaal', '', 120000, 0, 120000, 86000, 30000, 116000, 5000, 0, 121000, -1000, 116000 / 120000, 'Dreigende overschrijding', 'lopend'],
      // Dekking 110.000; Saldo 110.000 - max(120.000, 121.000) = -11.000 -> Tekort
      [2021, 'Dekking', 'Dekking (inkomsten); Saldo = dekking − hoogste van raming en prognose', '', '', '', 110000, '', '', '', '', '', 121000, -11000, '', 'Tekort', 'lopend'],
      // Resultaat 110.000 - 121.000 = -11.000; no sum over the period
      [2021, 'Resultaat', 'Resultaat 2021 (dekking − prognose)', '', '', '', '', '', '', '', '', '', '', -11000, '', '', 'lopend'],
    ]);
  });

  it('repeats the block per year, ascending, and says OK for a covered year', () => {
    const rows = check({ budget: [line(2022, 'A', 100), line(2021, 'A', 50)], coverage: [coverage(2021, 50), coverage(2022, 100)] }).outputs.Budgetcontrole;
    expect(rows.map((r) => [r[0], r[1], r[15], r[16]])).toEqual([
      [2021, 'A', 'OK', 'lopend'], [2021, 'Totaal', 'OK', 'lopend'], [2021, 'Dekking', 'OK', 'lopend'], [2021, 'Resultaat', '', 'lopend'],
      [2022, 'A', 'OK', 'toekomstig'], [2022, 'Totaal', 'OK', 'toekomstig'], [2022, 'Dekking', 'OK', 'toekomstig'], [2022, 'Resultaat', '', 'toekomstig'],
    ]);
    // Dekking 2021: 50 - max(50, 0) = 0. 2022 lies after the Peildatum (01-06-2021): its Prognose is at
    // least its raming, 100, so Resultaat 2022 is 100 - 100 = 0, not a surplus of 100
    expect(rows[2][13]).toBe(0);
    expect([rows[7][2], rows[7][13]]).toEqual(['Resultaat 2022 (dekking − prognose)', 0]);
  });

  it('is empty without Begroting lines', () => {
    expect(check({}).outputs.Budgetcontrole).toEqual([]);
  });
});

describe('Herprioritering rows', () => {
  it('writes one row per proposal item', () => {
    const result = check({
      budget: [line(2021, 'ACT', 10000), line(2021, 'MOV', 10000)],
      coverage: [coverage(2021, 20000)],
      actions: [action('A-1', { Actie: '+Campagne', Begrotingspost: 'ACT', Geraamd: 2000, Prioriteit: 'Laag', Deadline: '15-03-2021' })],
      ledger: [payment('R-1', 2021, 'ACT', 11000), payment('R-2', 2021, 'MOV', 7000)],
    });
    // ACT: Prognose 11.000 + 2.000 = 13.000, shortfall 3.000; defer A-1 (2.000), shift 1.000 of MOV's Saldo 3.000
    expect(result.outputs.Herprioritering).toEqual([
      [2021, 'ACT', 3000, 'Uitstellen naar volgend programma', 'A-1', "'+Campagne", 'Laag', 2000,
        'Deadline 15-03-2021; de actie gaat over naar het volgende programma (na 2021); na dit voorstel gedekt: € 2.000,00 van € 3.000,00; besluit: de besluitvorming (vul Instellingen › Besluitvorming in)'],
      [2021, 'ACT', 3000, 'Begrotingswijziging van MOV naar ACT', '', '', '', 1000,
        'Saldo MOV € 3.000,00; in Begrotingswijzigingen: € -1.000,00 op MOV 2021 en € 1.000,00 op ACT 2021; na dit voorstel gedekt: € 3.000,00 van € 3.000,00; besluit: de besluitvorming (vul Instellingen › Besluitvorming in)'],
    ]);
  });

  it('writes a single row when nothing needs to be proposed', () => {
    expect(check({ budget: [line(2021, 'ACT', 100)], coverage: [coverage(2021, 100)] }).outputs.Herprioritering).toEqual([
      ['', '', '', 'Geen voorstel nodig: geen (dreigende) overschrijding of tekort.', '', '', '', '', ''],
    ]);
  });
});

describe('Controles rows', () => {
  it('sorts by tab in workbook order, then row, then column position (not name)', () => {
    const f = (tab: string, row: number, column: string): Finding => ({ tab, row, column, value: '', problem: 'p' });
    const rows = checkRows([
      f('Mutaties', 3, 'Bedrag (G)'),
      f('Mutaties', 3, 'AA-kolom (AA)'),
      f('Acties', 4, 'Deadline (H)'),
      f('Mutaties', 3, 'Code (D)'),
      f('Instellingen', 0, ''),
      f('Mutaties', 2, 'Soort (F)'),
      f('Acties', 4, ''),
    ]);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Instellingen', '', ''],
      ['Acties', 4, ''],
      ['Acties', 4, 'Deadline (H)'],
      ['Mutaties', 2, 'Soort (F)'],
      ['Mutaties', 3, 'Code (D)'],
      ['Mutaties', 3, 'Bedrag (G)'],
      ['Mutaties', 3, 'AA-kolom (AA)'],
    ]);
  });

  it('says Geen problemen gevonden in one row when there is nothing to report', () => {
    expect(check({ budget: [line(2021, 'ACT', 100)] }).outputs.Controles).toEqual([['', '', '', '', 'Geen problemen gevonden', '']]);
  });

  it('says per row whether it was left out or counted (Gevolg)', () => {
    const rows = checkRows([
      { tab: 'Mutaties', row: 2, column: 'Bedrag (G)', value: 'x', problem: 'p' },
      { tab: 'Mutaties', row: 3, column: 'Verplichting-ID (H)', value: '', problem: 'q', severity: 'warning' },
    ]);
    expect(rows.map((r) => r[5])).toEqual(['niet meegeteld', 'wel meegeteld']);
  });
});

describe('summary', () => {
  it('counts signals, checks and programme shortfalls, with Dutch singular and plural', () => {
    const result = check({
      settings: { Regio: 'Testregio', Peildatum: '01-10-2023' },
      budget: [
        line(2023, 'A', 1000), line(2023, 'B', 1000), line(2023, 'C', 1000), line(2023, 'D', 1000),
        line(2024, 'A', 1000),
      ],
      coverage: [coverage(2023, 3000), coverage(2024, 1000)],
      actions: [action('A-1', { Begrotingspost: 'C', Geraamd: 500, Deadline: '01-11-2023' })],
      ledger: [
        payment('R-1', 2023, 'A', 1100), // A 2023: Overschrijding
        payment('R-2', 2023, 'B', 1200), // B 2023: Overschrijding
        payment('R-3', 2023, 'C', 600), // C 2023: 600 + 500 = 1.100 > 1.000: Dreigende
        payment('R-4', 2023, 'D', 950), // D 2023: 95%: Let op
        payment('R-5', 2024, 'A', 'veel'), // a check
      ],
    });
    const s = result.summary;
    expect([s.overruns, s.threatening, s.warnings, s.checks]).toEqual([2, 1, 1, 1]);
    // 2023: raming 4.000 > dekking 3.000; prognose 1.100 + 1.200 + 1.100 + 950 = 4.350: shortfall 1.350
    expect(s.programmeShortfalls).toEqual([{ year: 2023, shortfallCents: eur(1350) }]);
    // resultaat 2023: 3.000 - 4.350 = -1.350; 2024: 1.000 - 0 = 1.000 (R-5 cannot be read); period -350
    // the Peildatum's year leads; 2024 is toekomstig: Prognose at least its raming 1.000, resultaat 1.000 - 1.000 = 0
    expect(s.message).toBe('2023 (lopend): tekort € 1.350; 2 overschrijdingen, 1 dreigend; resultaat -€ 1.350; 1 melding in Controles');
    expect(s.focusYear).toBe(2023);
    expect(s.results).toEqual([
      { year: 2023, phase: 'lopend', estimateCents: eur(4000), coverageCents: eur(3000), reserveDrawCents: 0, forecastCents: eur(4350), resultCents: eur(-1350), shortfallCents: eur(1350) },
      { year: 2024, phase: 'toekomstig', estimateCents: eur(1000), coverageCents: eur(1000), reserveDrawCents: 0, forecastCents: eur(1000), resultCents: 0, shortfallCents: 0 },
    ]);
    expect(s.signals.map((l) => [l.year, l.code, l.signal])).toEqual([
      [2023, 'A', 'Overschrijding'], [2023, 'B', 'Overschrijding'], [2023, 'C', 'Dreigende overschrijding'], [2023, 'D', 'Let op'],
    ]);
    expect(s.signals[0]).toMatchObject({ estimateCents: eur(1000), spentCents: eur(1100), forecastCents: eur(1100), balanceCents: eur(-100) });
    expect([s.region, s.referenceDate]).toEqual(['Testregio', '2023-10-01']);
    expect(s.proposals).toEqual(result.proposals);
    // JSON only: survives a round trip unchanged
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('leads with the year nearest the Peildatum and lists the other shortfall years with "en"', () => {
    const result = check({
      budget: [line(2023, 'A', 1000), line(2024, 'A', 1000), line(2025, 'A', 1000)],
      coverage: [coverage(2023, 900), coverage(2024, 900), coverage(2025, 900)],
      actions: [
        action('A-1', { Begrotingspost: 'A', Geraamd: 2000, Deadline: '01-01-2023' }),
        action('A-2', { Begrotingspost: 'A', Geraamd: 2000, Deadline: '01-01-2024' }),
        action('A-3', { Begrotingspost: 'A', Geraamd: 'x' }),
        action('A-4', { Begrotingspost: 'A', Geraamd: 'y' }),
        action('A-5', { Begrotingspost: 'A', Geraamd: 'z' }),
      ],
    });
    // Peildatum 01-06-2021 (today): 2023 is the nearest year of Begroting, and every year is toekomstig.
    // 2023 and 2024: Prognose 2.000 > 1.000: dreigend, tekort max(1.000 - 900, 2.000 - 900) = 1.100, resultaat -1.100;
    // 2025: Prognose at least the raming 1.000 > dekking 900: tekort 100
    expect(result.summary.message).toBe('2023 (toekomstig): tekort € 1.100; 0 overschrijdingen, 1 dreigend; resultaat -€ 1.100; ook tekort in 2024 en 2025; 3 meldingen in Controles');
  });

  it('says 1 overschrijding and no tekort', () => {
    const result = check({
      budget: [line(2021, 'A', 1000), line(2021, 'B', 1000)],
      coverage: [coverage(2021, 2000)],
      ledger: [payment('R-1', 2021, 'A', 1001)],
    });
    // raming 2.000 = dekking; prognose 1.001: programme OK; resultaat 2.000 - 1.001 = 999
    expect(result.summary.message).toBe('2021 (lopend): 1 overschrijding, 0 dreigend; resultaat € 999; geen meldingen in Controles');
    expect(result.summary.programmeShortfalls).toEqual([]);
  });

  it('says "ook tekort in 2024" for a second year', () => {
    const result = check({ budget: [line(2023, 'A', 10), line(2024, 'A', 10)] });
    // no dekking: both future years are short by their raming, 10
    expect(result.summary.message).toBe('2023 (toekomstig): tekort € 10; 0 overschrijdingen, 0 dreigend; resultaat -€ 10; ook tekort in 2024; geen meldingen in Controles');
  });
});

describe('determinism', () => {
  it('gives the same result for the same sheet', () => {
    const spec = {
      budget: [line(2021, 'ACT', 1000), line(2021, 'MOV', 5000)],
      actions: [action('A-2', { Begrotingspost: 'ACT', Geraamd: 700 }), action('A-10', { Begrotingspost: 'ACT', Geraamd: 700 })],
      ledger: [payment('R-1', 2021, 'ACT', 400)],
    };
    expect(check(spec)).toEqual(check(spec));
  });
});
