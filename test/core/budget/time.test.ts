/**
 * Budget model v3: the P&C cycle in time (contract: "The Peildatum and the years", "The result",
 * "Reserve", the proposal's chained years). Each finding of issue 19 is reproduced here first.
 * Every figure is computed by hand in the comment beside it.
 */
import { runCheck } from '../../../src/core/check';
import { Grid } from '../../../src/core/sheet/cell';
import { HEADERS, TAB, TOTAL_CODE } from '../../../src/core/workbook/contract';
import { action, check, commitment, coverage, eur, figures, line, payment, workbook } from '../fixtures';

const PEILDATUM_2022 = { Peildatum: '01-03-2022' };
const header = (rows: unknown[][], name: string) => (rows as unknown[][])[0].indexOf(name);

describe('the Peildatum cuts off', () => {
  const spec = {
    settings: PEILDATUM_2022,
    budget: [line(2022, 'ACT', 100000)],
    budgetChanges: [{ Datum: '01-06-2022', Jaar: 2022, Code: 'ACT', Bedrag: 10000, Besluit: 'college' }],
    coverage: [coverage(2022, 200000), { Jaar: 2022, Bron: 'meicirculaire', Bedrag: -5000, Datum: '01-09-2022' }],
    ledger: [
      payment('R-1', 2022, 'ACT', 20000, { Datum: '01-02-2022' }),
      payment('R-2', 2022, 'ACT', 30000, { Datum: '15-12-2022' }),
      // no date: it counts
      payment('R-3', 2022, 'ACT', 1000),
    ],
  };

  it('leaves out ledger, budget-change and coverage rows dated after the Peildatum, and says how many', () => {
    const result = check(spec);
    // Realisatie 20.000 + 1.000 = 21.000 (R-2 of 15-12-2022 is after 01-03-2022); Raming 100.000 (the change of 01-06 not yet)
    expect(figures(result, 2022, 'ACT')).toMatchObject({ realisedCents: eur(21000), estimateCents: eur(100000), changesCents: 0 });
    // Dekking 200.000 (the circulaire of 01-09-2022 not yet)
    expect(result.years.find((y) => y.year === 2022)!.totalCoverageCents).toBe(eur(200000));
    expect(result.summary.rowsAfterReferenceDate).toBe(3);
    expect(result.summary.message).toContain('3 rijen na de peildatum niet meegeteld');
    // not bad input: Controles does not list them
    expect(result.findings.filter((f) => f.row > 0)).toEqual([]);
  });

  it('gives today\'s sheet the figures of an earlier Peildatum, and the same Prognoseverloop in either order', () => {
    const at = (day: string) => ({ timeZone: 'Europe/Amsterdam', today: '2023-01-10', referenceDate: day });
    const early = check({ ...spec, settings: {} }, at('2022-03-01'));
    const late = check({ ...spec, settings: {} }, at('2022-12-31'));
    expect(figures(early, 2022, 'ACT').realisedCents).toBe(eur(21000));
    // 20.000 + 30.000 + 1.000 = 51.000 by 31-12-2022
    expect(figures(late, 2022, 'ACT').realisedCents).toBe(eur(51000));
    const snapshot = workbook({ ...spec, settings: {} });
    const HEAD = [...HEADERS[TAB.forecastHistory]];
    const once = (day: string, history: Grid | null) => runCheck(snapshot, at(day), history).outputs.Prognoseverloop;
    const earlyThenLate = once('2022-12-31', [HEAD, ...once('2022-03-01', null)]);
    const lateThenEarly = once('2022-03-01', [HEAD, ...once('2022-12-31', null)]);
    expect(lateThenEarly).toEqual(earlyThenLate);
    // one line-year, two Peildata
    expect(earlyThenLate).toHaveLength(2);
  });
});

