import { Cell, Grid } from '../../../src/core/sheet/cell';
import { keptOutsideRights } from '../../../src/core/logbook/findings';
import { violationBlocks } from '../../../src/core/logbook/violations';

const HEADER = ['Tijdstip', 'Gebruiker', 'Tabblad', 'Cel', 'Oud', 'Nieuw', 'Keten'];
const ACTIES = ['Gemeente', 'Actie', 'ID', 'Actielijn', 'Eigenaar', 'Thema', 'Prioriteit', 'Deadline', 'Status', 'Begrotingspost', 'Geraamd', 'Toelichting'];
const t = (minute: number) => new Date(Date.UTC(2025, 2, 15, 10, minute));
const PL = 'pl@nijmegen.nl';
const l = (minute: number, user: string, cell: string, oldValue: Cell, newValue: Cell): Cell[] => [t(minute), user, 'Acties', cell, oldValue, newValue, ''];
const headersOf = (tab: string) => (tab === 'Acties' ? ACTIES : null);
const all = (grid: Grid) => grid.map((_, i) => i > 0);
const summary = (grid: Grid, verified = all(grid)) => keptOutsideRights(grid, verified, PL, headersOf).map((f) => [f.row, f.column, f.problem.replace(/: alleen de projectleider.*$/, '')]);

describe('keptOutsideRights', () => {
  const pasted: Grid = [
    HEADER,
    l(0, 'a@tiel.nl', 'J2', '(onbekend)', 'P1'),
    // 26.000 rows × J:K, one block line
    l(0, 'Regiomonitor', 'J2:K26001', '(52.000 cellen)', 'buiten rechten bewaard'),
  ];

  it('lists a flagged block once, naming its range, size and who pasted it', () => {
    expect(summary(pasted)).toEqual([[2, 'Begrotingspost (J) t/m Geraamd (K)', 'Gewijzigd door a@tiel.nl buiten de rechten in J2:K26001 (52.000 cellen) (Logboek rij 3)']]);
  });

  it('takes out what the project leader typed again afterwards, leaving the rest of the block', () => {
    // the leader approves K5 and all of J2:K3: left are J4:K4, J5, J6:K26001
    const grid = [...pasted, l(5, PL, 'K5', 100, 100), l(6, PL, 'J2:K3', '(onbekend)', 'P1')];
    expect(summary(grid).map(([row, column]) => [row, column])).toEqual([
      [4, 'Begrotingspost (J) t/m Geraamd (K)'],
      [5, 'Begrotingspost (J)'],
      [6, 'Begrotingspost (J) t/m Geraamd (K)'],
    ]);
  });

  it('lets only verified lines count: a line naming the project leader that the add-on did not write approves nothing', () => {
    const grid = [...pasted, l(5, PL, 'J2:K26001', '', 'x')];
    const verified = all(grid);
    verified[3] = false;
    expect(summary(grid, verified)).toHaveLength(1);
    // and a flag line the add-on did not write raises nothing
    const unflagged = all(pasted);
    unflagged[2] = false;
    expect(summary(pasted, unflagged)).toEqual([]);
  });

  it('does not let an approval from before the flag count, even placed after it', () => {
    const grid = [...pasted, l(-5, PL, 'J2:K26001', '', 'x')];
    expect(summary(grid)).toHaveLength(1);
  });

  it('keeps the single-cell wording for one cell', () => {
    const grid: Grid = [HEADER, l(0, 'a@tiel.nl', 'K2', '(onbekend)', 100), l(0, 'Regiomonitor', 'K2', 100, 'buiten rechten bewaard')];
    expect(keptOutsideRights(grid, all(grid), PL, headersOf)).toEqual([
      { tab: 'Acties', row: 2, column: 'Geraamd (K)', value: '100', problem: 'Gewijzigd door a@tiel.nl buiten de rechten (Logboek rij 3): alleen de projectleider mag deze cel wijzigen. De waarde is bewaard; de projectleider past hem aan of typt hem opnieuw om hem goed te keuren.' },
    ]);
  });
});

describe('violationBlocks', () => {
  it('joins cells into rectangles, rows of the same columns and kind together, in one pass', () => {
    const v = (row: number, column: number, reverted = false) => ({ row, column, header: '', reverted });
    // K2, K3:L4 kept (K3,L3,K4,L4), A7:C7 reverted
    const blocks = violationBlocks([v(3, 12), v(2, 11), v(3, 11), v(4, 11), v(4, 12), v(7, 1, true), v(7, 2, true), v(7, 3, true)]);
    expect(blocks).toEqual([
      { row: 2, column: 11, numRows: 1, numColumns: 1, reverted: false },
      { row: 3, column: 11, numRows: 2, numColumns: 2, reverted: false },
      { row: 7, column: 1, numRows: 1, numColumns: 3, reverted: true },
    ]);
  });

  it('handles 156.000 cells without running out of stack', () => {
    const many = Array.from({ length: 156_000 }, (_, i) => ({ row: 2 + Math.floor(i / 2), column: 10 + (i % 2), header: '', reverted: false }));
    expect(violationBlocks(many)).toEqual([{ row: 2, column: 10, numRows: 78_000, numColumns: 2, reverted: false }]);
  });
});
