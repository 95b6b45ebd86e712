import { Cell, Grid, cellText } from '../../core/sheet/cell';
import { ColumnFormat, Dropdown, GENERATED_TABS, TAB, TabLayout, USER_TABS } from '../../core/workbook/contract';
import { SheetDirectory, Size } from './sheetDirectory';
import { escapeCellText, guardFormula } from '../../core/sheet/escape';
import { highlightFormulas, isHighlightFormula } from '../../core/sheet/highlights';
import { maxOf } from '../../core/values/numbers';
import { formatEuro } from '../../core/values/money';
import { CellWrite, WorkbookPort } from '../../ports/workbook';
import { columnOf, headerKey } from '../../core/sheet/headers';
import { sameName } from '../../core/values/text';
import { DEFAULT_TIME_ZONE } from '../../core/values/dates';
import { BERAP_TAB } from '../../core/budget/berap/rows';
import { groupCells } from './cellBlocks';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * Number-format patterns. The pattern language always uses `.` as decimal point and `,` as
 * thousands separator; the spreadsheet's locale (nl_NL) turns them into `€ 1.234,56` on screen.
 */
export const NUMBER_FORMAT: Record<ColumnFormat, string> = {
  money: '"€" #,##0.00;"€" -#,##0.00',
  date: 'dd-mm-yyyy',
  datetime: 'dd-mm-yyyy hh:mm',
  percent: '0.0%',
  integer: '0',
  text: '@',
};

/**
 * Money columns are wide enough for the widest amount the contract allows (`€ -99.999.999,99`), so
 * a million never shows as `###`: about 7 px a character in Sheets' Arial 10, plus padding.
 */
export const MONEY_COLUMN_PIXELS = formatEuro(-9_999_999_999).length * 7 + 18;

/** Sheets refuses list rules longer than this. */
const MAX_LIST_ITEMS = 500;
const DROPDOWN_HELP = 'Kies een waarde uit de lijst. Een andere waarde wordt gemarkeerd, niet geweigerd.';

/** Callers escape their text (escapeCellText); this only catches a formula that slipped through unescaped. */
function escapeValue(value: Cell): Cell {
  return typeof value === 'string' ? guardFormula(value) : value;
}

/** Pads every row to `width` with '' so setValues gets a rectangle, escaping text as it goes. */
function rectangle(rows: Grid, width: number): Cell[][] {
  return rows.map((row) => {
    const out: Cell[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const v = row[c];
      out[c] = v === null || v === undefined ? '' : escapeValue(v);
    }
    return out;
  });
}

/**
 * The workbook port over SpreadsheetApp. Every operation costs a fixed number of service calls,
 * whatever the number of rows: one getValues per read, one setValues per write, formats and
 * dropdowns per column. Sheet handles are cached, so a tab is looked up once per run.
 */
export class AppsScriptWorkbook implements WorkbookPort {
  private readonly tabs: SheetDirectory;
  private zone: string | null = null;
  /** Dropdowns whose source tab did not exist yet (setup creates `Acties` before `Begroting`). */
  private readonly pendingDropdowns: { tab: string; header: string; dropdown: Dropdown & { tab: string } }[] = [];

  /**
   * `batch`: the tabs the first read brings along when the Sheets advanced service is there (two
   * calls for all of them): every user and generated tab, so a tab added to those lists is batched
   * too, and every berap tab.
   */
  constructor(
    private readonly spreadsheet: Spreadsheet = SpreadsheetApp.getActive(),
    batch: readonly string[] = [...USER_TABS, ...GENERATED_TABS],
  ) {
    this.tabs = new SheetDirectory(spreadsheet, batch, [TAB.settings, TAB.municipalities], BERAP_TAB);
  }

  /** Called when the document lock is taken: what was read before it may be stale now. */
  discardReads(): void {
    this.tabs.reset();
  }

  get timeZone(): string {
    if (this.zone === null) this.zone = this.tabs.timeZone() || this.spreadsheet.getSpreadsheetTimeZone() || DEFAULT_TIME_ZONE;
    return this.zone;
  }

  /** The tab's handle by name (case-insensitive, as Sheets), or null. */
  private sheet(name: string): Sheet | null {
    const title = this.tabs.find(name);
    return title === null ? null : this.tabs.sheet(title);
  }

  tabNames(): string[] {
    return this.tabs.names();
  }

