import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { LocalWorkbook } from '../../../src/adapters/local/workbook';
import { MONEY_COLUMN_WIDTH } from '../../../src/adapters/local/tabLayout';
import { toCell } from '../../../src/adapters/local/cells';
import { localRuntime } from '../../../src/adapters/local/runtime';
import { budgetCheck } from '../../../src/app/budgetCheck';
import { setupWorkbook } from '../../../src/app/setup';
import { GENERATED_TABS, HEADERS, LAYOUT, TAB, USER_TABS } from '../../../src/core/workbook/contract';
import { defaultRegion } from '../../../src/data/regions';
import { escapeCellText } from '../../../src/core/sheet/escape';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-local-'));
const validations = (wb: LocalWorkbook, tab: string) =>
  (wb.book.getWorksheet(tab) as unknown as { dataValidations: { model: Record<string, any> } }).dataValidations.model;

describe('toCell', () => {
  test('reads what the user sees', () => {
    expect(toCell({ formula: 'B2*2', result: 10 } as any)).toBe(10);
    expect(toCell({ formula: 'X1', result: { error: '#REF!' } } as any)).toBe('#REF!');
    expect(toCell({ formula: 'NOW()' } as any)).toBeNull();
    expect(toCell({ sharedFormula: 'A1', result: 'tekst' } as any)).toBe('tekst');
    expect(toCell({ richText: [{ text: 'twin' }, { font: { bold: true }, text: 'tig' }] } as any)).toBe('twintig');
    expect(toCell({ text: 'Beschikking', hyperlink: 'https://example.org' } as any)).toBe('Beschikking');
    expect(toCell({ text: { richText: [{ text: 'link' }] }, hyperlink: 'x' } as any)).toBe('link');
    expect(toCell({ error: '#DIV/0!' } as any)).toBe('#DIV/0!');
    const d = new Date(Date.UTC(2024, 2, 15));
    expect(toCell(d)).toBe(d);
    expect(toCell(null)).toBeNull();
    expect(toCell(undefined)).toBeNull();
    expect(toCell(true)).toBe(true);
  });
});

