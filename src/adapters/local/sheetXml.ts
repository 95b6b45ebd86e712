import { columnLetter } from '../../core/sheet/a1';
import { ElementSpan, elements, escapeText, firstElement, getAttribute, parseCellRef, removeAttribute, rootPrefix, setAttribute } from './xml';
import { columnNumber } from '../../core/sheet/a1';

/** A value as a worksheet part stores it. Dates arrive as serial numbers, see `excelSerial`. */
export type XlsxValue =
  | { kind: 'blank' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; number: number }
  | { kind: 'date'; serial: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; code: string };

export interface CellPatch {
  /** 1-based. */
  row: number;
  /** 1-based. */
  column: number;
  value: XlsxValue;
}

/**
 * Chooses the style index (`s`) of a written cell from the style it has now (the cell's own, else the
 * row's or the column's default; undefined for none), e.g. to give a date a date format.
 */
export type StyleChoice = (current: number | undefined, value: XlsxValue) => number | undefined;

const keepStyle: StyleChoice = (current) => current;

/** Days since 30-12-1899 (or 01-01-1904) of exceljs's UTC wall-clock Date. */
export function excelSerial(date: Date, date1904 = false): number {
  return date.getTime() / 86_400_000 + (date1904 ? 24_107 : 25_569);
}

const isTrue = (v: string | undefined) => v === '1' || v === 'true';

interface ColumnStyle {
  min: number;
  max: number;
  style: number;
}

function columnStyles(xml: string, p: string): ColumnStyle[] {
  const cols = firstElement(xml, `${p}cols`);
  if (!cols || cols.selfClosing) return [];
  return elements(xml, `${p}col`, cols.openEnd, cols.end).flatMap((c) => {
    const style = getAttribute(c.tag, 'style');
    if (style === undefined) return [];
    return [{ min: Number(getAttribute(c.tag, 'min')), max: Number(getAttribute(c.tag, 'max')), style: Number(style) }];
  });
}

function valueXml(p: string, value: XlsxValue): { type?: string; body: string } {
  switch (value.kind) {
    case 'blank':
      return { body: '' };
    case 'text': {
      const space = /^\s|\s$/.test(value.text) ? ' xml:space="preserve"' : '';
      return { type: 'inlineStr', body: `<${p}is><${p}t${space}>${escapeText(value.text)}</${p}t></${p}is>` };
    }
    case 'number':
      return Number.isFinite(value.number) ? { body: `<${p}v>${value.number}</${p}v>` } : { type: 'e', body: `<${p}v>#NUM!</${p}v>` };
    case 'date':
      return { body: `<${p}v>${value.serial}</${p}v>` };
    case 'boolean':
      return { type: 'b', body: `<${p}v>${value.value ? 1 : 0}</${p}v>` };
    case 'error':
      return { type: 'e', body: `<${p}v>${escapeText(value.code)}</${p}v>` };
  }
}

/** A cell element: the start tag keeps the attributes it had (`r`, `s`, others) apart from the value's type. */
function cellXml(p: string, startTag: string, style: number | undefined, value: XlsxValue): string {
  const { type, body } = valueXml(p, value);
  // cm/vm describe the old value (rich data, images in cells); t is set below.
  let tag = ['t', 'cm', 'vm'].reduce(removeAttribute, startTag.replace(/\s*\/?>$/, '>'));
  if (style !== undefined) tag = setAttribute(tag, 's', String(style));
  if (type) tag = setAttribute(tag, 't', type);
  return body ? `${tag}${body}</${p}c>` : `${tag.slice(0, -1)}/>`;
}

function newCellStart(p: string, row: number, column: number): string {
  return `<${p}c r="${columnLetter(column - 1)}${row}">`;
}

function widenSpans(tag: string, columns: number[]): string {
  const spans = getAttribute(tag, 'spans');
  if (spans === undefined) return tag;
  const m = /^(\d+):(\d+)$/.exec(spans.trim());
  // `spans` is only a hint for readers; a form we do not know is better dropped than wrong.
  if (!m) return removeAttribute(tag, 'spans');
  const min = Math.min(Number(m[1]), ...columns);
  const max = Math.max(Number(m[2]), ...columns);
  return setAttribute(tag, 'spans', `${min}:${max}`);
}

function widenDimension(xml: string, p: string, patches: readonly CellPatch[]): string {
  const dim = firstElement(xml, `${p}dimension`);
  if (!dim) return xml;
  const ref = getAttribute(dim.tag, 'ref') ?? '';
  const [a, b] = ref.split(':');
  const from = parseCellRef(a ?? '');
  const to = parseCellRef(b ?? a ?? '');
  if (!from || !to) return xml;
  let [top, bottom, left, right] = [from.row, to.row, from.column, to.column];
  for (const c of patches) {
    if (c.value.kind === 'blank') continue;
    top = Math.min(top, c.row);
    bottom = Math.max(bottom, c.row);
    left = Math.min(left, c.column);
    right = Math.max(right, c.column);
  }
  if (top === from.row && bottom === to.row && left === from.column && right === to.column) return xml;
  const widened = `${columnLetter(left - 1)}${top}:${columnLetter(right - 1)}${bottom}`;
  return xml.slice(0, dim.start) + setAttribute(dim.tag, 'ref', widened) + xml.slice(dim.openEnd);
}

/** Sorted by row then column; when a cell is written twice, the last write wins. */
function normalise(patches: readonly CellPatch[]): Map<number, CellPatch[]> {
  const last = new Map<string, CellPatch>();
  for (const c of patches) last.set(`${c.row}:${c.column}`, c);
  const byRow = new Map<number, CellPatch[]>();
  for (const c of [...last.values()].sort((x, y) => x.row - y.row || x.column - y.column)) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  return byRow;
}

