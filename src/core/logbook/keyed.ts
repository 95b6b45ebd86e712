// HMAC-SHA256 in pure JavaScript, as the unkeyed chain: core knows neither Utilities nor Node's crypto.
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import { Cell, Grid } from '../sheet/cell';
import { LOGGED_COLUMNS, canonical, storable, utf8 } from './chain';

/**
 * `Logboek` keyed with a secret only the project leader's executions can read (their user
 * properties: the triggers they installed and the menu items they run). Whoever lacks the key can
 * copy, change or recompute a line, but cannot make one that verifies.
 *
 * Every line the add-on writes gets, in `Keten`, one of:
 * - `p:<nonce>:<mac>`: written, not yet chained. The MAC covers the nonce and the six cells, so the
 *   line verifies on its own. The edit trigger writes these without the document lock: lines are
 *   appended one by one (Sheets appends a row atomically), and nothing has to be read first.
 * - `k:<hash>`: sealed into the chain: the MAC of the previous sealed hash and the six cells. A
 *   changed, removed or inserted line breaks it from there on. Sealing runs under the lock.
 * A chain from before the key (`Keten` = plain SHA-256) keeps verifying up to its anchor: the head it
 * had when the key was made, kept with the key.
 */

export const PENDING_PREFIX = 'p:';
export const SEALED_PREFIX = 'k:';

/** The sealed part of the keyed chain: how many lines, the last hash, and the sheet row of that line (0: none). */
export interface KeyedHead {
  lines: number;
  hash: string;
  row: number;
}

/** The unkeyed chain as it stood when the key was made: its lines stay judged by it, up to here. */
export interface Anchor {
  lines: number;
  hash: string;
}

export const EMPTY_HEAD: KeyedHead = { lines: 0, hash: '', row: 0 };

/** 32 bytes as 64 hex characters; anything else is no key. */
export function isKey(key: string | null | undefined): key is string {
  return typeof key === 'string' && /^[0-9a-f]{64}$/.test(key);
}

/** A key from randomness the adapter gathered (several UUIDs): hashed, so its form is always 32 bytes. */
export function keyFrom(randomText: string): string {
  return bytesToHex(sha256(utf8(`regiomonitor-logboek-sleutel\n${randomText}`)));
}

/** The keyed HMAC state of the last key used, so a line costs its own blocks only (a Logboek holds thousands). */
let keyed: { key: string; base: ReturnType<typeof hmac.create> } | null = null;

function mac(key: string, text: string): string {
  if (!keyed || keyed.key !== key) keyed = { key, base: hmac.create(sha256, hexToBytes(key)) };
  return bytesToHex(keyed.base.clone().update(utf8(text)).digest());
}

function lineText(cells: readonly Cell[]): string {
  return JSON.stringify(LOGGED_COLUMNS.map((_, i) => canonical(cells[i])));
}

/** A nonce for a pending line: only unique, not secret (a copy of a line repeats it and is caught). */
export function newNonce(now: Date, random: () => number = Math.random): string {
  return `${now.getTime().toString(36)}${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}

export function pendingKeten(key: string, nonce: string, cells: readonly Cell[]): string {
  return `${PENDING_PREFIX}${nonce}:${mac(key, `p\n${nonce}\n${lineText(cells)}`)}`;
}

export function sealedHash(key: string, previous: string, cells: readonly Cell[]): string {
  return mac(key, `k\n${previous}\n${lineText(cells)}`);
}

export type Keten =
  | { kind: 'none' }
  | { kind: 'legacy'; hash: string }
  | { kind: 'pending'; nonce: string; mac: string }
  | { kind: 'sealed'; hash: string }
  | { kind: 'unknown'; text: string };

/** What a `Keten` cell holds; a leading apostrophe (forced text) is not part of it. */
export function parseKeten(value: Cell | undefined): Keten {
  const text = (value === null || value === undefined ? '' : String(value)).trim().replace(/^'/, '');
  if (!text) return { kind: 'none' };
  if (/^[0-9a-f]{64}$/.test(text)) return { kind: 'legacy', hash: text };
  const pending = /^p:([0-9a-z]{1,40}):([0-9a-f]{64})$/.exec(text);
  if (pending) return { kind: 'pending', nonce: pending[1], mac: pending[2] };
  const sealed = /^k:([0-9a-f]{64})$/.exec(text);
  if (sealed) return { kind: 'sealed', hash: sealed[1] };
  return { kind: 'unknown', text };
}

export function pendingVerifies(key: string, keten: Keten & { kind: 'pending' }, cells: readonly Cell[]): boolean {
  return pendingKeten(key, keten.nonce, cells) === `${PENDING_PREFIX}${keten.nonce}:${keten.mac}`;
}

/**
 * Lines to append, each with a pending `Keten`, in the contract's order (Tijdstip … Nieuw) and with
 * `Keten` as seventh cell; cells as they will be stored (dates in whole seconds, text kept as text),
 * so what is verified later is what the sheet gives back.
 */
export function pendingLines(key: string, rows: Grid, now: Date, random: () => number = Math.random): Grid {
  const out: Grid = [];
  for (const row of rows) {
    const cells = LOGGED_COLUMNS.map((_, i) => storable(row[i] ?? ''));
    out.push([...cells, `'${pendingKeten(key, newNonce(now, random), cells)}`]);
  }
  return out;
}

