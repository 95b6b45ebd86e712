import { Day, FIRST_YEAR, LAST_YEAR, daysInMonth, parseDay } from '../core/values/dates';
import { MONTHS_NL } from '../core/values/text';

/**
 * Why a date in the right form names no day (`31-02-2025`), in Dutch; null when it does exist or
 * is not in a date form at all. Reads the same forms as parseDay: `DD-MM-JJJJ` and `JJJJ-MM-DD`.
 */
export function missingDayReason(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  let parts: [number, number, number] | null = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : null;
  if (!parts && (m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!parts) return null;
  const [year, month, day] = parts;
  if (year < FIRST_YEAR || year > LAST_YEAR) return `${t} valt buiten de jaren ${FIRST_YEAR}-${LAST_YEAR}.`;
  if (month < 1 || month > 12) return `${t} bestaat niet: een jaar heeft 12 maanden.`;
  if (day < 1) return `${t} bestaat niet: de dagen van een maand tellen vanaf 1.`;
  const days = daysInMonth(year, month);
  if (day > days) return `${t} bestaat niet: ${MONTHS_NL[month - 1]} ${year} heeft ${days} dagen.`;
  return null;
}

/** A day typed on the command line (`2024-10-01` or `01-10-2024`), or a Dutch reason why not. */
export function readDay(text: string): { day: Day } | { problem: string } {
  const read = parseDay(text, 'UTC');
  if (read.kind === 'ok') return { day: read.day };
  return { problem: missingDayReason(text) ?? `"${text}" is geen datum: gebruik JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2024-10-01.` };
}
