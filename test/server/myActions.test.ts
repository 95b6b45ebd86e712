import { TAB } from '../../src/core/contract';
import { addAction, getMyActions, updateAction } from '../../src/server/myActions';
import { FakeHandles, FakeRange, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { rawSheet } from '../fakes/protectionsExtension';
import { COL, NIJMEGEN, OWNER, PL, TIEL, rightsWorkbook } from './rightsWorkbook';

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installAppsScriptFakes({ activeUserEmail: TIEL, ownerEmail: OWNER });
  rightsWorkbook(fakes);
});
afterEach(() => fakes.uninstall());

const cell = (row: number, header: string) => rawSheet(fakes, TAB.actions).values.get(row - 1, COL[header] - 1);
const logRows = () => __values(fakes.spreadsheet, TAB.log)!.slice(1);

describe('getMyActions', () => {
  it("gives Tiel's editor the Tiel rows only, as JSON", () => {
    const mine = getMyActions();
    expect(mine.email).toBe(TIEL);
    expect(mine.municipalities).toEqual(['Tiel']);
    expect(mine.actions.map((a) => [a.id, a.row, a.municipality, a.status])).toEqual([
      ['A-001', 2, 'Tiel', 'Loopt'],
      ['A-004', 5, 'Tiel', 'Loopt'],
    ]);
    // JSON only: a round trip changes nothing (no Dates)
    expect(JSON.parse(JSON.stringify(mine))).toEqual(mine);
  });

  it('gives the project leader every row and refuses a stranger', () => {
    fakes.__setUser(PL);
    expect(getMyActions().actions.map((a) => a.id)).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'A-005']);
    fakes.__setUser('iemand@elders.nl');
    expect(() => getMyActions()).toThrow('Je staat niet als editor bij een gemeente in Gemeenten; vraag de projectleider je e-mailadres toe te voegen.');
  });
});

describe('updateAction', () => {
  it("lets Tiel's editor change a Tiel row: only the changed cells and the stamps, logged with old and new", () => {
    const result = updateAction('a-004', { status: 'Afgerond', toelichting: 'Plan vastgesteld', deadline: '2025-04-30' });
    // row 5 is A-004
    expect(cell(5, 'Status')).toBe('Afgerond');
    expect(cell(5, 'Toelichting')).toBe('Plan vastgesteld');
    // midnight 30-04-2025 in Amsterdam (UTC+2 in summer time) = 29-04 22:00 UTC
    expect((cell(5, 'Deadline') as Date).toISOString()).toBe('2025-04-29T22:00:00.000Z');
    expect(cell(5, 'Bijgewerkt door')).toBe(TIEL);
    expect(cell(5, 'Bijgewerkt op')).toBeInstanceOf(Date);
    // nothing else in the row changed
    expect([cell(5, 'Actie'), cell(5, 'Prioriteit'), cell(5, 'Gemeente')]).toEqual(['Lokaal plan', 'Middel', 'Tiel']);
    expect(result.action).toMatchObject({ id: 'A-004', status: 'Afgerond', note: 'Plan vastgesteld', deadline: '2025-04-30', updatedBy: TIEL });

    // columns: Deadline H, Status I, Toelichting L
    const log = logRows().map((r) => [r[1], r[2], r[3], r[4], r[5] instanceof Date ? 'datum' : r[5]]);
    expect(log).toEqual([
      [TIEL, 'Acties', 'I5', 'Loopt', 'Afgerond'],
      [TIEL, 'Acties', 'L5', 'oud', 'Plan vastgesteld'],
      [TIEL, 'Acties', 'H5', '', 'datum'],
    ]);
    expect(fakes.locks.document.acquired).toBe(1);
    expect(fakes.locks.document.held).toBe(false);
  });

  it("refuses a Nijmegen row and a regional row for Tiel's editor, writing nothing", () => {
    expect(() => updateAction('A-002', { status: 'Afgerond' })).toThrow('Actie A-002 hoort bij Nijmegen, niet bij jouw gemeente; je kunt alleen acties van Tiel wijzigen.');
    expect(() => updateAction('A-003', { status: 'Afgerond' })).toThrow('Actie A-003 is een regionale actie; alleen de projectleider kan die wijzigen.');
    expect([cell(3, 'Status'), cell(4, 'Status')]).toEqual(['Niet gestart', 'Loopt']);
    expect(logRows()).toEqual([]);
  });

  it('lets the project leader change every row, regional included', () => {
    fakes.__setUser(PL);
    for (const id of ['A-001', 'A-002', 'A-003']) updateAction(id, { status: 'Uitgesteld' });
    expect([cell(2, 'Status'), cell(3, 'Status'), cell(4, 'Status')]).toEqual(['Uitgesteld', 'Uitgesteld', 'Uitgesteld']);
    fakes.__setUser(NIJMEGEN);
    updateAction('A-005', { toelichting: 'loopt goed' });
    expect(cell(6, 'Toelichting')).toBe('loopt goed');
  });

  it('refuses an unknown status, an invalid date, an unknown ID and a stranger, in Dutch', () => {
    expect(() => updateAction('A-001', { status: 'Klaar' })).toThrow(/Onbekende status; kies uit: Niet gestart, Loopt, Afgerond, Uitgesteld, Geschrapt/);
    expect(() => updateAction('A-001', { deadline: '2025-02-30' })).toThrow(/Deadline is geen geldige datum/);
    expect(() => updateAction('A-999', { status: 'Loopt' })).toThrow('Actie A-999 bestaat niet (meer) in Acties.');
    expect(() => updateAction('A-001', { geraamd: 5 })).toThrow(/niet: geraamd/);
    fakes.__setUser('iemand@elders.nl');
    expect(() => updateAction('A-001', { status: 'Loopt' })).toThrow(/Je staat niet als editor bij een gemeente/);
    expect(cell(2, 'Status')).toBe('Loopt');
    expect(logRows()).toEqual([]);
  });

  it('finds the row by ID after the sheet was sorted, and escapes formula-like text', () => {
    // move A-004 from row 5 to row 2 by swapping rows in the raw sheet, as a sort would
    const values = rawSheet(fakes, TAB.actions).values;
    [values.rows[1], values.rows[4]] = [values.rows[4], values.rows[1]];
    const setValues = jest.spyOn(FakeRange.prototype, 'setValues');
    const result = updateAction('A-004', { toelichting: '=IMPORTRANGE("x")' });
    // what reached Sheets: the apostrophe that keeps it text, in Acties and in Logboek
    const written = setValues.mock.calls.flat(3);
    setValues.mockRestore();
    expect(written.filter((v) => v === `'=IMPORTRANGE("x")`)).toHaveLength(2);
    expect(written).not.toContain('=IMPORTRANGE("x")');
    expect(result.action.row).toBe(2);
    expect(cell(2, 'Toelichting')).toBe('=IMPORTRANGE("x")'); // the fake strips the apostrophe, as Sheets does
    expect(result.action.note).toBe('=IMPORTRANGE("x")');
    expect(cell(5, 'Toelichting')).toBe(''); // A-001 untouched
  });

  it('writes nothing and logs nothing when nothing changes', () => {
    updateAction('A-001', { status: 'Loopt' });
    expect(cell(2, 'Bijgewerkt door')).toBe('');
    expect(logRows()).toEqual([]);
  });
});

