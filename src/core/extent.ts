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