describe('the years: afgelopen, vastgesteld, lopend, toekomstig', () => {
  const base = {
    settings: PEILDATUM_2022,
    budget: [
      line(2021, 'VT', 1000000, { Karakter: 'Wettelijk' }), line(2021, 'MOV', 500000, { Karakter: 'Vast' }), line(2021, 'ACT', 200000),
      line(2022, 'VT', 1000000, { Karakter: 'Wettelijk' }), line(2022, 'ACT', 200000),
      line(2023, 'ACT', 200000), line(2023, 'VT', 1000000, { Karakter: 'Wettelijk' }),
    ],
    coverage: [coverage(2021, 2000000), coverage(2022, 2000000), coverage(2023, 2000000)],
    actions: [
      action('A-1', { Begrotingspost: 'ACT', Geraamd: 50000, Deadline: '30-11-2021' }),
      action('A-2', { Begrotingspost: 'ACT', Geraamd: 50000, Deadline: '01-05-2023' }),
    ],
    ledger: [payment('R-1', 2021, 'VT', 900000, { Datum: '20-12-2021' })],
  };

  it('closes an ended year: every line forecasts what it spent, planning that did not happen is shown and warned', () => {
    const result = check(base);
    const y2021 = result.years.find((y) => y.year === 2021)!;
    expect(y2021.phase).toBe('afgelopen');
    // VT Wettelijk: Prognose = Besteed 900.000 (not the raming 1.000.000), Saldo 100.000
    expect(figures(result, 2021, 'VT')).toMatchObject({ forecastCents: eur(900000), balanceCents: eur(100000), signal: 'OK', phase: 'afgelopen' });
    // MOV Vast without any payment: Prognose 0
    expect(figures(result, 2021, 'MOV')).toMatchObject({ forecastCents: 0, balanceCents: eur(500000) });
    // ACT: A-1 (30-11-2021) still shows as Gepland 50.000, but the Prognose is Besteed = 0
    expect(figures(result, 2021, 'ACT')).toMatchObject({ plannedCents: eur(50000), forecastCents: 0 });
    const warnings = result.findings.filter((f) => f.severity === 'warning');
    expect(warnings.map((w) => [w.tab, w.row, w.problem])).toEqual(expect.arrayContaining([
      ['Acties', 2, expect.stringContaining('deadline in 2021 verstreken: uitstellen of schrappen')],
      ['Begroting', 3, expect.stringContaining('geen Realisatie in 2021')],
    ]));
    // VT 2021 has a payment: no warning for it
    expect(warnings.some((w) => w.tab === 'Begroting' && w.row === 2)).toBe(false);
  });

  it('forecasts a future year at least at its raming, with Niet belegd beside it', () => {
    const result = check(base);
    // ACT 2023: Besteed 0 + Gepland 50.000 (A-2) < Raming 200.000: Prognose 200.000, Niet belegd 150.000, Saldo 0
    expect(figures(result, 2023, 'ACT')).toMatchObject({ phase: 'toekomstig', forecastCents: eur(200000), unallocatedCents: eur(150000), balanceCents: 0 });
    // Niet belegd is blank on other lines
    expect(figures(result, 2023, 'VT').unallocatedCents).toBeNull();
    expect(figures(result, 2022, 'ACT').phase).toBe('lopend');
    // the Fase and Niet belegd columns of Budgetcontrole
    const rows = [['Jaar', 'Code', 'Begrotingspost', 'Karakter', 'Primitief', 'Wijzigingen', 'Raming', 'Realisatie', 'Open verplichtingen', 'Besteed', 'Gepland', 'Niet belegd', 'Prognose', 'Saldo', 'Uitputting', 'Signaal', 'Fase'], ...result.outputs.Budgetcontrole];
    const act2023 = rows.find((r) => r[0] === 2023 && r[1] === 'ACT')!;
    expect(act2023[header(rows, 'Niet belegd')]).toBe(150000);
    expect(act2023[header(rows, 'Fase')]).toBe('toekomstig');
  });

  it('marks a year vastgesteld and leaves out rows booked after the accounts were adopted', () => {
    const result = check({
      ...base,
      yearClosings: [{ Jaar: 2021, 'Vastgesteld op': '15-02-2022', Besluit: 'raad 15-02-2022' }],
      ledger: [...base.ledger, payment('R-9', 2021, 'ACT', 7000, { Datum: '20-02-2022' })],
    });
    expect(result.years.find((y) => y.year === 2021)!.phase).toBe('vastgesteld');
    expect(figures(result, 2021, 'ACT').realisedCents).toBe(0);
    expect(result.findings).toContainEqual(expect.objectContaining({ tab: 'Mutaties', row: 3, problem: expect.stringContaining('na vaststelling jaarrekening 2021') }));
    // an error: Gevolg says it is left out
    expect(result.outputs.Controles.find((r) => r[0] === 'Mutaties')!.at(-1)).toBe('niet meegeteld');
  });
});

