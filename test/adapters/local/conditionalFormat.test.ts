import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { LocalWorkbook } from '../../../src/adapters/local/workbook';
import { HEADERS, LAYOUT, TAB } from '../../../src/core/workbook/contract';
import { HIGHLIGHT_MARK } from '../../../src/core/sheet/highlights';

type Formats = { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
const formats = (wb: LocalWorkbook) => (wb.book.getWorksheet(TAB.actions) as unknown as Formats).conditionalFormattings;
/** One line per rule: range, priority, formula, fill. */
const summary = (wb: LocalWorkbook) =>
  formats(wb).flatMap((cf) => cf.rules.map((r) => {
    const rule = r as ExcelJS.ExpressionRuleType;
    const fill = rule.style?.fill as ExcelJS.FillPattern | undefined;
    return { ref: cf.ref, priority: rule.priority, formula: rule.formulae?.[0], fill: fill?.bgColor?.argb };
  }));

describe('LocalWorkbook highlights in Acties', () => {
  it('adds expression rules (formulas without `=`) on Status (I) and the whole row, status rules first', () => {
    const wb = LocalWorkbook.create();
    wb.createTab(TAB.actions, LAYOUT[TAB.actions]);
    // No data rows: rules reach row 1000, the same floor as the dropdowns.
    expect(summary(wb)).toEqual([
      { ref: 'I2:I1000', priority: 1, formula: `AND(TRIM($I2)="Afgerond",${HIGHLIGHT_MARK})`, fill: 'FFD9EAD3' },
      { ref: 'I2:I1000', priority: 2, formula: `AND(TRIM($I2)="Loopt",${HIGHLIGHT_MARK})`, fill: 'FFCFE2F3' },
      { ref: 'I2:I1000', priority: 3, formula: `AND(TRIM($I2)="Uitgesteld",${HIGHLIGHT_MARK})`, fill: 'FFFCE5CD' },
      { ref: 'I2:I1000', priority: 4, formula: `AND(TRIM($I2)="Geschrapt",${HIGHLIGHT_MARK})`, fill: 'FFEFEFEF' },
      { ref: 'A2:O1000', priority: 5, formula: `AND($H2<>"",$H2<TODAY(),TRIM($I2)<>"Afgerond",TRIM($I2)<>"Geschrapt",${HIGHLIGHT_MARK})`, fill: 'FFF4CCCC' },
    ]);
  });

  it("replaces its own rules on repair, after a save and load too, and keeps the user's first", async () => {
    const wb = LocalWorkbook.create();
    wb.createTab(TAB.actions, LAYOUT[TAB.actions]);
    const ws = wb.book.getWorksheet(TAB.actions)!;
    ws.addConditionalFormatting({ ref: 'G2:G50', rules: [{ type: 'expression', priority: 9, formulae: ['$G2="Hoog"'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } } }] });
    wb.repairTab(TAB.actions, LAYOUT[TAB.actions]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-cf-'));
    const file = path.join(dir, 'werkboek.xlsx');
    await wb.save(file);
    const loaded = await LocalWorkbook.load(file);
    loaded.repairTab(TAB.actions, LAYOUT[TAB.actions]);
    const rules = summary(loaded);
    // 1 user rule + 5 own, not 1 + 5 + 5 + 5.
    expect(rules).toHaveLength(6);
    expect(rules[0]).toEqual({ ref: 'G2:G50', priority: 9, formula: '$G2="Hoog"', fill: 'FFFF0000' });
    // Ours follow the user's highest priority (9), in layout order.
    expect(rules.slice(1).map((r) => r.priority)).toEqual([10, 11, 12, 13, 14]);
    expect(rules.slice(1).every((r) => String(r.formula).includes(HIGHLIGHT_MARK))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('follows reordered columns and changes no value', () => {
    const wb = LocalWorkbook.create();
    // Deadline first (A), Status last (N), one data row.
    const header = ['Deadline', ...HEADERS[TAB.actions].filter((h) => h !== 'Status' && h !== 'Deadline'), 'Status'];
    const ws = wb.book.addWorksheet(TAB.actions);
    ws.getRow(1).values = [...header] as ExcelJS.CellValue[];
    ws.getRow(2).values = [new Date(Date.UTC(2024, 0, 31)), 'A-001', ...Array(11).fill(null), 'Loopt'] as ExcelJS.CellValue[];
    const before = wb.readTab(TAB.actions);
    wb.repairTab(TAB.actions, LAYOUT[TAB.actions]);
    const rules = summary(wb);
    expect(rules.slice(0, 4).map((r) => r.ref)).toEqual(['O2:O1000', 'O2:O1000', 'O2:O1000', 'O2:O1000']);
    expect(rules[4]).toMatchObject({ ref: 'A2:O1000', formula: `AND($A2<>"",$A2<TODAY(),TRIM($O2)<>"Afgerond",TRIM($O2)<>"Geschrapt",${HIGHLIGHT_MARK})` });
    expect(wb.readTab(TAB.actions)).toEqual(before);
  });
});