describe('LocalWorkbook', () => {
  test('a new tab: header row, bold and frozen, number formats per column', () => {
    const wb = LocalWorkbook.create();
    expect(wb.timeZone).toBe('UTC');
    expect(wb.tabNames()).toEqual([]);
    expect(wb.readTab(TAB.ledger)).toBeNull();
    wb.createTab(TAB.ledger, LAYOUT[TAB.ledger]);
    expect(wb.tabNames()).toEqual([TAB.ledger]);
    expect(wb.readTab(TAB.ledger)).toEqual([[...HEADERS[TAB.ledger]]]);
    const ws = wb.book.getWorksheet(TAB.ledger)!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Datum B, Jaar C, Bedrag G
    expect(ws.getColumn(2).numFmt).toBe('dd-mm-yyyy');
    expect(ws.getColumn(3).numFmt).toBe('0');
    expect(ws.getColumn(7).numFmt).toBe('"€" #,##0.00');
    wb.appendRows(TAB.ledger, [['M-001', new Date(Date.UTC(2024, 0, 15)), null, 'VT', null, 'Verplichting', 1000]]);
    // A cell created after the format was set takes the column's format.
    expect(ws.getCell('G2').numFmt).toBe('"€" #,##0.00');
    expect(ws.getCell('B2').numFmt).toBe('dd-mm-yyyy');
  });

  test('dropdowns: fixed lists, a range in another tab, current values plus extra; never rejecting', () => {
    const wb = LocalWorkbook.create();
    wb.createTab(TAB.municipalities, LAYOUT[TAB.municipalities]);
    wb.appendRows(TAB.municipalities, [['Stad'], ['Dorp']]);
    wb.createTab(TAB.actions, LAYOUT[TAB.actions]);
    const model = validations(wb, TAB.actions);
    // Acties columns: B Actielijn, C Gemeente, G Prioriteit, I Status, J Begrotingspost
    expect(model['G2:G1000']).toEqual({ type: 'list', allowBlank: true, showErrorMessage: false, formulae: ['"Hoog,Middel,Laag"'] });
    expect(model['I2:I1000'].formulae).toEqual(['"Niet gestart,Loopt,Afgerond,Uitgesteld,Geschrapt"']);
    // Gemeenten exists: its current values plus Regio
    expect(model['C2:C1000'].formulae).toEqual(['"Stad,Dorp,Regio"']);
    // Begroting and Actielijnen do not exist yet: referenced where the contract puts Code (column A of Actielijnen, B of Begroting)
    expect(model['J2:J1000'].formulae).toEqual(["'Begroting'!$B$2:$B$1000"]);
    expect(model['B2:B1000'].formulae).toEqual(["'Actielijnen'!$A$2:$A$1000"]);
    expect(Object.values(model).every((v: any) => v.showErrorMessage === false && v.allowBlank === true)).toBe(true);
    // 5 dropdowns in Acties: Actielijn, Gemeente, Prioriteit, Status, Begrotingspost
    expect(Object.keys(model)).toHaveLength(5);
  });

  test('readTab pads to the used width and converts exceljs values', () => {
    const wb = LocalWorkbook.create();
    wb.createTab(TAB.coverage, LAYOUT[TAB.coverage]);
    const ws = wb.book.getWorksheet(TAB.coverage)!;
    ws.getCell('A2').value = 2021;
    ws.getCell('C2').value = { formula: '1+1', result: 2 } as any;
    ws.getCell('B4').value = { richText: [{ text: 'DU VO' }, { text: ' circulaire' }] } as any;
    ws.getCell('F4').value = 'notitie buiten de kop';
    // A style without a value is not part of the used range.
    ws.getCell('H9').numFmt = '0';
    expect(wb.readTab(TAB.coverage)).toEqual([
      // E is the contract's Datum (v3); F is the user's note outside the header
      ['Jaar', 'Bron', 'Bedrag', 'Toelichting', 'Datum', null],
      [2021, null, 2, null, null, null],
      [null, null, null, null, null, null],
      [null, 'DU VO circulaire', null, null, null, 'notitie buiten de kop'],
    ]);
  });

  test('appendRows writes below the last used row, across gaps', () => {
    const wb = LocalWorkbook.create();
    wb.createTab(TAB.meetups, LAYOUT[TAB.meetups]);
    wb.writeCells(TAB.meetups, [{ row: 5, column: 2, value: 'Thema' }]);
    wb.appendRows(TAB.meetups, [['a'], ['b']]);
    const grid = wb.readTab(TAB.meetups)!;
    expect(grid).toHaveLength(7);
    expect(grid[5][0]).toBe('a');
    expect(grid[6][0]).toBe('b');
    expect(grid[4][1]).toBe('Thema');
  });

  test('writing an empty text empties the cell, as in Sheets', () => {
    const wb = LocalWorkbook.create();
    wb.createTab(TAB.meetups, LAYOUT[TAB.meetups]);
    wb.appendRows(TAB.meetups, [['x', '', 'z']]);
    expect(wb.book.getWorksheet(TAB.meetups)!.getCell('B2').value).toBeNull();
    wb.writeCells(TAB.meetups, [{ row: 2, column: 1, value: '' }]);
    expect(wb.readTab(TAB.meetups)![1].slice(0, 3)).toEqual([null, null, 'z']);
  });

  test('strips one leading apostrophe on write, as Sheets does, so escaped text comes back as typed', async () => {
    const wb = LocalWorkbook.create();
    wb.createTab(TAB.meetups, LAYOUT[TAB.meetups]);
    const typed = [`'s avonds`, `'s-Hertogenbosch`, '=SOM(A1)', "''dubbel", 'gewoon'];
    wb.appendRows(TAB.meetups, [typed.map(escapeCellText)]);
    wb.writeCells(TAB.meetups, typed.map((t, i) => ({ row: 3, column: i + 1, value: escapeCellText(t) })));
    wb.replaceTab(TAB.checks, LAYOUT[TAB.checks], [typed.map(escapeCellText)]);
    expect(wb.readTab(TAB.meetups)!.slice(1)).toEqual([typed, typed]);
    // Controles has one column more (Gevolg), left blank here
    expect(wb.readTab(TAB.checks)![1]).toEqual([...typed, null]);
    // Unescaped, one apostrophe goes, as in Sheets.
    wb.writeCells(TAB.meetups, [{ row: 4, column: 1, value: `'s avonds` }]);
    expect(wb.readTab(TAB.meetups)![3][0]).toBe('s avonds');
    const file = path.join(tmp(), 'apostrof.xlsx');
    await wb.save(file);
    const loaded = await LocalWorkbook.load(file);
    expect(loaded.readTab(TAB.meetups)!.slice(1, 3)).toEqual([typed, typed]);
    // A formula-like text stays text in the file.
    expect(loaded.book.getWorksheet(TAB.meetups)!.getCell('C2').type).toBe(ExcelJS.ValueType.String);
  });

  test('a replaced tab stays without stale rows after saving and loading', async () => {
    const file = path.join(tmp(), 'g.xlsx');
    const wb = LocalWorkbook.create();
    wb.replaceTab(TAB.checks, LAYOUT[TAB.checks], [['a', 2, '', '', 'p'], ['b', 3, '', '', 'q'], ['c', 4, '', '', 'r']]);
    await wb.save(file);
    const loaded = await LocalWorkbook.load(file);
    loaded.replaceTab(TAB.checks, LAYOUT[TAB.checks], [['d', 5, '', '', 's']]);
    await loaded.save(file);
    expect((await LocalWorkbook.load(file)).readTab(TAB.checks)).toEqual([[...HEADERS[TAB.checks]], ['d', 5, null, null, 's', null]]);
  });

  test('replaceTab rewrites a generated tab whole and leaves no stale rows', () => {
    const wb = LocalWorkbook.create();
    const layout = LAYOUT[TAB.checks];
    wb.replaceTab(TAB.checks, layout, [['Mutaties', 3, 'Bedrag (G)', 'twintig', 'geen bedrag'], ['Acties', 4, '', '', 'x'], ['Acties', 5, '', '', 'y']]);
    expect(wb.readTab(TAB.checks)).toHaveLength(4);
    wb.replaceTab(TAB.checks, layout, [['Dekking', 2, 'Jaar (A)', 'x', 'geen geldig jaartal']]);
    expect(wb.readTab(TAB.checks)).toEqual([[...HEADERS[TAB.checks]], ['Dekking', 2, 'Jaar (A)', 'x', 'geen geldig jaartal', null]]);
    wb.replaceTab(TAB.checks, layout, []);
    expect(wb.readTab(TAB.checks)).toEqual([[...HEADERS[TAB.checks]]]);
    expect(wb.book.getWorksheet(TAB.checks)!.getCell('A1').font?.bold).toBe(true);
  });

  test('repairTab adds missing headers after the used width and never touches data', () => {
    const wb = LocalWorkbook.create();
    wb.createTab(TAB.budget, { headers: ['Code', 'Jaar', 'Eigen kolom'] });
    wb.appendRows(TAB.budget, [['VT', 2021, 'mijn notitie', 'zonder kop']]);
    const added = wb.repairTab(TAB.budget, LAYOUT[TAB.budget]);
    expect(added).toEqual(['Begrotingspost', 'Raming', 'Karakter', 'Toelichting']);
    const grid = wb.readTab(TAB.budget)!;
    // D holds data without a header: the new headers start at E.
    expect(grid[0]).toEqual(['Code', 'Jaar', 'Eigen kolom', null, 'Begrotingspost', 'Raming', 'Karakter', 'Toelichting']);
    expect(grid[1]).toEqual(['VT', 2021, 'mijn notitie', 'zonder kop', null, null, null, null]);
    // Formats follow the header: Raming is now column F, Jaar column B.
    const ws = wb.book.getWorksheet(TAB.budget)!;
    expect(ws.getColumn(6).numFmt).toBe('"€" #,##0.00');
    expect(ws.getCell('B2').numFmt).toBe('0');
    expect(validations(wb, TAB.budget)['G2:G1000'].formulae).toEqual(['"Wettelijk,Vast,Flexibel"']);
    expect(wb.repairTab(TAB.budget, LAYOUT[TAB.budget])).toEqual([]);
  });

  test('save and load keep values, days, formats and dropdowns; repairing a loaded tab does not pile up dropdowns', async () => {
    const dir = tmp();
    const file = path.join(dir, 'w.xlsx');
    const wb = LocalWorkbook.create();
    wb.createTab(TAB.actions, LAYOUT[TAB.actions]);
    const deadline = new Date(Date.UTC(2022, 5, 30));
    wb.appendRows(TAB.actions, [['A-001', 'AL1', 'Regio', 'Actie', '', '', 'Hoog', deadline, 'Loopt', 'ACT', 1234.5]]);
    await wb.save(file);
    expect(fs.readdirSync(dir)).toEqual(['w.xlsx']);

    const loaded = await LocalWorkbook.load(file);
    expect(loaded.timeZone).toBe('UTC');
    const row = loaded.readTab(TAB.actions)![1];
    expect(row.slice(0, 4)).toEqual(['A-001', 'AL1', 'Regio', 'Actie']);
    expect(row[7]).toEqual(deadline);
    expect(row[10]).toBe(1234.5);
    const ws = loaded.book.getWorksheet(TAB.actions)!;
    expect(ws.getCell('H2').numFmt).toBe('dd-mm-yyyy');
    expect(ws.getCell('K2').numFmt).toBe('"€" #,##0.00');
    // exceljs expands a loaded range into one entry per cell
    expect(validations(loaded, TAB.actions)['G500'].formulae).toEqual(['"Hoog,Middel,Laag"']);
    loaded.repairTab(TAB.actions, LAYOUT[TAB.actions]);
    const keys = Object.keys(validations(loaded, TAB.actions));
    expect(keys.sort()).toEqual(['B2:B1000', 'C2:C1000', 'G2:G1000', 'I2:I1000', 'J2:J1000']);
    await loaded.save(file);
    expect(Object.keys(validations(await LocalWorkbook.load(file), TAB.actions)).filter((k) => k.startsWith('G'))).toHaveLength(999);
  });

  test('a tab written whole into a loaded file keeps its layout: header, formats, widths, dropdowns, highlights', async () => {
    const dir = tmp();
    const file = path.join(dir, 'l.xlsx');
    const created = LocalWorkbook.create();
    created.createTab(TAB.settings, LAYOUT[TAB.settings]);
    await created.save(file);
    const wb = await LocalWorkbook.load(file);
    // A tab with the Acties layout, written whole, as a generated tab would be.
    wb.replaceTab('Overzicht', LAYOUT[TAB.actions], [['A-001', 'AL1', 'Regio', 'Actie', 'Piet', '', 'Hoog', new Date(Date.UTC(2024, 5, 30)), 'Loopt', 'ACT', 1_500_000]]);
    await wb.save(file);
    const ws = (await LocalWorkbook.load(file)).book.getWorksheet('Overzicht')!;
    expect(ws.getCell('A1').value).toBe('ID');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('H2').value).toEqual(new Date(Date.UTC(2024, 5, 30)));
    expect(ws.getCell('H2').numFmt).toBe('dd-mm-yyyy');
    expect(ws.getCell('K2').numFmt).toBe('"€" #,##0.00');
    expect(ws.getColumn(11).width).toBe(MONEY_COLUMN_WIDTH);
    // exceljs expands a loaded range into one entry per cell: I2..I1000 is Status.
    const loaded = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(loaded.I500.formulae).toEqual(['"Niet gestart,Loopt,Afgerond,Uitgesteld,Geschrapt"']);
    const rules = (ws as unknown as { conditionalFormattings: { rules: unknown[] }[] }).conditionalFormattings.flatMap((cf) => cf.rules);
    expect(rules).toHaveLength(LAYOUT[TAB.actions].highlights!.length);
  });

  test('a check on a saved user file changes only the generated tabs', async () => {
    const dir = tmp();
    const file = path.join(dir, 'regio.xlsx');
    const created = LocalWorkbook.create();
    setupWorkbook(localRuntime(created, { today: '2024-10-01' }), defaultRegion());
    await created.save(file);

    // A user works on the file in another program: a text amount, a formula, rich text, a hyperlink, an error, an extra column.
    const user = new ExcelJS.Workbook();
    await user.xlsx.readFile(file);
    const ledger = user.getWorksheet(TAB.ledger)!;
    ledger.getCell('K1').value = 'Eigen notitie';
    ledger.getRow(2).values = ['M-001', new Date(Date.UTC(2024, 2, 1)), null, 'CSG', null, 'Verplichting', '€ 130.000,00', null, null, 'beschikking', 'zie map'];
    ledger.getCell('G3').value = { formula: '100+20', result: 120 } as any;
    ledger.getCell('A3').value = 'M-002';
    ledger.getCell('D3').value = 'CSG';
    ledger.getCell('F3').value = 'Realisatie';
    ledger.getCell('C3').value = 2024;
    ledger.getCell('J3').value = { richText: [{ text: 'factuur ' }, { text: 'maart' }] } as any;
    ledger.getCell('J2').value = { text: 'beschikking', hyperlink: 'https://example.org/b' } as any;
    ledger.getCell('A4').value = 'M-003';
    ledger.getCell('D4').value = 'VT';
    ledger.getCell('F4').value = 'Realisatie';
    ledger.getCell('G4').value = 'twintig';
    ledger.getCell('C4').value = { formula: 'Z1', result: { error: '#REF!' } } as any;
    await user.xlsx.writeFile(file);

    const before = await LocalWorkbook.load(file);
    const userTabs = Object.fromEntries(USER_TABS.map((t) => [t, before.readTab(t)]));
    const summary = budgetCheck(localRuntime(before, { today: '2024-10-01' }));
    await before.save(file);

    const after = await LocalWorkbook.load(file);
    // User tabs are as the user left them, except the one column the add-on fills once: Acties ›
    // Oorspronkelijke deadline takes each action's Deadline where it was blank
    const originalDeadline = HEADERS[TAB.actions].indexOf('Oorspronkelijke deadline');
    const deadline = HEADERS[TAB.actions].indexOf('Deadline');
    for (const tab of USER_TABS) {
      if (tab !== TAB.actions) expect([tab, after.readTab(tab)]).toEqual([tab, userTabs[tab]]);
    }
    const actionsAfter = after.readTab(TAB.actions)!;
    expect(actionsAfter.map((r) => r.filter((_, i) => i !== originalDeadline))).toEqual(userTabs[TAB.actions]!.map((r) => r.filter((_, i) => i !== originalDeadline)));
    expect(actionsAfter.slice(1).every((r) => String(r[originalDeadline]) === String(r[deadline]))).toBe(true);
    expect(after.readTab(TAB.ledger)![0][10]).toBe('Eigen notitie');
    expect(after.readTab(TAB.ledger)![1][6]).toBe('€ 130.000,00');
    // CSG 2024: 130.000 committed > 120.000 raming: an overrun
    expect(summary.overruns).toBe(1);
    // M-003: Jaar #REF! and Bedrag twintig
    expect(summary.checks).toBeGreaterThanOrEqual(2);
    const checks = after.readTab(TAB.checks)!;
    expect(checks.some((r) => r[0] === TAB.ledger && r[1] === 4 && r[3] === 'twintig')).toBe(true);
    expect(after.readTab(TAB.budgetCheck)!.length).toBeGreaterThan(30);
    for (const tab of GENERATED_TABS) expect(after.tabNames()).toContain(tab);
  });
});

describe('localRuntime', () => {
  test('today is fixed when given, else the day in the Netherlands; the lock is a plain call', () => {
    const wb = LocalWorkbook.create();
    expect(localRuntime(wb, { today: '2024-10-01' }).today()).toBe('2024-10-01');
    // 31-12-2024 23:30 UTC is already 1 January 2025 in Amsterdam (UTC+1)
    const rt = localRuntime(wb, { now: () => new Date(Date.UTC(2024, 11, 31, 23, 30)), userEmail: ' Pl@Regio.NL ' });
    expect(rt.today()).toBe('2025-01-01');
    expect(rt.userEmail()).toBe('pl@regio.nl');
    expect(rt.withDocumentLock(() => 42)).toBe(42);
    expect(localRuntime(wb).userEmail()).toBe('');
  });
});
