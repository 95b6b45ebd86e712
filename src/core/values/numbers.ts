// Numbers as users type them (`1.234,5`) and as Dutch readers expect them, and extremes of many.
import { Cell } from '../sheet/cell';

/** A number typed the Dutch way (`1.234,5`, `12,5`) or the English way (`12.5`); null when it is none. */
export function parseDutchNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = cell.trim().replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+(,\d+)?$/.test(text)) return Number(text.replace(',', '.'));
  if (/^-?\d+\.\d+$/.test(text)) return Number(text);
  return null;
}

/** A count or measurement in nl-NL: `2.847`, `12,5`. */
export function formatNumberNl(value: number): string {
  if (!Number.isFinite(value)) return '';
  const negative = value < 0;
  const [whole, fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/**
 * The largest and smallest of many numbers. `Math.max(...values)` passes every value as an argument
 * and throws RangeError past about 125.000 of them: a whole tab of a real workbook gets there.
 */
export function maxOf(values: Iterable<number>, initial: number): number {
  let max = initial;
  for (const v of values) if (v > max) max = v;
  return max;
}

export function minOf(values: Iterable<number>, initial: number): number {
  let min = initial;
  for (const v of values) if (v < min) min = v;
  return min;
}
