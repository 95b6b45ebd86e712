import { assignIds, formatId, highestId, idNumber, naturalCompare, nextId, readCounter } from '../../../src/core/workbook/ids';

const ACTIES_HEADER = ['ID', 'Actielijn', 'Gemeente', 'Actie', 'Status', 'Bijgewerkt op', 'Bijgewerkt door'];

describe('formatId and idNumber', () => {
  it('pads actions and ledger entries alike to three digits (issue 17: new Mutaties IDs were M-0001)', () => {
    expect(formatId('action', 7)).toBe('A-007');
    expect(formatId('ledger', 7)).toBe('M-007');
    expect(formatId('ledger', 999)).toBe('M-999');
    // more than the width just gets more digits
    expect(formatId('action', 1234)).toBe('A-1234');
    expect(formatId('ledger', 1000)).toBe('M-1000');
  });

  it('keeps the natural order past 999, and among the four-digit IDs of older workbooks', () => {
    const ids = ['M-1000', 'M-0040', 'M-999', 'M-041', 'M-001', 'M-100', 'M-0002'];
    // by number: 1, 2, 40, 41, 100, 999, 1000; not by text ('M-1000' < 'M-999')
    expect([...ids].sort(naturalCompare)).toEqual(['M-001', 'M-0002', 'M-0040', 'M-041', 'M-100', 'M-999', 'M-1000']);
  });

  it('reads only IDs of its own kind', () => {
    expect(idNumber('action', ' a-012 ')).toBe(12);
    expect(idNumber('action', 'M-0012')).toBeNull();
    expect(idNumber('ledger', 'M-0012')).toBe(12);
    expect(idNumber('action', 'TIEL-1')).toBeNull();
  });

  it('treats an absent or broken counter as nothing issued', () => {
    expect(readCounter(null)).toBe(0);
    expect(readCounter('abc')).toBe(0);
    expect(readCounter('41')).toBe(41);
  });
});

describe('assignIds', () => {
  it('numbers rows without ID after the highest in the sheet', () => {
    const grid = [
      ACTIES_HEADER,
      ['A-001', 'AL1', 'Tiel', 'Eerste', 'Loopt', '', ''],
      ['', 'AL1', 'Tiel', 'Nieuw 1', 'Loopt', '', ''],
      ['A-005', 'AL2', 'Regio', 'Vijfde', 'Loopt', '', ''],
      ['', '', '', '', '', '', ''], // blank: no ID
      ['', 'AL2', 'Buren', 'Nieuw 2', '', '', ''],
    ];
    // highest in sheet 5, counter 3 → next are 6 and 7, in sheet rows 3 and 6
    const result = assignIds('action', grid, 3);
    expect(result.writes).toEqual([
      { row: 3, column: 1, id: 'A-006' },
      { row: 6, column: 1, id: 'A-007' },
    ]);
    expect(result.highest).toBe(7);
  });

  it('never reuses a number the counter says was issued, even when that row is gone', () => {
    const grid = [ACTIES_HEADER, ['A-002', 'AL1', 'Tiel', 'x', 'Loopt', '', ''], ['', 'AL1', 'Tiel', 'y', 'Loopt', '', '']];
    // counter 9 (A-003..A-009 were deleted) > sheet max 2 → A-010
    expect(assignIds('action', grid, 9).writes).toEqual([{ row: 3, column: 1, id: 'A-010' }]);
  });

  it('finds ID by header, whatever its position, and ignores rows with only stamps or extra columns', () => {
    const grid = [
      ['Actie', 'Notitie', 'Gemeente', 'Bijgewerkt op', 'id'],
      ['x', '', 'Tiel', '', ''],
      ['', 'eigen notitie', '', '', ''], // only an extra column: not an action
      ['', '', '', '01-01-2025', ''], // only a stamp
    ];
    expect(assignIds('action', grid, 0)).toEqual({ writes: [{ row: 2, column: 5, id: 'A-001' }], highest: 1 });
  });

  it('uses M-nnn in Mutaties, continues after the M-nnnn of an older workbook and keeps hand-made IDs', () => {
    const grid = [
      ['ID', 'Datum', 'Code', 'Soort', 'Bedrag'],
      ['V-TIEL', '2025-01-01', 'VT', 'Verplichting', 100],
      ['M-0040', '2025-01-02', 'VT', 'Realisatie', 50],
      ['', '2025-01-03', 'VT', 'Realisatie', 25],
    ];
    // V-TIEL is not ours; highest M is 40 → M-041
    expect(assignIds('ledger', grid, 0)).toEqual({ writes: [{ row: 4, column: 1, id: 'M-041' }], highest: 41 });
  });

  it('does nothing without an ID column', () => {
    expect(assignIds('action', [['Actie'], ['x']], 4)).toEqual({ writes: [], highest: 4 });
  });
});

describe('nextId', () => {
  it('continues after the counter and any ID the caller knows', () => {
    expect(nextId('action', 4)).toEqual({ id: 'A-005', highest: 5 });
    // a typed A-020 beats counter 4
    expect(nextId('action', 4, ['A-020', 'X-99'])).toEqual({ id: 'A-021', highest: 21 });
  });
});

describe('highestId', () => {
  it('finds the highest own-format number by header', () => {
    // A-007 beats A-002; X-99 is not ours
    expect(highestId('action', [['Actie', 'ID'], ['x', 'A-002'], ['y', 'X-99'], ['z', 'a-007']])).toBe(7);
    expect(highestId('action', [['Actie'], ['x']])).toBe(0);
    expect(highestId('ledger', null)).toBe(0);
  });
});
