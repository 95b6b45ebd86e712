import fc from 'fast-check';
import { addDays, dayOfInstant, daysBetween, formatDay, isValidDay, makeDay, midnightIn, parseDay } from '../../../src/core/values/dates';

const TZ = 'Europe/Amsterdam';
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

/** Every valid calendar day 1900-2199, built independently of the code under test. */
const validDay = fc
  .record({ y: fc.integer({ min: 1900, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ y, m, d }) => d <= daysIn(y, m));

describe('parseDay and formatDay', () => {
  it('reads back every valid day it formats, 1900-2199 (property)', () => {
    fc.assert(fc.property(validDay, ({ y, m, d }) => {
      const day = makeDay(y, m, d);
      expect(formatDay(day)).toBe(`${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`);
      expect(parseDay(formatDay(day), TZ)).toEqual({ kind: 'ok', day });
    }), { numRuns: 2000 });
  });

  it('reads ISO and dd-mm-jjjj as the same day (property)', () => {
    fc.assert(fc.property(validDay, ({ y, m, d }) => {
      const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      // users also leave out leading zeros and use / or .
      const dutch = `${d}-${m}-${y}`;
      expect(parseDay(iso, TZ)).toEqual(parseDay(dutch, TZ));
      expect(parseDay(`${d}/${m}/${y}`, TZ)).toEqual({ kind: 'ok', day: iso });
      expect(parseDay(` ${d}.${m}.${y} `, TZ)).toEqual({ kind: 'ok', day: iso });
    }), { numRuns: 1000 });
  });

  it('rejects every day past the end of its month (property)', () => {
    const impossible = fc
      .record({ y: fc.integer({ min: 1900, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 29, max: 31 }) })
      .filter(({ y, m, d }) => d > daysIn(y, m));
    fc.assert(fc.property(impossible, ({ y, m, d }) => {
      expect(parseDay(`${d}-${m}-${y}`, TZ)).toEqual({ kind: 'error', problem: 'deze datum bestaat niet' });
      expect(parseDay(makeDay(y, m, d), TZ).kind).toBe('error');
      expect(isValidDay(y, m, d)).toBe(false);
    }));
  });

  it.each(['31-02-2021', '30-02-2024', '29-02-2021', '29-02-1900', '29-02-2100', '31-04-2021', '00-01-2021', '01-13-2021', '32-01-2021'])('rejects %s', (text) => {
    expect(parseDay(text, TZ).kind).toBe('error');
  });

  it.each([['29-02-2024', '2024-02-29'], ['29-02-2000', '2000-02-29'], ['31-12-2199', '2199-12-31'], ['01-01-1900', '1900-01-01']])('accepts %s', (text, day) => {
    expect(parseDay(text, TZ)).toEqual({ kind: 'ok', day });
  });

  it('rejects text that is not a date, and years outside 1900-2199', () => {
    for (const text of ['morgen', '15-03-21', '2021/03/15', '15-03-2021x', '01-01-1899', '01-01-2200']) {
      expect(parseDay(text, TZ).kind).toBe('error');
    }
    expect(parseDay('', TZ)).toEqual({ kind: 'blank' });
  });

  it('reads serial day numbers as Sheets stores them', () => {
    // Sheets serial 44270 = 15-03-2021 (day 0 = 30-12-1899)
    expect(parseDay(44270, TZ)).toEqual({ kind: 'ok', day: '2021-03-15' });
    // a year typed into a date column is not a date
    expect(parseDay(2021, TZ).kind).toBe('error');
  });
});

describe('midnightIn and dayOfInstant', () => {
  it('round-trip every day in Europe/Amsterdam, across DST changes (property)', () => {
    fc.assert(fc.property(validDay.filter(({ y }) => y >= 1970 && y <= 2100), ({ y, m, d }) => {
      const day = makeDay(y, m, d);
      const instant = midnightIn(day, TZ);
      expect(dayOfInstant(instant, TZ)).toBe(day);
      // a moment before midnight is the previous day: it really is midnight, not some hour later
      expect(dayOfInstant(new Date(instant.getTime() - 1), TZ)).toBe(addDays(day, -1));
      expect(parseDay(instant, TZ)).toEqual({ kind: 'ok', day });
    }), { numRuns: 1000 });
  });

  it('is midnight local time on both sides of the 2021 DST changes', () => {
    // winter time UTC+1, summer time UTC+2 (from 28-03-2021 02:00 to 31-10-2021 03:00)
    expect(midnightIn('2021-03-27', TZ).toISOString()).toBe('2021-03-26T23:00:00.000Z');
    expect(midnightIn('2021-03-28', TZ).toISOString()).toBe('2021-03-27T23:00:00.000Z');
    expect(midnightIn('2021-03-29', TZ).toISOString()).toBe('2021-03-28T22:00:00.000Z');
    expect(midnightIn('2021-10-31', TZ).toISOString()).toBe('2021-10-30T22:00:00.000Z');
    expect(midnightIn('2021-11-01', TZ).toISOString()).toBe('2021-10-31T23:00:00.000Z');
  });

  it('gives the day as seen in the zone, not in UTC', () => {
    // 23:30 UTC on 31-12-2021 is 00:30 on 01-01-2022 in Amsterdam
    expect(dayOfInstant(new Date('2021-12-31T23:30:00Z'), TZ)).toBe('2022-01-01');
    expect(dayOfInstant(new Date('2021-12-31T23:30:00Z'), 'UTC')).toBe('2021-12-31');
  });
});

describe('day arithmetic', () => {
  it('addDays and daysBetween agree (property)', () => {
    fc.assert(fc.property(validDay.filter(({ y }) => y < 2190), fc.integer({ min: -3000, max: 3000 }), ({ y, m, d }, n) => {
      const day = makeDay(y, m, d);
      expect(daysBetween(day, addDays(day, n))).toBe(n);
    }));
  });

  it('crosses a leap day', () => {
    // 28-02-2024 + 1 = 29-02-2024; + 2 = 01-03-2024
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(daysBetween('2023-03-01', '2024-03-01')).toBe(366);
  });
});
