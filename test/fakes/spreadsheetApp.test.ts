import { DataValidationCriteria, FakeHandles, FakeRange, FakeSheet, ProtectionType, __protections, __setValuesRaw, __sortRows, __values, installAppsScriptFakes } from './spreadsheetApp';

let fakes: FakeHandles;
let sheet: FakeSheet;

beforeEach(() => {
  fakes = installAppsScriptFakes();
  sheet = fakes.spreadsheet.insertSheet('Test');
});
afterEach(() => fakes.uninstall());

describe('sheet dimensions like Sheets', () => {
  it('gives a new sheet 1000 rows × 26 columns and an empty used range', () => {
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    // The data range of an empty sheet is still A1.
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    expect(sheet.getDataRange().getValues()).toEqual([['']]);
  });

  it('throws for a range past the last row or column, and after growing allows it', () => {
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(999, 1, 3, 1)).toThrow('outside the dimensions');
    expect(() => sheet.getRange(0, 1)).toThrow('too small');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('at least 1');
    expect(() => sheet.insertRowsAfter(1001, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(1000, 2)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertColumnsAfter(27, 1)).toThrow('Those columns are out of bounds.');
    sheet.insertRowsAfter(1000, 5);
    sheet.insertColumnsAfter(26, 2);
    expect(sheet.getMaxRows()).toBe(1005);
    expect(sheet.getMaxColumns()).toBe(28);
    sheet.getRange(1005, 28).setValue('x');
    expect(sheet.getLastRow()).toBe(1005);
    expect(sheet.getLastColumn()).toBe(28);
  });

  it('tracks the last non-empty row and column, and getDataRange covers exactly them', () => {
    sheet.getRange('B3').setValue(5);
    sheet.getRange(7, 1).setValue('a');
    // B3 and A7: last row 7, last column 2 (B)
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(2);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B7');
    sheet.getRange(7, 1).clearContent();
    expect(sheet.getLastRow()).toBe(3);
  });
});

describe('values like Sheets', () => {
  it('reads blanks as empty strings and keeps numbers, dates, booleans', () => {
    const d = new Date(Date.UTC(2021, 2, 15));
    sheet.getRange(1, 1, 1, 4).setValues([[12.5, d, true, null]]);
    const [row] = sheet.getRange(1, 1, 1, 5).getValues();
    expect(row).toEqual([12.5, d, true, '', '']);
    expect(row[1]).toBeInstanceOf(Date);
    expect(row[1]).not.toBe(d); // a fresh Date, as Sheets gives
    expect(row.every((v) => v !== null && v !== undefined)).toBe(true);
  });

  it('drops a leading apostrophe (forced text) like typing does', () => {
    sheet.getRange('A1').setValue("'=1+1");
    expect(sheet.getRange('A1').getValue()).toBe('=1+1');
  });

  it('throws when the data does not match the range shape', () => {
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])).toThrow('number of columns');
    expect(sheet.getLastRow()).toBe(0); // nothing written by a failed call
  });

  it('parses A1 notation including open-ended columns', () => {
    expect(sheet.getRange('C2:D4').getA1Notation()).toBe('C2:D4');
    const column = sheet.getRange('B2:B');
    expect([column.getRow(), column.getColumn(), column.getNumRows(), column.getNumColumns()]).toEqual([2, 2, 999, 1]);
    expect(sheet.getRange('A:A').getNumRows()).toBe(1000);
  });

  it('shows display values in Dutch formats', () => {
    sheet.getRange(1, 1, 1, 3).setValues([[1234.5, 0.875, new Date(Date.UTC(2025, 2, 14, 23, 30))]]);
    sheet.getRange('A1').setNumberFormat('"€" #,##0.00;"€" -#,##0.00');
    sheet.getRange('B1').setNumberFormat('0.0%');
    sheet.getRange('C1').setNumberFormat('dd-mm-yyyy');
    // 23:30 UTC on 14 March is 00:30 on 15 March in Amsterdam (UTC+1)
    expect(sheet.getRange(1, 1, 1, 3).getDisplayValues()).toEqual([['€ 1.234,50', '87,5%', '15-03-2025']]);
  });
});