  readTab(name: string): Grid | null {
    const title = this.tabs.find(name);
    return title === null ? null : this.tabs.read(title);
  }

  private insertSheet(name: string): Sheet {
    // An explicit index keeps the tabs in the order they are created, not after the active tab.
    const index = this.tabs.names().length;
    const sheet = this.spreadsheet.insertSheet(name, index);
    this.tabs.added(name, sheet, index);
    return sheet;
  }

  /** Makes the sheet at least `rows` × `columns`: writing past its end throws in Sheets. */
  private grow(title: string | null, sheet: Sheet, rows: number, columns: number): Size & { grew: boolean } {
    const known = title === null ? null : this.tabs.knownSize(title);
    let maxRows = known?.maxRows ?? sheet.getMaxRows();
    let maxColumns = known?.maxColumns ?? sheet.getMaxColumns();
    let grew = false;
    if (rows > maxRows) {
      sheet.insertRowsAfter(maxRows, rows - maxRows);
      maxRows = rows;
      grew = true;
    }
    if (columns > maxColumns) {
      sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
      maxColumns = columns;
      grew = true;
    }
    if (title !== null) this.tabs.setSize(title, { maxRows, maxColumns });
    return { maxRows, maxColumns, grew };
  }

  private headerRow(sheet: Sheet): string[] {
    const lastColumn = sheet.getLastColumn();
    if (lastColumn < 1) return [];
    return (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as Cell[]).map((c) => cellText(c));
  }

  private styleHeader(sheet: Sheet, width: number, freeze: boolean): void {
    if (width > 0) sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    if (freeze) sheet.setFrozenRows(1);
  }

  /** Formats and dropdowns for every layout header found in `header`, over rows 2..maxRows. */
  private applyColumns(name: string, sheet: Sheet, layout: TabLayout, header: string[], maxRows: number): void {
    if (maxRows < 2) return;
    const position = new Map<string, number>();
    header.forEach((h, i) => {
      const key = headerKey(h);
      if (key && !position.has(key)) position.set(key, i + 1);
    });
    const formatAt = new Map<number, string>();
    for (const [h, format] of Object.entries(layout.formats ?? {})) {
      const column = position.get(headerKey(h));
      if (column) formatAt.set(column, NUMBER_FORMAT[format]);
    }
    // One call per run of adjacent formatted columns, not per column: a column without a format
    // keeps the one its cells have (a user's, on a user tab).
    const columns = [...formatAt.keys()].sort((a, b) => a - b);
    for (let i = 0; i < columns.length; ) {
      let j = i;
      while (j + 1 < columns.length && columns[j + 1] === columns[j] + 1) j++;
      const run = columns.slice(i, j + 1).map((c) => formatAt.get(c)!);
      const range = sheet.getRange(2, columns[i], maxRows - 1, run.length);
      if (run.every((f) => f === run[0])) range.setNumberFormat(run[0]);
      else range.setNumberFormats(Array.from({ length: maxRows - 1 }, () => run));
      i = j + 1;
    }
    for (const [h, dropdown] of Object.entries(layout.dropdowns ?? {})) {
      const column = position.get(headerKey(h));
      if (!column) continue;
      const rule = this.rule(dropdown);
      if (rule) sheet.getRange(2, column, maxRows - 1, 1).setDataValidation(rule);
      else if ('tab' in dropdown) this.pendingDropdowns.push({ tab: name, header: h, dropdown });
    }
  }

  /** Widens the layout's money columns, found by header; one call per run of adjacent columns. */
  private sizeMoneyColumns(sheet: Sheet, layout: TabLayout, header: string[]): void {
    const money = new Set(Object.entries(layout.formats ?? {}).filter(([, f]) => f === 'money').map(([h]) => headerKey(h)));
    const columns = header.map((h, i) => (money.has(headerKey(h)) ? i + 1 : 0)).filter((c) => c > 0);
    for (let i = 0; i < columns.length; ) {
      let j = i;
      while (j + 1 < columns.length && columns[j + 1] === columns[j] + 1) j++;
      sheet.setColumnWidths(columns[i], j - i + 1, MONEY_COLUMN_PIXELS);
      i = j + 1;
    }
  }