describe('addAction', () => {
  it("adds a Tiel action for Tiel's editor: own Gemeente, next ID, stamps, no money, every filled cell logged", () => {
    const result = addAction({ actie: 'Voorlichting scholen', actielijn: 'al1', eigenaar: 'Team Tiel', deadline: '2025-09-01', toelichting: '=start' });
    // rows 2-6 exist (A-001..A-005): the new one is row 7, A-006
    expect(result.action).toMatchObject({ id: 'A-006', row: 7, municipality: 'Tiel', title: 'Voorlichting scholen', status: 'Niet gestart', deadline: '2025-09-01', updatedBy: TIEL });
    expect([cell(7, 'ID'), cell(7, 'Gemeente'), cell(7, 'Actielijn'), cell(7, 'Begrotingspost'), cell(7, 'Geraamd'), cell(7, 'Prioriteit')]).toEqual(['A-006', 'Tiel', 'AL1', '', '', '']);
    expect(cell(7, 'Toelichting')).toBe('=start'); // text, not a formula
    expect(rawSheet(fakes, TAB.actions).formulas.get(6, COL.Toelichting - 1)).toBe('');
    expect(cell(7, 'Bijgewerkt door')).toBe(TIEL);
    expect(logRows().map((r) => [r[1], r[3], r[4]])).toEqual([
      [TIEL, 'A7', ''],
      [TIEL, 'B7', ''],
      [TIEL, 'C7', ''],
      [TIEL, 'D7', ''],
      [TIEL, 'E7', ''],
      [TIEL, 'H7', ''],
      [TIEL, 'I7', ''],
      [TIEL, 'L7', ''],
      [TIEL, 'M7', ''],
      [TIEL, 'N7', ''],
    ]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    // a second one gets the next ID, never a repeat
    expect(addAction({ actie: 'Tweede', actielijn: 'AL1' }).action.id).toBe('A-007');
  });

  it('refuses money, another municipality, an unknown action line, the project leader and a stranger, in Dutch', () => {
    expect(() => addAction({ actie: 'x', actielijn: 'AL1', geraamd: 250000, begrotingspost: 'P1' })).toThrow(
      'Een nieuwe actie kan alleen actie, actielijn, eigenaar, thema, deadline, status, toelichting, gemeente hebben, niet: geraamd, begrotingspost. Begrotingspost, Geraamd en Prioriteit vult de projectleider in.',
    );
    expect(() => addAction({ actie: 'x', actielijn: 'AL1', gemeente: 'Nijmegen' })).toThrow('Je kunt alleen acties toevoegen voor Tiel, niet voor Nijmegen.');
    expect(() => addAction({ actie: 'x', actielijn: 'AL1', gemeente: 'Regio' })).toThrow(/niet voor Regio/);
    expect(() => addAction({ actie: 'x', actielijn: 'AL9' })).toThrow('Actielijn AL9 bestaat niet; kies uit: AL1.');
    expect(() => addAction({ actielijn: 'AL1' })).toThrow('Actie ontbreekt.');
    expect(() => addAction('A-001')).toThrow('Een nieuwe actie moet een object zijn met ten minste actie en actielijn.');
    fakes.__setUser(PL);
    expect(() => addAction({ actie: 'x', actielijn: 'AL1' })).toThrow(/Als projectleider voeg je een actie toe in het tabblad Acties zelf/);
    fakes.__setUser('iemand@elders.nl');
    expect(() => addAction({ actie: 'x', actielijn: 'AL1' })).toThrow(/Je staat niet als editor bij een gemeente/);
    expect(__values(fakes.spreadsheet, TAB.actions)).toHaveLength(6);
    expect(logRows()).toEqual([]);
  });
});
