import { AppsScriptWorkbook, MONEY_COLUMN_PIXELS, NUMBER_FORMAT } from '../../../src/adapters/appsscript/workbook';
import { groupCells } from '../../../src/adapters/appsscript/cellBlocks';
import { appsScriptRuntime, LOCK_BUSY_MESSAGE } from '../../../src/adapters/appsscript/runtime';
import { LAYOUT, TAB, TabLayout, TabName } from '../../../src/core/workbook/contract';
import { escapeCellText } from '../../../src/core/sheet/escape';
import {
  DataValidationCriteria, FakeHandles, FakeRange, FakeSheet, __formulaCells, __setValuesRaw, __values, installAppsScriptFakes,
} from '../../fakes/spreadsheetApp';

let fakes: FakeHandles;
let wb: AppsScriptWorkbook;

const sheet = (name: string): FakeSheet => fakes.counter.uncounted(() => fakes.spreadsheet.getSheetByName(name)!);
const newWorkbook = () => new AppsScriptWorkbook(fakes.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);

beforeEach(() => {
  fakes = installAppsScriptFakes();
  wb = newWorkbook();
});
afterEach(() => fakes.uninstall());

describe('readTab', () => {
  it('reads a whole tab with one getDataRange().getValues(), blanks as empty strings', () => {
    __setValuesRaw(fakes.spreadsheet.insertSheet('Dekking'), 1, 1, [['Jaar', 'Bron', 'Bedrag'], [2021, 'DU VO', 5519594], [2022, '', '']]);
    const fresh = newWorkbook();
    fresh.tabNames(); // tab lookup is cached per run, not per read
    fakes.counter.reset();
    expect(fresh.readTab('Dekking')).toEqual([['Jaar', 'Bron', 'Bedrag'], [2021, 'DU VO', 5519594], [2022, '', '']]);
    expect(fakes.counter.breakdown()).toEqual({ 'Sheet.getDataRange': 1, 'Range.getValues': 1 });
    expect(fresh.readTab('Bestaat niet')).toBeNull();
  });

  it('finds a tab whatever the case of its name', () => {
    __setValuesRaw(fakes.spreadsheet.insertSheet('mutaties'), 1, 1, [['ID']]);
    expect(newWorkbook().readTab('Mutaties')).toEqual([['ID']]);
  });
});

