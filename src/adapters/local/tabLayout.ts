import ExcelJS from 'exceljs';
import { Grid, cellText } from '../../core/sheet/cell';
import { columnLetter, parseA1 } from '../../core/sheet/a1';
import { columnOf, headerKey } from '../../core/sheet/headers';
import { highlightFormulas, isHighlightFormula } from '../../core/sheet/highlights';
import { formatEuro } from '../../core/values/money';
import { ColumnFormat, Dropdown, LAYOUT, TabLayout } from '../../core/workbook/contract';
import { headerColumns, toCell, usedExtent } from './cells';

// A tab's layout in exceljs: bold frozen header, number formats, dropdowns and highlights, found by
// header text wherever the columns are.

/** Reads a tab as the port does (a dropdown listing another tab's values reads it). */
export type TabReader = (name: string) => Grid | null;

/** Excel number formats for the contract's column formats, shown the Dutch way. */
export const NUMBER_FORMAT: Record<ColumnFormat, string> = {
  money: '"€" #,##0.00',
  date: 'dd-mm-yyyy',
  datetime: 'dd-mm-yyyy hh:mm',
  percent: '0.0%',
  integer: '0',
  text: '@',
};

/**
 * Money columns are as wide as the widest amount the contract allows (`€ -99.999.999,99`), with
 * room to spare, so a million never turns into `###`. In characters of the default font.
 */
export const MONEY_COLUMN_WIDTH = formatEuro(-9_999_999_999).length + 2;

/** Dropdowns reach at least this far down, and well past the last row, so new rows get them too. */
const DROPDOWN_MIN_LAST_ROW = 1000;
const DROPDOWN_HEADROOM = 500;
/** Excel refuses an inline list longer than this; a range reference is used instead. */
const INLINE_LIST_MAX = 255;

interface DataValidation {
  type: 'list';
  allowBlank: boolean;
  showErrorMessage: boolean;
  formulae: string[];
}
/** exceljs keeps a sheet's validations in a model keyed by address; its typings do not declare it. */
type WithValidations = { dataValidations: { model: Record<string, unknown> } };
/** Nor does it declare the list behind addConditionalFormatting. */
type WithConditionalFormats = { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };

/** Bold frozen header, number formats, dropdowns and highlights, found by header text wherever the columns are. */
export function applyLayout(book: ExcelJS.Workbook, ws: ExcelJS.Worksheet, layout: TabLayout, readTab: TabReader): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  const headers = headerColumns(ws);
  const extent = usedExtent(ws);
  const lastRow = Math.max(extent.rows, 1);
  // Styles are replaced, never mutated: exceljs may share one style object between loaded cells.
  for (const c of headers.values()) {
    const cell = ws.getCell(1, c);
    cell.style = { ...cell.style, font: { ...(cell.style.font ?? {}), bold: true } };
  }
  for (const [header, format] of Object.entries(layout.formats ?? {})) {
    const c = headers.get(headerKey(header));
    if (c === undefined) continue;
    const numFmt = NUMBER_FORMAT[format];
    const column = ws.getColumn(c);
    column.style = { ...(column.style ?? {}), numFmt };
    for (let r = 2; r <= lastRow; r++) {
      const cell = ws.getCell(r, c);
      cell.style = { ...cell.style, numFmt };
    }
  }
  for (const [header, dropdown] of Object.entries(layout.dropdowns ?? {})) {
    const c = headers.get(headerKey(header));
    if (c === undefined) continue;
    setDropdown(book, ws, c, Math.max(DROPDOWN_MIN_LAST_ROW, lastRow + DROPDOWN_HEADROOM), dropdown, readTab);
  }
  if (layout.highlights?.length) setHighlights(ws, layout, extent.columns, Math.max(DROPDOWN_MIN_LAST_ROW, lastRow + DROPDOWN_HEADROOM));
}

/**
 * The layout's highlights as expression rules at the columns the header has now. The add-on's
 * earlier rules (marked, see HIGHLIGHT_MARK) are replaced, never added to; a user's own rules stay
 * and keep precedence (Excel: the lower priority number wins), ours follow in layout order.
 */
