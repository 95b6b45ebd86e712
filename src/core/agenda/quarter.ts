import { Day, makeDay, yearOf } from '../dates';
import { Meetup } from '../model';

/** A calendar quarter: the unit the meet-ups are planned in. */
export interface Quarter {
  year: number;
  /** 1..4 */
  quarter: number;
}

/**
 * Reads `JJJJ-Qn` as a user types it in the prompt: case and spaces do not matter (`2025-q1`,
 * `2025 Q1`). Returns null for anything else, so the caller can say in Dutch what is expected.
 */
export function parseQuarter(text: string): Quarter | null {
  const m = /^\s*(\d{4})\s*[-\s]?\s*[Qq]\s*([1-4])\s*$/.exec(text ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2199) return null;
  return { year, quarter: Number(m[2]) };
}

export function formatQuarter(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

export function quarterOfDay(day: Day): Quarter {
  const month = Number(day.slice(5, 7));
  return { year: yearOf(day), quarter: Math.floor((month - 1) / 3) + 1 };
}

export function quarterStart(q: Quarter): Day {
  return makeDay(q.year, (q.quarter - 1) * 3 + 1, 1);
}

const QUARTER_LAST_DAY = ['03-31', '06-30', '09-30', '12-31'];

export function quarterEnd(q: Quarter): Day {
  return `${String(q.year).padStart(4, '0')}-${QUARTER_LAST_DAY[q.quarter - 1]}`;
}

export function isInQuarter(day: Day, q: Quarter): boolean {
  return day >= quarterStart(q) && day <= quarterEnd(q);
}

export function nextQuarter(q: Quarter): Quarter {
  return q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: q.quarter + 1 };
}

/** The three months (1..12) of a quarter. */
export function monthsOfQuarter(q: Quarter): number[] {
  const first = (q.quarter - 1) * 3 + 1;
  return [first, first + 1, first + 2];
}

/**
 * The quarter the menu proposes: that of the next planned meet-up on or after `today`, else that of
 * `today` itself. Callers pass the sheet's Peildatum as `today` (it is today when blank), so a sheet
 * with a fixed Peildatum proposes the same quarter whenever it is opened.
 */
export function defaultQuarter(meetups: readonly Meetup[], today: Day): Quarter {
  const upcoming = meetups.filter((m) => m.date >= today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
  return quarterOfDay(upcoming.length ? upcoming[0].date : today);
}