  /**
   * The layout's highlights as conditional-format rules over rows 2..maxRows, at the columns the
   * header has now. The add-on's earlier rules (marked, see HIGHLIGHT_MARK) are replaced, so a rerun
   * after columns moved puts them right and never piles them up; a user's own rules stay, ahead of
   * ours, so theirs win where both hold. One read and one write, whatever the number of rows.
   */
  private applyHighlights(sheet: Sheet, layout: TabLayout, header: string[], maxRows: number): void {
    if (!layout.highlights?.length || maxRows < 2) return;
    const kept = sheet.getConditionalFormatRules().filter((rule) => {
      const condition = rule.getBooleanCondition();
      if (!condition || condition.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA) return true;
      return !isHighlightFormula(String(condition.getCriteriaValues()[0] ?? ''));
    });
    const own = highlightFormulas(layout.highlights, header).map((h) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(h.formula)
        .setBackground(h.background)
        .setRanges([sheet.getRange(2, h.range.fromColumn, maxRows - 1, h.range.toColumn - h.range.fromColumn + 1)])
        .build(),
    );
    sheet.setConditionalFormatRules([...kept, ...own]);
  }

  /**
   * A validation rule that flags, never rejects: a value outside the list is the user's to keep.
   * null when the dropdown's source tab or column does not exist (yet).
   */
  private rule(dropdown: Dropdown): GoogleAppsScript.Spreadsheet.DataValidation | null {
    let list: string[] | null = null;
    let range: Range | null = null;
    if ('values' in dropdown) {
      list = [...dropdown.values];
    } else {
      const source = this.sheet(dropdown.tab);
      if (!source) return null;
      const column = columnOf(this.headerRow(source), dropdown.header);
      if (column < 1) return null;
      if (dropdown.extra?.length) {
        // A range rule cannot carry extra values (`Regio`), so take the column's values as a list;
        // repairTab refreshes it, and a value missing from it is only flagged.
        const lastRow = source.getLastRow();
        const values = lastRow >= 2 ? (source.getRange(2, column, lastRow - 1, 1).getValues() as Cell[][]).map((r) => cellText(r[0]).trim()) : [];
        list = [...new Set([...values.filter((v) => v !== ''), ...dropdown.extra])].slice(0, MAX_LIST_ITEMS);
      } else {
        const maxRows = source.getMaxRows();
        if (maxRows < 2) return null;
        range = source.getRange(2, column, maxRows - 1, 1);
      }
    }
    const builder = SpreadsheetApp.newDataValidation();
    if (range) builder.requireValueInRange(range, true);
    else builder.requireValueInList(list!, true);
    return builder.setAllowInvalid(true).setHelpText(DROPDOWN_HELP).build();
  }

  private applyPendingDropdowns(createdTab: string): void {
    const ready = this.pendingDropdowns.filter((p) => sameName(p.dropdown.tab, createdTab));
    for (const p of ready) {
      this.pendingDropdowns.splice(this.pendingDropdowns.indexOf(p), 1);
      const target = this.sheet(p.tab);
      if (!target) continue;
      const column = columnOf(this.headerRow(target), p.header);
      const rule = column > 0 ? this.rule(p.dropdown) : null;
      const maxRows = target.getMaxRows();
      if (rule && maxRows >= 2) target.getRange(2, column, maxRows - 1, 1).setDataValidation(rule);
    }
  }

  createTab(name: string, layout: TabLayout): void {
    if (this.sheet(name)) {
      this.repairTab(name, layout);
      return;
    }
    const sheet = this.insertSheet(name);
    const header = [...layout.headers];
    const { maxRows } = this.grow(name, sheet, 1, header.length);
    sheet.getRange(1, 1, 1, header.length).setValues([header.map(escapeCellText)]);
    this.styleHeader(sheet, header.length, true);
    this.sizeMoneyColumns(sheet, layout, header);
    this.applyColumns(name, sheet, layout, header, maxRows);
    this.applyHighlights(sheet, layout, header, maxRows);
    this.tabs.written(name);
    this.applyPendingDropdowns(name);
  }

