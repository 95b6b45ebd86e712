import { computeYears } from '../../../src/core/budget/figures';
import { HEADERS, STATUSES, TAB } from '../../../src/core/workbook/contract';
import { action, check, commitment, coverage, eur, figures, line, parse, payment } from '../fixtures';

describe('Realisatie, Open verplichtingen, Besteed', () => {
  it('adds up a line-year from the ledger', () => {
    const result = check({
      budget: [line(2021, 'ACT', 100000), line(2021, 'MOV', 50000)],
      ledger: [
        payment('R-1', 2021, 'ACT', 12000),
        commitment('V-1', 2021, 'ACT', 30000),
        payment('R-2', 2021, 'ACT', 10000, { 'Verplichting-ID': 'V-1' }),
        payment('R-3', 2021, 'MOV', 999),
      ],
    });
    const act = figures(result, 2021, 'ACT');
    // Realisatie 12.000 + 10.000 = 22.000; obligo 30.000 - 10.000 = 20.000; Besteed 42.000
    expect(act.realisedCents).toBe(eur(22000));
    expect(act.obligoCents).toBe(eur(20000));
    expect(act.spentCents).toBe(eur(42000));
    // no actions: Gepland 0, Prognose = Besteed, Saldo 100.000 - 42.000 = 58.000, Uitputting 0,42
    expect(act.plannedCents).toBe(0);
    expect(act.forecastCents).toBe(eur(42000));
    expect(act.balanceCents).toBe(eur(58000));
    expect(act.utilisation).toBeCloseTo(0.42, 10);
    expect(figures(result, 2021, 'MOV').spentCents).toBe(eur(999));
  });

  it('gives no Uitputting when Raming is zero', () => {
    const result = check({ budget: [line(2021, 'ACT', 0)] });
    expect(figures(result, 2021, 'ACT').utilisation).toBeNull();
    expect(figures(result, 2021, 'ACT').signal).toBe('OK');
  });
});

