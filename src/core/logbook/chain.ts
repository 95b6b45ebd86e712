// Pure JS SHA-256: core stays free of Apps Script (Utilities.computeDigest) and of Node's crypto.
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { Cell, Grid } from '../sheet/cell';
import { HEADERS, TAB } from '../workbook/contract';
import { keepAsText } from '../sheet/escape';

/**
 * `Logboek` as a hash chain, unkeyed: the chain as it was before the key (core/logbook/keyed.ts).
 * Every line carried, in the generated column `Keten`, the SHA-256 of the previous line's `Keten`
 * and this line's six cells, and the head (how many lines, last hash) was kept in the document
 * properties. Anyone who can run code as an editor can recompute such a chain, so a chain like this
 * is no longer written: it stays verifiable up to its anchor, the head it had when the key was made.
 * The canonical form of a cell and of a stored line is shared with the keyed chain.
 */

export const CHAIN_HEADER = 'Keten';
/** Document property holding the chain's head: `{"lines":n,"hash":"…"}`. */
export const LOG_HEAD_KEY = 'regiomonitor.log.head';
/** The columns a line's hash covers, in this order (the contract's Logboek columns). */
export const LOGGED_COLUMNS = HEADERS[TAB.log].filter((h) => h !== CHAIN_HEADER);

export interface ChainHead {
  lines: number;
  hash: string;
}

export function readHead(value: string | null | undefined): ChainHead {
  try {
    const parsed = value ? (JSON.parse(value) as Partial<ChainHead>) : null;
    if (parsed && Number.isSafeInteger(parsed.lines) && typeof parsed.hash === 'string') return { lines: parsed.lines!, hash: parsed.hash };
  } catch {
    // an unreadable head counts as none; the check then reports the chain from its own lines
  }
  return { lines: 0, hash: '' };
}

export function writeHead(head: ChainHead): string {
  return JSON.stringify(head);
}

/**
 * UTF-8 by hand: Apps Script's V8 has no TextEncoder. One pass into a buffer (every line of Logboek
 * goes through here); a lone surrogate is written as its three bytes, as before, so chains kept so far
 * still verify.
 */
export function utf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 63);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return out.subarray(0, n);
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8(text)));
}

/**
 * A cell as the chain sees it, the same whether it was just written or read back: a leading
 * apostrophe (forced text: Sheets drops it, exceljs keeps it) is not part of the value, dates count
 * in whole seconds, line ends as `\n`.
 */
export function canonical(cell: Cell | undefined): string {
  if (cell === null || cell === undefined || cell === '') return '';
  if (cell instanceof Date) return isNaN(cell.getTime()) ? '' : `d${Math.round(cell.getTime() / 1000)}`;
  if (typeof cell === 'number') return `n${cell}`;
  if (typeof cell === 'boolean') return cell ? 'b1' : 'b0';
  const text = cell.startsWith("'") ? cell.slice(1) : cell;
  return `s${text.replace(/\r\n?/g, '\n')}`;
}

export function lineHash(previous: string, cells: readonly Cell[]): string {
  return sha256Hex(`${previous}\n${JSON.stringify(LOGGED_COLUMNS.map((_, i) => canonical(cells[i])))}`);
}

/** A cell as it is stored: dates in whole seconds, text cut to fit and kept as text (keepAsText). */
export function storable(cell: Cell): Cell {
  if (cell instanceof Date) return new Date(Math.floor(cell.getTime() / 1000) * 1000);
  return typeof cell === 'string' ? keepAsText(cell) : cell;
}

/**
 * Lines as the unkeyed chain wrote them, each with its `Keten`, continuing from `head`; and the new
 * head. No longer written by the add-on (core/logbook/keyed.ts writes keyed lines); it states the
 * old format exactly, so a Logboek kept before the key can be built again and checked against it.
 */
export function chainLines(head: ChainHead, rows: Grid): { rows: Grid; head: ChainHead } {
  let hash = head.hash;
  const out: Grid = [];
  for (const row of rows) {
    const cells = LOGGED_COLUMNS.map((_, i) => storable(row[i] ?? ''));
    hash = lineHash(hash, cells);
    out.push([...cells, `'${hash}`]);
  }
  return { rows: out, head: { lines: head.lines + rows.length, hash } };
}
