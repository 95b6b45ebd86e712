import { forecast } from '../../../src/core/budget/forecast';
import { HEADERS, TAB } from '../../../src/core/workbook/contract';
import { check, commitment, eur, figures, line, payment } from '../fixtures';

describe('Prognose by Karakter', () => {
  it('is Besteed + Gepland on a Flexibel line, at least the raming on an open Vast or Wettelijk line', () => {
    // Besteed 300 + Gepland 200 = 500 against a raming of 1.000
    expect(forecast('Flexibel', eur(300), eur(200), eur(1000), false)).toBe(eur(500));
    expect(forecast('Vast', eur(300), eur(200), eur(1000), false)).toBe(eur(1000));
    expect(forecast('Wettelijk', eur(300), eur(200), eur(1000), false)).toBe(eur(1000));
    // above the raming it is what it is: 900 + 200 = 1.100
    expect(forecast('Vast', eur(900), eur(200), eur(1000), false)).toBe(eur(1100));
    // afgerekend: what it really spent, so a settlement below the raming shows as room
    expect(forecast('Vast', eur(800), 0, eur(1000), true)).toBe(eur(800));
  });

  it('never says Let op on a subsidy that is merely on course, only on a Flexibel line', () => {
    const result = check({
      budget: [
        line(2021, 'VT', 100000, { Karakter: 'Wettelijk' }),
        line(2021, 'MOV', 100000, { Karakter: 'Vast' }),
        line(2021, 'ACT', 100000, { Karakter: 'Flexibel' }),
      ],
      ledger: [
        // VT: 95.000 paid; MOV: its whole subsidy committed, 75.000 of it paid; ACT: 95.000 paid
        payment('R-1', 2021, 'VT', 95000),
        commitment('V-1', 2021, 'MOV', 100000),
        payment('R-2', 2021, 'MOV', 75000, { 'Verplichting-ID': 'V-1' }),
        payment('R-3', 2021, 'ACT', 95000),
      ],
    });
    // VT: Besteed 95.000, Prognose max(95.000, 100.000) = 100.000, Saldo 0: OK
    expect(figures(result, 2021, 'VT')).toMatchObject({ spentCents: eur(95000), forecastCents: eur(100000), balanceCents: 0, signal: 'OK' });
    // MOV: Besteed 75.000 + 25.000 open = 100.000 = 100%: OK
    expect(figures(result, 2021, 'MOV')).toMatchObject({ spentCents: eur(100000), forecastCents: eur(100000), signal: 'OK', settled: false });
    // ACT: 95% of its raming: Let op
    expect(figures(result, 2021, 'ACT')).toMatchObject({ forecastCents: eur(95000), balanceCents: eur(5000), signal: 'Let op' });
  });

  it('gives an open Vast line with nothing booked its raming as Prognose: no room, no warning', () => {
    const csg = figures(check({ budget: [line(2021, 'CSG', 120000, { Karakter: 'Vast' })] }), 2021, 'CSG');
    expect(csg).toMatchObject({ spentCents: 0, plannedCents: 0, forecastCents: eur(120000), balanceCents: 0, settled: false, signal: 'OK' });
  });

  it('shows a settled Vast line below its raming as real room', () => {
    const result = check({
      settings: { Peildatum: '01-10-2024' },
      budget: [line(2024, 'OMG', 235000, { Karakter: 'Vast' })],
      ledger: [
        // settled: the one commitment is Afgesloten; 180.000 was paid on it, the rest is released
        commitment('V-1', 2024, 'OMG', 235000, { Afgesloten: 'Ja' }),
        payment('R-1', 2024, 'OMG', 180000, { 'Verplichting-ID': 'V-1' }),
      ],
    });
    // Besteed 180.000 + 0 open; Prognose 180.000; Saldo 235.000 - 180.000 = 55.000
    expect(figures(result, 2024, 'OMG')).toMatchObject({ spentCents: eur(180000), forecastCents: eur(180000), balanceCents: eur(55000), settled: true, signal: 'OK' });
  });

  it('is not settled while any commitment on the line-year is still open', () => {
    const result = check({
      settings: { Peildatum: '01-10-2024' },
      budget: [line(2024, 'OMG', 235000, { Karakter: 'Vast' })],
      ledger: [
        commitment('V-1', 2024, 'OMG', 200000, { Afgesloten: 'Ja' }),
        payment('R-1', 2024, 'OMG', 150000, { 'Verplichting-ID': 'V-1' }),
        commitment('V-2', 2024, 'OMG', 10000),
      ],
    });
    // Besteed 150.000 + 10.000 open = 160.000; not settled, so Prognose max(160.000, 235.000) = 235.000
    expect(figures(result, 2024, 'OMG')).toMatchObject({ spentCents: eur(160000), forecastCents: eur(235000), balanceCents: 0, settled: false });
  });

  it('flags a Vast line that spends more than its raming', () => {
    const result = check({ budget: [line(2021, 'CSG', 120000, { Karakter: 'Vast' })], ledger: [commitment('V-1', 2021, 'CSG', 120000), payment('R-1', 2021, 'CSG', 8500)] });
    // 120.000 open + 8.500 paid outside it = 128.500 > 120.000
    expect(figures(result, 2021, 'CSG')).toMatchObject({ spentCents: eur(128500), forecastCents: eur(128500), signal: 'Overschrijding' });
  });
});

describe('Karakter as the sheet gives it', () => {
  it('reads the older Wettelijk column when there is no Karakter column: Ja is Wettelijk, anything else Flexibel', () => {
    const headers = ['Jaar', 'Code', 'Begrotingspost', 'Raming', 'Wettelijk', 'Toelichting'];
    const result = check({
      headers: { [TAB.budget]: headers },
      budget: [{ Jaar: 2021, Code: 'VT', Raming: 1000, Wettelijk: 'Ja' }, { Jaar: 2021, Code: 'MOV', Raming: 1000, Wettelijk: 'Nee' }],
    });
    expect(figures(result, 2021, 'VT').character).toBe('Wettelijk');
    expect(figures(result, 2021, 'MOV').character).toBe('Flexibel');
    expect(result.findings).toEqual([]);
  });

  it('reads a blank Karakter the same way, and lists a Karakter outside the list', () => {
    const headers = [...HEADERS[TAB.budget], 'Wettelijk'];
    const result = check({
      headers: { [TAB.budget]: headers },
      budget: [
        { Jaar: 2021, Code: 'VT', Raming: 1000, Karakter: '', Wettelijk: 'Ja' },
        { Jaar: 2021, Code: 'MOV', Raming: 1000, Karakter: ' vast ', Wettelijk: 'Ja' },
        { Jaar: 2021, Code: 'X', Raming: 1000, Karakter: 'Soms' },
      ],
    });
    expect(figures(result, 2021, 'VT').character).toBe('Wettelijk');
    // A filled Karakter wins over the old column, case and spaces ignored
    expect(figures(result, 2021, 'MOV').character).toBe('Vast');
    // `Soms` is no Karakter: listed, and the line still counts (its raming and mutations must not vanish), as Flexibel
    expect(figures(result, 2021, 'X').character).toBe('Flexibel');
    expect(result.findings).toEqual([
      // counted as Flexibel: a warning (Gevolg `wel meegeteld`)
      { tab: 'Begroting', row: 4, column: 'Karakter (E)', value: 'Soms', problem: 'Karakter "Soms" is geen geldige keuze (Wettelijk, Vast, Flexibel); de regel telt als Flexibel', severity: 'warning' },
    ]);
  });
});
