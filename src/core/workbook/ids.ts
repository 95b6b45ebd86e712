import { Grid, cellText, isBlank } from '../sheet/cell';
import { HEADERS, TAB } from './contract';
import { headerIndex, headerKey, headerKeys } from '../sheet/headers';
import { idKey } from './rowReader';

/** The two kinds of row the add-on gives an ID: actions (`A-001`) and ledger entries (`M-001`). */
export type IdKind = 'action' | 'ledger';

export interface IdFormat {
  tab: string;
  prefix: string;
  /** Digits shown; larger numbers simply get more digits (`A-1000`). */
  width: number;
  /** Document property holding the highest number ever issued, so a deleted row's ID is not reissued. */
  propertyKey: string;
}

export const ID_FORMATS: Record<IdKind, IdFormat> = {
  action: { tab: TAB.actions, prefix: 'A-', width: 3, propertyKey: 'regiomonitor.ids.action' },
  ledger: { tab: TAB.ledger, prefix: 'M-', width: 3, propertyKey: 'regiomonitor.ids.ledger' },
};

/** The kind of ID a tab's rows get, or null for tabs whose rows have no add-on ID. */
export function idKindOfTab(tab: string): IdKind | null {
  if (tab === TAB.actions) return 'action';
  if (tab === TAB.ledger) return 'ledger';
  return null;
}

/** Columns the add-on fills itself: a row holding only these is not a row a user typed. */
const ADD_ON_COLUMNS = new Set(['id', 'bijgewerkt op', 'bijgewerkt door']);

export function formatId(kind: IdKind, n: number): string {
  const f = ID_FORMATS[kind];
  return `${f.prefix}${String(n).padStart(f.width, '0')}`;
}

/**
 * The number in an ID of our own format (`A-012` → 12, `a-12 ` → 12), or null for anything else:
 * IDs a user made up in another shape (`TIEL-1`) are kept as they are and do not move the counter.
 */
export function idNumber(kind: IdKind, text: string): number | null {
  const m = /^([A-Za-z])-(\d{1,9})$/.exec(text.trim());
  if (!m || m[1].toUpperCase() !== ID_FORMATS[kind].prefix[0]) return null;
  return Number(m[2]);
}

/** The counter as kept in document properties: absent or unreadable counts as nothing issued. */
export function readCounter(value: string | null | undefined): number {
  const n = Number(value);
  return value && Number.isSafeInteger(n) && n > 0 ? n : 0;
}

export interface IdWrite {
  /** 1-based sheet row. */
  row: number;
  /** 1-based sheet column of `ID`. */
  column: number;
  id: string;
}

export interface IdAssignment {
  writes: IdWrite[];
  /** The highest number issued or seen after this assignment: store it as the new counter. */
  highest: number;
}

/**
 * Next free IDs for rows that a user typed without one. Numbers continue after the highest ever
 * issued (the caller's counter) and the highest in the sheet, whichever is larger, so an ID is never
 * reused after a row is deleted nor collides with one a user typed. Existing IDs are never changed.
 * Rows are numbered top to bottom so a sheet read twice gets the same IDs.
 * Returns no writes when the tab has no `ID` column (the check reports that in `Controles`).
 */
export function assignIds(kind: IdKind, grid: Grid | null, highestIssued: number): IdAssignment {
  if (!grid || grid.length === 0) return { writes: [], highest: highestIssued };
  const keys = headerKeys(grid[0] ?? []);
  const idColumn = keys.indexOf(headerKey('ID'));
  if (idColumn < 0) return { writes: [], highest: highestIssued };
  const contract = new Set(HEADERS[ID_FORMATS[kind].tab as typeof TAB.actions | typeof TAB.ledger].map((h) => headerKey(h)));
  // Only contract columns count, as in readTable: a note in an extra column is not an action.
  const dataColumns = keys.map((h, i) => (contract.has(h) && !ADD_ON_COLUMNS.has(h) ? i : -1)).filter((i) => i >= 0);

  let highest = highestIssued;
  const missing: number[] = [];
  for (let r = 1; r < grid.length; r++) {
    const line = grid[r] ?? [];
    const id = line[idColumn];
    if (!isBlank(id)) {
      const n = idNumber(kind, cellText(id));
      if (n !== null && n > highest) highest = n;
    } else if (dataColumns.some((c) => !isBlank(line[c]))) {
      missing.push(r + 1);
    }
  }
  const writes = missing.map((row) => ({ row, column: idColumn + 1, id: formatId(kind, ++highest) }));
  return { writes, highest };
}

/**
 * The ID for one new row when the rest of the sheet is not read (the edit handler): continues after
 * the stored counter and whatever IDs the caller happens to know.
 */
export function nextId(kind: IdKind, highestIssued: number, knownIds: readonly string[] = []): { id: string; highest: number } {
  let highest = highestIssued;
  for (const text of knownIds) {
    const n = idNumber(kind, text);
    if (n !== null && n > highest) highest = n;
  }
  highest += 1;
  return { id: formatId(kind, highest), highest };
}

/** The highest number of our own format among a tab's IDs (0 when none): primes a fresh counter. */
export function highestId(kind: IdKind, grid: Grid | null): number {
  if (!grid || grid.length === 0) return 0;
  const idColumn = headerIndex(grid[0] ?? [], 'ID');
  if (idColumn < 0) return 0;
  let highest = 0;
  for (let r = 1; r < grid.length; r++) {
    const n = idNumber(kind, cellText(grid[r]?.[idColumn] ?? null));
    if (n !== null && n > highest) highest = n;
  }
  return highest;
}

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
