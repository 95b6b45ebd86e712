import { Day, dayOfInstant, formatDay } from '../src/core/values/dates';
import { Cents, formatEuroRounded } from '../src/core/values/money';

/**
 * How the sidebar writes times, shares and amounts. Every amount in the sidebar is in whole euros
 * (one precision per view); cents are in the sheet.
 */
export function euro(cents: Cents): string {
  // The sign before the euro sign, as Dutch financial texts write it: `-€ 150.000`.
  const whole = Math.round(cents / 100);
  return `${whole < 0 ? '-' : ''}${formatEuroRounded(Math.abs(whole) * 100)}`;
}

/** `14:32` in the sheet's time zone. */
export function formatTime(instant: string, timeZone: string): string {
  const date = new Date(instant);
  if (isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat('nl-NL', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  } catch {
    // An unknown zone name: the browser's own clock is better than nothing.
    return new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  }
}

/** `15-06-2025 14:32` in the sheet's time zone. */
export function formatDateTime(instant: string, timeZone: string): string {
  const date = new Date(instant);
  if (isNaN(date.getTime())) return '';
  let day: Day;
  try {
    day = dayOfInstant(date, timeZone);
  } catch {
    day = dayOfInstant(date, 'UTC');
  }
  return `${formatDay(day)} ${formatTime(instant, timeZone)}`;
}

/** Uitputting as a whole percentage (`104%`); a line without Raming has none. */
export function formatShare(share: number | null): string {
  return share === null ? 'geen raming' : `${Math.round(share * 100)}%`;
}
