import { TAB } from '../../src/core/workbook/contract';
import { versionOf } from '../../src/app/myActions';
import { addAction, getMyActions, updateAction } from '../../src/server/myActions';
import { FakeHandles, FakeRange, FakeSheet, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { rawSheet } from '../fakes/protectionsExtension';
import { COL, NIJMEGEN, OWNER, PL, TIEL, rightsWorkbook } from './rightsWorkbook';
import { installEditTrigger } from '../../src/server/edits';
import { MAX_WAITING_PER_USER, REQUEST_PREFIX } from '../../src/core/logbook/queue';
import { QUEUE_FULL_MESSAGE } from '../../src/app/logbook';
import { triggerCatchesUp } from './logbookHelpers';

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installAppsScriptFakes({ activeUserEmail: PL, ownerEmail: OWNER });
  rightsWorkbook(fakes);
  installEditTrigger();
  fakes.__setUser(TIEL);
});
afterEach(() => fakes.uninstall());

const cell = (row: number, header: string) => rawSheet(fakes, TAB.actions).values.get(row - 1, COL[header] - 1);
/** Logboek after the project leader's trigger ran again: the sidebar's lines wait for it. */
const logRows = () => {
  triggerCatchesUp(fakes, PL);
  return __values(fakes.spreadsheet, TAB.log)!.slice(1);
};

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

  it('gives what the sidebar needs around the list: Peildatum, own municipality, action lines', () => {
    const mine = getMyActions();
    expect([mine.referenceDate, mine.ownMunicipality, mine.actionLines]).toEqual(['2025-03-15', 'Tiel', [{ code: 'AL1', name: 'Preventie' }]]);
    // The project leader edits every row but is no municipality's editor: nothing to add a local action to.
    fakes.__setUser(PL);
    expect(getMyActions().ownMunicipality).toBeNull();
  });

  it('gives Bijgewerkt op to the second as the version a save starts from, not only the day', () => {
    // 14:03:07.400 in UTC as Sheets returns a date-time cell; blank gives null.
    rawSheet(fakes, TAB.actions).values.set(4, COL['Bijgewerkt op'] - 1, new Date('2025-03-14T14:03:07.400Z'));
    const [a001, a004] = getMyActions().actions;
    expect(a001.updatedAt).toBeNull();
    expect([a004.updatedOn, a004.updatedAt]).toEqual(['2025-03-14', '2025-03-14T14:03:07.000Z']);
  });
});

