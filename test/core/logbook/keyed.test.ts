import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import { createHmac } from 'crypto';
import { Cell, Grid } from '../../../src/core/sheet/cell';
import { chainLines, lineHash } from '../../../src/core/logbook/chain';
import { EMPTY_HEAD, KeyedHead, LogLine, isKey, keyFrom, parseKeten, pendingLines, planSeal, sealCandidates, sealedHash } from '../../../src/core/logbook/keyed';
import { verifyLogbook } from '../../../src/core/logbook/verify';

const KEY = keyFrom('test randomness');
const OTHER_KEY = keyFrom('someone else');
const at = new Date('2025-03-15T10:00:00.000Z');
const HEADER = ['Tijdstip', 'Gebruiker', 'Tabblad', 'Cel', 'Oud', 'Nieuw', 'Keten'];
const line = (user: string, cell: string, oldValue: Cell, newValue: Cell): Cell[] => [at, user, 'Acties', cell, oldValue, newValue];
/** A fixed sequence for nonces, so tests are repeatable. */
const counter = () => {
  let n = 0;
  return () => (n++ % 1000) / 1000;
};
const asLines = (grid: Grid, from = 2): LogLine[] => grid.map((r, i) => ({ row: from + i, cells: r.slice(0, 6), keten: r[6] }));

describe('HMAC-SHA256 as the keyed chain uses it', () => {
  it('matches Node’s own HMAC and the RFC 4231 test case 2', () => {
    // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
    const rfc = bytesToHex(hmac(sha256, utf8ToBytes('Jefe'), utf8ToBytes('what do ya want for nothing?')));
    expect(rfc).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const mine = bytesToHex(hmac(sha256, hexToBytes(KEY), utf8ToBytes('x')));
    expect(mine).toBe(createHmac('sha256', Buffer.from(KEY, 'hex')).update('x').digest('hex'));
  });

  it('makes 32-byte keys from randomness, and tells a key from anything else', () => {
    expect(isKey(KEY)).toBe(true);
    expect(KEY).not.toBe(OTHER_KEY);
    expect([isKey(''), isKey(null), isKey('abc'), isKey(KEY.toUpperCase())]).toEqual([false, false, false, false]);
  });
});

describe('pending lines and the seal', () => {
  const rows = [line('a@tiel.nl', 'I2', 'Loopt', 'Afgerond'), line('Regiomonitor', 'K2', '(1 cellen)', 'buiten rechten bewaard')];

  it('writes lines that verify on their own, and seals them into a chain from the head', () => {
    const written = pendingLines(KEY, rows, at, counter());
    expect(written.map((r) => parseKeten(r[6]).kind)).toEqual(['pending', 'pending']);
    const grid = [HEADER, ...written];
    const head: KeyedHead = { lines: 0, hash: '', row: 1 };
    expect(verifyLogbook(grid, { kind: 'keyed', key: KEY, anchor: { lines: 0, hash: '' }, head }).verified).toEqual([false, true, true]);
    const seal = planSeal(KEY, head, asLines(written));
    // each sealed hash is the MAC of the one before and the line: '' → h1 → h2
    const h1 = sealedHash(KEY, '', written[0].slice(0, 6));
    const h2 = sealedHash(KEY, h1, written[1].slice(0, 6));
    expect(seal.writes).toEqual([{ row: 2, keten: `'k:${h1}` }, { row: 3, keten: `'k:${h2}` }]);
    expect(seal.head).toEqual({ lines: 2, hash: h2, row: 3 });
    expect(seal.refused).toEqual([]);
    const sealed = grid.map((r, i) => (i === 0 ? r : [...r.slice(0, 6), seal.writes[i - 1].keten]));
    expect(verifyLogbook(sealed, { kind: 'keyed', key: KEY, anchor: { lines: 0, hash: '' }, head: seal.head })).toEqual({ findings: [], verified: [false, true, true] });
  });

  it('refuses what the key does not vouch for: another key, a changed line, a copy, a plain hash, a line typed in', () => {
    const genuine = pendingLines(KEY, rows, at, counter());
    const foreign = pendingLines(OTHER_KEY, [line('pl@nijmegen.nl', 'K2', 0, 250000)], at, counter())[0];
    const changed = [...genuine[1].slice(0, 5), 'iets anders', genuine[1][6]];
    const copy = [...genuine[0]];
    const plain = [...line('pl@nijmegen.nl', 'K2', 0, 1), lineHash('x', line('pl@nijmegen.nl', 'K2', 0, 1))];
    const typed = [...line('pl@nijmegen.nl', 'K2', 0, 2), ''];
    const tail = asLines([genuine[0], foreign, changed, copy, plain, typed]);
    const seal = planSeal(KEY, EMPTY_HEAD, tail);
    expect(seal.writes.map((w) => w.row)).toEqual([2]);
    expect(seal.refused).toEqual([3, 4, 5, 6, 7]);
  });

  it('takes over sealed lines that already continue the head (a seal whose head was not stored)', () => {
    const written = pendingLines(KEY, rows, at, counter());
    const first = planSeal(KEY, EMPTY_HEAD, asLines(written));
    const sealedSheet = written.map((r, i) => [...r.slice(0, 6), first.writes[i].keten]);
    const again = planSeal(KEY, EMPTY_HEAD, asLines(sealedSheet));
    expect(again.writes).toEqual([]);
    expect(again.head).toEqual(first.head);
  });

  it('starts after the head where the head line is still in its row, else after the last sealed line', () => {
    const written = pendingLines(KEY, [...rows, line('b@tiel.nl', 'I3', '', 'Loopt')], at, counter());
    const seal = planSeal(KEY, EMPTY_HEAD, asLines(written.slice(0, 2)));
    const sheet = asLines([...written.slice(0, 2).map((r, i) => [...r.slice(0, 6), seal.writes[i].keten]), written[2]]);
    expect(sealCandidates(seal.head, sheet.slice(1), () => sheet).map((l) => l.row)).toEqual([4]);
    // a row above was deleted: the head's row now holds the third line
    const shifted = sheet.slice(1).map((l) => ({ ...l, row: l.row - 1 }));
    expect(sealCandidates(seal.head, shifted.slice(1), () => shifted).map((l) => l.row)).toEqual([3]);
  });
});

