import { missingExplanations } from '../../../../src/core/budget/berap/build';
import { needsExplanation } from '../../../../src/core/budget/berap/rule';
import { BerapRow } from '../../../../src/core/budget/berap/types';
import { eur } from '../../fixtures';
import { makeBerap } from './fixture';

const row = (rows: BerapRow[], code: string) => {
  const found = rows.find((r) => r.code === code);
  if (!found) throw new Error(`no berap row ${code}`);
  return found;
};

describe('the berap at a Peildatum', () => {
  const berap = makeBerap();

  it('has a row per budget line of the Peildatum year, then Totaal, Dekking and Resultaat', () => {
    expect(berap.rows.map((r) => r.code)).toEqual(['A', 'B', 'C', 'D', 'Totaal', 'Dekking', 'Resultaat']);
    expect(berap.year).toBe(2024);
    expect(berap.phase).toBe('lopend');
    expect(berap.title).toBe('Berap regioaanpak Testregio 2024, peildatum 01-10-2024');
  });

  it('A: over the amount threshold only (€ 60.000 ≥ € 50.000, 5,9% < 10%), V', () => {
    const a = row(berap.rows, 'A');
    // Primitief 1.000.000 + Wijzigingen 20.000 (the -500.000 of 01-11 lies after the Peildatum)
    expect(a.primitiveCents).toBe(eur(1_000_000));
    expect(a.changesCents).toBe(eur(20_000));
    expect(a.estimateCents).toBe(eur(1_020_000));
    expect(a.realisedCents).toBe(eur(960_000));
    expect(a.obligoCents).toBe(0);
    expect(a.forecastCents).toBe(eur(960_000));
    // Afwijking = 1.020.000 − 960.000 = 60.000; 60.000 / 1.020.000 = 0,0588…
    expect(a.deviationCents).toBe(eur(60_000));
    expect(a.deviationShare).toBeCloseTo(60_000 / 1_020_000, 10);
    expect(a.sign).toBe('V');
    // Vorige prognose: 900.000 on 01-07 (not the 1.000.000 of 01-12, after the Peildatum); Mutatie 60.000
    expect(a.previousForecastCents).toBe(eur(900_000));
    expect(a.mutationCents).toBe(eur(60_000));
    expect(a.explanationRequired).toBe(true);
  });

  it('B: over the percentage threshold only (15% ≥ 10%, € 15.000 < € 50.000), N', () => {
    const b = row(berap.rows, 'B');
    // Afwijking = 100.000 − 115.000 = -15.000; -15.000 / 100.000 = -0,15
    expect(b.deviationCents).toBe(eur(-15_000));
    expect(b.deviationShare).toBeCloseTo(-0.15, 10);
    expect(b.sign).toBe('N');
    expect(b.previousForecastCents).toBe(eur(100_000));
    expect(b.mutationCents).toBe(eur(15_000));
    expect(b.explanationRequired).toBe(true);
    // B is in overrun, so Herprioritering proposes steps; the berap carries them with who decides
    expect(b.proposal).not.toBe('');
  });

  it('C: under both thresholds (€ 10.000, 5%); no Vorige prognose in the latest earlier snapshot', () => {
    const c = row(berap.rows, 'C');
    // Commitment 190.000 with 100.000 paid on it (the 50.000 of 15-10 is after the Peildatum): obligo 90.000
    expect(c.realisedCents).toBe(eur(100_000));
    expect(c.obligoCents).toBe(eur(90_000));
    expect(c.forecastCents).toBe(eur(190_000));
    expect(c.deviationCents).toBe(eur(10_000));
    expect(c.deviationShare).toBeCloseTo(0.05, 10);
    expect(c.sign).toBe('V');
    // 01-07 is the latest earlier Peildatum and has no C: blank, not the 150.000 of 01-04
    expect(c.previousForecastCents).toBeNull();
    expect(c.mutationCents).toBeNull();
    expect(c.explanationRequired).toBe(false);
  });

  it('D: a Wettelijk line expected to use its raming: no deviation, no sign, no text needed', () => {
    const d = row(berap.rows, 'D');
    expect(d.forecastCents).toBe(eur(300_000));
    expect(d.deviationCents).toBe(0);
    expect(d.sign).toBe('');
    expect(d.explanationRequired).toBe(false);
  });

  it('Totaal, Dekking and Resultaat', () => {
    const total = row(berap.rows, 'Totaal');
    expect(total.primitiveCents).toBe(eur(1_600_000));
    expect(total.changesCents).toBe(eur(20_000));
    expect(total.estimateCents).toBe(eur(1_620_000));
    // 960.000 + 115.000 + 100.000 + 100.000
    expect(total.realisedCents).toBe(eur(1_275_000));
    expect(total.obligoCents).toBe(eur(90_000));
    // 960.000 + 115.000 + 190.000 + 300.000
    expect(total.forecastCents).toBe(eur(1_565_000));
    expect(total.deviationCents).toBe(eur(55_000));
    expect(total.sign).toBe('V');
    // 01-07: 900.000 + 100.000 + 300.000 = 1.300.000; Mutatie 1.565.000 − 1.300.000
    expect(total.previousForecastCents).toBe(eur(1_300_000));
    expect(total.mutationCents).toBe(eur(265_000));
    expect(total.explanationRequired).toBeNull();
    const coverage = row(berap.rows, 'Dekking');
    expect(coverage.estimateCents).toBe(eur(1_500_000));
    const result = row(berap.rows, 'Resultaat');
    // budgeted 1.500.000 − 1.620.000; expected 1.500.000 − 1.565.000; the difference is the Totaal's Afwijking
    expect(result.estimateCents).toBe(eur(-120_000));
    expect(result.forecastCents).toBe(eur(-65_000));
    expect(result.deviationCents).toBe(eur(55_000));
    expect(result.sign).toBe('V');
  });

  it('lists A and B as missing their required explanation', () => {
    expect(missingExplanations(berap).map((r) => r.code)).toEqual(['A', 'B']);
  });
});

describe('the threshold rule', () => {
  const amount = eur(50_000);
  it('counts a deviation of exactly the threshold, either sign', () => {
    expect(needsExplanation(eur(50_000), eur(10_000_000), amount, 1000)).toBe(true);
    expect(needsExplanation(eur(-50_000), eur(10_000_000), amount, 1000)).toBe(true);
    expect(needsExplanation(eur(49_999.99), eur(10_000_000), amount, 1000)).toBe(false);
    // 10% of 200.000 is 20.000
    expect(needsExplanation(eur(-20_000), eur(200_000), amount, 1000)).toBe(true);
    expect(needsExplanation(eur(-19_999.99), eur(200_000), amount, 1000)).toBe(false);
  });
  it('never asks a text for a line without deviation, also on a zero raming', () => {
    expect(needsExplanation(0, 0, amount, 1000)).toBe(false);
    // any deviation on a zero raming is over every percentage
    expect(needsExplanation(eur(100), 0, amount, 1000)).toBe(true);
  });
});