describe('updateAction refuses a save over a row that changed since the form loaded', () => {
  const a004 = () => getMyActions().actions.find((a) => a.id === 'A-004')!;

  it('saves when the row is still the version the form started from, and the answer is the next base', () => {
    const first = updateAction('A-004', { status: 'Afgerond' }, versionOf(a004()));
    expect(first.saved).toBe(true);
    // The stamp is written in whole seconds, so it reads back as exactly the version returned.
    expect(first.action.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    expect((cell(5, 'Bijgewerkt op') as Date).toISOString()).toBe(first.action.updatedAt);
    expect(a004().updatedAt).toBe(first.action.updatedAt);
    const second = updateAction('A-004', { toelichting: 'Plan vastgesteld' }, versionOf(first.action));
    expect(second).toMatchObject({ saved: true, action: { status: 'Afgerond', note: 'Plan vastgesteld' } });
  });

  it('refuses when someone typed in the sheet meanwhile without a stamp, and returns the row as it is', () => {
    const base = versionOf(a004());
    // The project leader types a Toelichting by hand while the edit trigger is off: no stamp.
    rawSheet(fakes, TAB.actions).values.set(4, COL.Toelichting - 1, 'Afgestemd met wethouder');
    const result = updateAction('A-004', { status: 'Afgerond', toelichting: 'oud' }, base);
    expect(result).toEqual({ saved: false, changed: ['note'], action: expect.objectContaining({ status: 'Loopt', note: 'Afgestemd met wethouder' }) });
    expect([cell(5, 'Status'), cell(5, 'Toelichting'), cell(5, 'Bijgewerkt door')]).toEqual(['Loopt', 'Afgestemd met wethouder', '']);
    expect(logRows()).toEqual([]);
  });

  it('refuses when only the stamp moved (another column was edited), naming no edited field', () => {
    const base = versionOf(a004());
    const values = rawSheet(fakes, TAB.actions).values;
    values.set(4, COL['Bijgewerkt op'] - 1, new Date('2025-03-14T14:03:07Z'));
    values.set(4, COL['Bijgewerkt door'] - 1, PL);
    const result = updateAction('A-004', { status: 'Afgerond' }, base);
    expect(result).toMatchObject({ saved: false, changed: [] });
    expect(cell(5, 'Status')).toBe('Loopt');
    // With the row's new version the same change goes through.
    expect(updateAction('A-004', { status: 'Afgerond' }, versionOf(result.action)).saved).toBe(true);
  });

  it('reads a status typed in another case as the same version, and refuses a malformed base in Dutch', () => {
    rawSheet(fakes, TAB.actions).values.set(4, COL.Status - 1, ' loopt ');
    expect(updateAction('A-004', { toelichting: 'x' }, { updatedAt: null, status: 'Loopt', deadline: null, note: 'oud' }).saved).toBe(true);
    expect(() => updateAction('A-004', { toelichting: 'y' }, { updatedAt: null, status: 'Loopt', deadline: '2025-02-30', note: '' }))
      .toThrow('De versie van de actie waarvan de wijziging uitgaat ontbreekt of is onleesbaar; vernieuw de zijbalk en probeer het opnieuw.');
    expect(() => updateAction('A-004', { toelichting: 'y' }, 'gisteren')).toThrow(/vernieuw de zijbalk/);
    expect(cell(5, 'Toelichting')).toBe('x');
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
    // one lock for the save; the trigger's catch-up took it once more
    expect(fakes.locks.document.acquired).toBe(2);
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
    // what reached Sheets: the apostrophe that keeps it text, in Acties, and in Logboek once the trigger wrote the line
    const appendRow = jest.spyOn(FakeSheet.prototype as unknown as { appendRow: (r: unknown[]) => unknown }, 'appendRow');
    triggerCatchesUp(fakes, PL);
    const written = [...setValues.mock.calls.flat(3), ...appendRow.mock.calls.flat(2)];
    setValues.mockRestore();
    appendRow.mockRestore();
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
  const waiting = () => Object.keys(fakes.properties.document.getProperties()).filter((k) => k.startsWith(REQUEST_PREFIX));

  it("asks for a Tiel action for Tiel's editor; the project leader's trigger adds it: own Gemeente, next ID, stamps, no money, one Logboek line", () => {
    const result = addAction({ actie: 'Voorlichting scholen', actielijn: 'al1', eigenaar: 'Team Tiel', deadline: '2025-09-01', toelichting: '=start' });
    // nothing is written by the official's own execution: officials have no open rows in Acties
    expect(result.status).toBe('aangevraagd');
    expect(result.action).toMatchObject({ id: '', row: 0, municipality: 'Tiel', title: 'Voorlichting scholen', status: 'Niet gestart', deadline: '2025-09-01', updatedBy: TIEL });
    expect(result.message).toMatch(/^"Voorlichting scholen" is aangevraagd voor Tiel\./);
    expect(__values(fakes.spreadsheet, TAB.actions)).toHaveLength(6);
    expect(waiting()).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);

    triggerCatchesUp(fakes, PL);
    // rows 2-6 exist (A-001..A-005): the new one is row 7, A-006
    expect([cell(7, 'ID'), cell(7, 'Gemeente'), cell(7, 'Actielijn'), cell(7, 'Begrotingspost'), cell(7, 'Geraamd'), cell(7, 'Prioriteit')]).toEqual(['A-006', 'Tiel', 'AL1', '', '', '']);
    expect(cell(7, 'Toelichting')).toBe('=start'); // text, not a formula
    expect(rawSheet(fakes, TAB.actions).formulas.get(6, COL.Toelichting - 1)).toBe('');
    expect(cell(7, 'Bijgewerkt door')).toBe(TIEL);
    expect(waiting()).toEqual([]);
    const lines = logRows();
    expect(lines.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([[TIEL, 'Acties', 'A7:N7', '']]);
    expect(String(lines[0][5])).toMatch(/^Gemeente: Tiel · Actie: Voorlichting scholen · ID: A-006 · Actielijn: AL1 · Eigenaar: Team Tiel · Deadline: 01-09-2025 · Status: Niet gestart · Toelichting: =start/);
    // a second one gets the next ID, never a repeat
    addAction({ actie: 'Tweede', actielijn: 'AL1' });
    triggerCatchesUp(fakes, PL);
    expect(cell(8, 'ID')).toBe('A-007');
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
    expect(waiting()).toEqual([]);
    expect(__values(fakes.spreadsheet, TAB.actions)).toHaveLength(6);
    expect(logRows()).toEqual([]);
  });

  it('checks the request again when carrying it out: an official taken off Editors meanwhile gets nothing added', () => {
    addAction({ actie: 'Voorlichting', actielijn: 'AL1' });
    // the project leader removes Tiel's editor before the trigger runs
    fakes.counter.uncounted(() => rawSheet(fakes, TAB.municipalities).values.set(1, 2, 'collega@tiel.nl'));
    triggerCatchesUp(fakes, PL);
    expect(__values(fakes.spreadsheet, TAB.actions)).toHaveLength(6);
    expect(logRows().map((r) => [r[1], r[5]])).toEqual([['Regiomonitor', 'geweigerd: ambtenaar@tiel.nl is geen editor (meer) van Tiel']]);
    expect(waiting()).toEqual([]);
  });

  it('continues after the stored counter, so an ID of a deleted row is never handed out again', () => {
    PropertiesService.getDocumentProperties().setProperty('regiomonitor.ids.action', '41');
    addAction({ actie: 'Voorlichting', actielijn: 'AL1' });
    addAction({ actie: 'Tweede', actielijn: 'AL1', status: 'Loopt' });
    triggerCatchesUp(fakes, PL);
    expect([cell(7, 'ID'), cell(8, 'ID'), cell(8, 'Status')]).toEqual(['A-042', 'A-043', 'Loopt']);
    expect(PropertiesService.getDocumentProperties().getProperty('regiomonitor.ids.action')).toBe('43');
  });

  it('lets no one person fill the queue for everyone: 25 waiting requests each at most', () => {
    for (let i = 0; i < MAX_WAITING_PER_USER; i++) addAction({ actie: `Actie ${i}`, actielijn: 'AL1' });
    expect(() => addAction({ actie: 'Nog een', actielijn: 'AL1' })).toThrow(QUEUE_FULL_MESSAGE);
    fakes.__setUser(NIJMEGEN);
    expect(addAction({ actie: 'Van Nijmegen', actielijn: 'AL1' }).status).toBe('aangevraagd');
    expect(waiting()).toHaveLength(MAX_WAITING_PER_USER + 1);
    // once the trigger has run, Tiel can ask again
    triggerCatchesUp(fakes, PL);
    fakes.__setUser(TIEL);
    expect(addAction({ actie: 'Nog een', actielijn: 'AL1' }).status).toBe('aangevraagd');
    expect(__values(fakes.spreadsheet, TAB.actions)).toHaveLength(6 + MAX_WAITING_PER_USER + 1);
  });

  it('keeps a title within the limit the sidebar counts down from', () => {
    expect(() => addAction({ actie: 'x'.repeat(201), actielijn: 'AL1' })).toThrow('Actie is te lang (hoogstens 200 tekens).');
    expect(addAction({ actie: 'x'.repeat(200), actielijn: 'AL1' }).action.title).toHaveLength(200);
  });
});
