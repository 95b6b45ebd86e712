import { budgetRows } from '../../../src/core/budget/report';
import { runCheck } from '../../../src/core/check';
import { TAB } from '../../../src/core/workbook/contract';
import { CONTEXT, check, coverage, eur, figures, line, payment, workbook } from '../fixtures';

describe('Begrotingswijzigingen', () => {
  const spec = (changes: Record<string, unknown>[]) => ({
    budget: [line(2023, 'ACT', 10000), line(2023, 'CSG', 5000, { Karakter: 'Vast' }), line(2023, 'VT', 5000, { Karakter: 'Wettelijk' })],
    coverage: [coverage(2023, 19000)],
    budgetChanges: changes as never[],
  });

  it('counts a decided change on top of the primitieve raming, and clears the shortfall it solved', () => {
    // Before: raming 10.000 + 5.000 + 5.000 = 20.000 > dekking 19.000: Tekort 1.000
    const before = check(spec([])).years[0];
    expect([before.totalEstimateCents, before.programmeSignal, before.shortfallCents]).toEqual([eur(20000), 'Tekort', eur(1000)]);
    // The college lowers ACT by 1.000
    const after = check(spec([{ Datum: '12-03-2023', Jaar: 2023, Code: 'ACT', Bedrag: '-1.000', Besluit: 'college 12-03-2023' }]));
    expect(figures(after, 2023, 'ACT')).toMatchObject({ primitiveCents: eur(10000), changesCents: eur(-1000), estimateCents: eur(9000) });
    // raming 9.000 + 5.000 + 5.000 = 19.000 = dekking; prognose 0 + 5.000 + 5.000 = 10.000: OK
    expect(after.years[0]).toMatchObject({ totalEstimateCents: eur(19000), programmeSignal: 'OK', shortfallCents: 0 });
    expect(after.findings).toEqual([]);
  });

  it('moves money between lines as two rows, leaving the total as it was', () => {
    const result = check(spec([
      { Jaar: 2023, Code: 'ACT', Bedrag: -500, Besluit: 'college 12-03-2023: € 500 van ACT naar CSG' },
      { Jaar: 2023, Code: 'csg', Bedrag: 500, Besluit: 'college 12-03-2023: € 500 van ACT naar CSG' },
    ]));
    expect(figures(result, 2023, 'ACT').estimateCents).toBe(eur(9500));
    // `csg` is CSG: codes are compared as a user means them
    expect(figures(result, 2023, 'CSG')).toMatchObject({ primitiveCents: eur(5000), changesCents: eur(500), estimateCents: eur(5500), forecastCents: eur(5500) });
    expect(result.years[0].totalEstimateCents).toBe(eur(20000));
  });

  it('lists a change that points at no line-year, or cannot be read, and leaves it out', () => {
    const result = check(spec([
      { Jaar: 2024, Code: 'ACT', Bedrag: -100 },
      { Jaar: 2023, Code: 'XYZ', Bedrag: -100 },
      { Jaar: 2023, Code: 'ACT', Bedrag: 'honderd' },
    ]));
    expect(figures(result, 2023, 'ACT').changesCents).toBe(0);
    expect(result.findings.map((f) => [f.tab, f.row, f.column, f.problem])).toEqual([
      ['Begrotingswijzigingen', 2, 'Code (C)', 'Begroting heeft geen regel ACT voor 2024'],
      ['Begrotingswijzigingen', 3, 'Code (C)', 'Begrotingspost XYZ staat niet in Begroting'],
      ['Begrotingswijzigingen', 4, 'Bedrag (D)', 'Bedrag: geen geldig bedrag'],
    ]);
  });

  it('is optional: a workbook from before the tab existed computes as if nothing was decided, without a finding', () => {
    const snapshot = workbook(spec([]));
    snapshot[TAB.budgetChanges] = null;
    const result = runCheck(snapshot, CONTEXT);
    expect(figures(result, 2023, 'ACT')).toMatchObject({ changesCents: 0, estimateCents: eur(10000) });
    expect(result.findings).toEqual([]);
  });
});

