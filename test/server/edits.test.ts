import { TAB } from '../../src/core/contract';
import { ID_FORMATS } from '../../src/core/ids';
import { headerCacheKey } from '../../src/app/edits';
import { installEditTrigger, onChangeInstalled, onEditInstalled } from '../../src/server/edits';
import { FakeHandles, Value, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { appendedRaw, installAppendRow, rawSheet } from '../fakes/protectionsExtension';
import { COL, OWNER, PL, TIEL, rightsWorkbook } from './rightsWorkbook';
import { fillWorkbook } from './workbooks';

installAppendRow();

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installAppsScriptFakes({ activeUserEmail: PL, ownerEmail: OWNER });
  rightsWorkbook(fakes);
  appendedRaw.length = 0;
});
afterEach(() => fakes.uninstall());

const cell = (tab: string, row: number, column: number) => rawSheet(fakes, tab).values.get(row - 1, column - 1);
const logRows = () => __values(fakes.spreadsheet, TAB.log)!.slice(1);

/**
 * What Sheets does for a user's edit: the value is already in the cell, then the trigger gets the
 * event. Building the event is not the handler's cost, so the counter is reset afterwards.
 */
function userEdits(tab: string, a1: string, values: Value[][], oldValue?: Value, user = TIEL) {
  const sheet = fakes.spreadsheet.getSheetByName(tab)!;
  const range = sheet.getRange(a1);
  fakes.counter.uncounted(() => range.setValues(values));
  const single = values.length === 1 && values[0].length === 1;
  const e = {
    range,
    source: fakes.spreadsheet,
    user: fakes.counter.uncounted(() => { fakes.__setUser(user); return fakes.Session.getActiveUser(); }),
    value: single ? values[0][0] : undefined,
    oldValue: single ? oldValue : undefined,
    authMode: 'FULL',
    triggerUid: 'trigger-1',
  };
  fakes.counter.reset();
  onEditInstalled(e as unknown as GoogleAppsScript.Events.SheetsOnEdit);
}

/** Service-call categories: accessors on objects already in hand do not reach the spreadsheet. */
const ACCESSORS = new Set(['Range.getSheet', 'Sheet.getName', 'Range.getA1Notation', 'User.getEmail', 'PropertiesService.getDocumentProperties', 'Sheet.getRange']);
const backendCalls = () => Object.entries(fakes.counter.breakdown()).filter(([m]) => !ACCESSORS.has(m)).reduce((n, [, c]) => n + c, 0);

describe('installEditTrigger', () => {
  it('installs the edit and change triggers once, for the project leader only', () => {
    installEditTrigger();
    installEditTrigger();
    expect(fakes.triggers.map((t) => [t.handlerFunction, t.eventType])).toEqual([
      ['onEditInstalled', 'ON_EDIT'],
      ['onChangeInstalled', 'ON_CHANGE'],
    ]);
    fakes.__setUser(TIEL);
    expect(() => installEditTrigger()).toThrow(/Alleen de projectleider/);
    expect(fakes.triggers).toHaveLength(2);
  });
});

