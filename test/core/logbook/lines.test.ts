import { MAX_LOGGED_CELLS, UNKNOWN_VALUE, auditRows } from '../../../src/core/logbook/lines';
import { a1 } from '../../../src/core/sheet/a1';

const at = new Date('2025-03-15T10:00:00Z');

describe('auditRows', () => {
  it('logs a single-cell edit with old and new value and the A1 cell', () => {
    const rows = auditRows({ at, user: 'a@tiel.nl', tab: 'Acties', row: 5, column: 9, numRows: 1, numColumns: 1, oldValues: [['Loopt']], newValues: [['Afgerond']] });
    // column 9 = I
    expect(rows).toEqual([[at, 'a@tiel.nl', 'Acties', 'I5', 'Loopt', 'Afgerond']]);
  });

  it('escapes text that would become a formula, in user, values and tab', () => {
    const rows = auditRows({ at, user: '=HYPERLINK("x")', tab: 'Acties', row: 2, column: 1, numRows: 1, numColumns: 1, oldValues: [['+31 6']], newValues: [['=SUM(A1:A9)']] });
    expect(rows[0][1]).toBe(`'=HYPERLINK("x")`);
    expect(rows[0][4]).toBe(`'+31 6`);
    expect(rows[0][5]).toBe(`'=SUM(A1:A9)`);
    const more = auditRows({ at, user: 'x', tab: 'T', row: 1, column: 1, numRows: 1, numColumns: 2, oldValues: [['-5', '@a']], newValues: [['', '']] });
    expect(more.map((r) => r[4])).toEqual([`'-5`, `'@a`]);
  });

  it('logs a multi-cell paste per cell, with unknown old values', () => {
    const rows = auditRows({ at, user: 'a@tiel.nl', tab: 'Mutaties', row: 3, column: 2, numRows: 2, numColumns: 2, newValues: [[1, 'x'], ['', 'y']] });
    // B3, C3, B4, C4; B4 is blank-new but old is unknown, so it may be a deletion: logged
    expect(rows.map((r) => [r[3], r[4], r[5]])).toEqual([
      ['B3', UNKNOWN_VALUE, 1],
      ['C3', UNKNOWN_VALUE, 'x'],
      ['B4', UNKNOWN_VALUE, ''],
      ['C4', UNKNOWN_VALUE, 'y'],
    ]);
  });

  it('leaves out a cell that was blank and stays blank, and names an unknown user', () => {
    expect(auditRows({ at, user: '', tab: 'Acties', row: 1, column: 1, numRows: 1, numColumns: 1, oldValues: [['']], newValues: [['']] })).toEqual([]);
    expect(auditRows({ at, user: ' ', tab: 'Acties', row: 1, column: 1, numRows: 1, numColumns: 1, oldValues: [['']], newValues: [['x']] })[0][1]).toBe(UNKNOWN_VALUE);
  });

  it('summarises a huge paste after MAX_LOGGED_CELLS rows', () => {
    const newValues = Array.from({ length: 30 }, () => Array.from({ length: 20 }, () => 'v'));
    const rows = auditRows({ at, user: 'x', tab: 'Acties', row: 2, column: 1, numRows: 30, numColumns: 20, newValues });
    // 30 × 20 = 600 cells, 500 logged + 1 summary of the other 100; block A2:T31
    expect(rows).toHaveLength(MAX_LOGGED_CELLS + 1);
    expect(rows[rows.length - 1][3]).toBe('A2:T31');
    expect(rows[rows.length - 1][5]).toBe('nog 100 cellen gewijzigd, niet apart gelogd');
  });

  it('names columns past Z', () => {
    expect(a1(7, 28)).toBe('AB7');
  });
});
