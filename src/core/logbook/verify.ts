import { Cell, Grid, isBlank } from '../sheet/cell';
import { columnLetter } from '../sheet/a1';
import { Finding } from '../sheet/findings';
import { headerIndex } from '../sheet/headers';
import { TAB } from '../workbook/contract';
import { CHAIN_HEADER, ChainHead, LOGGED_COLUMNS, lineHash } from './chain';
import { Anchor, KeyedHead, parseKeten, pendingVerifies, sealedHash } from './keyed';

/**
 * Who judges `Logboek`, and with what:
 * - `keyed`: the project leader's execution, holding the key, the anchor of the chain from before
 *   the key, and the sealed head. Every line is judged; only lines the key vouches for count.
 * - `unkeyed`: no key anywhere yet (a workbook whose edit tracking predates the key, or an exported
 *   file on the command line): the plain SHA-256 chain up to the head in the document properties.
 *   Lines a key sealed cannot be judged here, and say so once.
 */
export type LogTrust =
  | { kind: 'keyed'; key: string; anchor: Anchor; head: KeyedHead }
  | { kind: 'unkeyed'; head: ChainHead };

export interface LogVerdict {
  findings: Finding[];
  /** Per row of the grid (index 0 is the header): true for a line the add-on is known to have written. */
  verified: boolean[];
}

const NOT_BY_ADDON = 'niet door Regiomonitor geschreven';

/**
 * Every line that is not what the add-on wrote, as `Controles` findings, and which lines are:
 * - a line whose `Keten` does not follow from the line before it (changed, or a line above deleted);
 *   one break is reported once, the check carries on from the stored hash;
 * - a line without `Keten` after the chain began (typed in by hand), a plain SHA-256 `Keten` after the
 *   anchor (recomputed by someone without the key), a pending line whose MAC fails or that repeats
 *   another's nonce (a copy);
 * - fewer lines than the anchor or the sealed head counts (lines deleted), or another line where the
 *   head's last line should be (the chain replaced from there);
 * - sealed lines beyond the stored head: the head is where the project leader's last seal stopped.
 * Lines from before any chain began are not judged, and not counted as verified either.
 */
