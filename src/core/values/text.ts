/**
 * Small Dutch text helpers, written by hand (no Intl, no toLocaleString) so the
 * output is byte-identical in Node, in Apps Script and in every time zone.
 */

export const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** Code-point order after case folding: stable everywhere, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** `a`, `a en b`, `a, b en c`. */
export function joinDutch(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}

/** Levenshtein distance: how many letters to add, drop or change to turn `a` into `b`. For "did you mean". */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/**
 * The candidate a mistyped word most likely meant (`eigenar` → `eigenaar`, `chek` → `check`), or
 * null when none is close: at most two edits, or a quarter of the word for long words. Ties go to
 * the alphabetically first, so the hint is the same in every run.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | null {
  const limit = Math.max(2, Math.floor(word.length / 4));
  const scored = candidates
    .map((c) => ({ c, d: editDistance(word.toLowerCase(), c.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : 1));
  return scored[0]?.c ?? null;
}
