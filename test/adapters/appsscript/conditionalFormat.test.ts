import { AppsScriptWorkbook } from '../../../src/adapters/appsscript/workbook';
import { HEADERS, LAYOUT, TAB } from '../../../src/core/workbook/contract';
import { HIGHLIGHT_MARK } from '../../../src/core/sheet/highlights';
import { BooleanCriteria, FakeHandles, FakeSheet, __conditionalRules, __setValuesRaw, __values, installAppsScriptFakes } from '../../fakes/spreadsheetApp';

let fakes: FakeHandles;
const workbook = (f: FakeHandles = fakes) => new AppsScriptWorkbook(f.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
const sheet = (name: string): FakeSheet => fakes.counter.uncounted(() => fakes.spreadsheet.getSheetByName(name)!);
const own = (s: FakeSheet) => __conditionalRules(s).filter((r) => String(r.values[0]).includes(HIGHLIGHT_MARK));

beforeEach(() => {
  fakes = installAppsScriptFakes();
});
afterEach(() => fakes.uninstall());

describe('conditional formatting of Acties', () => {
  it('createTab sets the status rules on Status (I) and the past-deadline rule on the whole row, to the last row', () => {
    workbook().createTab(TAB.actions, LAYOUT[TAB.actions]);
    const rules = __conditionalRules(sheet(TAB.actions));
    // A new sheet has 1000 rows; 14 columns A..N.
    expect(rules.map((r) => [r.type, r.ranges, r.background])).toEqual([
      [BooleanCriteria.CUSTOM_FORMULA, ['I2:I1000'], '#d9ead3'],
      [BooleanCriteria.CUSTOM_FORMULA, ['I2:I1000'], '#cfe2f3'],
      [BooleanCriteria.CUSTOM_FORMULA, ['I2:I1000'], '#fce5cd'],
      [BooleanCriteria.CUSTOM_FORMULA, ['I2:I1000'], '#efefef'],
      [BooleanCriteria.CUSTOM_FORMULA, ['A2:O1000'], '#f4cccc'],
    ]);
    expect(rules[4].values).toEqual([`=AND($H2<>"",$H2<TODAY(),TRIM($I2)<>"Afgerond",TRIM($I2)<>"Geschrapt",${HIGHLIGHT_MARK})`]);
  });

  it("repairTab replaces its own rules, keeps the user's ahead of them, and never piles them up", () => {
    workbook().createTab(TAB.actions, LAYOUT[TAB.actions]);
    fakes.counter.uncounted(() => {
      const s = fakes.spreadsheet.getSheetByName(TAB.actions)!;
      const mine = SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo('Hoog')
        .setBackground('#ff0000')
        .setRanges([s.getRange('G2:G50') as unknown as GoogleAppsScript.Spreadsheet.Range])
        .build();
      s.setConditionalFormatRules([...s.getConditionalFormatRules(), mine] as never);
    });
    workbook().repairTab(TAB.actions, LAYOUT[TAB.actions]);
    workbook().repairTab(TAB.actions, LAYOUT[TAB.actions]);
    const rules = __conditionalRules(sheet(TAB.actions));
    // 1 user rule + 5 own rules, not 1 + 5 + 5 + 5.
    expect(rules).toHaveLength(6);
    expect(rules[0]).toEqual({ type: BooleanCriteria.TEXT_EQUAL_TO, values: ['Hoog'], background: '#ff0000', ranges: ['G2:G50'] });
    expect(own(sheet(TAB.actions))).toHaveLength(5);
  });

  it('moves the rules with the columns when a user reordered them', () => {
    // Status first, Deadline last: Status A, Deadline O (the 15th column).
    const header = ['Status', ...HEADERS[TAB.actions].filter((h) => h !== 'Status' && h !== 'Deadline'), 'Deadline'];
    fakes.counter.uncounted(() => __setValuesRaw(fakes.spreadsheet.insertSheet(TAB.actions), 1, 1, [header, ['Loopt', 'A-001']]));
    const before = __values(fakes.spreadsheet, TAB.actions);
    expect(workbook().repairTab(TAB.actions, LAYOUT[TAB.actions])).toEqual([]);
    const rules = own(sheet(TAB.actions));
    expect(rules.map((r) => r.ranges[0])).toEqual(['A2:A1000', 'A2:A1000', 'A2:A1000', 'A2:A1000', 'A2:O1000']);
    expect(rules[1].values).toEqual([`=AND(TRIM($A2)="Loopt",${HIGHLIGHT_MARK})`]);
    expect(rules[4].values[0]).toMatch(/^=AND\(\$O2<>"",\$O2<TODAY\(\),TRIM\(\$A2\)<>"Afgerond"/);
    expect(__values(fakes.spreadsheet, TAB.actions)).toEqual(before);
  });

  it('costs the same number of service calls for few and for many rows', () => {
    const calls = (rows: number) => {
      const f = installAppsScriptFakes();
      workbook(f).createTab(TAB.actions, LAYOUT[TAB.actions]);
      f.counter.uncounted(() => {
        const data = Array.from({ length: rows }, (_, i) => [`A-${i + 1}`, 'AL1', 'Regio', 'Actie', '', '', 'Hoog', new Date(2024, 0, 1), 'Loopt']);
        __setValuesRaw(f.spreadsheet.getSheetByName(TAB.actions)!, 2, 1, data);
      });
      f.counter.reset();
      workbook(f).repairTab(TAB.actions, LAYOUT[TAB.actions]);
      const result = { total: f.counter.total, read: f.counter.count('Sheet.getConditionalFormatRules'), write: f.counter.count('Sheet.setConditionalFormatRules') };
      f.uninstall();
      return result;
    };
    const small = calls(5);
    expect(small.read).toBe(1);
    expect(small.write).toBe(1);
    // 900 rows still fit the sheet's 1000: no growth either way.
    expect(calls(900)).toEqual(small);
  });

  it('leaves tabs without highlights alone', () => {
    const w = workbook();
    fakes.counter.reset();
    w.createTab(TAB.budget, LAYOUT[TAB.budget]);
    expect(fakes.counter.count('Sheet.setConditionalFormatRules')).toBe(0);
    expect(fakes.counter.count('Sheet.getConditionalFormatRules')).toBe(0);
  });
});
