import { budgetRows } from '../../../src/core/budget/report';
import { runCheck } from '../../../src/core/check';
import { TAB } from '../../../src/core/workbook/contract';
import { CONTEXT, check, coverage, eur, figures, line, payment, workbook } from '../fixtures';

describe('Begrotingswijzigingen', () => {
  const spec = (changes: Record<string, unknown>[]) => ({
    // 2023 is the running year (its 12-03 decision is known on the Peildatum)
    settings: { Peildatum: '01-06-2023' },
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

describe('the period: each year\'s resultaat stands alone, the reserve moves only by decision', () => {
  // 2022: raming ACT 10.000, dekking 10.000, paid 7.000: resultaat +3.000
  // 2023: raming ACT 10.000, dekking 10.000, paid 12.000: resultaat -2.000
  const spec = (reserve: string, peildatum: string) => ({
    settings: { 'Overschot naar reserve': reserve, Peildatum: peildatum },
    budget: [line(2022, 'ACT', 10000), line(2023, 'ACT', 10000)],
    coverage: [coverage(2022, 10000), coverage(2023, 10000)],
    ledger: [payment('R-1', 2022, 'ACT', 7000), payment('R-2', 2023, 'ACT', 12000)],
  });

  it('never carries the surplus of an ended year to the next year by itself, also with Ja', () => {
    const result = check(spec('Ja', '01-06-2023'));
    const [y2022, y2023] = result.years;
    expect(y2022).toMatchObject({ phase: 'afgelopen', resultCents: eur(3000) });
    // 2023: dekking stays 10.000 against prognose 12.000: Tekort 2.000, resultaat -2.000
    expect(y2023).toMatchObject({
      phase: 'lopend', coverageCents: eur(10000), reserveDrawCents: 0, totalCoverageCents: eur(10000), programmeSignal: 'Tekort', shortfallCents: eur(2000), resultCents: eur(-2000),
    });
    // with Ja the 3.000 is proposed as a storting, for Besluitvorming programma to decide
    expect(result.proposals.flatMap((p) => p.items).filter((i) => i.kind === 'reserve').map((i) => [i.year, i.freedCents])).toEqual([[2022, eur(3000)]]);
  });

  it('lets a surplus lapse with Nee: reported in the resultaat, nothing proposed', () => {
    const result = check(spec('Nee', '01-06-2023'));
    expect(result.years[0].resultCents).toBe(eur(3000));
    expect(result.proposals.flatMap((p) => p.items).some((i) => i.kind === 'reserve')).toBe(false);
    // Nee is the default
    expect(check(spec('', '01-06-2023')).proposals.flatMap((p) => p.items).some((i) => i.kind === 'reserve')).toBe(false);
  });

  it('proposes no storting for a year that has not ended, or that ended with a deficit', () => {
    expect(check(spec('Ja', '31-12-2022')).proposals.flatMap((p) => p.items).some((i) => i.kind === 'reserve')).toBe(false);
    // 2022: 10.000 - 11.000 = -1.000 at 01-06-2024: nothing; 2023 (no payments in this spec) ended with +10.000: proposed
    const deficit = check({ ...spec('Ja', '01-06-2024'), ledger: [payment('R-1', 2022, 'ACT', 11000)] });
    expect(deficit.years[0].resultCents).toBe(eur(-1000));
    expect(deficit.proposals.flatMap((p) => p.items).filter((i) => i.kind === 'reserve').map((i) => i.year)).toEqual([2023]);
  });

  it('shows the Totaal, Dekking and Resultaat rows in Budgetcontrole, with the Fase', () => {
    const result = check(spec('Ja', '01-06-2023'));
    const rows = budgetRows(result.years, result.afterPeriod, 2023).filter((r) => r[0] === 2023);
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['ACT', 'Post ACT'],
      ['Totaal', 'Totaal'],
      ['Dekking', 'Dekking (inkomsten); Saldo = dekking − hoogste van raming en prognose'],
      ['Resultaat', 'Resultaat 2023 (dekking − prognose)'],
    ]);
    // Dekking 10.000 in Raming (G), Prognose 12.000 (M), Saldo 10.000 - 12.000 = -2.000 (N), signal Tekort (P); Resultaat -2.000 in Saldo (N)
    expect([rows[2][6], rows[2][12], rows[2][13], rows[2][15]]).toEqual([10000, 12000, -2000, 'Tekort']);
    expect(rows[3][13]).toBe(-2000);
    // ACT spent 12.000 of 10.000: the Totaal row shows that overrun too
    expect(rows[1][15]).toBe('Overschrijding');
    expect(rows.every((r) => r.length === 17 && r[16] === 'lopend')).toBe(true);
  });
});
