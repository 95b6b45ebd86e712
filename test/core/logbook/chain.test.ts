import { Grid } from '../../../src/core/sheet/cell';
import { canonical, chainLines, lineHash, readHead, sha256Hex } from '../../../src/core/logbook/chain';
import { verifyLog } from '../../../src/core/logbook/verify';

const at = new Date('2025-03-15T10:00:00.123Z');
const header = ['Tijdstip', 'Gebruiker', 'Tabblad', 'Cel', 'Oud', 'Nieuw', 'Keten'];
const lines = [
  [at, 'a@tiel.nl', 'Acties', 'I2', 'Loopt', 'Afgerond'],
  [at, 'a@tiel.nl', 'Acties', 'L2', '', '12'],
  [at, 'pl@nijmegen.nl', 'Acties', 'K3', 100, 250],
  [at, 'controller', 'Mutaties', 'G4', '(onbekend)', '01-02-2025'],
];

/** The chained lines as Sheets gives them back: a forced-text apostrophe is gone. */
function asSheetsReads(rows: unknown[][]) {
  return rows.map((r) => r.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));
}

function log() {
  const { rows, head } = chainLines({ lines: 0, hash: '' }, lines);
  return { grid: [header, ...asSheetsReads(rows)] as Grid, head };
}

describe('SHA-256', () => {
  it('matches the standard test vectors, UTF-8 included', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // "één" in UTF-8: c3 a9 c3 a9 6e
    expect(sha256Hex('één')).toBe(sha256Hex('\u00e9\u00e9n'));
    expect(sha256Hex('één')).not.toBe(sha256Hex('een'));
  });
});

describe('the Logboek chain', () => {
  it('verifies an untouched Logboek, also read back from .xlsx with its apostrophes', () => {
    const { grid, head } = log();
    expect(verifyLog(grid, head)).toEqual([]);
    const { rows } = chainLines({ lines: 0, hash: '' }, lines);
    expect(verifyLog([header, ...rows] as Grid, head)).toEqual([]);
    // text Sheets would turn into a number or date is written as forced text
    expect(rows[1][5]).toBe("'12");
    expect(rows[3][5]).toBe("'01-02-2025");
    expect(rows[0][5]).toBe('Afgerond');
    // the time in whole seconds, as the sheet keeps it
    expect((rows[0][0] as Date).toISOString()).toBe('2025-03-15T10:00:00.000Z');
  });

  it('finds a changed earlier line once, and the chain goes on after it', () => {
    const { grid, head } = log();
    grid[2][5] = '13'; // row 3
    expect(verifyLog(grid, head)).toEqual([
      { tab: 'Logboek', row: 3, column: 'Keten (G)', value: expect.any(String), problem: 'Logboek-regel gewijzigd, of een eerdere regel verwijderd: de Keten klopt hier niet meer.' },
    ]);
  });

  it('finds a deleted line in the middle and at the end, and a line typed in by hand', () => {
    const { grid, head } = log();
    const middle = [...grid.slice(0, 2), ...grid.slice(3)];
    expect(verifyLog(middle, head).map((f) => [f.row, f.problem.slice(0, 30)])).toEqual([
      [3, 'Logboek-regel gewijzigd, of ee'],
      [0, 'Logboek telt 3 regels met Kete'],
    ]);
    expect(verifyLog(grid.slice(0, 4), head).map((f) => f.problem)).toEqual(['Logboek telt 3 regels met Keten, maar er zijn er 4 geschreven: 1 regel(s) verwijderd.']);
    const typed = [...grid, [at, 'iemand', 'Acties', 'A1', '', 'x', '']];
    expect(verifyLog(typed as Grid, head).map((f) => f.row)).toEqual([6]);
  });

  it('finds a chain replaced from some line on, by the stored head', () => {
    const { grid, head } = log();
    // lines 3 and 4 rewritten with a freshly computed chain: internally consistent
    let hash = String(grid[2][6]);
    for (const r of [3, 4]) {
      grid[r][5] = 'vervalst';
      hash = lineHash(hash, grid[r].slice(0, 6));
      grid[r][6] = hash;
    }
    expect(verifyLog(grid, head).map((f) => f.problem)).toEqual([expect.stringContaining('niet die welke Regiomonitor het laatst opsloeg')]);
  });

  it('judges no lines from before the chain, and an unreadable head as none', () => {
    const old = [header.slice(0, 6), [at, 'a', 'Acties', 'I2', 'x', 'y']];
    expect(verifyLog(old as Grid, readHead(null))).toEqual([]);
    expect(readHead('{kapot')).toEqual({ lines: 0, hash: '' });
    expect(canonical("'=SUM(A1)")).toBe(canonical('=SUM(A1)'));
  });
});
