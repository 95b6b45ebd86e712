import { Day, formatDay, makeDay, parseDay, yearOf } from '../values/dates';
import { Meetup } from '../workbook/model';
import { joinDutch } from '../values/text';

/** A calendar quarter: `JJJJ-Qn` still names the first meet-up in it. */
export interface Quarter {
  year: number;
  /** 1..4 */
  quarter: number;
}

/** Which `Meet-ups` row an agenda is for: by its date, or the first one in a quarter. */
export type MeetupChoice = { kind: 'date'; day: Day } | { kind: 'quarter'; quarter: Quarter };

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

export function quarterStart(q: Quarter): Day {
  return makeDay(q.year, (q.quarter - 1) * 3 + 1, 1);
}

export function isInQuarter(day: Day, q: Quarter): boolean {
  return yearOf(day) === q.year && Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1 === q.quarter;
}

/** `2024-09-12`, `12-09-2024` or `2024-Q3`; null for anything else (or a day that does not exist). */
export function parseMeetupChoice(text: string): MeetupChoice | null {
  const quarter = parseQuarter(text);
  if (quarter) return { kind: 'quarter', quarter };
  const trimmed = (text ?? '').trim();
  if (!/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(trimmed)) return null;
  const read = parseDay(trimmed, 'UTC');
  return read.kind === 'ok' ? { kind: 'date', day: read.day } : null;
}

const byDate = (a: Meetup, b: Meetup) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row);

/** The meet-up before and the one after `meetup`, by date. */
export function neighbours(meetups: readonly Meetup[], meetup: Meetup): { previous: Meetup | null; next: Meetup | null } {
  const sorted = [...meetups].sort(byDate);
  const before = sorted.filter((m) => m.date < meetup.date);
  return { previous: before.length ? before[before.length - 1] : null, next: sorted.find((m) => m.date > meetup.date) ?? null };
}

/**
 * The meet-up the choice names, or a Dutch refusal that names the meet-ups nearest to it, so the
 * user can pick one straight away.
 */
export function chooseMeetup(meetups: readonly Meetup[], choice: MeetupChoice): { meetup: Meetup } | { refusal: string } {
  const sorted = [...meetups].sort(byDate);
  const found = choice.kind === 'date' ? sorted.find((m) => m.date === choice.day) : sorted.find((m) => isInQuarter(m.date, choice.quarter));
  if (found) return { meetup: found };
  const what = choice.kind === 'date' ? `Op ${formatDay(choice.day)}` : `In ${formatQuarter(choice.quarter)}`;
  if (!sorted.length) return { refusal: `${what} staat geen meet-up gepland: de tab Meet-ups heeft nog geen enkele meet-up met een datum.` };
  const from = choice.kind === 'date' ? choice.day : quarterStart(choice.quarter);
  const before = sorted.filter((m) => m.date < from);
  const after = sorted.filter((m) => m.date > from);
  const nearest = [before[before.length - 1], after[0]].filter((m): m is Meetup => !!m).map((m) => `${formatDay(m.date)} (${m.date})`);
  return { refusal: `${what} staat geen meet-up gepland. De dichtstbijzijnde: ${joinDutch(nearest)}.` };
}

/** The meet-up the menu proposes: the first on or after `today` (the Peildatum), else the last one. */
export function proposedMeetup(meetups: readonly Meetup[], today: Day): Meetup | null {
  const sorted = [...meetups].sort(byDate);
  return sorted.find((m) => m.date >= today) ?? sorted[sorted.length - 1] ?? null;
}