  repairTab(name: string, layout: TabLayout): string[] {
    const title = this.tabs.find(name);
    if (title === null) {
      this.createTab(name, layout);
      return [...layout.headers];
    }
    const sheet = this.tabs.sheet(title);
    const lastColumn = sheet.getLastColumn();
    const present = lastColumn >= 1 ? (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as Cell[]).map((c) => cellText(c)) : [];
    const known = new Set(present.map((h) => headerKey(h)));
    const missing = layout.headers.filter((h) => !known.has(headerKey(h)));
    const size = this.grow(title, sheet, 1, lastColumn + missing.length);
    if (missing.length) {
      // After the last used column (of any row): the new header's column is blank all the way down.
      sheet.getRange(1, lastColumn + 1, 1, missing.length).setValues([missing.map(escapeCellText)]);
    }
    const header = [...present, ...missing];
    // A user who froze more rows keeps them.
    this.styleHeader(sheet, header.length, sheet.getFrozenRows() < 1);
    this.applyColumns(name, sheet, layout, header, size.maxRows);
    this.applyHighlights(sheet, layout, header, size.maxRows);
    this.tabs.written(title);
    return missing;
  }

  appendRows(name: string, rows: Grid): void {
    if (rows.length === 0) return;
    const title = this.tabs.find(name);
    if (title === null) throw new Error(`Tabblad ${name} ontbreekt.`);
    const sheet = this.tabs.sheet(title);
    const lastRow = sheet.getLastRow();
    const width = maxOf(rows.map((r) => r.length), 1);
    this.grow(title, sheet, lastRow + rows.length, width);
    sheet.getRange(lastRow + 1, 1, rows.length, width).setValues(rectangle(rows, width));
    this.tabs.written(title);
  }

  /**
   * With the Sheets advanced service, a tab read earlier in this run costs two calls here (getRange,
   * setValues): its extent is known from that read, its size from the metadata, and its layout
   * (bold header, frozen row, formats, widths, highlights) is applied only when it changed: a new
   * tab, another header row, a frozen row gone, or rows added. Generated tabs are the project
   * leader's alone (core/rights/protectionPlan.ts), so nobody else changes their layout meanwhile.
   */
  replaceTab(name: string, layout: TabLayout, rows: Grid): void {
    const title = this.tabs.find(name);
    const sheet = title === null ? this.insertSheet(name) : this.tabs.sheet(title);
    const tab = title ?? name;
    const header = [...layout.headers];
    const width = maxOf(rows.map((r) => r.length), header.length);
    const data = rectangle([header, ...rows], width);
    const shape = title !== null && this.tabs.batched ? this.tabs.shape(title) : null;
    const oldLastRow = title === null ? 0 : (shape?.lastRow ?? sheet.getLastRow());
    const oldLastColumn = title === null ? 0 : (shape?.lastColumn ?? sheet.getLastColumn());
    const size = this.grow(tab, sheet, data.length, width);
    sheet.getRange(1, 1, data.length, width).setValues(data);
    if (oldLastRow > data.length) {
      sheet.getRange(data.length + 1, 1, oldLastRow - data.length, Math.max(width, oldLastColumn)).clearContent();
    }
    if (oldLastColumn > width) {
      sheet.getRange(1, width + 1, Math.min(data.length, oldLastRow), oldLastColumn - width).clearContent();
    }
    const sameHeader = shape !== null && shape.header.length >= header.length && shape.header.every((h, i) => (i < header.length ? h === data[0][i] : h === ''));
    const unchanged = sameHeader && !size.grew && (this.tabs.knownFrozenRows(tab) ?? 0) >= 1;
    if (!unchanged) {
      this.styleHeader(sheet, width, true);
      this.tabs.setFrozenRows(tab, 1);
      this.sizeMoneyColumns(sheet, layout, header);
      this.applyColumns(name, sheet, layout, header, size.maxRows);
      this.applyHighlights(sheet, layout, header, size.maxRows);
    }
    this.tabs.written(tab, { lastRow: data.length, lastColumn: width, header: data[0].map((c) => cellText(c)) });
    if (title === null) this.applyPendingDropdowns(name);
  }

  writeCells(name: string, cells: CellWrite[]): void {
    if (cells.length === 0) return;
    const title = this.tabs.find(name);
    if (title === null) throw new Error(`Tabblad ${name} ontbreekt.`);
    const sheet = this.tabs.sheet(title);
    const blocks = groupCells(cells);
    const maxRow = maxOf(cells.map((c) => c.row), 1);
    const maxColumn = maxOf(cells.map((c) => c.column), 1);
    this.grow(title, sheet, maxRow, maxColumn);
    for (const b of blocks) {
      const range: Range = sheet.getRange(b.row, b.column, b.values.length, b.values[0].length);
      range.setValues(b.values.map((line) => line.map((v) => (v === null || v === undefined ? '' : escapeValue(v)))));
    }
    this.tabs.written(title);
  }
}