describe('the result leads with the Peildatum\'s year, never a sum over the period', () => {
  it('says the year of the Peildatum first and keeps no cumulative figure', () => {
    const result = check({
      settings: { Peildatum: '01-10-2024' },
      budget: [line(2023, 'ACT', 100000), line(2024, 'ACT', 100000), line(2025, 'ACT', 100000)],
      coverage: [coverage(2023, 100000), coverage(2024, 90000), coverage(2025, 100000)],
    });
    // 2024: raming 100.000 > dekking 90.000: tekort 10.000; resultaat 90.000 - prognose 0 = 90.000
    expect(result.summary.message.startsWith('2024')).toBe(true);
    expect(result.summary.message).toContain('tekort € 10.000');
    expect(result.summary.message).not.toMatch(/2023-2025|cumulatief/);
    expect(result.summary.focusYear).toBe(2024);
    expect(result.summary.results.map((r) => Object.keys(r))).not.toContainEqual(expect.arrayContaining(['cumulativeResultCents']));
  });
});

describe('the reserve moves only by decision', () => {
  const spec = {
    settings: { ...PEILDATUM_2022, 'Overschot naar reserve': 'Ja', Besluitvorming: 'college', 'Besluitvorming programma': 'raad' },
    budget: [line(2021, 'ACT', 100000), line(2022, 'ACT', 100000)],
    coverage: [coverage(2021, 150000), coverage(2022, 100000)],
    ledger: [payment('R-1', 2021, 'ACT', 80000, { Datum: '01-12-2021' })],
  };

  it('never adds a surplus to a dekking by itself; it proposes a storting to Besluitvorming programma', () => {
    const result = check(spec);
    // 2021 afgelopen: resultaat 150.000 - 80.000 = 70.000; 2022 dekking stays 100.000
    expect(result.years.find((y) => y.year === 2022)!.totalCoverageCents).toBe(eur(100000));
    const reserve = result.proposals.flatMap((p) => p.items).find((i) => i.kind === 'reserve')!;
    expect(reserve).toMatchObject({ year: 2021, freedCents: eur(70000), decidedBy: 'raad' });
  });

  it('books a decided storting in Reserveverloop and counts a draw only up to the balance', () => {
    const result = check({
      ...spec,
      yearClosings: [{ Jaar: 2021, 'Vastgesteld op': '15-02-2022', Besluit: 'raad 15-02-2022', 'Naar reserve': 40000 }],
      coverage: [...spec.coverage, { Jaar: 2022, Bron: 'Onttrekking reserve', Bedrag: 50000, Toelichting: 'besluit raad' }],
    });
    // 2021: begin 0 + storting 40.000 - 0 = 40.000; 2022: begin 40.000, draw 50.000 counts 40.000, end 0
    expect(result.outputs.Reserveverloop.map((r) => r.slice(0, 5))).toEqual([[2021, 0, 40000, 0, 40000], [2022, 40000, 0, 40000, 0]]);
    // dekking 2022 = 100.000 + 40.000
    expect(result.years.find((y) => y.year === 2022)!.totalCoverageCents).toBe(eur(140000));
    expect(result.findings).toContainEqual(expect.objectContaining({ tab: 'Dekking', row: 4, severity: 'error', problem: expect.stringContaining('€ 10.000') }));
    // vastgesteld: no storting proposed any more
    expect(result.proposals.flatMap((p) => p.items).some((i) => i.kind === 'reserve')).toBe(false);
  });
});

