import { TAB } from '../../src/core/workbook/contract';
import { ID_FORMATS } from '../../src/core/workbook/ids';
import { logVerdict } from './logbookHelpers';
import { ROW_COPY_TAB } from '../../src/core/logbook/rowCopy';
import { MISSED_PREFIX } from '../../src/core/logbook/queue';
import { headerCacheKey } from '../../src/core/logbook/editCache';
import { installEditTrigger, onChangeInstalled, onEditInstalled } from '../../src/server/edits';
import { FakeHandles, Value, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { rawSheet } from '../fakes/protectionsExtension';
import { COL, CONTROLLER, NIJMEGEN, OWNER, PL, TIEL, rightsWorkbook } from './rightsWorkbook';
import { fillWorkbook } from './workbooks';

let fakes: FakeHandles;
beforeEach(() => {
  // A missed edit is also written to the execution log; here the tests look at what was remembered.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  fakes = installAppsScriptFakes({ activeUserEmail: PL, ownerEmail: OWNER });
  rightsWorkbook(fakes);
});
afterEach(() => {
  fakes.uninstall();
  jest.restoreAllMocks();
});

const cell = (tab: string, row: number, column: number) => rawSheet(fakes, tab).values.get(row - 1, column - 1);
const note = (tab: string, row: number, column: number) => rawSheet(fakes, tab).notes.get(row - 1, column - 1);
const logRows = () => __values(fakes.spreadsheet, TAB.log)!.slice(1);
/** Logboek lines as [Gebruiker, Tabblad, Cel, Oud, Nieuw]. */
const logLines = () => logRows().map((r) => [r[1], r[2], r[3], r[4], r[5]]);
const chainFindings = () => logVerdict(fakes, PL).findings;

/**
 * What Sheets does for a user's edit: the value is already in the cell, then the trigger gets the
 * event. The trigger runs as the project leader who installed it (the effective user); `e.user` is
 * the editor, '' when Google hides the address. Building the event is not the handler's cost, so
 * the counter is reset afterwards.
 */
function edit(tab: string, a1: string, values: Value[][], oldValue?: Value, user = TIEL) {
  const sheet = fakes.spreadsheet.getSheetByName(tab)!;
  const range = sheet.getRange(a1);
  fakes.counter.uncounted(() => range.setValues(values));
  const single = values.length === 1 && values[0].length === 1;
  return {
    range,
    source: fakes.spreadsheet,
    user: fakes.counter.uncounted(() => {
      fakes.__setUser(user, PL);
      return fakes.Session.getActiveUser();
    }),
    value: single ? values[0][0] : undefined,
    oldValue: single ? oldValue : undefined,
    authMode: 'FULL',
    triggerUid: 'trigger-1',
  } as unknown as GoogleAppsScript.Events.SheetsOnEdit;
}

function userEdits(tab: string, a1: string, values: Value[][], oldValue?: Value, user = TIEL) {
  const e = edit(tab, a1, values, oldValue, user);
  fakes.counter.reset();
  onEditInstalled(e);
}

describe('installEditTrigger', () => {
  it('installs the edit and change triggers once, for the project leader only', () => {
    installEditTrigger();
    installEditTrigger();
    expect(fakes.triggers.map((t) => [t.handlerFunction, t.eventType])).toEqual([
      ['onEditInstalled', 'ON_EDIT'],
      ['onChangeInstalled', 'ON_CHANGE'],
    ]);
    fakes.__setUser(TIEL);
    expect(() => installEditTrigger()).toThrow('Alleen de projectleider (projectleider@nijmegen.nl) kan het bijhouden van bewerkingen aanzetten; je bent ingelogd als ambtenaar@tiel.nl.');
    expect(fakes.triggers).toHaveLength(2);
  });
});

describe('onEditInstalled', () => {
  beforeEach(() => installEditTrigger());

  it('stamps and logs an official editing Status of their own row, in at most 15 service calls', () => {
    userEdits(TAB.actions, 'I2', [['Afgerond']], 'Loopt');
    // Measured: the event (getSheet, getName, getA1Notation, the editor's getEmail), the trigger
    // owner's user properties (getUserProperties, getProperties), the edited row (getRange,
    // getValues), the stamps (getRange, setValues), Logboek (getSheetByName, appendRow) and the row
    // copy's entry at its ID's place (getSheetByName, getRange, setValues): 4 + 2 + 2 + 2 + 2 + 3 = 15.
    expect(fakes.counter.total).toBeLessThanOrEqual(15);
    expect(fakes.counter.count('Sheet.getDataRange')).toBe(0);
    expect(fakes.counter.count('Range.getValues')).toBe(1); // the edited row only
    expect(fakes.counter.count('Lock.waitLock') + fakes.counter.count('Lock.tryLock')).toBe(0); // touches nothing another edit shares
    expect(cell(TAB.actions, 2, COL['Bijgewerkt door'])).toBe(TIEL);
    expect(cell(TAB.actions, 2, COL['Bijgewerkt op'])).toBeInstanceOf(Date);
    expect(logLines()).toEqual([[TIEL, 'Acties', 'I2', 'Loopt', 'Afgerond']]);
    expect(chainFindings()).toEqual([]);
  });

  it('costs the same on a sheet of 2.000 rows', () => {
    userEdits(TAB.actions, 'I2', [['Afgerond']], 'Loopt');
    const small = fakes.counter.breakdown();
    fillWorkbook(fakes, { [TAB.actions]: [[] as unknown[]].concat(Array.from({ length: 2000 }, (_, i) => ['Tiel', `Actie ${i}`, `A-${100 + i}`, 'AL1'])) });
    // once: the hidden copy grows to hold A-2099 at its place (row 2.100)
    userEdits(TAB.actions, 'I2001', [['Loopt']], 'Afgerond');
    expect(fakes.counter.count('Sheet.insertRowsAfter')).toBe(1);
    userEdits(TAB.actions, 'I1500', [['Loopt']], 'Afgerond');
    expect(fakes.counter.breakdown()).toEqual(small);
  });

  it('refuses to run from anyone else than the project leader who installed it', () => {
    const e = edit(TAB.actions, 'I2', [['Afgerond']], 'Loopt');
    fakes.__setUser(TIEL, TIEL); // an official calling the handler from their own console
    expect(() => onEditInstalled(e)).toThrow(/onEditInstalled draait alleen als trigger van de projectleider .*\(projectleider@nijmegen.nl\)/);
    expect(logRows()).toEqual([]);
    expect(fakes.locks.document.held).toBe(false);
  });

  it('escapes formula-like text in Logboek', () => {
    userEdits(TAB.actions, 'L2', [['=HYPERLINK("http://x")']], '+31 6 1234');
    userEdits(TAB.actions, 'L2', [['@iemand']], '-5');
    expect(logLines().map((l) => [l[3], l[4]])).toEqual([
      ['+31 6 1234', '=HYPERLINK("http://x")'],
      ['-5', '@iemand'],
    ]);
    // stored as text, never as a formula
    expect(rawSheet(fakes, TAB.log).formulas.rows.flat().filter(Boolean)).toEqual([]);
    expect(chainFindings()).toEqual([]);
  });

  it('gives a new row of the project leader the next ID and never reuses one', () => {
    // counter says A-010 was issued once (row since deleted); sheet max is A-005
    fakes.properties.document.setProperty(ID_FORMATS.action.propertyKey, '10');
    userEdits(TAB.actions, 'B7', [['Nieuwe actie']], '', PL);
    expect(cell(TAB.actions, 7, COL.ID)).toBe('A-011');
    expect(fakes.properties.document.getProperty(ID_FORMATS.action.propertyKey)).toBe('11');
    userEdits(TAB.actions, 'A7', [['Tiel']], '', PL);
    expect(cell(TAB.actions, 7, COL.ID)).toBe('A-011');
    userEdits(TAB.actions, 'C8', [['A-050']], '', PL);
    userEdits(TAB.actions, 'B9', [['Nog een']], '', PL);
    expect(cell(TAB.actions, 9, COL.ID)).toBe('A-051');
  });

  it('gives a pasted row that repeats an existing ID a fresh one, with a note and a Logboek line', () => {
    // the project leader copies row 2 into row 7
    const row2 = __values(fakes.spreadsheet, TAB.actions)![1];
    userEdits(TAB.actions, 'A7:N7', [row2], undefined, PL);
    expect(cell(TAB.actions, 7, COL.ID)).toBe('A-006');
    expect(cell(TAB.actions, 2, COL.ID)).toBe('A-001');
    expect(note(TAB.actions, 7, COL.ID)).toBe('Regiomonitor: ID A-001 bestond al in Acties; deze rij kreeg A-006.');
    expect(logLines()).toContainEqual(['Regiomonitor', 'Acties', 'C7', 'A-001', 'A-006']);
  });

  it('puts back what an official typed into a column that is not theirs, keeping it in a note and Logboek', () => {
    // Geraamd (K) of their own row 2, which was blank
    userEdits(TAB.actions, 'K2', [[250000]], '');
    expect(cell(TAB.actions, 2, COL.Geraamd)).toBe('');
    expect(note(TAB.actions, 2, COL.Geraamd)).toBe('Regiomonitor: ambtenaar@tiel.nl typte "250000", maar alleen de projectleider mag de kolom Geraamd wijzigen. De oude waarde is teruggezet; het getypte staat in Logboek.');
    expect(logLines()).toEqual([
      [TIEL, 'Acties', 'K2', '', 250000],
      ['Regiomonitor', 'Acties', 'K2', 250000, ''],
    ]);
    // nothing in the row changed after all: no stamps
    expect(cell(TAB.actions, 2, COL['Bijgewerkt door'])).toBe('');

    // the ID of their own row, retyped as a Nijmegen ID; Gemeente changed to another municipality
    userEdits(TAB.actions, 'C2', [['A-002']], 'A-001');
    userEdits(TAB.actions, 'A5', [['Nijmegen']], 'Tiel');
    expect([cell(TAB.actions, 2, COL.ID), cell(TAB.actions, 5, COL.Gemeente)]).toEqual(['A-001', 'Tiel']);
    expect(chainFindings()).toEqual([]);
  });

  it("puts back an official's edit of another municipality's row, a regional row and a new row", () => {
    userEdits(TAB.actions, 'I3', [['Afgerond']], 'Niet gestart'); // Nijmegen
    userEdits(TAB.actions, 'I4', [['Afgerond']], 'Loopt'); // Regio
    userEdits(TAB.actions, 'I7', [['Loopt']], ''); // new row, with Regio and money to follow
    expect([cell(TAB.actions, 3, COL.Status), cell(TAB.actions, 4, COL.Status), cell(TAB.actions, 7, COL.Status)]).toEqual(['Niet gestart', 'Loopt', '']);
    expect(note(TAB.actions, 7, COL.Status)).toMatch(/alleen de projectleider mag de kolom Status in een nieuwe rij vullen/);
    // the new row got no ID: it is empty again
    expect(cell(TAB.actions, 7, COL.ID)).toBe('');
  });

  it('keeps a pasted value outside the rights (its old value is unknown), flags it and logs it for the check, one line and note per block', () => {
    // Geraamd and Toelichting of rows 2 (Tiel) and 3 (Nijmegen): outside the rights are K2 (Geraamd
    // of their own row) and K3:L3 (all of Nijmegen's row): two blocks.
    userEdits(TAB.actions, 'K2:L3', [[100, 'a'], [200, 'b']]);
    expect([cell(TAB.actions, 2, COL.Geraamd), cell(TAB.actions, 2, COL.Toelichting)]).toEqual([100, 'a']);
    expect(note(TAB.actions, 2, COL.Geraamd)).toBe('Regiomonitor: ambtenaar@tiel.nl wijzigde de kolom Geraamd, wat alleen de projectleider mag. De waarde is bewaard; de projectleider beslist (zie Controles en Logboek).');
    expect(note(TAB.actions, 2, COL.Toelichting)).toBe('');
    expect(note(TAB.actions, 3, COL.Geraamd)).toBe('Regiomonitor: ambtenaar@tiel.nl wijzigde K3:L3, wat alleen de projectleider mag. De waarden zijn bewaard (deze cel: "200"); de projectleider beslist (zie Controles en Logboek).');
    expect(note(TAB.actions, 3, COL.Toelichting)).toBe('');
    expect(logLines()).toEqual([
      [TIEL, 'Acties', 'K2', '(onbekend)', 100],
      [TIEL, 'Acties', 'L2', '(onbekend)', 'a'],
      [TIEL, 'Acties', 'K3', '(onbekend)', 200],
      [TIEL, 'Acties', 'L3', '(onbekend)', 'b'],
      ['Regiomonitor', 'Acties', 'K2', '(1 cellen)', 'buiten rechten bewaard'],
      ['Regiomonitor', 'Acties', 'K3:L3', '(2 cellen)', 'buiten rechten bewaard'],
    ]);
    expect(chainFindings()).toEqual([]);
  });

  it('treats one pasted cell as a paste: Sheets gives no values, so Geraamd pasted over their own row is kept and flagged, not blanked', () => {
    fakes.counter.uncounted(() => rawSheet(fakes, TAB.actions).values.set(1, COL.Geraamd - 1, 5000));
    const e = edit(TAB.actions, 'K2', [[7000]]);
    Object.assign(e, { value: undefined, oldValue: undefined });
    onEditInstalled(e);
    expect(cell(TAB.actions, 2, COL.Geraamd)).toBe(7000);
    expect(logLines()).toEqual([
      [TIEL, 'Acties', 'K2', '(onbekend)', 7000],
      ['Regiomonitor', 'Acties', 'K2', '(1 cellen)', 'buiten rechten bewaard'],
    ]);
  });

  it('names the municipality whose editors alone could make an edit when Google hides the address', () => {
    userEdits(TAB.actions, 'I5', [['Afgerond']], 'Loopt', ''); // Tiel row
    expect(cell(TAB.actions, 5, COL['Bijgewerkt door'])).toBe('editor van Tiel');
    expect(logLines()).toEqual([['editor van Tiel', 'Acties', 'I5', 'Loopt', 'Afgerond']]);
    userEdits(TAB.ledger, 'J2', [['correctie']], 'x', '');
    expect(logRows()[1][1]).toBe('controller');
    expect(logRows().every((r) => r[1] !== '')).toBe(true);
  });

  it('numbers Mutaties with M-nnn for the controller and puts back an official', () => {
    userEdits(TAB.ledger, 'G3', [[250]], '', CONTROLLER);
    expect(cell(TAB.ledger, 3, 1)).toBe('M-002');
    expect(__values(fakes.spreadsheet, TAB.ledger)![0]).toHaveLength(10);
    expect(logLines()[0]).toEqual([CONTROLLER, 'Mutaties', 'G3', '', 250]);
    userEdits(TAB.ledger, 'G2', [[999999]], 100, NIJMEGEN);
    expect(cell(TAB.ledger, 2, 7)).toBe(100);
  });

  it('marks a value outside the dropdown with a note, keeps it, and clears the note once fixed', () => {
    userEdits(TAB.actions, 'I2', [['Klaar']], 'Loopt');
    expect(cell(TAB.actions, 2, COL.Status)).toBe('Klaar');
    expect(note(TAB.actions, 2, COL.Status)).toMatch(/^Regiomonitor: "Klaar" staat niet in de keuzelijst/);
    userEdits(TAB.actions, 'I2', [['Afgerond']], 'Klaar');
    expect(note(TAB.actions, 2, COL.Status)).toBe('');
  });

  it('ignores other tabs; stamps typed by hand are put back for an official, kept for the project leader', () => {
    userEdits(TAB.budget, 'D2', [[2000]]);
    expect(logRows()).toEqual([]);
    expect(fakes.counter.total).toBe(2); // getSheet, getName
    userEdits(TAB.actions, 'N2', [['iemand anders']], '');
    expect(cell(TAB.actions, 2, COL['Bijgewerkt door'])).toBe('');
    userEdits(TAB.actions, 'N2', [['handmatig']], '', PL);
    expect(cell(TAB.actions, 2, COL['Bijgewerkt door'])).toBe('handmatig');
    expect(cell(TAB.actions, 2, COL['Bijgewerkt op'])).toBe('');
  });

  it('reads row 1 again after columns move, so stamps land under their headers', () => {
    // the project leader inserts a blank column B; onChange drops the cache
    fakes.counter.uncounted(() => rawSheet(fakes, TAB.actions).insertColumnsAfter(1, 1));
    onChangeInstalled({ changeType: 'INSERT_COLUMN' });
    expect(fakes.__userProperties(PL).getProperty(headerCacheKey(TAB.actions)) || null).toBeNull();
    // Status is now column J, stamps N and O
    userEdits(TAB.actions, 'J2', [['Afgerond']], 'Loopt');
    expect(cell(TAB.actions, 2, COL['Bijgewerkt door'] + 1)).toBe(TIEL);
    expect(cell(TAB.actions, 2, COL.Toelichting + 1)).toBe('');
  });
});

describe('concurrent edits', () => {
  beforeEach(() => installEditTrigger());

  /**
   * Two officials type a new row each (allowed through the project leader here, who owns new rows)
   * and a status at the same moment; their triggers run at once. The second trigger starts during
   * every service call of the first in turn.
   */
  function race(at: number) {
    const a = edit(TAB.actions, 'B7', [['Actie A']], '', PL);
    const b = edit(TAB.actions, 'B8', [['Actie B']], '', PL);
    fakes.__executions.run('A', () => onEditInstalled(a), [{ at, name: 'B', run: () => onEditInstalled(b) }]);
    expect(fakes.__executions.pending()).toEqual([]);
  }

  it('gives no duplicate IDs and loses no Logboek line, wherever the second edit cuts in', () => {
    const calls = (() => {
      const e = edit(TAB.actions, 'B9', [['meten']], '', PL);
      fakes.counter.reset();
      onEditInstalled(e);
      return fakes.counter.total;
    })();
    let missed = 0;
    for (let at = 1; at <= calls; at++) {
      fakes.uninstall();
      fakes = installAppsScriptFakes({ activeUserEmail: PL, ownerEmail: OWNER });
      rightsWorkbook(fakes);
      installEditTrigger();
      race(at);
      // B found the lock taken while A gave its ID: remembered, and put right by the next run of a trigger.
      const waited = Object.keys(fakes.properties.document.getProperties()).some((k) => k.startsWith(MISSED_PREFIX));
      if (waited) missed++;
      onChangeInstalled({ changeType: 'EDIT', source: fakes.spreadsheet } as never);
      expect([at, [cell(TAB.actions, 7, COL.ID), cell(TAB.actions, 8, COL.ID)].sort()]).toEqual([at, ['A-006', 'A-007']]);
      expect(logLines().map((l) => l[2]).sort()).toEqual(['B7', 'B8']);
      expect(chainFindings()).toEqual([]);
    }
    // B cut in before A took the lock, while A held it, and after A let go
    expect(missed).toBeGreaterThan(0);
    expect(missed).toBeLessThan(calls);
  });

  it('loses no Logboek line when an edit without the lock appends while a paste holds it', () => {
    const calls = (() => {
      const e = edit(TAB.actions, 'B9:C9', [['meten', '']], undefined, PL);
      fakes.counter.reset();
      onEditInstalled(e);
      return fakes.counter.total;
    })();
    for (let at = 1; at <= calls; at++) {
      fakes.uninstall();
      fakes = installAppsScriptFakes({ activeUserEmail: PL, ownerEmail: OWNER });
      rightsWorkbook(fakes);
      installEditTrigger();
      // the project leader pastes a new row; Tiel's editor changes a status meanwhile
      const paste = edit(TAB.actions, 'B7:D7', [['Actie A', '', 'AL1']], undefined, PL);
      const status = edit(TAB.actions, 'I2', [['Afgerond']], 'Loopt', TIEL);
      fakes.__executions.run('paste', () => onEditInstalled(paste), [{ at, name: 'status', run: () => onEditInstalled(status) }]);
      onChangeInstalled({ changeType: 'EDIT', source: fakes.spreadsheet } as never);
      // C7 was pasted blank over an unknown old value: logged too
      expect([at, logLines().map((l) => l[2]).sort()]).toEqual([at, ['B7', 'C7', 'D7', 'I2']]);
      expect(cell(TAB.actions, 7, COL.ID)).toBe('A-006');
      expect(chainFindings()).toEqual([]);
    }
  });

  it('without the lock the same race hands out one ID twice and loses a line (the test can fail)', () => {
    const noLock = { waitLock() {}, tryLock: () => true, releaseLock() {}, hasLock: () => true };
    let broken = 0;
    for (let at = 1; at <= 40; at++) {
      fakes.uninstall();
      fakes = installAppsScriptFakes({ activeUserEmail: PL, ownerEmail: OWNER });
      rightsWorkbook(fakes);
      installEditTrigger();
      (fakes.LockService as unknown as { getDocumentLock: () => unknown }).getDocumentLock = () => noLock;
      race(at);
      if (cell(TAB.actions, 7, COL.ID) === cell(TAB.actions, 8, COL.ID) || logRows().length < 2) broken++;
    }
    expect(broken).toBeGreaterThan(0);
  });
});

describe('onChangeInstalled: deleted rows', () => {
  beforeEach(() => installEditTrigger());

  it('logs a deleted row of Acties and of Mutaties with its ID and content', () => {
    fakes.counter.uncounted(() => rawSheet(fakes, TAB.actions).deleteRow(3)); // A-002 Nijmegen Campagne
    fakes.__setUser(PL, PL);
    onChangeInstalled({ changeType: 'REMOVE_ROW', source: fakes.spreadsheet } as never);
    expect(logLines()).toEqual([
      // Google gave no address; removing a whole row needs the project leader's rights
      ['onbekende gebruiker', 'Acties', 'rij 3', 'Gemeente: Nijmegen · Actie: Campagne · ID: A-002 · Actielijn: AL1 · Eigenaar: Team Nijmegen · Prioriteit: Laag · Status: Niet gestart', '(rij verwijderd)'],
    ]);
    fakes.counter.uncounted(() => rawSheet(fakes, TAB.ledger).deleteRow(2));
    onChangeInstalled({ changeType: 'REMOVE_ROW', source: fakes.spreadsheet } as never);
    expect(logLines()[1]).toEqual(['controller', 'Mutaties', 'rij 2', expect.stringMatching(/^ID: M-0001 · Datum: 01-02-2025 · Jaar: 2025 · Code: P1 · Actie-ID: A-001 · Soort: Realisatie · Bedrag: 100/), '(rij verwijderd)']);
    // nothing logged twice: the copy follows the sheet again
    onChangeInstalled({ changeType: 'REMOVE_ROW', source: fakes.spreadsheet } as never);
    expect(logRows()).toHaveLength(2);
    expect(chainFindings()).toEqual([]);
  });

  it('keeps the copy in step with edits, so a changed row is logged as it was last', () => {
    userEdits(TAB.actions, 'I5', [['Afgerond']], 'Loopt');
    fakes.counter.uncounted(() => rawSheet(fakes, TAB.actions).deleteRow(5));
    onChangeInstalled({ changeType: 'REMOVE_ROW', source: fakes.spreadsheet } as never);
    expect(logLines()[1][3]).toMatch(/ID: A-004 .*Status: Afgerond .*Bijgewerkt door: ambtenaar@tiel.nl$/);
    expect(rawSheet(fakes, ROW_COPY_TAB).name).toBe(ROW_COPY_TAB);
  });
});