function setHighlights(ws: ExcelJS.Worksheet, layout: TabLayout, width: number, lastRow: number): void {
  const sheet = ws as unknown as WithConditionalFormats;
  const isOwn = (rule: ExcelJS.ConditionalFormattingRule) =>
    rule.type === 'expression' && (rule.formulae ?? []).some((f) => typeof f === 'string' && isHighlightFormula(f));
  const kept = sheet.conditionalFormattings
    .map((cf) => ({ ...cf, rules: cf.rules.filter((rule) => !isOwn(rule)) }))
    .filter((cf) => cf.rules.length > 0);
  let priority = Math.max(0, ...kept.flatMap((cf) => cf.rules.map((rule) => rule.priority || 0)));
  const headerRow = Array.from({ length: width }, (_, i) => toCell(ws.getCell(1, i + 1).value));
  const own = highlightFormulas(layout.highlights ?? [], headerRow).map((h) => ({
    ref: `${columnLetter(h.range.fromColumn - 1)}2:${columnLetter(h.range.toColumn - 1)}${lastRow}`,
    rules: [{
      type: 'expression' as const,
      priority: ++priority,
      // The xlsx file stores the formula without its `=`.
      formulae: [h.formula.replace(/^=/, '')],
      style: { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: `FF${h.background.replace(/^#/, '').toUpperCase()}` } } },
    }],
  }));
  sheet.conditionalFormattings = [...kept, ...own];
}

/**
 * A list dropdown on one column. Invalid values stay allowed (no error message): the check lists
 * them in `Controles`, a dropdown never rejects what a user typed or pasted.
 */
function setDropdown(book: ExcelJS.Workbook, ws: ExcelJS.Worksheet, column: number, lastRow: number, dropdown: Dropdown, readTab: TabReader): void {
  const model = (ws as unknown as WithValidations).dataValidations.model;
  const letter = columnLetter(column - 1);
  for (const address of Object.keys(model)) {
    const at = parseA1(address);
    if (at && at.column === column && at.numColumns === 1 && at.row >= 2) delete model[address];
  }
  const formula = listFormula(dropdown, readTab);
  if (!formula) return;
  const validation: DataValidation = { type: 'list', allowBlank: true, showErrorMessage: false, formulae: [formula] };
  model[`${letter}2:${letter}${lastRow}`] = validation;
}

function listFormula(dropdown: Dropdown, readTab: TabReader): string | null {
  const inline = (values: readonly string[]) => {
    const usable = values.every((v) => !v.includes(',') && !v.includes('"'));
    const list = values.join(',');
    return usable && values.length && list.length <= INLINE_LIST_MAX ? `"${list}"` : null;
  };
  if ('values' in dropdown) return inline(dropdown.values);
  // Through readTab, not exceljs: a tab read as a stream has no cells in exceljs's model.
  const source = readTab(dropdown.tab);
  const found = source?.[0]?.findIndex((h) => headerKey(h) === headerKey(dropdown.header)) ?? -1;
  const sourceColumn = found === -1 ? undefined : found + 1;
  if (dropdown.extra?.length && source && sourceColumn !== undefined) {
    // A range cannot hold the extra values (such as `Regio`), so the current values are listed inline.
    const grid = source;
    const values = [...new Set(grid.slice(1).map((r) => cellText(r[sourceColumn - 1]).trim()).filter(Boolean))];
    const list = inline([...values, ...dropdown.extra]);
    if (list) return list;
  }
  // A source tab made later (Begroting after Acties) is referenced where the contract puts the column.
  const c = sourceColumn ?? columnOf(LAYOUT[dropdown.tab].headers, dropdown.header);
  if (c < 1) return null;
  const letter = columnLetter(c - 1);
  const rows = source ? Math.max(DROPDOWN_MIN_LAST_ROW, source.length + DROPDOWN_HEADROOM) : DROPDOWN_MIN_LAST_ROW;
  return `'${dropdown.tab.replace(/'/g, "''")}'!$${letter}$2:$${letter}$${rows}`;
}
