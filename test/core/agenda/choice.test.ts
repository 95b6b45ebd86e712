import { chooseMeetup, neighbours, parseMeetupChoice, parseQuarter, proposedMeetup } from '../../../src/core/agenda/choice';
import { Meetup } from '../../../src/core/workbook/model';

const meetup = (date: string, row = 2): Meetup => ({ row, date, theme: '', partners: [], goodExamples: '', notes: '', time: '', place: '', chair: '', minuteTaker: '' });
// Every six weeks, out of order as a user may type them: two meet-ups in 2025-Q1.
const MEETUPS = [meetup('2025-03-13', 3), meetup('2025-01-30', 2), meetup('2025-04-24', 4), meetup('2025-10-02', 5)];

describe('which meet-up an agenda is for', () => {
  it.each([
    ['2025-03-13', { kind: 'date', day: '2025-03-13' }],
    ['13-03-2025', { kind: 'date', day: '2025-03-13' }],
    [' 2025-q1 ', { kind: 'quarter', quarter: { year: 2025, quarter: 1 } }],
    ['2024 Q2', { kind: 'quarter', quarter: { year: 2024, quarter: 2 } }],
  ])('reads %s', (text, choice) => {
    expect(parseMeetupChoice(text)).toEqual(choice);
  });

  it.each(['2025-Q5', '31-02-2025', '2025-13-01', 'volgende week', '', '2025', 'Q1-2025'])('rejects %s', (text) => {
    expect(parseMeetupChoice(text)).toBeNull();
  });

  it('keeps the quarter reader for JJJJ-Qn only', () => {
    expect(parseQuarter('2025-Q4')).toEqual({ year: 2025, quarter: 4 });
    expect(parseQuarter('25-Q1')).toBeNull();
  });

  it('finds a meet-up by date, also one that is not the first in its quarter', () => {
    expect(chooseMeetup(MEETUPS, { kind: 'date', day: '2025-03-13' })).toEqual({ meetup: MEETUPS[0] });
  });

  it('reads a quarter as its first meet-up', () => {
    expect(chooseMeetup(MEETUPS, { kind: 'quarter', quarter: { year: 2025, quarter: 1 } })).toEqual({ meetup: MEETUPS[1] });
    expect(chooseMeetup(MEETUPS, { kind: 'quarter', quarter: { year: 2025, quarter: 4 } })).toEqual({ meetup: MEETUPS[3] });
  });

  it('refuses a day or quarter without a meet-up in Dutch, naming the nearest ones', () => {
    expect(chooseMeetup(MEETUPS, { kind: 'date', day: '2025-03-14' })).toEqual({
      refusal: 'Op 14-03-2025 staat geen meet-up gepland. De dichtstbijzijnde: 13-03-2025 (2025-03-13) en 24-04-2025 (2025-04-24).',
    });
    expect(chooseMeetup(MEETUPS, { kind: 'quarter', quarter: { year: 2025, quarter: 3 } })).toEqual({
      refusal: 'In 2025-Q3 staat geen meet-up gepland. De dichtstbijzijnde: 24-04-2025 (2025-04-24) en 02-10-2025 (2025-10-02).',
    });
    expect(chooseMeetup(MEETUPS, { kind: 'date', day: '2026-01-01' })).toEqual({ refusal: 'Op 01-01-2026 staat geen meet-up gepland. De dichtstbijzijnde: 02-10-2025 (2025-10-02).' });
    expect(chooseMeetup([], { kind: 'date', day: '2025-03-13' })).toEqual({ refusal: 'Op 13-03-2025 staat geen meet-up gepland: de tab Meet-ups heeft nog geen enkele meet-up met een datum.' });
  });

  it('knows the meet-up before and after, by date', () => {
    expect(neighbours(MEETUPS, MEETUPS[0])).toEqual({ previous: MEETUPS[1], next: MEETUPS[2] });
    expect(neighbours(MEETUPS, MEETUPS[1])).toEqual({ previous: null, next: MEETUPS[0] });
  });

  it('proposes the next meet-up from the Peildatum, the day itself included, else the last one', () => {
    expect(proposedMeetup(MEETUPS, '2025-03-13')?.date).toBe('2025-03-13');
    expect(proposedMeetup(MEETUPS, '2025-03-14')?.date).toBe('2025-04-24');
    expect(proposedMeetup(MEETUPS, '2026-01-01')?.date).toBe('2025-10-02');
    expect(proposedMeetup([], '2025-01-01')).toBeNull();
  });
});
