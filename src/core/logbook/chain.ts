// Pure JS SHA-256: core stays free of Apps Script (Utilities.computeDigest) and of Node's crypto.
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { Cell, Grid, cellText, isBlank } from '../sheet/cell';
import { columnLetter } from '../sheet/a1';
import { HEADERS, TAB } from '../workbook/contract';
import { Finding } from '../sheet/findings';
import { headerIndex } from '../sheet/headers';
import { keepAsText } from '../sheet/escape';

/**
 * `Logboek` as a hash chain. Every line the add-on appends carries, in the generated column `Keten`,
 * the SHA-256 of the previous line's `Keten` and this line's six cells. Changing or deleting an
 * earlier line breaks the chain at that point; the budget check lists every break in `Controles`.
 * The head of the chain (how many lines, last hash) is also kept in the document properties, so
 * lines deleted at the end are noticed too.
 *
 * Limits, stated plainly: whoever can run code as an editor (the script editor) can rebuild a chain
 * after changing it, and can rewrite the stored head. The chain makes tampering visible to the
 * project leader; it is not a signature.
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

/** UTF-8 by hand: Apps Script's V8 has no TextEncoder. */
function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
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
function storable(cell: Cell): Cell {
  if (cell instanceof Date) return new Date(Math.floor(cell.getTime() / 1000) * 1000);
  return typeof cell === 'string' ? keepAsText(cell) : cell;
}

/**
 * The lines to append, each with its `Keten`, continuing from `head`; and the new head. The rows
 * come in the contract's Logboek order (Tijdstip … Nieuw) and leave with `Keten` as seventh cell.
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

/**
 * Every break in the chain, as `Controles` findings: a line whose `Keten` does not follow from the
 * line above (changed, or a line above it deleted), a line without `Keten` after the chain began
 * (typed in by hand), and fewer chained lines than the stored head counts (lines deleted at the
 * end). Lines from before the chain began are not judged. One break is reported once: the check
 * carries on from the stored hash.
 */
export function verifyLog(grid: Grid | null, storedHead: ChainHead): Finding[] {
  const findings: Finding[] = [];
  const tab = TAB.log;
  const header = grid?.[0] ?? [];
  const chainColumn = headerIndex(header, CHAIN_HEADER);
  const columns = LOGGED_COLUMNS.map((h) => headerIndex(header, h));
  if (chainColumn < 0 || columns.some((c) => c < 0)) {
    if (storedHead.lines > 0) {
      const missing = [CHAIN_HEADER, ...LOGGED_COLUMNS].filter((h) => headerIndex(header, h) < 0);
      findings.push({ tab, row: 1, column: '', value: missing.join(', '), problem: `Logboek mist de kolom${missing.length > 1 ? 'men' : ''} ${missing.join(', ')}: de keten van ${storedHead.lines} regels is niet meer te controleren.` });
    }
    return findings;
  }
  const where = `${CHAIN_HEADER} (${columnLetter(chainColumn)})`;
  let previous = '';
  const hashes: string[] = [];
  let started = false;
  for (let r = 1; r < (grid?.length ?? 0); r++) {
    const line = grid![r] ?? [];
    const rowNumber = r + 1;
    const stored = cellText(line[chainColumn]).trim().replace(/^'/, '');
    const cells = columns.map((c) => line[c] ?? '');
    if (!stored) {
      if (started && cells.some((c) => !isBlank(c))) {
        findings.push({ tab, row: rowNumber, column: where, value: '', problem: 'Logboek-regel zonder Keten na het begin van de keten: met de hand toegevoegd of gewijzigd, niet door Regiomonitor.' });
      }
      continue;
    }
    started = true;
    hashes.push(stored);
    if (lineHash(previous, cells) !== stored) {
      findings.push({ tab, row: rowNumber, column: where, value: stored.slice(0, 12), problem: 'Logboek-regel gewijzigd, of een eerdere regel verwijderd: de Keten klopt hier niet meer.' });
    }
    previous = stored;
  }
  const chained = hashes.length;
  if (storedHead.lines > chained) {
    findings.push({ tab, row: 0, column: '', value: `${chained} van ${storedHead.lines}`, problem: `Logboek telt ${chained} regels met Keten, maar er zijn er ${storedHead.lines} geschreven: ${storedHead.lines - chained} regel(s) verwijderd.` });
  } else if (storedHead.lines > 0 && hashes[storedHead.lines - 1] !== storedHead.hash) {
    findings.push({ tab, row: 0, column: '', value: (hashes[storedHead.lines - 1] ?? '').slice(0, 12), problem: `Logboek-regel ${storedHead.lines} van de keten is niet die welke Regiomonitor het laatst opsloeg: de keten is vanaf daar vervangen.` });
  }
  return findings;
}