describe('sheets in a spreadsheet', () => {
  it('finds tabs case-insensitively and refuses duplicate names', () => {
    expect(fakes.spreadsheet.getSheetByName('test')?.getName()).toBe('Test');
    expect(() => fakes.spreadsheet.insertSheet('TEST')).toThrow('already exists');
    expect(fakes.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Blad1', 'Test']);
    fakes.spreadsheet.deleteSheet(fakes.spreadsheet.getSheetByName('Blad1')!);
    expect(fakes.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Test']);
    expect(fakes.spreadsheet.getSpreadsheetTimeZone()).toBe('Europe/Amsterdam');
  });
});

describe('service-call counter', () => {
  it('counts every method call on every fake object, per method', () => {
    fakes.counter.reset();
    const ss = SpreadsheetApp.getActive();
    const s = ss.getSheetByName('Test')!;
    s.getRange(1, 1, 2, 2).setValues([[1, 2], [3, 4]]);
    s.getDataRange().getValues();
    // getActive, getSheetByName, getRange, setValues, getDataRange, getValues = 6 calls
    expect(fakes.counter.total).toBe(6);
    expect(fakes.counter.count('Sheet.getRange')).toBe(1);
    expect(fakes.counter.count('Range.getValues')).toBe(1);
    expect(fakes.counter.uncounted(() => s.getLastRow())).toBe(2);
    expect(fakes.counter.total).toBe(6);
  });

  it('counts builders, locks and sessions too', () => {
    fakes.counter.reset();
    SpreadsheetApp.newDataValidation().requireValueInList(['Ja', 'Nee'], true).setAllowInvalid(true).build();
    const lock = LockService.getDocumentLock();
    lock.waitLock(1000);
    lock.releaseLock();
    Session.getActiveUser().getEmail();
    expect(fakes.counter.breakdown()).toEqual({
      'DataValidationBuilder.build': 1,
      'DataValidationBuilder.requireValueInList': 1,
      'DataValidationBuilder.setAllowInvalid': 1,
      'Lock.releaseLock': 1,
      'Lock.waitLock': 1,
      'LockService.getDocumentLock': 1,
      'Session.getActiveUser': 1,
      'SpreadsheetApp.newDataValidation': 1,
      'User.getEmail': 1,
    });
    expect(fakes.locks.document.acquired).toBe(1);
    expect(fakes.locks.document.released).toBe(1);
  });
});

describe('validation, protection, services', () => {
  it('builds dropdown rules with their criteria and stores them per cell', () => {
    const source = fakes.spreadsheet.insertSheet('Bron');
    const range = source.getRange('A2:A');
    const rule = fakes.SpreadsheetApp.newDataValidation().requireValueInRange(range, true).setAllowInvalid(true).build();
    sheet.getRange('C2:C10').setDataValidation(rule);
    const read = sheet.getRange('C5').getDataValidation()!;
    expect(read.getCriteriaType()).toBe(DataValidationCriteria.VALUE_IN_RANGE);
    expect((read.getCriteriaValues()[0] as FakeRange).getA1Notation()).toBe('A2:A1000');
    expect(read.getAllowInvalid()).toBe(true);
    expect(sheet.getRange('C11').getDataValidation()).toBeNull();
    expect(() => SpreadsheetApp.newDataValidation().build()).toThrow();
  });

  it('makes the owner an editor of every protection and keeps protections on positions when rows are sorted', () => {
    __setValuesRaw(sheet, 1, 1, [['Gemeente'], ['Tiel'], ['Culemborg'], ['Buren']]);
    const p = sheet.getRange('A2').protect().setDescription('Tiel');
    p.addEditor('Ambtenaar@Tiel.nl');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['ambtenaar@tiel.nl', 'gebruiker@example.org']);
    p.removeEditor('gebruiker@example.org'); // the owner cannot be removed
    expect(p.getEditors()).toHaveLength(2);
    __sortRows(sheet, (a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(__values(fakes.spreadsheet, 'Test')!.map((r) => r[0])).toEqual(['Gemeente', 'Buren', 'Culemborg', 'Tiel']);
    // The protection still guards A2, which now holds Buren: that is what Sheets does.
    expect(sheet.getProtections(ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('A2');
    sheet.insertRowsAfter(1, 1);
    expect(__protections(sheet)[0].getRange().getA1Notation()).toBe('A3');
    p.remove();
    expect(sheet.getProtections(ProtectionType.RANGE)).toHaveLength(0);
  });

  it('records menus, toasts and scripted prompts', () => {
    fakes.ui.promptAnswers.push({ text: '2025-Q1', button: 'OK' });
    const ui = SpreadsheetApp.getUi();
    ui.createMenu('Regiomonitor').addItem('Budget controleren', 'runBudgetCheck').addSeparator().addToUi();
    const answer = ui.prompt('Kwartaal?', ui.ButtonSet.OK_CANCEL);
    SpreadsheetApp.getActive().toast('klaar', 'Regiomonitor', 5);
    expect(fakes.ui.menus).toEqual([{ title: 'Regiomonitor', addon: false, items: [{ kind: 'item', caption: 'Budget controleren', functionName: 'runBudgetCheck' }, { kind: 'separator' }] }]);
    expect(answer.getResponseText()).toBe('2025-Q1');
    expect(answer.getSelectedButton()).toBe(ui.Button.OK);
    expect(fakes.ui.toasts).toEqual([{ message: 'klaar', title: 'Regiomonitor', timeoutSeconds: 5 }]);
  });

  it('keeps properties, triggers and a busy lock', () => {
    PropertiesService.getDocumentProperties().setProperties({ a: '1', b: '2' });
    PropertiesService.getDocumentProperties().deleteProperty('a');
    expect(PropertiesService.getDocumentProperties().getProperties()).toEqual({ b: '2' });
    expect(PropertiesService.getScriptProperties().getProperty('b')).toBeNull();
    const t = ScriptApp.newTrigger('dailyCheck').timeBased().everyDays(1).atHour(7).create();
    ScriptApp.newTrigger('onEditLog').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
    expect(ScriptApp.getProjectTriggers().map((x) => [x.getHandlerFunction(), x.getEventType()])).toEqual([
      ['dailyCheck', ScriptApp.EventType.CLOCK],
      ['onEditLog', ScriptApp.EventType.ON_EDIT],
    ]);
    ScriptApp.deleteTrigger(t);
    expect(fakes.triggers.map((x) => x.handlerFunction)).toEqual(['onEditLog']);
    fakes.locks.document.busy = true;
    expect(LockService.getDocumentLock().tryLock(10)).toBe(false);
    expect(() => LockService.getDocumentLock().waitLock(10)).toThrow('Lock timeout');
    fakes.__setUser('');
    expect(Session.getActiveUser().getEmail()).toBe('');
  });
});