describe('verifying Logboek with the key', () => {
  /** An unkeyed chain of two lines, anchored; then keyed lines, sealed; then one pending. */
  function logbook() {
    const legacy = chainLines({ lines: 0, hash: '' }, [line('a@tiel.nl', 'I2', 'Loopt', 'Afgerond'), line('a@tiel.nl', 'I5', 'Loopt', 'Afgerond')]);
    const anchor = { lines: 2, hash: legacy.head.hash };
    const written = pendingLines(KEY, [line('b@tiel.nl', 'L2', '', 'x'), line('pl@nijmegen.nl', 'K2', '', 5)], at, counter());
    const seal = planSeal(KEY, { lines: 0, hash: anchor.hash, row: 3 }, asLines(written, 4));
    const sealed = written.map((r, i) => [...r.slice(0, 6), seal.writes[i].keten]);
    const pending = pendingLines(KEY, [line('c@tiel.nl', 'L3', '', 'y')], at, counter());
    return { grid: [HEADER, ...legacy.rows, ...sealed, ...pending] as Grid, trust: { kind: 'keyed' as const, key: KEY, anchor, head: seal.head } };
  }

  it('finds nothing in an honest Logboek, and counts every line as verified', () => {
    const { grid, trust } = logbook();
    expect(verifyLogbook(grid, trust)).toEqual({ findings: [], verified: [false, true, true, true, true, true] });
  });

  it('reports a line appended with a recomputed plain chain, and does not count it', () => {
    const { grid, trust } = logbook();
    const forged = line('pl@nijmegen.nl', 'K2', 250000, 250000);
    const verdict = verifyLogbook([...grid, [...forged, lineHash(String(grid[2][6]), forged)]], trust);
    expect(verdict.findings.map((f) => [f.row, f.problem.slice(0, 44)])).toEqual([[7, 'Logboek-regel met een Keten zonder sleutel, ']]);
    expect(verdict.verified[6]).toBe(false);
  });

  it('reports a changed sealed line, a deleted sealed line at the end, and a pending line changed or copied', () => {
    const { grid, trust } = logbook();
    const changed = grid.map((r) => [...r]);
    changed[3][5] = 'anders';
    expect(verifyLogbook(changed, trust).findings.map((f) => [f.row, f.problem.slice(0, 30)])).toEqual([[4, 'Logboek-regel gewijzigd, of ee']]);
    const cut = grid.filter((_, i) => i !== 4);
    expect(verifyLogbook(cut, trust).findings.map((f) => f.problem)).toEqual(['Logboek telt 1 verzegelde regels, maar er zijn er 2 geschreven: 1 regel(s) verwijderd.']);
    const copied = [...grid, [...grid[5]]];
    expect(verifyLogbook(copied, trust).findings.map((f) => [f.row, f.problem.slice(0, 40)])).toEqual([[7, 'Logboek-regel is een kopie van een eerde']]);
    const tampered = grid.map((r) => [...r]);
    tampered[5][5] = 'z';
    expect(verifyLogbook(tampered, trust).findings.map((f) => [f.row, f.problem.slice(0, 40)])).toEqual([[6, 'Logboek-regel gewijzigd of niet door Reg']]);
  });

  it('keeps the unkeyed lines verifying up to the anchor, and catches them being replaced', () => {
    const { grid, trust } = logbook();
    const replaced = grid.map((r) => [...r]);
    replaced[2][5] = 'Loopt';
    // recomputed as anyone can, from the line before it
    replaced[2][6] = lineHash(String(replaced[1][6]).replace(/^'/, ''), replaced[2].slice(0, 6));
    expect(verifyLogbook(replaced, trust).findings.map((f) => f.problem)).toEqual([expect.stringContaining('niet die welke Regiomonitor het laatst opsloeg')]);
  });

  it('says once that keyed lines cannot be judged without the key (an exported file on the command line)', () => {
    const { grid } = logbook();
    const verdict = verifyLogbook(grid, { kind: 'unkeyed', head: { lines: 0, hash: '' } });
    expect(verdict.findings.map((f) => f.problem)).toEqual([
      '3 regel(s) van Logboek zijn met de sleutel van de projectleider beveiligd; alleen de budgetcontrole van de projectleider in Google Sheets kan ze controleren.',
    ]);
    expect(verdict.verified).toEqual([false, true, true, false, false, false]);
  });
});