describe('the period: resultaat, cumulative resultaat and the reserve', () => {
  // 2022: raming ACT 10.000, dekking 10.000, paid 7.000: resultaat +3.000
  // 2023: raming ACT 10.000, dekking 10.000, paid 12.000: resultaat -2.000 (before any reserve)
  const spec = (reserve: string, peildatum: string) => ({
    settings: { 'Overschot naar reserve': reserve, Peildatum: peildatum },
    budget: [line(2022, 'ACT', 10000), line(2023, 'ACT', 10000)],
    coverage: [coverage(2022, 10000), coverage(2023, 10000)],
    ledger: [payment('R-1', 2022, 'ACT', 7000), payment('R-2', 2023, 'ACT', 12000)],
  });

  it('carries the surplus of a year that ended before the Peildatum to the next year with Ja', () => {
    const [y2022, y2023] = check(spec('Ja', '01-06-2023')).years;
    expect(y2022).toMatchObject({ ended: true, resultCents: eur(3000), cumulativeResultCents: eur(3000), reserveCents: 0, reserveFromYear: null });
    // 2023: dekking 10.000 + Reserve uit 2022 3.000 = 13.000; prognose 12.000: OK, resultaat +1.000
    expect(y2023).toMatchObject({
      ended: false, coverageCents: eur(10000), reserveCents: eur(3000), reserveFromYear: 2022, totalCoverageCents: eur(13000),
      programmeSignal: 'OK', resultCents: eur(1000),
    });
    // cumulative: 3.000 + (10.000 - 12.000) = 1.000: the reserve is the period's own money, counted once
    expect(y2023.cumulativeResultCents).toBe(eur(1000));
  });

  it('lets a surplus lapse with Nee: reported in the resultaat, no reserve', () => {
    const [y2022, y2023] = check(spec('Nee', '01-06-2023')).years;
    expect(y2022.resultCents).toBe(eur(3000));
    // 2023: dekking 10.000, prognose 12.000: Tekort 2.000, resultaat -2.000
    expect(y2023).toMatchObject({ reserveCents: 0, reserveFromYear: null, totalCoverageCents: eur(10000), programmeSignal: 'Tekort', shortfallCents: eur(2000), resultCents: eur(-2000) });
    expect(y2023.cumulativeResultCents).toBe(eur(1000));
    // Nee is the default
    expect(check(spec('', '01-06-2023')).years[1].reserveCents).toBe(0);
  });

  it('carries nothing from a year that has not ended, or that ended with a deficit', () => {
    expect(check(spec('Ja', '31-12-2022')).years[1].reserveCents).toBe(0);
    const deficit = check({ ...spec('Ja', '01-06-2024'), ledger: [payment('R-1', 2022, 'ACT', 11000)] }).years;
    // 2022: 10.000 - 11.000 = -1.000: no reserve for 2023
    expect(deficit[0].resultCents).toBe(eur(-1000));
    expect(deficit[1].reserveCents).toBe(0);
  });

  it('shows the reserve, the Dekking and the Resultaat rows in Budgetcontrole', () => {
    const result = check(spec('Ja', '01-06-2023'));
    const rows = budgetRows(result.years, 2022, 9000).filter((r) => r[0] === 2023);
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['ACT', 'Post ACT'],
      ['Totaal', 'Totaal'],
      ['Reserve', 'Reserve uit 2022'],
      ['Dekking', 'Dekking (inkomsten)'],
      ['Resultaat', 'Resultaat 2023 (dekking − prognose); cumulatief vanaf 2022: € 1.000,00'],
    ]);
    // Reserve 3.000 in the Raming column (G); Dekking 13.000 with Prognose 12.000 and signal OK; Resultaat 1.000 in Saldo (M)
    expect(rows[2][6]).toBe(3000);
    expect([rows[3][6], rows[3][11], rows[3][14]]).toEqual([13000, 12000, 'OK']);
    expect(rows[4][12]).toBe(1000);
    expect(rows.every((r) => r.length === 15)).toBe(true);
  });
});
