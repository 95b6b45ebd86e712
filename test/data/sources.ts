import { existsSync, readFileSync, readdirSync } from 'fs';
import * as path from 'path';

/**
 * The seed documents (../shared/seeds/) and the `bron` references into them, so a test can check
 * that a cited line exists and says what the region file claims.
 *
 * A user's clone has nothing beside it, so the seeds may be absent: then the tests that need them
 * are skipped with one visible reason, never failed. REGIOMONITOR_SEEDS_DIR points elsewhere (a
 * test of this skip hides the folder with it).
 */
export const SEEDS_DIR = path.resolve(process.env.REGIOMONITOR_SEEDS_DIR ?? path.resolve(__dirname, '../../../shared/seeds'));
export const SEEDS_PRESENT = existsSync(SEEDS_DIR) && readdirSync(SEEDS_DIR).some((f) => f.endsWith('.txt'));
export const SEEDS_MISSING = `bronteksten ontbreken: ../shared/seeds niet gevonden (${SEEDS_DIR}); de regiobestanden worden niet met de brondocumenten vergeleken`;

/**
 * `describe` where the seeds are present; where they are not, one skipped test that says why, so
 * the run's summary shows it instead of hiding it.
 */
export function describeWithSeeds(name: string, body: () => void): void {
  if (SEEDS_PRESENT) {
    describe(name, body);
    return;
  }
  // Jest's summary counts a skipped test but names it only with --verbose; the warning is printed
  // under the file in every run.
  console.warn(SEEDS_MISSING);
  describe(name, () => test.skip(SEEDS_MISSING, () => undefined));
}

const cache = new Map<string, string[]>();
export function seedLines(file: string): string[] {
  if (!cache.has(file)) cache.set(file, readFileSync(path.join(SEEDS_DIR, file), 'utf8').split('\n'));
  return cache.get(file)!;
}
export const seedFiles = () => readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'));

export interface Citation {
  file: string;
  from: number;
  to: number;
}

/**
 * `regioaanpak-….txt l.964-970, l.2298; lokale-agenda-nijmegen.txt l.33`: each `l.N` or `l.N-M`
 * belongs to the file named last before it.
 */
export function citations(bron: string): Citation[] {
  const out: Citation[] = [];
  let file = '';
  for (const m of bron.matchAll(/([\w.-]+\.txt)|\bl\.(\d+)(?:-(\d+))?/g)) {
    if (m[1]) file = m[1];
    else if (file) out.push({ file, from: Number(m[2]), to: Number(m[3] ?? m[2]) });
  }
  return out;
}

/** Lower case, diacritics and hyphenation at line ends removed, whitespace collapsed. */
export function normalise(text: string): string {
  return text
    .replace(/-[ \t]*\n\s*/g, '')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’'`]/g, "'")
    .replace(/[-–]/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The cited lines with `margin` lines around each, as one normalised text. */
export function citedText(bron: string, margin = 2): string {
  return normalise(citations(bron).map((c) => seedLines(c.file).slice(Math.max(0, c.from - 1 - margin), c.to + margin).join('\n')).join('\n'));
}

export function wholeFile(file: string): string {
  return normalise(seedLines(file).join('\n'));
}

const STOP = new Set(['regionale', 'gemeenten', 'gemeente', 'inclusief', 'bijvoorbeeld', 'onderzoeken', 'tussen', 'binnen', 'vanuit', 'samen', 'ontwikkelen']);

/** Words of a title that should appear where it is sourced: six letters or more, compared by their first six. */
export function keyStems(title: string): string[] {
  return [...new Set(normalise(title).split(/[^a-z0-9+]+/).filter((w) => w.length >= 6 && !STOP.has(w)).map((w) => w.slice(0, 6)))];
}