describe('onEditInstalled', () => {
  beforeEach(() => installEditTrigger());

  it('stamps and logs a single-cell edit with at most 5 calls that reach the sheet, never reading a whole tab', () => {
    userEdits(TAB.actions, 'I2', [['Afgerond']], 'Loopt');
    expect(backendCalls()).toBeLessThanOrEqual(5);
    // everything counted, accessors included: a fixed ceiling
    expect(fakes.counter.total).toBeLessThanOrEqual(12);
    expect(fakes.counter.count('Sheet.getDataRange')).toBe(0);
    expect(fakes.counter.count('Sheet.getLastRow')).toBe(0);
    expect(cell(TAB.actions, 2, COL['Bijgewerkt door'])).toBe(TIEL);
    expect(cell(TAB.actions, 2, COL['Bijgewerkt op'])).toBeInstanceOf(Date);
    const [row] = logRows();
    expect([row[1], row[2], row[3], row[4], row[5]]).toEqual([TIEL, 'Acties', 'I2', 'Loopt', 'Afgerond']);
  });

  it('costs the same on a sheet of 2.000 rows', () => {
    userEdits(TAB.actions, 'I2', [['Afgerond']], 'Loopt');
    const small = fakes.counter.total;
    fillWorkbook(fakes, { [TAB.actions]: [[] as unknown[]].concat(Array.from({ length: 2000 }, (_, i) => ["Tiel", `Actie ${i}`, `A-${100 + i}`, "AL1"])) });
    userEdits(TAB.actions, 'I1500', [['Loopt']], 'Afgerond');
    expect(fakes.counter.total).toBe(small);
  });

  it('escapes formula-like text in Logboek', () => {
    userEdits(TAB.actions, 'L2', [['=HYPERLINK("http://x")']], '+31 6 1234');
    userEdits(TAB.actions, 'L2', [['@iemand']], '-5');
    // raw rows as handed to appendRow: Oud and Nieuw carry the apostrophe that keeps them text
    expect(appendedRaw.map((r) => [r[4], r[5]])).toEqual([
      [`'+31 6 1234`, `'=HYPERLINK("http://x")`],
      [`'-5`, `'@iemand`],
    ]);
  });

  it('gives a new row the next ID and never reuses one', () => {
    // counter says A-010 was issued once (row since deleted); sheet max is A-005
    fakes.properties.document.setProperty(ID_FORMATS.action.propertyKey, '10');
    userEdits(TAB.actions, 'B7', [['Nieuwe actie']]);
    expect(cell(TAB.actions, 7, COL.ID)).toBe('A-011');
    expect(fakes.properties.document.getProperty(ID_FORMATS.action.propertyKey)).toBe('11');
    // a second edit in the same row keeps its ID
    userEdits(TAB.actions, 'A7', [['Tiel']]);
    expect(cell(TAB.actions, 7, COL.ID)).toBe('A-011');
    // a hand-typed higher ID moves the counter
    userEdits(TAB.actions, 'C8', [['A-050']]);
    userEdits(TAB.actions, 'B9', [['Nog een']]);
    expect(cell(TAB.actions, 9, COL.ID)).toBe('A-051');
  });

  it('numbers Mutaties with M-nnnn and logs without stamping', () => {
    userEdits(TAB.ledger, 'G3', [[250]]);
    // the sheet holds M-0001; installEditTrigger primed the counter from it → M-0002, no stamps in Mutaties
    expect(cell(TAB.ledger, 3, 1)).toBe('M-0002');
    expect(__values(fakes.spreadsheet, TAB.ledger)![0]).toHaveLength(10);
    expect(logRows()[0].slice(2, 6)).toEqual(['Mutaties', 'G3', '', 250]);
  });

  it('marks a value outside the dropdown with a note, keeps it, and clears the note once fixed', () => {
    userEdits(TAB.actions, 'I2', [['Klaar']], 'Loopt');
    expect(cell(TAB.actions, 2, COL.Status)).toBe('Klaar');
    expect(rawSheet(fakes, TAB.actions).notes.get(1, COL.Status - 1)).toMatch(/^Regiomonitor: "Klaar" staat niet in de keuzelijst/);
    userEdits(TAB.actions, 'I2', [['Afgerond']], 'Klaar');
    expect(rawSheet(fakes, TAB.actions).notes.get(1, COL.Status - 1)).toBe('');
  });

  it('logs a multi-cell paste per cell without old values, and stamps every row', () => {
    userEdits(TAB.actions, 'K2:L3', [[100, 'a'], [200, 'b']]);
    expect(logRows().map((r) => [r[3], r[4], r[5]])).toEqual([
      ['K2', '(onbekend)', 100],
      ['L2', '(onbekend)', 'a'],
      ['K3', '(onbekend)', 200],
      ['L3', '(onbekend)', 'b'],
    ]);
    expect([cell(TAB.actions, 2, COL['Bijgewerkt door']), cell(TAB.actions, 3, COL['Bijgewerkt door'])]).toEqual([TIEL, TIEL]);
  });

  it('ignores other tabs and does not stamp an edit of the stamp columns themselves', () => {
    userEdits(TAB.budget, 'D2', [[2000]]);
    expect(logRows()).toEqual([]);
    expect(fakes.counter.total).toBe(2); // getSheet, getName
    userEdits(TAB.actions, 'N2', [['iemand anders']], '');
    expect(cell(TAB.actions, 2, COL['Bijgewerkt door'])).toBe('iemand anders');
    expect(cell(TAB.actions, 2, COL['Bijgewerkt op'])).toBe('');
  });

  it('reads row 1 again after columns move, so stamps land under their headers', () => {
    // a user inserts a blank column B; onChange drops the cache
    fakes.counter.uncounted(() => rawSheet(fakes, TAB.actions).insertColumnsAfter(1, 1));
    onChangeInstalled({ changeType: 'INSERT_COLUMN' });
    expect(fakes.properties.document.getProperty(headerCacheKey(TAB.actions))).toBeNull();
    // Status is now column J, stamps N and O
    userEdits(TAB.actions, 'J2', [['Afgerond']], 'Loopt');
    expect(cell(TAB.actions, 2, COL['Bijgewerkt door'] + 1)).toBe(TIEL);
    // with the stale cache the stamp would have gone into M2, now Toelichting
    expect(cell(TAB.actions, 2, COL.Toelichting + 1)).toBe('');
  });
});