describe('actions after Eindjaar', () => {
  it('are listed under Na JJJJ as moved to the next programme, never as an error', () => {
    const result = check({
      settings: { Peildatum: '01-06-2023', Eindjaar: 2023 },
      budget: [line(2023, 'ACT', 100000)],
      coverage: [coverage(2023, 100000)],
      actions: [action('A-1', { Begrotingspost: 'ACT', Geraamd: 30000, Deadline: '01-03-2024' })],
    });
    expect(result.findings).toEqual([]);
    expect(result.outputs.Budgetcontrole).toContainEqual(expect.arrayContaining(['Na 2023', 'ACT']));
    const row = result.outputs.Budgetcontrole.find((r) => r[0] === 'Na 2023')!;
    // Gepland column (K, index 10): 30.000
    expect(row[10]).toBe(30000);
    expect(result.afterPeriod).toEqual([expect.objectContaining({ code: 'ACT', plannedCents: eur(30000), actionIds: ['A-1'] })]);
  });
});

describe('proposals chain the years and name who decides', () => {
  const DECIDE = { Besluitvorming: 'college', 'Besluitvorming verschuiving': 'wethouder', 'Besluitvorming programma': 'raad' };
  const spec = (a2: Record<string, unknown>) => ({
    settings: { ...PEILDATUM_2022, ...DECIDE, Eindjaar: 2023 },
    budget: [line(2022, 'ACT', 100000), line(2023, 'ACT', 100000)],
    coverage: [coverage(2022, 200000), coverage(2023, 200000)],
    actions: [
      action('A-1', { Begrotingspost: 'ACT', Geraamd: 40000, Prioriteit: 'Middel', Deadline: '01-10-2022' }),
      action('A-2', { Begrotingspost: 'ACT', Prioriteit: 'Laag', Deadline: '01-06-2023', ...a2 }),
    ],
    ledger: [commitment('V-1', 2022, 'ACT', 80000), commitment('V-2', 2023, 'ACT', 0.01)],
  });

  it('says when a deferral moves the shortfall, and covers it in the next year', () => {
    const result = check(spec({ Geraamd: 90000 }));
    // 2022: Besteed 80.000 + Gepland 40.000 = 120.000 > 100.000: shortfall 20.000, defer A-1 (40.000) to 2023
    const p2022 = result.proposals.find((p) => p.year === 2022 && p.code === 'ACT')!;
    expect(p2022.items[0]).toMatchObject({ kind: 'defer', actionId: 'A-1', proposal: 'Uitstellen naar 2023', decidedBy: 'wethouder' });
    // 2023 (toekomstig) after: Besteed 0,01 + Gepland 90.000 + 40.000 = 130.000,01 > 100.000: Dreigende
    expect(p2022.items[0].note).toContain('verschuift het tekort naar 2023');
    const p2023 = result.proposals.find((p) => p.year === 2023 && p.code === 'ACT')!;
    // shortfall 30.000,01; A-2 (Laag, 90.000) moves to the next programme; A-1 is not proposed twice
    expect(p2023.shortfallCents).toBe(eur(30000.01));
    expect(p2023.items.map((i) => [i.kind, i.actionId, i.proposal])).toEqual([['defer', 'A-2', 'Uitstellen naar volgend programma']]);
    expect(p2022.covered).toBe(true);
  });

  it('calls a year covered only when the shortfall it moves on is covered too', () => {
    const result = check(spec({ Geraamd: 90000, Status: 'Afgerond' }));
    const p2023 = result.proposals.find((p) => p.year === 2023 && p.code === 'ACT')!;
    // 2023: 0,01 + 40.000 = 40.000,01 < 100.000: no overrun... with V-2 at 0,01 nothing to cover
    expect(p2023).toBeUndefined();
    const result2 = check({ ...spec({ Status: 'Afgerond' }), ledger: [commitment('V-1', 2022, 'ACT', 80000), commitment('V-2', 2023, 'ACT', 90000)] });
    // 2023 after: 90.000 + 40.000 = 130.000 > 100.000; no candidate of its own, no room: to Besluitvorming programma
    const q2023 = result2.proposals.find((p) => p.year === 2023 && p.code === 'ACT')!;
    expect(q2023).toMatchObject({ covered: false, uncoveredCents: eur(30000) });
    expect(q2023.items.at(-1)).toMatchObject({ kind: 'escalate', decidedBy: 'raad' });
    const q2022 = result2.proposals.find((p) => p.year === 2022 && p.code === 'ACT')!;
    expect(q2022.covered).toBe(false);
  });

  it('names the original deadline\'s year and how often the action was deferred', () => {
    const result = check({
      ...spec({ Geraamd: 90000 }),
      actions: [action('A-1', { Begrotingspost: 'ACT', Geraamd: 40000, Prioriteit: 'Middel', Deadline: '01-10-2022', 'Oorspronkelijke deadline': '30-06-2021' })],
    });
    const item = result.proposals.find((p) => p.year === 2022)!.items[0];
    expect(item.note).toContain('oorspronkelijk 2021');
  });

  it('gives an ended year\'s overrun one row for Besluitvorming programma, no deferrals', () => {
    const result = check({
      settings: { ...PEILDATUM_2022, ...DECIDE },
      budget: [line(2021, 'ACT', 100000)],
      coverage: [coverage(2021, 200000)],
      actions: [action('A-1', { Begrotingspost: 'ACT', Geraamd: 1000, Deadline: '01-11-2021' })],
      ledger: [payment('R-1', 2021, 'ACT', 110000, { Datum: '01-12-2021' })],
    });
    const p = result.proposals.filter((x) => x.year === 2021);
    expect(p).toHaveLength(1);
    expect(p[0].items).toHaveLength(1);
    expect(p[0].items[0]).toMatchObject({ kind: 'escalate', decidedBy: 'raad', shortfallCents: eur(10000) });
    expect(p[0].items[0].note).toContain('jaarrekening 2021');
  });
});