describe('Gepland (pipeline)', () => {
  const budget = [line(2021, 'ACT', 100000), line(2022, 'ACT', 100000), line(2021, 'MOV', 100000)];

  it('counts actions that are Niet gestart, Loopt or Uitgesteld', () => {
    const actions = STATUSES.map((Status, i) => action(`A-${i + 1}`, { Status, Begrotingspost: 'ACT', Geraamd: 1000 * (i + 1), Deadline: '01-07-2021' }));
    const result = check({ budget, actions });
    // Niet gestart 1.000 + Loopt 2.000 + Uitgesteld 4.000 = 7.000; Afgerond (3.000) and Geschrapt (5.000) do not count
    expect(figures(result, 2021, 'ACT').plannedCents).toBe(eur(7000));
  });

  it('counts a deferred action in the year its moved deadline falls in, and a past year keeps its open plans', () => {
    const result = check({
      settings: { Peildatum: '01-03-2022' },
      budget,
      actions: [
        action('A-1', { Status: 'Uitgesteld', Begrotingspost: 'ACT', Geraamd: 1500, Deadline: '15-03-2022' }),
        // 2021 has ended, but this plan was neither done nor deferred nor dropped: it still counts in 2021
        action('A-2', { Status: 'Niet gestart', Begrotingspost: 'ACT', Geraamd: 700, Deadline: '30-11-2021' }),
      ],
    });
    expect(figures(result, 2021, 'ACT').plannedCents).toBe(eur(700));
    expect(figures(result, 2022, 'ACT').plannedCents).toBe(eur(1500));
  });

  it("counts in the year of the action's deadline, on its Begrotingspost", () => {
    const result = check({
      budget,
      actions: [
        action('A-1', { Begrotingspost: 'ACT', Geraamd: 1000, Deadline: '31-12-2021' }),
        action('A-2', { Begrotingspost: 'ACT', Geraamd: 2000, Deadline: '01-01-2022' }),
        action('A-3', { Begrotingspost: 'MOV', Geraamd: 4000, Deadline: '15-06-2021' }),
        // no Begrotingspost: on no line at all
        action('A-4', { Geraamd: 8000, Deadline: '15-06-2021' }),
      ],
    });
    expect(figures(result, 2021, 'ACT').plannedCents).toBe(eur(1000));
    expect(figures(result, 2022, 'ACT').plannedCents).toBe(eur(2000));
    expect(figures(result, 2021, 'MOV').plannedCents).toBe(eur(4000));
  });

  it("puts an action without deadline in the period's last year (Eindjaar)", () => {
    const spec = (Eindjaar?: number) => ({ settings: { Eindjaar }, budget, actions: [action('A-1', { Begrotingspost: 'ACT', Geraamd: 5000 })] });
    // Eindjaar blank: the last Begroting year, 2022
    expect(figures(check(spec()), 2022, 'ACT').plannedCents).toBe(eur(5000));
    expect(figures(check(spec()), 2021, 'ACT').plannedCents).toBe(0);
    // Eindjaar 2021 set by hand wins
    expect(figures(check(spec(2021)), 2021, 'ACT').plannedCents).toBe(eur(5000));
    expect(figures(check(spec(2021)), 2022, 'ACT').plannedCents).toBe(0);
  });

  it('nets what the ledger already holds for the action, by Actie-ID, across years and lines', () => {
    const result = check({
      // 2022 is the running year: its Flexibel prognose is what it spent and plans
      settings: { Peildatum: '01-06-2022' },
      budget,
      actions: [action('A-1', { Begrotingspost: 'ACT', Geraamd: 10000, Deadline: '01-10-2022' })],
      ledger: [
        payment('R-1', 2021, 'MOV', 3000, { 'Actie-ID': 'a-1' }),
        commitment('V-1', 2022, 'ACT', 2000, { 'Actie-ID': 'A-1' }),
        commitment('V-2', 2021, 'ACT', 4000, { 'Actie-ID': 'A-1', Afgesloten: 'Ja' }),
      ],
    });
    // 10.000 - 3.000 realised - 2.000 open - 0 (V-2 closed) = 5.000
    const act2022 = figures(result, 2022, 'ACT');
    expect(act2022.plannedCents).toBe(eur(5000));
    // Prognose 2022 = Besteed 2.000 (V-1) + Gepland 5.000 = 7.000; Saldo 100.000 - 7.000 = 93.000
    expect(act2022.forecastCents).toBe(eur(7000));
    expect(act2022.balanceCents).toBe(eur(93000));
  });

  it('never lets an action subtract from the pipeline when the ledger holds more than Geraamd', () => {
    const result = check({
      budget,
      actions: [
        action('A-1', { Begrotingspost: 'ACT', Geraamd: 1000, Deadline: '01-10-2021' }),
        action('A-2', { Begrotingspost: 'ACT', Geraamd: 2500, Deadline: '01-10-2021' }),
        // blank Geraamd plans nothing
        action('A-3', { Begrotingspost: 'ACT', Deadline: '01-10-2021' }),
      ],
      ledger: [payment('R-1', 2021, 'ACT', 3000, { 'Actie-ID': 'A-1' })],
    });
    // max(0, 1.000 - 3.000) = 0; A-2: 2.500; A-3: 0 -> 2.500
    expect(figures(result, 2021, 'ACT').plannedCents).toBe(eur(2500));
  });

  it('holds nothing in the ledger for an action with a blank ID', () => {
    const result = check({
      budget,
      actions: [action('', { Begrotingspost: 'ACT', Geraamd: 1500, Deadline: '01-10-2021' })],
      ledger: [payment('R-1', 2021, 'ACT', 700)],
    });
    // full 1.500 planned; Prognose 700 + 1.500 = 2.200
    expect(figures(result, 2021, 'ACT').plannedCents).toBe(eur(1500));
    expect(figures(result, 2021, 'ACT').forecastCents).toBe(eur(2200));
  });
});

describe('years and lines', () => {
  it('lists years ascending and lines in Begroting row order', () => {
    const { programme } = parse({
      budget: [line(2022, 'VT', 10), line(2021, 'MOV', 10), line(2022, 'ACT', 10), line(2021, 'VT', 10), line(2021, 'ACT', 10)],
    });
    const years = computeYears(programme);
    expect(years.map((y) => y.year)).toEqual([2021, 2022]);
    expect(years[0].lines.map((l) => l.code)).toEqual(['MOV', 'VT', 'ACT']);
    expect(years[1].lines.map((l) => l.code)).toEqual(['VT', 'ACT']);
  });
});

