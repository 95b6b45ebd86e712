import { StringDecoder } from 'string_decoder';
import { Cell, Grid, isBlank } from '../../core/sheet/cell';
import { parseA1 } from '../../core/sheet/a1';
import { CellCounter, LIMITS, Limits, overLimit } from './limits';
import { StyleSheet } from './styles';
import { XlsxPackage } from './xlsxPackage';
import { decodeEntities, elements, getAttribute, rootPrefix } from './xml';

/**
 * Cell values read from worksheet parts as they stream out of the zip, without building exceljs's
 * model of every cell (about 400 bytes each): a big ledger costs a few dozen bytes a cell. The values
 * are what exceljs gives for the same cells (see cells.ts `toCell`): shared and inline strings, numbers,
 * Dates for numbers in a date format, booleans, error codes, a formula's cached result, and nothing
 * for the hidden cells of a merged range.
 */

/** A streamed part, in UTF-8 text pieces that are cut after the last complete `closing` element. */
function eachPiece(stream: NodeJS.ReadableStream, closing: RegExp, onPiece: (text: string) => void, onChunk: (chunk: Buffer) => void): Promise<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let failed = false;
  // JSZip's stream is an old-style one (no async iteration): its events, then.
  return new Promise<string>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        onChunk(chunk);
        const text = rest + decoder.write(chunk);
        let cut = -1;
        closing.lastIndex = 0;
        for (let m = closing.exec(text); m; m = closing.exec(text)) cut = m.index + m[0].length;
        if (cut === -1) {
          rest = text;
          return;
        }
        onPiece(text.slice(0, cut));
        rest = text.slice(cut);
      } catch (error) {
        failed = true;
        (stream as unknown as { pause(): void }).pause();
        reject(error);
      }
    });
    stream.on('end', () => {
      if (!failed) resolve(rest + decoder.end());
    });
    stream.on('error', reject);
  });
}

/** `_xHHHH_` as OOXML escapes characters XML cannot hold (what exceljs decodes too). */
const unescapeText = (text: string) => decodeEntities(text).replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const TEXT_RUN = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
/** The text of an `<si>` or `<is>`: its runs joined, without phonetic guides. */
function stringItem(inner: string): string {
  const visible = inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  TEXT_RUN.lastIndex = 0;
  for (let m = TEXT_RUN.exec(visible); m; m = TEXT_RUN.exec(visible)) out += m[1] ? unescapeText(m[1]) : '';
  return out;
}

/** The shared-string table, read as it streams. */
export async function readSharedStrings(pkg: XlsxPackage, onChunk: (chunk: Buffer) => void = () => undefined): Promise<string[]> {
  const rel = (await pkg.relationships(pkg.workbookPart)).find((r) => r.type.endsWith('/sharedStrings'));
  const stream = rel ? pkg.stream(rel.target) : null;
  if (!stream) return [];
  const strings: string[] = [];
  const item = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  const take = (text: string) => {
    item.lastIndex = 0;
    for (let m = item.exec(text); m; m = item.exec(text)) strings.push(m[1] ? stringItem(m[1]) : '');
  };
  take(await eachPiece(stream, /<\/(?:\w+:)?si>/g, take, onChunk));
  return strings;
}

export interface StreamedSheet {
  /** Rows as stored: row r at index r-1, each as long as its last cell; trimmed when read (`usedGrid`). */
  rows: Cell[][];
  /** The worksheet part without its cells (an empty sheetData), for exceljs to read the rest. */
  skeleton: string;
}

