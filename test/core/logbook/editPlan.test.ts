import { Cell } from '../../../src/core/sheet/cell';
import { EditInput, planEdit } from '../../../src/core/logbook/editPlan';
import { MAX_PASTE_LOGGED_CELLS } from '../../../src/core/logbook/lines';
import { PeopleDigest } from '../../../src/core/rights/columnRights';

const HEADERS = ['Gemeente', 'Actie', 'ID', 'Actielijn', 'Eigenaar', 'Thema', 'Prioriteit', 'Deadline', 'Status', 'Begrotingspost', 'Geraamd', 'Toelichting', 'Bijgewerkt op', 'Bijgewerkt door'];
const people: PeopleDigest = { leader: 'pl@nijmegen.nl', controller: 'c@nijmegen.nl', municipalities: [{ name: 'Tiel', editors: ['a@tiel.nl'] }] };
const now = new Date('2025-03-15T10:00:00Z');
const row = (values: Record<string, Cell>): Cell[] => HEADERS.map((h) => values[h] ?? '');
const FORGED = row({ Gemeente: 'Regio', Actie: 'Nep', ID: 'A-999', Actielijn: 'AL1', Status: 'Loopt', Begrotingspost: 'ACT', Geraamd: 900000 });

function paste(rows: Cell[][], at: number, extra: Partial<EditInput> = {}) {
  return planEdit({ tab: 'Acties', row: at, column: 1, numRows: rows.length, numColumns: HEADERS.length, rows, user: 'a@tiel.nl', people, now, headers: HEADERS, properties: { 'regiomonitor.ids.action': '5' }, ...extra });
}

describe('planEdit: a paste outside the rights', () => {
  it('puts back every cell of a row an official pasted that did not exist, even with an ID pasted along', () => {
    const plan = paste([FORGED], 7, { existedBefore: [false] });
    // all 7 filled cells go (Gemeente, Actie, ID, Actielijn, Status, Begrotingspost, Geraamd); nothing is stamped, no ID is given
    expect(plan.cells.filter((c) => c.value === '').map((c) => c.column)).toEqual([1, 2, 3, 4, 9, 10, 11]);
    expect(plan.cells.some((c) => c.value instanceof Date || c.value === 'A-006')).toBe(false);
    expect(plan.usesCounter).toBe(false);
    const addOn = plan.logRows.filter((l) => l[1] === 'Regiomonitor');
    expect(addOn).toEqual([[now, 'Regiomonitor', 'Acties', 'A7:N7', '(14 cellen)', 'buiten rechten teruggezet']]);
    expect(plan.notes).toHaveLength(1);
    expect(plan.notes[0].note).toMatch(/plakte in A7:N7, een rij die nog niet bestond/);
    // what was pasted is logged
    expect(plan.logRows.filter((l) => l[1] === 'a@tiel.nl').map((l) => l[5])).toEqual(expect.arrayContaining([900000, 'ACT', 'Regio']));
  });

  it('without the copy’s word, still counts a row without ID before as new (the old heuristic)', () => {
    const plan = paste([row({ ...Object.fromEntries(HEADERS.map((h, i) => [h, FORGED[i]])), ID: '' })], 7);
    expect(plan.violations.every((v) => v.reverted)).toBe(true);
  });

  it('keeps and flags what an official pasted over the money of their own existing row, one line per block', () => {
    const own = (n: number) => row({ Gemeente: 'Tiel', Actie: `Actie ${n}`, ID: `A-${n}`, Actielijn: 'AL1', Status: 'Loopt', Begrotingspost: 'P1', Geraamd: 100 });
    const rows = Array.from({ length: 1000 }, (_, i) => own(i + 1));
    const plan = paste(rows, 2, { existedBefore: rows.map(() => true) });
    // per row the leader's columns A-D, F, G, J, K and the stamps M, N are outside the rights:
    // blocks A2:D1001, F2:G1001, J2:K1001, M2:N1001
    expect(plan.logRows.filter((l) => l[1] === 'Regiomonitor').map((l) => [l[3], l[4], l[5]])).toEqual([
      ['A2:D1001', '(4.000 cellen)', 'buiten rechten bewaard'],
      ['F2:G1001', '(2.000 cellen)', 'buiten rechten bewaard'],
      ['J2:K1001', '(2.000 cellen)', 'buiten rechten bewaard'],
      ['M2:N1001', '(2.000 cellen)', 'buiten rechten bewaard'],
    ]);
    expect(plan.notes).toHaveLength(4);
    // the official's own lines: the first cells, and one line summing up the rest
    const own_ = plan.logRows.filter((l) => l[1] === 'a@tiel.nl');
    expect(own_).toHaveLength(MAX_PASTE_LOGGED_CELLS + 1);
    expect(own_[own_.length - 1][5]).toMatch(/^nog \d{1,3}(\.\d{3})* cellen gewijzigd, niet apart gelogd$/);
  });

  it('lets the project leader paste anything, and asks for the counter when a row needs an ID', () => {
    const plan = paste([row({ Gemeente: 'Regio', Actie: 'Nieuw', Actielijn: 'AL1', Status: 'Loopt', Geraamd: 5 })], 7, { user: 'pl@nijmegen.nl', existedBefore: [false] });
    expect(plan.violations).toEqual([]);
    expect(plan.usesCounter).toBe(true);
    // counter 5 → A-006
    expect(plan.cells.find((c) => c.column === 3)?.value).toBe('A-006');
  });
});
