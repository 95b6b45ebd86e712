import fc from 'fast-check';
import { formatEuro, parseMoney } from '../../../src/core/values/money';

describe('parseMoney', () => {
  it.each([
    ['€ 1.234,56', 123456],
    ['1.900.000,-', 190000000],
    ['-2.500', -250000],
    ['€ -1.234,56', -123456],
    ['-€ 12', -1200],
    ['2.500', 250000],
    ['12,5', 1250],
    ['12.50', 1250],
    ['0,05', 5],
    ['1234', 123400],
  ])('reads %s as %i cents', (text, cents) => {
    expect(parseMoney(text)).toEqual({ kind: 'ok', cents });
  });

  it('reads numbers from Sheets, rounding float noise to cents', () => {
    expect(parseMoney(0.1 + 0.2)).toEqual({ kind: 'ok', cents: 30 });
    expect(parseMoney(1900000)).toEqual({ kind: 'ok', cents: 190000000 });
  });

  it.each(['twintig', 'abc', '1,2,3', '1.23.4', '12,345', '€', '--5'])('rejects %s', (text) => {
    expect(parseMoney(text).kind).toBe('error');
  });

  it('treats blanks as blank', () => {
    expect(parseMoney('')).toEqual({ kind: 'blank' });
    expect(parseMoney('  ')).toEqual({ kind: 'blank' });
    expect(parseMoney(null)).toEqual({ kind: 'blank' });
  });

  it('reads back every amount it formats within ± € 1 miljard (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
      expect(parseMoney(formatEuro(cents))).toEqual({ kind: 'ok', cents });
    }));
  });

  it('refuses amounts beyond ± € 1.000.000.000, as text or as a number', () => {
    const bound = { kind: 'error', problem: 'bedrag buiten ± € 1.000.000.000 (een tikfout?)' };
    expect(parseMoney(1e308)).toEqual(bound);
    expect(parseMoney(-1e308)).toEqual(bound);
    expect(parseMoney(1_000_000_000.01)).toEqual(bound);
    expect(parseMoney('1.000.000.000,01')).toEqual(bound);
    expect(parseMoney('99999999999999999999')).toEqual(bound);
    // the bound itself is still an amount
    expect(parseMoney('-1.000.000.000')).toEqual({ kind: 'ok', cents: -100_000_000_000 });
    expect(parseMoney(1_000_000_000)).toEqual({ kind: 'ok', cents: 100_000_000_000 });
  });

  it('refuses 0.500: 500 with a thousands dot, or a half written the English way', () => {
    expect(parseMoney('0.500')).toEqual({ kind: 'error', problem: 'dubbelzinnig bedrag: schrijf 500 of 0,50' });
    expect(parseMoney('0,500')).toEqual({ kind: 'error', problem: 'meer dan twee decimalen' });
    expect(parseMoney('0.50')).toEqual({ kind: 'ok', cents: 50 });
    expect(parseMoney('1.500')).toEqual({ kind: 'ok', cents: 150000 });
  });
});

describe('formatEuro', () => {
  it('formats nl-NL', () => {
    expect(formatEuro(123456789)).toBe('€ 1.234.567,89');
    expect(formatEuro(-123456)).toBe('€ -1.234,56');
    expect(formatEuro(5)).toBe('€ 0,05');
    expect(formatEuro(551959400)).toBe('€ 5.519.594,00');
  });
});