export interface SheetContext {
  strings: readonly string[];
  /** Sees every chunk of the part as it streams (to count it against the limits); may throw. */
  onChunk: (chunk: Buffer) => void;
  styles: StyleSheet;
  date1904: boolean;
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
// One expression per attribute, made once: this runs for every cell.
const ATTRIBUTES = { r: /\sr\s*=\s*["']([^"']*)["']/, s: /\ss\s*=\s*["']([^"']*)["']/, t: /\st\s*=\s*["']([^"']*)["']/ };
const attr = (tag: string, name: keyof typeof ATTRIBUTES) => ATTRIBUTES[name].exec(tag)?.[1];

/** The column of a cell reference (`AB12` → 28), without building an object per cell. */
function columnOfRef(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) {
      if (ref.charCodeAt(i) === 0x24) continue; // $
      break;
    }
    column = column * 26 + (code - 0x60);
  }
  return column;
}

/** exceljs's Date for a serial number: UTC wall clock. */
const fromSerial = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25_569 + (date1904 ? 1_462 : 0)) * 86_400_000));

function cellOf(attrs: string, body: string | undefined, context: SheetContext, dateStyle: (s: number) => boolean): Cell {
  if (!body) return null;
  const type = attr(attrs, 't');
  if (type === 'inlineStr') {
    const is = INLINE.exec(body);
    return is ? stringItem(is[1]) : null;
  }
  const v = VALUE.exec(body);
  if (!v) return null;
  const raw = v[1];
  switch (type) {
    case 's':
      return context.strings[Number(raw)] ?? null;
    case 'str':
      return unescapeText(raw);
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return decodeEntities(raw);
    case 'd': {
      const d = new Date(`${raw.trim()}${/[zZ]|[+-]\d\d:?\d\d$/.test(raw.trim()) || !raw.includes('T') ? '' : 'Z'}`);
      return Number.isNaN(d.getTime()) ? decodeEntities(raw) : d;
    }
    default: {
      const n = Number(raw);
      if (raw.trim() === '' || Number.isNaN(n)) return null;
      const s = attr(attrs, 's');
      return s !== undefined && dateStyle(Number(s)) ? fromSerial(n, context.date1904) : n;
    }
  }
}

