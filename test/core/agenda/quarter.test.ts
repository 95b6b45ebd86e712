import { defaultQuarter, formatQuarter, isInQuarter, nextQuarter, parseQuarter, quarterEnd, quarterOfDay, quarterStart } from '../../../src/core/agenda/quarter';
import { Meetup } from '../../../src/core/model';

const meetup = (date: string, row = 2): Meetup => ({ row, date, theme: '', partners: [], goodExamples: '', notes: '', time: '', place: '', chair: '', minuteTaker: '' });

describe('quarters', () => {
  it.each([
    ['2025-Q1', { year: 2025, quarter: 1 }],
    [' 2025-q4 ', { year: 2025, quarter: 4 }],
    ['2024 Q2', { year: 2024, quarter: 2 }],
  ])('reads %s', (text, q) => {
    expect(parseQuarter(text)).toEqual(q);
  });

  it.each(['2025-Q5', '2025-Q0', '25-Q1', 'Q1-2025', '', '2025'])('rejects %s', (text) => {
    expect(parseQuarter(text)).toBeNull();
  });

  it('formats, bounds and steps quarters', () => {
    expect(formatQuarter({ year: 2025, quarter: 3 })).toBe('2025-Q3');
    expect(quarterOfDay('2025-03-31')).toEqual({ year: 2025, quarter: 1 });
    expect(quarterOfDay('2025-04-01')).toEqual({ year: 2025, quarter: 2 });
    expect(quarterOfDay('2025-12-31')).toEqual({ year: 2025, quarter: 4 });
    expect(quarterStart({ year: 2025, quarter: 2 })).toBe('2025-04-01');
    expect(quarterEnd({ year: 2025, quarter: 2 })).toBe('2025-06-30');
    expect(quarterEnd({ year: 2025, quarter: 3 })).toBe('2025-09-30');
    expect(isInQuarter('2025-06-30', { year: 2025, quarter: 2 })).toBe(true);
    expect(isInQuarter('2025-07-01', { year: 2025, quarter: 2 })).toBe(false);
    expect(nextQuarter({ year: 2025, quarter: 4 })).toEqual({ year: 2026, quarter: 1 });
    expect(nextQuarter({ year: 2025, quarter: 2 })).toEqual({ year: 2025, quarter: 3 });
  });

  it('defaults to the quarter of the next planned meet-up, else of today (Peildatum)', () => {
    const meetups = [meetup('2025-06-12', 4), meetup('2025-03-13', 3), meetup('2024-11-14', 2)];
    // On 13-03-2025 the meet-up of that day is still the next one.
    expect(defaultQuarter(meetups, '2025-03-13')).toEqual({ year: 2025, quarter: 1 });
    expect(defaultQuarter(meetups, '2025-03-14')).toEqual({ year: 2025, quarter: 2 });
    // After the last meet-up: the quarter of the day itself.
    expect(defaultQuarter(meetups, '2025-08-01')).toEqual({ year: 2025, quarter: 3 });
    expect(defaultQuarter([], '2025-11-30')).toEqual({ year: 2025, quarter: 4 });
  });
});
