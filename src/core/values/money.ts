import { Cell, isBlank } from '../sheet/cell';

/** Money is integer euro cents everywhere in the domain; floats exist only at the sheet's edge. */
export type Cents = number;

export type MoneyRead =
  | { kind: 'blank' }
  | { kind: 'ok'; cents: Cents }
  | { kind: 'error'; problem: string };

const THOUSANDS_GROUPED = /^\d{1,3}(\.\d{3})+$/;
const PLAIN_DIGITS = /^\d+$/;

/** ± € 1.000.000.000: no DU VO line comes near; beyond it an amount is a typo (or `1e308`). */
export const MAX_AMOUNT_CENTS = 100_000_000_000;
export const OUT_OF_BOUNDS = 'bedrag buiten ± € 1.000.000.000 (een tikfout?)';

function bounded(cents: Cents): MoneyRead {
  return Math.abs(cents) > MAX_AMOUNT_CENTS ? { kind: 'error', problem: OUT_OF_BOUNDS } : { kind: 'ok', cents };
}

/**
 * Reads an amount as a Dutch user types it (`€ 1.234,56`, `1.900.000,-`, `-2.500`) or as Sheets
 * stores it (a number). A dot is a thousands separator unless it is the only separator and is
 * followed by one or two digits (`12.50` from an English-locale export), which is a decimal point.
 */
export function parseMoney(cell: Cell): MoneyRead {
  if (isBlank(cell)) return { kind: 'blank' };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { kind: 'error', problem: 'geen geldig bedrag' };
    if (Math.abs(cell) > MAX_AMOUNT_CENTS / 100) return { kind: 'error', problem: OUT_OF_BOUNDS };
    return bounded(Math.round(cell * 100));
  }
  if (typeof cell !== 'string') return { kind: 'error', problem: 'geen bedrag' };

  let text = cell.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  let negative = false;
  // Sign and euro sign may come in either order: `-€ 12`, `€ -12`, `EUR 12`.
  for (;;) {
    if (text.startsWith('€')) text = text.slice(1);
    else if (/^eur/i.test(text)) text = text.slice(3);
    else if (text.startsWith('-') && !negative) { negative = true; text = text.slice(1); }
    else if (text.startsWith('+')) text = text.slice(1);
    else break;
  }
  if (text.endsWith('€')) text = text.slice(0, -1);
  text = text.replace(/,-{1,2}$/, '').replace(/,—$/, '');

  let whole: string;
  let fraction = '';
  const comma = text.split(',');
  if (comma.length > 2) return { kind: 'error', problem: 'geen geldig bedrag' };
  if (comma.length === 2) {
    whole = comma[0];
    fraction = comma[1];
    if (!/^\d{1,2}$/.test(fraction)) {
      return { kind: 'error', problem: fraction.length > 2 && /^\d+$/.test(fraction) ? 'meer dan twee decimalen' : 'geen geldig bedrag' };
    }
    if (whole === '') whole = '0';
    if (!(PLAIN_DIGITS.test(whole) || THOUSANDS_GROUPED.test(whole))) return { kind: 'error', problem: 'geen geldig bedrag' };
    whole = whole.replace(/\./g, '');
  } else if (PLAIN_DIGITS.test(text)) {
    whole = text;
  } else if (THOUSANDS_GROUPED.test(text)) {
    // `0.500`: 500 written with a thousands dot, or 0,5 written the English way? Nobody can tell.
    if (text.startsWith('0')) return { kind: 'error', problem: 'dubbelzinnig bedrag: schrijf 500 of 0,50' };
    whole = text.replace(/\./g, '');
  } else if (/^\d+\.\d{1,2}$/.test(text)) {
    [whole, fraction] = text.split('.');
  } else {
    return { kind: 'error', problem: 'geen geldig bedrag' };
  }
  if (whole.length > 13) return { kind: 'error', problem: OUT_OF_BOUNDS };
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0') || '0');
  return bounded(negative ? -cents : cents);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** nl-NL: `€ 1.234.567,89`, negative `€ -1.234,56`. Written by hand so it is the same in every runtime. */
export function formatEuro(cents: Cents): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  return `€ ${negative ? '-' : ''}${groupThousands(String(whole))},${fraction}`;
}

/** Whole euros without cents, for compact lines in summaries and agendas: `€ 1.234.568`. */
export function formatEuroRounded(cents: Cents): string {
  const euros = Math.round(cents / 100);
  return `€ ${euros < 0 ? '-' : ''}${groupThousands(String(Math.abs(euros)))}`;
}

/** A cell value for a money column: the sheet formats it, the domain keeps cents. */
export function centsToSheet(cents: Cents): number {
  return cents / 100;
}

export function euros(amount: number): Cents {
  return Math.round(amount * 100);
}