describe('programme per year', () => {
  // The 2021 default: raming and dekking both € 5.519.594 (two lines, one circulaire and two contributions).
  const balanced2021 = {
    budget: [line(2021, 'VT', 3000000, { Karakter: 'Wettelijk' }), line(2021, 'ACT', 2519594)],
    coverage: [coverage(2021, 5419594), coverage(2021, 50000, 'Bijdrage Maasdriel'), coverage(2021, 50000, 'Bijdrage Zaltbommel')],
  };

  it('is OK when raming equals dekking exactly (2021: € 5.519.594)', () => {
    const year = check(balanced2021).years[0];
    // 3.000.000 + 2.519.594 = 5.519.594 raming; 5.419.594 + 50.000 + 50.000 = 5.519.594 dekking
    expect(year.totalEstimateCents).toBe(eur(5519594));
    expect(year.totalCoverageCents).toBe(eur(5519594));
    // ACT has nothing booked or planned (0); VT is statutory, so it is expected to use its whole 3.000.000
    expect(year.totalForecastCents).toBe(eur(3000000));
    expect(year.programmeSignal).toBe('OK');
    expect(year.shortfallCents).toBe(0);
  });

  it('is Tekort of € 100.000 after a circulaire cuts € 100.000', () => {
    const year = check({ ...balanced2021, coverage: [...balanced2021.coverage, coverage(2021, '-100.000', 'Septembercirculaire')] }).years[0];
    // dekking 5.519.594 - 100.000 = 5.419.594; shortfall max(5.519.594 - 5.419.594, 3.000.000 - 5.419.594, 0) = 100.000
    expect(year.totalCoverageCents).toBe(eur(5419594));
    expect(year.programmeSignal).toBe('Tekort');
    expect(year.shortfallCents).toBe(eur(100000));
  });

  it('is Tekort when the prognose exceeds dekking, though raming does not', () => {
    const year = check({
      budget: [line(2021, 'ACT', 1000), line(2021, 'MOV', 1000)],
      coverage: [coverage(2021, 2000)],
      ledger: [payment('R-1', 2021, 'ACT', 1500), payment('R-2', 2021, 'MOV', 800)],
    }).years[0];
    // raming 2.000 = dekking; prognose 1.500 + 800 = 2.300; shortfall 2.300 - 2.000 = 300
    expect(year.totalForecastCents).toBe(eur(2300));
    expect(year.totalSpentCents).toBe(eur(2300));
    expect(year.programmeSignal).toBe('Tekort');
    expect(year.shortfallCents).toBe(eur(300));
  });

  it('takes dekking of its own year only', () => {
    const years = check({
      budget: [line(2021, 'ACT', 1000), line(2022, 'ACT', 1000)],
      coverage: [coverage(2021, 1000), coverage(2022, 600), coverage(2023, 5000)],
    }).years;
    // 2021: 1.000 covers 1.000; 2022: 1.000 - 600 = 400 short
    expect(years.map((y) => [y.year, y.programmeSignal, y.shortfallCents])).toEqual([[2021, 'OK', 0], [2022, 'Tekort', eur(400)]]);
  });
});

describe('columns as users arrange them', () => {
  const spec = {
    budget: [line(2021, 'ACT', 100000), line(2021, 'MOV', 20000, { Karakter: 'Wettelijk' })],
    coverage: [coverage(2021, 110000)],
    actions: [action('A-1', { Begrotingspost: 'ACT', Geraamd: 30000, Deadline: '01-10-2021', Prioriteit: 'Laag' })],
    ledger: [
      commitment('V-1', 2021, 'ACT', 50000, { 'Actie-ID': 'A-1' }),
      payment('R-1', 2021, 'ACT', 20000, { 'Verplichting-ID': 'V-1', 'Actie-ID': 'A-1' }),
      payment('R-2', 2021, 'MOV', 19000),
    ],
  };

  it('gives the same figures with shuffled columns and an extra user column', () => {
    const shuffle = (headers: readonly string[]) => ['Opmerking van mij', ...[...headers].reverse()];
    const plain = check(spec);
    const shuffled = check({
      ...spec,
      headers: {
        [TAB.budget]: shuffle(HEADERS[TAB.budget]),
        [TAB.actions]: shuffle(HEADERS[TAB.actions]),
        [TAB.ledger]: shuffle(HEADERS[TAB.ledger]),
        [TAB.coverage]: shuffle(HEADERS[TAB.coverage]),
      },
    });
    expect(shuffled.findings).toEqual([]);
    expect(shuffled.years).toEqual(plain.years);
    // and the figures are the hand-computed ones: obligo 50.000 - 20.000 = 30.000, Besteed 50.000,
    // A-1 holds 20.000 + 30.000 = 50.000 >= Geraamd 30.000 -> Gepland 0
    expect(figures(shuffled, 2021, 'ACT')).toMatchObject({ spentCents: eur(50000), plannedCents: 0, forecastCents: eur(50000) });
    // MOV is statutory here: 19.000 of 20.000 (95%) is on course, not a warning; its Prognose is the raming
    expect(figures(shuffled, 2021, 'MOV')).toMatchObject({ spentCents: eur(19000), forecastCents: eur(20000), signal: 'OK' });
    expect(figures(shuffled, 2021, 'MOV')).toEqual(figures(plain, 2021, 'MOV'));
  });

  it('finds headers trimmed and case-insensitive', () => {
    const messy = (headers: readonly string[]) => headers.map((h, i) => (i % 2 ? `  ${h.toUpperCase()} ` : h.toLowerCase()));
    const result = check({
      ...spec,
      headers: { [TAB.budget]: messy(HEADERS[TAB.budget]), [TAB.ledger]: messy(HEADERS[TAB.ledger]) },
    });
    expect(result.findings).toEqual([]);
    expect(result.years).toEqual(check(spec).years);
  });
});