/** A line of `Logboek` as read: its sheet row, its six cells and its `Keten`. */
export interface LogLine {
  row: number;
  cells: Cell[];
  keten: Cell;
}

export interface SealPlan {
  /** `Keten` cells to write: the sealed hash of each line, in order. */
  writes: { row: number; keten: string }[];
  head: KeyedHead;
  /** Lines after the head that the key does not vouch for: left as they are, and reported by the check. */
  refused: number[];
}

/**
 * Seals lines that follow the sealed head, in sheet order: each pending line whose MAC holds is
 * chained onto the head. Sealed lines that already continue the chain (a seal whose head was not
 * stored) are taken over as they are. A pending line repeating a nonce seen in this tail, a pending
 * line whose MAC fails, a plain hash or a line without `Keten` is refused: never chained, so it never
 * passes as genuine. The chain always continues from the stored head, never from what the sheet
 * shows, so a line someone removed or changed stays a break the check reports.
 */
export function planSeal(key: string, head: KeyedHead, lines: readonly LogLine[]): SealPlan {
  const writes: { row: number; keten: string }[] = [];
  const refused: number[] = [];
  const seen = new Set<string>();
  let { lines: count, hash, row } = head;
  for (const line of lines) {
    const cells = line.cells;
    const keten = parseKeten(line.keten);
    if (keten.kind === 'sealed' && keten.hash === sealedHash(key, hash, cells)) {
      count += 1;
      hash = keten.hash;
      row = line.row;
      continue;
    }
    if (keten.kind === 'pending' && !seen.has(keten.nonce) && pendingVerifies(key, keten, cells)) {
      seen.add(keten.nonce);
      hash = sealedHash(key, hash, cells);
      count += 1;
      row = line.row;
      writes.push({ row: line.row, keten: `'${SEALED_PREFIX}${hash}` });
      continue;
    }
    if (keten.kind !== 'none' || cells.some((c) => c !== '' && c !== null && c !== undefined)) refused.push(line.row);
  }
  return { writes, head: { lines: count, hash, row }, refused };
}

/**
 * Which lines a seal starts from. Normally the lines after the head's row, when the line at that row
 * is still the head's. When it is not (rows of Logboek were deleted or inserted above it), the lines
 * after the last sealed line the sheet shows.
 */
export function sealCandidates(head: KeyedHead, fromHeadRow: readonly LogLine[], whole: () => readonly LogLine[]): readonly LogLine[] {
  const first = fromHeadRow[0];
  const firstKeten = first ? parseKeten(first.keten) : null;
  if (head.lines > 0 && first && first.row === head.row && firstKeten?.kind === 'sealed' && firstKeten.hash === head.hash) return fromHeadRow.slice(1);
  const all = whole();
  let last = -1;
  all.forEach((l, i) => {
    if (parseKeten(l.keten).kind === 'sealed') last = i;
  });
  return all.slice(last + 1).filter((l) => parseKeten(l.keten).kind !== 'legacy');
}

export function readKeyedHead(value: string | null | undefined): KeyedHead | null {
  try {
    const p = value ? (JSON.parse(value) as Partial<KeyedHead>) : null;
    if (p && Number.isSafeInteger(p.lines) && Number.isSafeInteger(p.row) && typeof p.hash === 'string') return { lines: p.lines!, hash: p.hash, row: p.row! };
  } catch {
    // unreadable: no head
  }
  return null;
}

export function readAnchor(value: string | null | undefined): Anchor | null {
  try {
    const p = value ? (JSON.parse(value) as Partial<Anchor>) : null;
    if (p && Number.isSafeInteger(p.lines) && typeof p.hash === 'string') return { lines: p.lines!, hash: p.hash };
  } catch {
    // unreadable: no anchor
  }
  return null;
}
