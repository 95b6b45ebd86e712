import { isOverrun, lineSignal, programmeShortfall, programmeSignal } from '../../../src/core/budget/signal';
import { check, eur, figures, line, payment } from '../fixtures';

const BP90 = 9000;

describe('lineSignal', () => {
  it('Overschrijding when Besteed exceeds Raming, even when Prognose would also', () => {
    // 10.000,01 > 10.000
    expect(lineSignal('Flexibel', eur(10000), eur(10000.01), eur(12000), BP90)).toBe('Overschrijding');
  });

  it('Dreigende overschrijding when only Prognose exceeds Raming', () => {
    // Besteed 10.000 = Raming is not an overrun; Prognose 10.000,01 > 10.000 is
    expect(lineSignal('Flexibel', eur(10000), eur(10000), eur(10000.01), BP90)).toBe('Dreigende overschrijding');
  });

  it('Let op at exactly 90% of Besteed, not at 89,99%', () => {
    // 90% of 100.000 = 90.000; 89.990 is 89,99%
    expect(lineSignal('Flexibel', eur(100000), eur(89990), eur(89990), BP90)).toBe('OK');
    expect(lineSignal('Flexibel', eur(100000), eur(90000), eur(90000), BP90)).toBe('Let op');
  });

  it('Let op at exactly 90% of Prognose, with Besteed low', () => {
    // Besteed 10.000 (10%); Prognose 89.999,99 -> OK; 90.000 -> Let op
    expect(lineSignal('Flexibel', eur(100000), eur(10000), eur(89999.99), BP90)).toBe('OK');
    expect(lineSignal('Flexibel', eur(100000), eur(10000), eur(90000), BP90)).toBe('Let op');
  });

  it('uses exact integers where a float ratio would wobble', () => {
    // 90% of 0,10 = 0,09: 9 cents * 10000 = 90000 = 9000 * 10 -> Let op
    expect(lineSignal('Flexibel', 10, 9, 9, BP90)).toBe('Let op');
    // 90% of 1.234.567,89 = 1.111.111,101 -> 1.111.111,10 is just under, 1.111.111,11 just over
    expect(lineSignal('Flexibel', 123456789, 111111110, 111111110, BP90)).toBe('OK');
    expect(lineSignal('Flexibel', 123456789, 111111111, 111111111, BP90)).toBe('Let op');
  });

  it('follows another threshold', () => {
    // 75% of 1.000 = 750
    expect(lineSignal('Flexibel', eur(1000), eur(749.99), eur(749.99), 7500)).toBe('OK');
    expect(lineSignal('Flexibel', eur(1000), eur(750), eur(750), 7500)).toBe('Let op');
  });

  it('OK when both are comfortably below the threshold', () => {
    expect(lineSignal('Flexibel', eur(1000), 0, eur(500), BP90)).toBe('OK');
  });

  it('does not warn on a line with nothing budgeted, but still flags spending on it', () => {
    expect(lineSignal('Flexibel', 0, 0, 0, BP90)).toBe('OK');
    expect(lineSignal('Flexibel', 0, 0, 1, BP90)).toBe('Dreigende overschrijding');
    expect(lineSignal('Flexibel', 0, 1, 1, BP90)).toBe('Overschrijding');
  });

  it('treats Overschrijding and Dreigende overschrijding as overruns, not the others', () => {
    expect(['Overschrijding', 'Dreigende overschrijding', 'Let op', 'OK'].map((s) => isOverrun(s as never))).toEqual([true, true, false, false]);
  });
});

describe('programme signal', () => {
  it('OK when raming and prognose stay within dekking, Tekort otherwise', () => {
    expect(programmeSignal(eur(100), eur(100), eur(100))).toBe('OK');
    expect(programmeSignal(eur(100.01), eur(100), eur(50))).toBe('Tekort');
    expect(programmeSignal(eur(90), eur(100), eur(100.01))).toBe('Tekort');
  });

  it('shortfall is the larger of raming and prognose above dekking', () => {
    // max(120 - 100, 150 - 100, 0) = 50
    expect(programmeShortfall(eur(120), eur(100), eur(150))).toBe(eur(50));
    // max(120 - 100, 90 - 100, 0) = 20
    expect(programmeShortfall(eur(120), eur(100), eur(90))).toBe(eur(20));
    expect(programmeShortfall(eur(80), eur(100), eur(90))).toBe(0);
  });
});

describe('signals in a workbook', () => {
  it('reads Drempel let op from Instellingen', () => {
    const spec = (threshold: unknown) => ({
      settings: { 'Drempel let op': threshold as string },
      budget: [line(2021, 'ACT', 1000)],
      ledger: [payment('R-1', 2021, 'ACT', 800)],
    });
    // Besteed 800 is 80% of 1.000: under the default 90%, at or over 75% and 80%
    expect(figures(check(spec('')), 2021, 'ACT').signal).toBe('OK');
    expect(figures(check(spec('75%')), 2021, 'ACT').signal).toBe('Let op');
    expect(figures(check(spec(0.8)), 2021, 'ACT').signal).toBe('Let op');
    expect(figures(check(spec('81')), 2021, 'ACT').signal).toBe('OK');
  });
});
