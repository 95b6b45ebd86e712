import { idKey } from './parse';

/**
 * IDs as people number them: `A-2` before `A-10`. Digit runs compare by value, everything else by
 * character code, so the order is the same in every runtime (no locale).
 */
export function naturalCompare(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(idKey(a));
  const y = chunks(idKey(b));
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    const pDigits = /^\d/.test(p);
    const qDigits = /^\d/.test(q);
    if (pDigits && qDigits) {
      const pv = p.replace(/^0+(?=\d)/, '');
      const qv = q.replace(/^0+(?=\d)/, '');
      if (pv.length !== qv.length) return pv.length - qv.length;
      if (pv !== qv) return pv < qv ? -1 : 1;
    } else if (p !== q) {
      return p < q ? -1 : 1;
    }
  }
  if (x.length !== y.length) return x.length - y.length;
  return a === b ? 0 : a < b ? -1 : 1;
}