describe('createTab', () => {
  it('writes the header bold and frozen, formats whole columns and sets flag-only dropdowns', () => {
    wb.createTab(TAB.budget, LAYOUT[TAB.budget]);
    const s = sheet(TAB.budget);
    expect(__values(fakes.spreadsheet, TAB.budget)).toEqual([['Jaar', 'Code', 'Begrotingspost', 'Raming', 'Karakter', 'Toelichting']]);
    expect(s.getFrozenRows()).toBe(1);
    expect(s.getRange('A1:F1').getFontWeights()[0]).toEqual(Array(6).fill('bold'));
    // Raming is column D; the format reaches the last row of the sheet.
    expect(s.getRange('D2').getNumberFormat()).toBe('"€" #,##0.00;"€" -#,##0.00');
    expect(s.getRange('D1000').getNumberFormat()).toBe(NUMBER_FORMAT.money);
    expect(s.getRange('A500').getNumberFormat()).toBe('0');
    const rule = s.getRange('E2').getDataValidation()!;
    expect(rule.getCriteriaType()).toBe(DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()[0]).toEqual(['Wettelijk', 'Vast', 'Flexibel']);
    expect(rule.getAllowInvalid()).toBe(true);
    expect(s.getRange('E1').getDataValidation()).toBeNull(); // never on the header
  });

  it('points a dropdown at another tab column, also when that tab is created later', () => {
    wb.createTab(TAB.actions, LAYOUT[TAB.actions]); // Begrotingspost refers to Begroting, not there yet
    wb.createTab(TAB.budget, LAYOUT[TAB.budget]);
    wb.createTab(TAB.ledger, LAYOUT[TAB.ledger]);
    // Acties: Begrotingspost is column J (10th); Mutaties: Code is column D.
    for (const [tab, cell] of [[TAB.actions, 'J2'], [TAB.ledger, 'D7']] as const) {
      const rule = sheet(tab).getRange(cell).getDataValidation()!;
      expect(rule.getCriteriaType()).toBe(DataValidationCriteria.VALUE_IN_RANGE);
      const source = rule.getCriteriaValues()[0] as FakeRange;
      expect(`${source.getSheet().getName()}!${source.getA1Notation()}`).toBe('Begroting!B2:B1000');
      expect(rule.getAllowInvalid()).toBe(true);
    }
  });

  it('lists the municipalities plus Regio for the Gemeente dropdown', () => {
    wb.createTab(TAB.municipalities, LAYOUT[TAB.municipalities]);
    wb.appendRows(TAB.municipalities, [['Tiel', 'Rivierenland'], ['Buren', 'Rivierenland'], ['Tiel', 'dubbel']]);
    wb.createTab(TAB.actions, LAYOUT[TAB.actions]);
    // Gemeente is column C of Acties; Tiel once (duplicates dropped), then the extra value Regio.
    const rule = sheet(TAB.actions).getRange('C2').getDataValidation()!;
    expect(rule.getCriteriaType()).toBe(DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()[0]).toEqual(['Tiel', 'Buren', 'Regio']);
  });

  it('puts tabs in creation order, not after the active tab', () => {
    wb.createTab('Een', { headers: ['A'] });
    fakes.spreadsheet.setActiveSheet(fakes.spreadsheet.getSheetByName('Blad1')!);
    wb.createTab('Twee', { headers: ['B'] });
    expect(fakes.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Blad1', 'Een', 'Twee']);
  });
});

describe('money columns', () => {
  it('are sized for € -99.999.999,99 when a tab is created or replaced, found by the layout\'s money format', () => {
    // Sheets' Arial 10: about 7 px a character, and the cell's padding.
    expect(MONEY_COLUMN_PIXELS).toBeGreaterThanOrEqual('€ -99.999.999,99'.length * 7 + 10);
    for (const tab of [TAB.budget, TAB.coverage, TAB.ledger]) wb.createTab(tab, LAYOUT[tab]);
    fakes.counter.reset();
    wb.replaceTab(TAB.budgetCheck, LAYOUT[TAB.budgetCheck], [[2024, 'VT', 'Veilig Thuis', 99_999_999.99]]);
    // Budgetcontrole's seven money columns D..J are adjacent: one call.
    expect(fakes.counter.count('Sheet.setColumnWidths')).toBe(1);
    const widths = (tab: string) => LAYOUT[tab as TabName].headers.map((_, i) => sheet(tab).getColumnWidth(i + 1));
    const expected = (tab: string) => LAYOUT[tab as TabName].headers.map((h) => (LAYOUT[tab as TabName].formats?.[h] === 'money' ? MONEY_COLUMN_PIXELS : 100));
    for (const tab of [TAB.budget, TAB.coverage, TAB.ledger, TAB.budgetCheck]) expect([tab, widths(tab)]).toEqual([tab, expected(tab)]);
    expect(widths(TAB.budget)[3]).toBe(MONEY_COLUMN_PIXELS); // Raming
  });
});

describe('repairTab', () => {
  it('adds only missing headers after the last used column and leaves every data cell alone', () => {
    const s = fakes.spreadsheet.insertSheet(TAB.coverage);
    // User's sheet: columns in another order, Toelichting missing, an own column with data in E.
    const user = [
      ['Bedrag', 'Jaar', 'Bron', '', 'Eigen kolom'],
      ['€ 1.900.000,-', 2021, 'DU VO', '', 'notitie'],
      [-2500, 2022, 'correctie', '', ''],
    ];
    __setValuesRaw(s, 1, 1, user);
    s.setFrozenRows(2);
    const added = newWorkbook().repairTab(TAB.coverage, LAYOUT[TAB.coverage]);
    // Toelichting and the optional-by-parsing Datum (contract v3) are missing
    expect(added).toEqual(['Toelichting', 'Datum']);
    const after = __values(fakes.spreadsheet, TAB.coverage)!;
    expect(after.map((r) => r.slice(0, 5))).toEqual(user);
    expect(after.map((r) => r[5])).toEqual(['Toelichting', '', '']);
    expect(after.map((r) => r[6])).toEqual(['Datum', '', '']);
    expect(s.getFrozenRows()).toBe(2); // the user's choice stays
    // Bedrag is still found by header in column A.
    expect(s.getRange('A3').getNumberFormat()).toBe(NUMBER_FORMAT.money);
    expect(newWorkbook().repairTab(TAB.coverage, LAYOUT[TAB.coverage])).toEqual([]);
  });

  it('grows the sheet when the missing headers do not fit', () => {
    const s = fakes.spreadsheet.insertSheet('Smal');
    __setValuesRaw(s, 1, 1, [Array.from({ length: 26 }, (_, i) => `K${i}`)]);
    expect(newWorkbook().repairTab('Smal', { headers: ['K0', 'Nieuw1', 'Nieuw2'] })).toEqual(['Nieuw1', 'Nieuw2']);
    expect(s.getMaxColumns()).toBe(28);
    expect(s.getRange('AB1').getValue()).toBe('Nieuw2');
  });
});

describe('appendRows', () => {
  it('writes under the last row in one setValues, growing the sheet first', () => {
    wb.createTab(TAB.ledger, LAYOUT[TAB.ledger]);
    const rows = Array.from({ length: 1500 }, (_, i) => [`M-${i + 1}`, '', 2021, 'VT', '', 'Realisatie', 100]);
    fakes.counter.reset();
    wb.appendRows(TAB.ledger, rows);
    expect(fakes.counter.count('Range.setValues')).toBe(1);
    const s = sheet(TAB.ledger);
    // header + 1500 rows = 1501 > 1000
    expect(s.getLastRow()).toBe(1501);
    expect(s.getMaxRows()).toBeGreaterThanOrEqual(1501);
    expect(s.getRange('A1501').getValue()).toBe('M-1500');
  });
});

describe('replaceTab', () => {
  const layout: TabLayout = LAYOUT[TAB.checks];
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [TAB.ledger, i + 2, 'Bedrag (G)', 'twintig', 'geen bedrag', 'niet meegeteld']);

  it('costs the same number of service calls for few and for many rows', () => {
    const calls = (n: number) => {
      const f = installAppsScriptFakes();
      const w = new AppsScriptWorkbook(f.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
      w.replaceTab(TAB.checks, layout, rows(10)); // first run creates; the second is the steady state
      f.counter.reset();
      w.replaceTab(TAB.checks, layout, rows(n));
      const result = { total: f.counter.total, setValues: f.counter.count('Range.setValues') };
      f.uninstall();
      return result;
    };
    // Within the sheet's 1000 rows: no growth either way.
    const small = calls(10);
    expect(calls(900)).toEqual(small);
    expect(small.setValues).toBe(1);
    // Past 1000 rows one insertRowsAfter grows the sheet, however many rows are added.
    const large = calls(1500);
    expect(calls(5000)).toEqual(large);
    expect(large.total).toBe(small.total + 1);
  });

  it('grows for many rows and clears stale rows of a longer earlier run', () => {
    wb.replaceTab(TAB.checks, layout, rows(1200));
    expect(sheet(TAB.checks).getLastRow()).toBe(1201);
    wb.replaceTab(TAB.checks, layout, rows(3));
    // header + 3 rows; nothing of the earlier 1200 left
    expect(__values(fakes.spreadsheet, TAB.checks)).toEqual([[...layout.headers], ...rows(3)]);
    expect(sheet(TAB.checks).getRange('B2').getNumberFormat()).toBe('0');
    expect(sheet(TAB.checks).getFrozenRows()).toBe(1);
  });

  it('writes text that looks like a formula as text', () => {
    wb.replaceTab(TAB.checks, layout, [[TAB.ledger, 4, 'Omschrijving (J)', '=HYPERLINK("http://x")', '+31 6', 'x']]);
    expect(__formulaCells(fakes.spreadsheet)).toEqual([]);
    expect(sheet(TAB.checks).getRange('D2').getValue()).toBe('=HYPERLINK("http://x")');
  });

  it('pads short rows and accepts null as a blank', () => {
    wb.replaceTab(TAB.checks, layout, [['Acties', 3], [null, null, null, null, 'x']]);
    expect(__values(fakes.spreadsheet, TAB.checks)!.slice(1)).toEqual([['Acties', 3, '', '', '', ''], ['', '', '', '', 'x', '']]);
  });
});

describe('writeCells', () => {
  it('groups a column of IDs and a row of stamps into one setValues each', () => {
    wb.createTab(TAB.actions, LAYOUT[TAB.actions]);
    wb.appendRows(TAB.actions, [['', 'AL1', 'Tiel', 'a'], ['', 'AL1', 'Tiel', 'b'], ['', 'AL1', 'Tiel', 'c']]);
    const stamp = new Date(Date.UTC(2025, 2, 15, 9, 0));
    fakes.counter.reset();
    wb.writeCells(TAB.actions, [
      { row: 2, column: 1, value: 'A-001' },
      { row: 4, column: 1, value: 'A-003' },
      { row: 3, column: 1, value: 'A-002' },
      { row: 3, column: 13, value: stamp },
      { row: 3, column: 14, value: 'piet@tiel.nl' },
    ]);
    // A2:A4 is one block, M3:N3 another
    expect(fakes.counter.count('Range.setValues')).toBe(2);
    const values = __values(fakes.spreadsheet, TAB.actions)!;
    expect(values.slice(1).map((r) => r[0])).toEqual(['A-001', 'A-002', 'A-003']);
    expect(values[2][12]).toEqual(stamp);
    expect(values[2][13]).toBe('piet@tiel.nl');
    expect(values[1][3]).toBe('a'); // neighbouring user cells untouched
  });

  it('text escaped by the caller comes back as typed: a leading apostrophe survives Sheets stripping one', () => {
    wb.createTab(TAB.meetups, LAYOUT[TAB.meetups]);
    const typed = [`'s avonds`, `'s-Hertogenbosch`, '=SOM(A1)', "''dubbel", 'gewoon'];
    wb.appendRows(TAB.meetups, [typed.map(escapeCellText)]);
    wb.writeCells(TAB.meetups, typed.map((t, i) => ({ row: 3, column: i + 1, value: escapeCellText(t) })));
    wb.replaceTab(TAB.checks, LAYOUT[TAB.checks], [typed.map(escapeCellText)]);
    const values = __values(fakes.spreadsheet, TAB.meetups)!;
    expect(values[1]).toEqual(typed);
    expect(values[2]).toEqual(typed);
    // Controles has one column more (Gevolg), left blank here
    expect(__values(fakes.spreadsheet, TAB.checks)![1]).toEqual([...typed, '']);
    expect(__formulaCells(fakes.spreadsheet)).toEqual([]);
  });

  it('groupCells builds rectangles and lets the last write of a cell win', () => {
    expect(groupCells([
      { row: 5, column: 2, value: 'x' },
      { row: 5, column: 3, value: 'y' },
      { row: 6, column: 2, value: 'z' },
      { row: 6, column: 3, value: 'w' },
      { row: 6, column: 3, value: 'w2' },
      { row: 9, column: 2, value: 'v' },
    ])).toEqual([
      { row: 5, column: 2, values: [['x', 'y'], ['z', 'w2']] },
      { row: 9, column: 2, values: [['v']] },
    ]);
  });
});

describe('appsScriptRuntime', () => {
  it('takes and releases the document lock around the work', () => {
    const runtime = appsScriptRuntime();
    const result = runtime.withDocumentLock(() => {
      expect(fakes.locks.document.held).toBe(true);
      return runtime.withDocumentLock(() => 42); // nested: no second wait
    });
    expect(result).toBe(42);
    expect(fakes.locks.document.waits).toBe(1);
    expect(fakes.locks.document.released).toBe(1);
    expect(fakes.locks.document.held).toBe(false);
  });

  it('releases the lock when the work throws, and says in Dutch when the lock is busy', () => {
    const runtime = appsScriptRuntime();
    expect(() => runtime.withDocumentLock(() => {
      throw new Error('kapot');
    })).toThrow('kapot');
    expect(fakes.locks.document.held).toBe(false);
    fakes.locks.document.busy = true;
    expect(() => runtime.withDocumentLock(() => 1)).toThrow(LOCK_BUSY_MESSAGE);
  });

  it('gives the user e-mail in lower case, falling back to the effective user', () => {
    fakes.__setUser('Piet@Tiel.NL');
    expect(appsScriptRuntime().userEmail()).toBe('piet@tiel.nl');
    fakes.__setUser('', 'eigenaar@nijmegen.nl');
    expect(appsScriptRuntime().userEmail()).toBe('eigenaar@nijmegen.nl');
    fakes.__setUser('', '');
    expect(appsScriptRuntime().userEmail()).toBe('');
  });

  it("gives today in the spreadsheet's time zone", () => {
    jest.useFakeTimers({ now: new Date(Date.UTC(2024, 11, 31, 23, 30)), doNotFake: ['nextTick', 'setImmediate'] });
    try {
      // 23:30 UTC on 31 December is 00:30 on 1 January in Amsterdam
      expect(appsScriptRuntime().today()).toBe('2025-01-01');
      fakes.spreadsheet.setSpreadsheetTimeZone('America/New_York');
      expect(appsScriptRuntime().today()).toBe('2024-12-31');
    } finally {
      jest.useRealTimers();
    }
  });
});