/** Reads a worksheet part: its cells, and the part without them. */
export async function readSheet(pkg: XlsxPackage, part: string, context: SheetContext): Promise<StreamedSheet> {
  const stream = pkg.stream(part);
  if (!stream) throw new Error(`Werkblad ${part} ontbreekt in het pakket`);
  const dateStyles = new Map<number, boolean>();
  const dateStyle = (s: number) => {
    let known = dateStyles.get(s);
    if (known === undefined) dateStyles.set(s, (known = context.styles.isDateStyle(s)));
    return known;
  };
  const rows: Cell[][] = [];
  let head = '';
  let inData = false;
  let afterData = false;
  let tail = '';
  let previousRow = 0;

  const takeRows = (text: string) => {
    ROW.lastIndex = 0;
    for (let m = ROW.exec(text); m; m = ROW.exec(text)) {
      const r = Number(attr(m[1], 'r') ?? previousRow + 1);
      previousRow = r;
      if (!m[2]) continue;
      const line: Cell[] = [];
      let previousColumn = 0;
      CELL.lastIndex = 0;
      for (let c = CELL.exec(m[2]); c; c = CELL.exec(m[2])) {
        const ref = attr(c[1], 'r');
        const column = (ref && columnOfRef(ref)) || previousColumn + 1;
        previousColumn = column;
        const value = cellOf(c[1], c[2], context, dateStyle);
        if (value !== null) line[column - 1] = value;
      }
      if (line.length) rows[r - 1] = line;
    }
  };

  const onPiece = (text: string) => {
    if (afterData) {
      tail += text;
      return;
    }
    let data = text;
    if (!inData) {
      const open = /<(?:\w+:)?sheetData\b[^>]*?(\/?)>/.exec(head + text);
      if (!open) {
        head += text;
        return;
      }
      const all = head + text;
      head = all.slice(0, open.index + open[0].length);
      if (open[1] === '/') {
        afterData = true;
        tail = all.slice(open.index + open[0].length);
        return;
      }
      inData = true;
      data = all.slice(open.index + open[0].length);
    }
    const close = /<\/(?:\w+:)?sheetData>/.exec(data);
    if (close) {
      takeRows(data.slice(0, close.index));
      afterData = true;
      tail = data.slice(close.index + close[0].length);
    } else {
      takeRows(data);
    }
  };
  onPiece(await eachPiece(stream, /<\/(?:\w+:)?row>|<\/(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\b[^>]*\/>/g, onPiece, context.onChunk));

  const p = rootPrefix(head, 'worksheet');
  const selfClosing = /\/>$/.test(head);
  const skeleton = selfClosing ? head + tail : `${head}</${p}sheetData>${tail}`;
  hideMergedCells(rows, tail, p);
  return { rows, skeleton };
}

/** The cells of a merged range other than its top-left one read as blank, as in Sheets and exceljs. */
function hideMergedCells(rows: Cell[][], tail: string, p: string): void {
  for (const m of elements(tail, `${p}mergeCell`)) {
    const range = parseA1(getAttribute(m.tag, 'ref') ?? '');
    if (!range) continue;
    for (let r = range.row; r < range.row + range.numRows; r++) {
      const line = rows[r - 1];
      if (!line) continue;
      for (let c = range.column; c < range.column + range.numColumns; c++) {
        if (r === range.row && c === range.column) continue;
        if (c - 1 < line.length) line[c - 1] = null;
      }
    }
  }
}

/** The used range as the port reads it: up to the last row and column with a visible value, blanks as null. */
export function usedGrid(rows: readonly (Cell[] | undefined)[]): { rows: number; columns: number; grid: () => Grid } {
  let last = 0;
  let columns = 0;
  rows.forEach((line, i) => {
    if (!line) return;
    for (let c = line.length - 1; c >= 0; c--) {
      if (!isBlank(line[c])) {
        last = i + 1;
        columns = Math.max(columns, c + 1);
        break;
      }
    }
  });
  const grid = () => {
    const out: Grid = new Array(last);
    for (let r = 0; r < last; r++) {
      const line: Cell[] = new Array<Cell>(columns).fill(null);
      const source = rows[r];
      if (source) for (let c = 0; c < Math.min(columns, source.length); c++) line[c] = source[c] ?? null;
      out[r] = line;
    }
    return out;
  };
  return { rows: last, columns, grid };
}

const EMPTY_SST = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

export interface StreamedWorkbook {
  /** Each worksheet's rows by tab name. */
  cells: Map<string, Cell[][]>;
  /** Parts exceljs reads instead of the original: skeletons of the worksheets, an empty shared-string table. */
  skeletons: Map<string, string>;
}

/**
 * Reads every worksheet's cells as a stream, one tab at a time, counting bytes and cells as they
 * come: past a limit it stops with WorkbookTooLargeError, before the rest is read.
 */
export async function readWorkbookCells(pkg: XlsxPackage, tabs: ReadonlyMap<string, string>, date1904: boolean, limits: Limits = LIMITS): Promise<StreamedWorkbook> {
  const counter = new CellCounter();
  const onChunk = (chunk: Buffer) => {
    counter.add(chunk);
    const error = overLimit(counter, limits);
    if (error) throw error;
  };
  const stylesPart = await pkg.stylesPart();
  const strings = await readSharedStrings(pkg, onChunk);
  const context: SheetContext = { strings, onChunk, styles: StyleSheet.parse(stylesPart ? await pkg.text(stylesPart) : null), date1904 };
  const cells = new Map<string, Cell[][]>();
  const skeletons = new Map<string, string>();
  for (const [tab, part] of tabs) {
    counter.nextPart();
    const sheet = await readSheet(pkg, part, context);
    cells.set(tab, sheet.rows);
    skeletons.set(part, sheet.skeleton);
  }
  const sst = (await pkg.relationships(pkg.workbookPart)).find((r) => r.type.endsWith('/sharedStrings'));
  if (sst && pkg.has(sst.target)) skeletons.set(sst.target, EMPTY_SST);
  return { cells, skeletons };
}