/**
 * Writes cells into a worksheet part and changes nothing else: every other cell, row, column,
 * validation, protection, conditional format, drawing reference and extension stays byte for byte.
 * A written cell keeps its style (a new one takes its row's or column's default, as a spreadsheet
 * shows it); text is written inline (`t="inlineStr"`), so the shared-string table is left alone.
 * Throws when a cell holds the master formula of a shared formula, which other cells depend on.
 */
export function patchCells(xml: string, patches: readonly CellPatch[], chooseStyle: StyleChoice = keepStyle): string {
  if (patches.length === 0) return xml;
  const p = rootPrefix(xml, 'worksheet');
  const byRow = normalise(patches);
  const colStyles = columnStyles(xml, p);
  const columnStyle = (column: number) => colStyles.find((c) => column >= c.min && column <= c.max)?.style;

  let data = firstElement(xml, `${p}sheetData`);
  if (!data) throw new Error('Werkblad zonder sheetData');
  if (data.selfClosing) {
    const opened = `${data.tag.slice(0, -2).trimEnd()}></${p}sheetData>`;
    xml = xml.slice(0, data.start) + opened + xml.slice(data.end);
    data = firstElement(xml, `${p}sheetData`)!;
  }
  const contentEnd = data.end - `</${p}sheetData>`.length;
  const rows = elements(xml, `${p}row`, data.openEnd, contentEnd);

  const out: string[] = [xml.slice(0, data.openEnd)];
  let cursor = data.openEnd;
  let previousRow = 0;
  const pending = [...byRow.keys()];
  let next = 0;

  const newRow = (row: number) => {
    const cells = byRow.get(row)!;
    const rowStart = `<${p}row r="${row}">`;
    const body = cells.map((c) => cellXml(p, newCellStart(p, row, c.column), chooseStyle(columnStyle(c.column), c.value), c.value)).join('');
    return `${rowStart}${body}</${p}row>`;
  };

  for (const row of rows) {
    const number = Number(getAttribute(row.tag, 'r') ?? previousRow + 1);
    previousRow = number;
    while (next < pending.length && pending[next] < number) {
      out.push(xml.slice(cursor, row.start), newRow(pending[next]));
      cursor = row.start;
      next++;
    }
    if (next < pending.length && pending[next] === number) {
      out.push(xml.slice(cursor, row.start), patchRow(xml, p, row, number, byRow.get(number)!, columnStyle, chooseStyle));
      cursor = row.end;
      next++;
    }
  }
  out.push(xml.slice(cursor, contentEnd));
  for (; next < pending.length; next++) out.push(newRow(pending[next]));
  out.push(xml.slice(contentEnd));
  return widenDimension(out.join(''), p, patches);
}

function patchRow(
  xml: string, p: string, row: ElementSpan, number: number, patches: CellPatch[],
  columnStyle: (column: number) => number | undefined, chooseStyle: StyleChoice,
): string {
  const rowStyle = isTrue(getAttribute(row.tag, 'customFormat')) ? Number(getAttribute(row.tag, 's') ?? 0) : undefined;
  const inherited = (column: number) => rowStyle ?? columnStyle(column);
  const startTag = widenSpans(row.tag.replace(/\s*\/>$/, '>'), patches.map((c) => c.column));
  if (row.selfClosing) {
    const body = patches.map((c) => cellXml(p, newCellStart(p, number, c.column), chooseStyle(inherited(c.column), c.value), c.value)).join('');
    return `${startTag}${body}</${p}row>`;
  }
  const bodyEnd = row.end - `</${p}row>`.length;
  const cells = elements(xml, `${p}c`, row.openEnd, bodyEnd);
  const out: string[] = [startTag];
  let cursor = row.openEnd;
  let previousColumn = 0;
  let i = 0;
  for (const cell of cells) {
    const ref = getAttribute(cell.tag, 'r');
    const column = ref ? columnNumber(ref.replace(/\d+$/, '').replace(/\$/g, '')) : previousColumn + 1;
    previousColumn = column;
    while (i < patches.length && patches[i].column < column) {
      const c = patches[i++];
      out.push(xml.slice(cursor, cell.start), cellXml(p, newCellStart(p, number, c.column), chooseStyle(inherited(c.column), c.value), c.value));
      cursor = cell.start;
    }
    if (i < patches.length && patches[i].column === column) {
      const c = patches[i++];
      const content = xml.slice(cell.openEnd, cell.end);
      if (/<(?:\w+:)?f\b[^>]*\bt=["']shared["'][^>]*\bref=/.test(content)) {
        throw new Error(`Cel ${columnLetter(column - 1)}${number} bevat een gedeelde formule waar andere cellen van afhangen`);
      }
      // A cell that exists shows its own style (none means the default, 0), not its row's or column's.
      const own = getAttribute(cell.tag, 's');
      out.push(xml.slice(cursor, cell.start), cellXml(p, cell.tag, chooseStyle(own !== undefined ? Number(own) : undefined, c.value), c.value));
      cursor = cell.end;
    }
  }
  // New cells go after the last cell, before a row's extension list if it has one.
  const extension = xml.indexOf(`<${p}extLst`, cursor);
  const tailEnd = extension !== -1 && extension < bodyEnd ? extension : bodyEnd;
  out.push(xml.slice(cursor, tailEnd));
  for (; i < patches.length; i++) {
    const c = patches[i];
    out.push(cellXml(p, newCellStart(p, number, c.column), chooseStyle(inherited(c.column), c.value), c.value));
  }
  out.push(xml.slice(tailEnd, row.end));
  return out.join('');
}