describe('smaller findings', () => {
  it('leaves out a payment that names a commitment on another line, instead of counting it on both', () => {
    const result = check({
      settings: PEILDATUM_2022,
      budget: [line(2022, 'CSG', 100000, { Karakter: 'Vast' }), line(2022, 'OMG', 100000, { Karakter: 'Vast' })],
      coverage: [coverage(2022, 200000)],
      ledger: [commitment('V-1', 2022, 'CSG', 100000), payment('R-1', 2022, 'OMG', 40000, { 'Verplichting-ID': 'V-1' })],
    });
    expect(figures(result, 2022, 'CSG').obligoCents).toBe(eur(100000));
    expect(figures(result, 2022, 'OMG').realisedCents).toBe(0);
    expect(result.findings).toEqual([expect.objectContaining({ tab: 'Mutaties', row: 3, column: 'Verplichting-ID (H)' })]);
    expect(result.outputs.Controles[0].at(-1)).toBe('niet meegeteld');
  });

  it('warns about a payment without Verplichting-ID on a line-year with an open commitment, and counts it', () => {
    const result = check({
      settings: PEILDATUM_2022,
      budget: [line(2022, 'VT', 2400000, { Karakter: 'Wettelijk' })],
      coverage: [coverage(2022, 2400000)],
      ledger: [commitment('V-1', 2022, 'VT', 2400000), payment('R-1', 2022, 'VT', 1200000)],
    });
    // counted twice, as the user booked it: 2.400.000 open + 1.200.000 paid = 3.600.000
    expect(figures(result, 2022, 'VT').spentCents).toBe(eur(3600000));
    expect(result.findings).toEqual([expect.objectContaining({ tab: 'Mutaties', row: 3, severity: 'warning', problem: expect.stringContaining('V-1') })]);
    expect(result.outputs.Controles[0].at(-1)).toBe('wel meegeteld');
  });

  it('gives the Totaal row the worst signal of its lines', () => {
    const result = check({
      settings: PEILDATUM_2022,
      budget: [line(2022, 'CSG', 100000, { Karakter: 'Vast' }), line(2022, 'VT', 1000000, { Karakter: 'Wettelijk' })],
      coverage: [coverage(2022, 1100000)],
      ledger: [payment('R-1', 2022, 'CSG', 108500)],
    });
    const total = result.outputs.Budgetcontrole.find((r) => r[0] === 2022 && r[1] === TOTAL_CODE)!;
    expect(total[15]).toBe('Overschrijding');
  });

  it('says so in one row when Controles is empty', () => {
    const result = check({ settings: PEILDATUM_2022, budget: [line(2022, 'ACT', 100)], coverage: [coverage(2022, 100)] });
    expect(result.outputs.Controles).toEqual([['', '', '', '', 'Geen problemen gevonden', '']]);
  });
});
