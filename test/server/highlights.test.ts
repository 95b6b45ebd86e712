import { LAYOUT, TAB } from '../../src/core/workbook/contract';
import { HIGHLIGHT_MARK, highlightFormulas } from '../../src/core/sheet/highlights';
import { setupWorkbook } from '../../src/server/index';
import { BooleanCriteria, FakeHandles, Value, __conditionalBackground, __conditionalRules, __setValuesRaw, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { allValues } from './workbooks';

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installAppsScriptFakes();
});
afterEach(() => fakes.uninstall());

const acties = () => fakes.counter.uncounted(() => fakes.spreadsheet.getSheetByName(TAB.actions)!);
const ownRules = () => __conditionalRules(acties()).filter((r) => String(r.values[0]).includes(HIGHLIGHT_MARK));
const TODAY = new Date(2025, 2, 15);

/**
 * Whether a rule's condition holds for a cell: the fake calculates no formulas, so each formula is
 * looked up among the ones the add-on would generate for the tab's current header, and its meaning
 * is read from that rule's description. A stale formula (columns moved, rule not) is not found.
 */
function holds(grid: Value[][]) {
  const generated = highlightFormulas(LAYOUT[TAB.actions].highlights!, grid[0]);
  return (condition: { type: string; values: unknown[] }, row: number, column: number): boolean => {
    const line = grid[row - 1] ?? [];
    if (condition.type === BooleanCriteria.TEXT_EQUAL_TO) return line[column - 1] === condition.values[0];
    const rule = generated.find((g) => g.formula === condition.values[0]);
    if (!rule) throw new Error(`Onbekende formule ${String(condition.values[0])}`);
    const cell = (header: string) => line[rule.columns[header] - 1] ?? '';
    const h = rule.highlight;
    if (h.kind === 'valueEquals') return String(cell(h.header)).trim().toLowerCase() === h.value.toLowerCase();
    const deadline = cell(h.deadline);
    const status = String(cell(h.status)).trim().toLowerCase();
    return deadline instanceof Date && deadline < TODAY && !h.doneValues.some((v) => v.toLowerCase() === status);
  };
}

/** Adds rows by header (whatever the column order) under the tab's last row; returns their row numbers. */
function addActions(rows: Record<string, Value>[]): number[] {
  const grid = __values(fakes.spreadsheet, TAB.actions)!;
  const header = grid[0].map(String);
  const first = grid.length + 1;
  __setValuesRaw(acties(), first, 1, rows.map((r) => header.map((h) => r[h] ?? '')));
  return rows.map((_, i) => first + i);
}

/** The background of every cell of a row, by header. */
function rowColours(row: number): Record<string, string | null> {
  const grid = __values(fakes.spreadsheet, TAB.actions)!;
  const test = holds(grid);
  return Object.fromEntries(grid[0].map((h, i) => [String(h), __conditionalBackground(acties(), row, i + 1, test)]));
}

const PAST = new Date(2025, 0, 31); // before TODAY 15-03-2025
const FUTURE = new Date(2025, 5, 30);

describe('setupWorkbook highlights Acties', () => {
  it('colours late open rows red and each status cell by status, leaving every value as it was', () => {
    setupWorkbook('gelderland-zuid');
    const [lateRunning, lateDone, lateNotStarted, onTime, noDeadline] = addActions([
      { ID: 'A-901', Deadline: PAST, Status: 'Loopt' },
      { ID: 'A-902', Deadline: PAST, Status: 'Afgerond' },
      { ID: 'A-903', Deadline: PAST, Status: 'Niet gestart' },
      { ID: 'A-904', Deadline: FUTURE, Status: 'Uitgesteld' },
      { ID: 'A-905', Deadline: '', Status: 'Geschrapt' },
    ]);
    const before = allValues(fakes);
    // The rules sit at Deadline H and Status I of the contract's order.
    expect(ownRules().map((r) => r.ranges[0].replace(/\d+$/, ''))).toEqual(['I2:I', 'I2:I', 'I2:I', 'I2:I', 'A2:O']);

    // Late and running: the row red, the Status cell blue (the status rule comes first).
    expect(rowColours(lateRunning)).toMatchObject({ ID: '#f4cccc', Actie: '#f4cccc', Deadline: '#f4cccc', Status: '#cfe2f3', 'Bijgewerkt door': '#f4cccc' });
    // Late but done: only the Status cell, green.
    expect(rowColours(lateDone)).toMatchObject({ ID: null, Deadline: null, Status: '#d9ead3' });
    // Late and not started: no status colour, so the Status cell is red like the row.
    expect(rowColours(lateNotStarted)).toMatchObject({ ID: '#f4cccc', Status: '#f4cccc' });
    expect(rowColours(onTime)).toMatchObject({ ID: null, Status: '#fce5cd' });
    expect(rowColours(noDeadline)).toMatchObject({ ID: null, Status: '#efefef' });

    setupWorkbook('gelderland-zuid');
    expect(allValues(fakes)).toEqual(before);
  });

  it('moves the rules when a user reordered the columns, and still colours the right cells', () => {
    setupWorkbook('gelderland-zuid');
    // The user moves Status to the front: every row's Status cell goes to A, the rest shifts right.
    fakes.counter.uncounted(() => {
      const grid = __values(fakes.spreadsheet, TAB.actions)!;
      const status = grid[0].indexOf('Status');
      __setValuesRaw(acties(), 1, 1, grid.map((r) => [r[status], ...r.slice(0, status), ...r.slice(status + 1)]));
    });
    const [late] = addActions([{ ID: 'A-906', Deadline: PAST, Status: 'Loopt' }]);
    // Before setup runs again the rules still point at the old columns: the fake cannot read them.
    expect(() => rowColours(late)).toThrow(/Onbekende formule/);

    setupWorkbook('gelderland-zuid');
    // Status A; Deadline was H and is now I.
    const rules = ownRules();
    expect(rules.map((r) => r.ranges[0].replace(/\d+$/, ''))).toEqual(['A2:A', 'A2:A', 'A2:A', 'A2:A', 'A2:O']);
    expect(rules[4].values[0]).toMatch(/^=AND\(\$I2<>"",\$I2<TODAY\(\),TRIM\(\$A2\)<>"Afgerond"/);
    expect(rowColours(late)).toMatchObject({ Status: '#cfe2f3', ID: '#f4cccc', Deadline: '#f4cccc' });
  });

  it("does not pile up rules on reruns and keeps a user's own rule", () => {
    setupWorkbook('gelderland-zuid');
    fakes.counter.uncounted(() => {
      const s = acties();
      const mine = SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo('Hoog')
        .setBackground('#b7e1cd')
        .setRanges([s.getRange('G2:G1000') as unknown as GoogleAppsScript.Spreadsheet.Range])
        .build();
      s.setConditionalFormatRules([...s.getConditionalFormatRules(), mine] as never);
    });
    setupWorkbook('gelderland-zuid');
    setupWorkbook('gelderland-zuid');
    const rules = __conditionalRules(acties());
    // 1 user rule + 5 own rules.
    expect(rules).toHaveLength(6);
    expect(rules[0]).toEqual({ type: BooleanCriteria.TEXT_EQUAL_TO, values: ['Hoog'], background: '#b7e1cd', ranges: ['G2:G1000'] });
    // The user's rule is first: where it holds, it wins over the red of a late row.
    const [late] = addActions([{ ID: 'A-907', Prioriteit: 'Hoog', Deadline: PAST, Status: 'Loopt' }]);
    expect(rowColours(late)).toMatchObject({ Prioriteit: '#b7e1cd', ID: '#f4cccc' });
  });
});