export function verifyLogbook(grid: Grid | null, trust: LogTrust): LogVerdict {
  const findings: Finding[] = [];
  const rows = grid?.length ?? 0;
  const verified = new Array<boolean>(rows).fill(false);
  const tab = TAB.log;
  const header = grid?.[0] ?? [];
  const chainColumn = headerIndex(header, CHAIN_HEADER);
  const columns = LOGGED_COLUMNS.map((h) => headerIndex(header, h));
  const expected = trust.kind === 'keyed' ? trust.anchor.lines + trust.head.lines : trust.head.lines;
  if (chainColumn < 0 || columns.some((c) => c < 0)) {
    if (expected > 0) {
      const missing = [CHAIN_HEADER, ...LOGGED_COLUMNS].filter((h) => headerIndex(header, h) < 0);
      findings.push({ tab, row: 1, column: '', value: missing.join(', '), problem: `Logboek mist de kolom${missing.length > 1 ? 'men' : ''} ${missing.join(', ')}: de keten van ${expected} regels is niet meer te controleren.` });
    }
    return { findings, verified };
  }
  const where = `${CHAIN_HEADER} (${columnLetter(chainColumn)})`;
  const add = (row: number, value: string, problem: string) => findings.push({ tab, row, column: where, value, problem });
  const anchorLines = trust.kind === 'keyed' ? trust.anchor.lines : Number.MAX_SAFE_INTEGER;
  const legacyHead = trust.kind === 'keyed' ? { lines: trust.anchor.lines, hash: trust.anchor.hash } : trust.head;
  const legacyHashes: string[] = [];
  let legacyPrevious = '';
  // A sealed line follows the stored hash of the line before it, or, when that line failed, either
  // that hash (the line was changed, its hash kept) or the last one that held (a line was put in
  // between, and does not count as one of the chain's lines).
  let storedHash = trust.kind === 'keyed' ? trust.anchor.hash : '';
  let lastGood = storedHash;
  let failed: number | null = null;
  const sealedHashes: string[] = [];
  const nonces = new Set<string>();
  let started = false;
  let unjudged = 0;

  for (let r = 1; r < rows; r++) {
    const line = grid![r] ?? [];
    const rowNumber = r + 1;
    const cells: Cell[] = columns.map((c) => line[c] ?? '');
    const keten = parseKeten(line[chainColumn]);
    switch (keten.kind) {
      case 'none':
        if (started && cells.some((c) => !isBlank(c))) add(rowNumber, '', 'Logboek-regel zonder Keten na het begin van de keten: met de hand toegevoegd of gewijzigd, niet door Regiomonitor.');
        break;
      case 'legacy': {
        started = true;
        if (legacyHashes.length >= anchorLines) {
          add(rowNumber, keten.hash.slice(0, 12), `Logboek-regel met een Keten zonder sleutel, na het begin van de sleutel: ${NOT_BY_ADDON}.`);
          break;
        }
        legacyHashes.push(keten.hash);
        // Without a stored head (an exported file) a line that chains is all there is to go by.
        const beyond = trust.kind === 'unkeyed' && legacyHead.lines > 0 && legacyHashes.length > legacyHead.lines;
        if (lineHash(legacyPrevious, cells) !== keten.hash) add(rowNumber, keten.hash.slice(0, 12), 'Logboek-regel gewijzigd, of een eerdere regel verwijderd: de Keten klopt hier niet meer.');
        else if (beyond) add(rowNumber, keten.hash.slice(0, 12), `Logboek-regel na de laatst opgeslagen kop van de keten: ${NOT_BY_ADDON}.`);
        else verified[r] = true;
        legacyPrevious = keten.hash;
        break;
      }
      case 'sealed':
      case 'pending': {
        started = true;
        if (trust.kind !== 'keyed') {
          unjudged++;
          break;
        }
        if (keten.kind === 'sealed') {
          const viaStored = sealedHash(trust.key, storedHash, cells) === keten.hash;
          const viaGood = !viaStored && failed !== null && sealedHash(trust.key, lastGood, cells) === keten.hash;
          if (viaGood) sealedHashes.splice(failed!, 1);
          failed = null;
          sealedHashes.push(keten.hash);
          const beyond = sealedHashes.length > trust.head.lines;
          if (!viaStored && !viaGood) {
            add(rowNumber, keten.hash.slice(0, 12), 'Logboek-regel gewijzigd, of een eerdere regel verwijderd: de Keten klopt hier niet meer.');
            failed = sealedHashes.length - 1;
          } else {
            if (beyond) add(rowNumber, keten.hash.slice(0, 12), `Logboek-regel na de laatst opgeslagen kop van de keten: ${NOT_BY_ADDON}, of bij een onderbroken verzegeling gebleven.`);
            else verified[r] = true;
            lastGood = keten.hash;
          }
          storedHash = keten.hash;
        } else if (nonces.has(keten.nonce)) {
          add(rowNumber, keten.nonce, `Logboek-regel is een kopie van een eerdere regel (zelfde kenmerk): ${NOT_BY_ADDON}.`);
        } else {
          nonces.add(keten.nonce);
          if (pendingVerifies(trust.key, keten, cells)) verified[r] = true;
          else add(rowNumber, keten.nonce, `Logboek-regel gewijzigd of ${NOT_BY_ADDON}: het kenmerk in Keten klopt niet met de regel.`);
        }
        break;
      }
      case 'unknown':
        started = true;
        add(rowNumber, keten.text.slice(0, 12), `Logboek-regel met een onleesbare Keten: ${NOT_BY_ADDON}.`);
        break;
    }
  }

  const ends = (count: number, head: { lines: number; hash: string }, hashes: string[], what: string) => {
    if (head.lines > count) {
      findings.push({ tab, row: 0, column: '', value: `${count} van ${head.lines}`, problem: `Logboek telt ${count} ${what}, maar er zijn er ${head.lines} geschreven: ${head.lines - count} regel(s) verwijderd.` });
    } else if (head.lines > 0 && hashes[head.lines - 1] !== head.hash) {
      findings.push({ tab, row: 0, column: '', value: (hashes[head.lines - 1] ?? '').slice(0, 12), problem: `Logboek-regel ${head.lines} van de keten is niet die welke Regiomonitor het laatst opsloeg: de keten is vanaf daar vervangen.` });
    }
  };
  ends(legacyHashes.length, legacyHead, legacyHashes, 'regels met Keten');
  if (trust.kind === 'keyed') ends(sealedHashes.length, { lines: trust.head.lines, hash: trust.head.lines ? trust.head.hash : '' }, sealedHashes, 'verzegelde regels');
  if (unjudged > 0) {
    findings.push({ tab, row: 0, column: '', value: `${unjudged} regels`, problem: `${unjudged} regel(s) van Logboek zijn met de sleutel van de projectleider beveiligd; alleen de budgetcontrole van de projectleider in Google Sheets kan ze controleren.` });
  }
  return { findings, verified };
}

/** The unkeyed chain's findings alone, as the check before the key gave them. */
export function verifyLog(grid: Grid | null, head: ChainHead): Finding[] {
  return verifyLogbook(grid, { kind: 'unkeyed', head }).findings;
}
