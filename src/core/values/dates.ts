import { Cell, cellText, isBlank } from '../sheet/cell';

/**
 * The time zone where a sheet does not say its own: every DU VO region is Dutch. The one place it is
 * written (appsscript.json sets the same for the script).
 */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** A calendar day as ISO `YYYY-MM-DD`. Days, not instants: a deadline has no time zone. */
export type Day = string;

export type DayRead = { kind: 'blank' } | { kind: 'ok'; day: Day } | { kind: 'error'; problem: string };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** The years a date may fall in: anything else in a date is more likely a typo. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** Days in `month` (1..12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function makeDay(year: number, month: number, day: number): Day {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Building an Intl.DateTimeFormat costs far more than using one: a tab of 20.000 Date cells made a
 * new one per cell and took seconds. One formatter per time zone and shape is kept.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = make();
    cache.set(timeZone, format);
  }
  return format;
}

/**
 * A zone's UTC offset per UTC day, remembered: Date cells of a sheet fall on a few thousand days,
 * and offsets change only at transitions. A day whose start and end disagree holds a transition and
 * is formatted instant by instant.
 */
const MS_PER_DAY = 86_400_000;
const offsetsByZone = new Map<string, Map<number, number | null>>();
const OFFSET_MEMO_MAX = 100_000;

function wallClockOffset(time: number, timeZone: string): number {
  const format = cached(wallClockFormats, timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }));
  const get: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(time))) get[p.type] = Number(p.value);
  return Date.UTC(get.year, get.month - 1, get.day, get.hour, get.minute, get.second) - Math.floor(time / 1000) * 1000;
}

/** The calendar day of an instant as seen in a time zone (the spreadsheet's). */
export function dayOfInstant(instant: Date, timeZone: string): Day {
  const time = instant.getTime();
  let offsets = offsetsByZone.get(timeZone);
  if (!offsets) {
    offsets = new Map();
    offsetsByZone.set(timeZone, offsets);
  }
  const utcDay = Math.floor(time / MS_PER_DAY);
  let offset = offsets.get(utcDay);
  if (offset === undefined) {
    const atStart = wallClockOffset(utcDay * MS_PER_DAY, timeZone);
    offset = atStart === wallClockOffset((utcDay + 1) * MS_PER_DAY - 1000, timeZone) ? atStart : null;
    if (offsets.size >= OFFSET_MEMO_MAX) offsets.clear();
    offsets.set(utcDay, offset);
  }
  if (offset === null) return formatDayOfInstant(instant, timeZone);
  const wall = new Date(time + offset);
  return makeDay(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
}

function formatDayOfInstant(instant: Date, timeZone: string): Day {
  const format = cached(dayFormats, timeZone, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));
  const parts = format.formatToParts(instant);
  let year = 0;
  let month = 0;
  let day = 0;
  for (const p of parts) {
    if (p.type === 'year') year = Number(p.value);
    else if (p.type === 'month') month = Number(p.value);
    else if (p.type === 'day') day = Number(p.value);
  }
  return makeDay(year, month, day);
}

// Sheets' day zero; serial numbers appear when a date column is formatted as a number.
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export function dayFromSerial(serial: number): Day {
  const d = new Date(SERIAL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return makeDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Reads a date as Sheets returns it (a Date, or a serial number), or as a user typed it as text:
 * `15-03-2021`, `15/03/2021`, `15.03.2021`, `2021-03-15`. Impossible days such as `31-02-2021` are errors.
 */
export function parseDay(cell: Cell, timeZone: string): DayRead {
  if (isBlank(cell)) return { kind: 'blank' };
  if (cell instanceof Date) {
    if (isNaN(cell.getTime())) return { kind: 'error', problem: 'geen geldige datum' };
    return { kind: 'ok', day: dayOfInstant(cell, timeZone) };
  }
  if (typeof cell === 'number') {
    // 1955..2119: anything else in a date column is more likely a typo (a year, an amount).
    if (Number.isFinite(cell) && cell >= 20000 && cell < 80000) return { kind: 'ok', day: dayFromSerial(cell) };
    return { kind: 'error', problem: 'geen geldige datum' };
  }
  if (typeof cell !== 'string') return { kind: 'error', problem: 'geen geldige datum' };
  const text = cell.trim();
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  let y: number, mo: number, d: number;
  if (m) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return { kind: 'error', problem: 'geen geldige datum (gebruik dd-mm-jjjj)' };
  }
  if (!isValidDay(y, mo, d)) return { kind: 'error', problem: 'deze datum bestaat niet' };
  return { kind: 'ok', day: makeDay(y, mo, d) };
}

/** nl-NL display: `15-03-2025`. */
export function formatDay(day: Day): string {
  const [y, m, d] = day.split('-');
  return `${d}-${m}-${y}`;
}

export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}

export function addDays(day: Day, days: number): Day {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + days * MS_PER_DAY);
  return makeDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function daysBetween(from: Day, to: Day): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / MS_PER_DAY);
}

/** Midnight of a day in UTC: how a day is handed to a sheet writer that formats it as a date. */
export function dayToUtcDate(day: Day): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * The instant of midnight of `day` in a time zone: the Date to write into a sheet in that zone so
 * it shows, and reads back as, that calendar day.
 */
export function midnightIn(day: Day, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const utcMidnight = Date.UTC(y, m - 1, d);
  // The zone's offset at that moment, found by reading the wall clock there; twice for DST edges.
  let guess = utcMidnight;
  for (let i = 0; i < 2; i++) {
    const format = cached(wallClockFormats, timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }));
    const parts = format.formatToParts(new Date(guess));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    guess = utcMidnight - (wall - guess);
  }
  return new Date(guess);
}

/** The wall-clock time `HH:MM` of an instant in a time zone, to the nearest minute: a `Tijd` cell. */
export function timeOfDay(instant: Date, timeZone: string): string {
  const format = cached(wallClockFormats, timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }));
  const get: Record<string, number> = {};
  for (const p of format.formatToParts(instant)) get[p.type] = Number(p.value);
  const minutes = (get.hour * 60 + get.minute + (get.second >= 30 ? 1 : 0)) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * A cell as a user reads it in the sheet: a date cell as its day in the sheet's zone (`01-02-2025`),
 * not as the UTC instant `cellText` gives, which is a day early for a midnight in Amsterdam.
 */
export function cellTextIn(cell: Cell | undefined, timeZone: string): string {
  if (cell instanceof Date && !isNaN(cell.getTime())) return formatDay(dayOfInstant(cell, timeZone));
  return cellText(cell);
}
