import { ElementSpan, elements, escapeAttribute, firstElement, getAttribute, rootPrefix, setAttribute } from './xml';

/** The first custom number-format id; lower ids are built in. */
const FIRST_CUSTOM_NUMFMT = 164;
/** Built-in number formats that show a date or time. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a format code shows a date or time: d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').split(';')[0];
  return /[dmyhs]/i.test(bare) && !/^[#0.,\s%]*$/.test(bare);
}

/** Sections of styles.xml in schema order, with the element each lists. */
const SECTIONS = [
  ['numFmts', 'numFmt'],
  ['fonts', 'font'],
  ['fills', 'fill'],
  ['borders', 'border'],
  ['cellStyleXfs', 'xf'],
  ['cellXfs', 'xf'],
  ['cellStyles', 'cellStyle'],
  ['dxfs', 'dxf'],
  ['tableStyles', 'tableStyle'],
  ['colors', 'colors'],
  ['extLst', 'ext'],
] as const;
type SectionName = (typeof SECTIONS)[number][0];
type ListName = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';
const CHILD: Record<ListName, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' };

/** A font's settings, sorted and without prefixes: equal for the same font however it is written. */
function fontKey(font: string): string {
  return [...font.matchAll(/<(?:\w+:)?(\w+)((?:\s[^>]*?)?)\s*\/>/g)].map((m) => `${m[1]}${m[2].trim().split(/\s+/).sort().join(' ')}`).sort().join('|');
}

const DEFAULT_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * A workbook's styles.xml that can take in styles from another one. Existing entries are never
 * changed or moved, so every style index a user tab uses keeps meaning what it meant; what is
 * needed is appended, and an entry that is already there (from an earlier run) is reused, so
 * repeated runs do not grow the file.
 */
export class StyleSheet {
  private readonly p: string;
  private readonly lists = new Map<ListName, string[]>();
  private readonly added = new Map<ListName, string[]>();
  private numFmtCodes: Map<number, string> | null = null;

  private constructor(private readonly xml: string) {
    this.p = rootPrefix(xml, 'styleSheet');
  }

  static parse(xml: string | null): StyleSheet {
    return new StyleSheet(xml ?? DEFAULT_STYLES);
  }

  /** Whether anything was appended: only then does styles.xml need writing. */
  get changed(): boolean {
    return [...this.added.values()].some((a) => a.length > 0);
  }

  private section(name: SectionName): ElementSpan | null {
    return firstElement(this.xml, `${this.p}${name}`);
  }

  /** The entries of a section, as XML strings: existing ones, then appended ones. */
  private list(name: ListName): string[] {
    let list = this.lists.get(name);
    if (!list) {
      const span = this.section(name);
      const child = `${this.p}${CHILD[name]}`;
      list = span && !span.selfClosing ? elements(this.xml, child, span.openEnd, span.end).map((e) => this.xml.slice(e.start, e.end)) : [];
      this.lists.set(name, list);
      this.added.set(name, []);
    }
    return list;
  }

  private entry(name: ListName, index: number): string | undefined {
    return this.list(name)[index];
  }

  /**
   * Index of `xml` in the section, appending it when absent. Fonts compare by their settings in any
   * order: exceljs reads a font back and writes its settings in its own order.
   */
  private intern(name: ListName, xml: string): number {
    const list = this.list(name);
    const key = name === 'fonts' ? fontKey : (x: string) => x;
    const wanted = key(xml);
    const found = list.findIndex((x) => key(x) === wanted);
    if (found !== -1) return found;
    list.push(xml);
    this.added.get(name)!.push(xml);
    return list.length - 1;
  }

  private codes(): Map<number, string> {
    if (!this.numFmtCodes) {
      this.numFmtCodes = new Map();
      for (const f of this.list('numFmts')) {
        const id = Number(getAttribute(f, 'numFmtId'));
        const code = getAttribute(f, 'formatCode');
        if (Number.isFinite(id) && code !== undefined) this.numFmtCodes.set(id, code);
      }
    }
    return this.numFmtCodes;
  }

  private numFmtId(code: string): number {
    for (const [id, c] of this.codes()) if (c === code) return id;
    const id = Math.max(FIRST_CUSTOM_NUMFMT - 1, ...this.codes().keys()) + 1;
    const p = this.p;
    this.intern('numFmts', `<${p}numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
    this.codes().set(id, code);
    return id;
  }

  /** Whether cell style `index` shows a date. */
  isDateStyle(index: number | undefined): boolean {
    const xf = this.entry('cellXfs', index ?? 0);
    if (!xf) return false;
    const id = Number(getAttribute(xf, 'numFmtId') ?? 0);
    if (BUILTIN_DATE_FORMATS.has(id)) return true;
    const code = this.codes().get(id);
    return code !== undefined && isDateFormat(code);
  }

  /** Cell style `index` with a date format instead of its own: how a spreadsheet shows a Date typed in. */
  withNumberFormat(index: number | undefined, code: string): number {
    const xf = this.entry('cellXfs', index ?? 0) ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const tag = xf.slice(0, xf.indexOf('>') + 1);
    let start = setAttribute(tag, 'numFmtId', String(this.numFmtId(code)));
    start = setAttribute(start, 'applyNumberFormat', '1');
    return this.intern('cellXfs', start + xf.slice(tag.length));
  }

  /** A font of `from`, completed with this workbook's default font where it leaves size or name open. */
  private importFont(from: StyleSheet, index: number): number {
    // exceljs's font 0 is its default (Calibri 11); cells without a font of their own look like this workbook's default.
    if (index === 0) return 0;
    const font = from.entry('fonts', index);
    if (!font) return 0;
    const base = this.entry('fonts', 0) ?? '';
    const settings = /<(?:\w+:)?(sz|name|family|scheme)\b[^>]*\/>/g;
    const has = new Set([...font.matchAll(settings)].map((m) => m[1]));
    const missing = [...base.matchAll(settings)].filter((m) => !has.has(m[1]) && m[1] !== 'scheme').map((m) => m[0]).join('');
    const body = font.endsWith('/>') ? '' : font.slice(font.indexOf('>') + 1, font.lastIndexOf('</'));
    // A theme colour means nothing in a workbook without the same theme: black is what exceljs means by theme 1.
    const cleaned = body.replace(/<((?:\w+:)?)color theme="1"\s*\/>/g, '<$1color rgb="FF000000"/>').replace(/<(?:\w+:)?scheme\b[^>]*\/>/g, '');
    return this.intern('fonts', `<${this.p}font>${this.prefixed(cleaned, from.p)}${missing}</${this.p}font>`);
  }

  private importPlain(from: StyleSheet, name: 'fills' | 'borders', index: number, keep: number): number {
    if (index < keep) return index;
    const xml = from.entry(name, index);
    return xml ? this.intern(name, this.prefixed(xml, from.p)) : 0;
  }

  /** Another document's elements written with this document's prefix (both are nearly always ''). */
  private prefixed(xml: string, fromPrefix: string): string {
    if (fromPrefix === this.p) return xml;
    const strip = fromPrefix ? xml.replace(new RegExp(`<(/?)${fromPrefix}`, 'g'), '<$1') : xml;
    return this.p ? strip.replace(/<(\/?)(?![?!])/g, `<$1${this.p}`) : strip;
  }

  /** Cell style `index` of `from` as a cell style of this workbook. Style 0 stays the workbook's default. */
  importCellStyle(from: StyleSheet, index: number): number {
    if (index === 0) return 0;
    const xf = from.entry('cellXfs', index);
    if (!xf) return 0;
    const tagEnd = xf.indexOf('>') + 1;
    let tag = xf.slice(0, tagEnd);
    const fmt = Number(getAttribute(tag, 'numFmtId') ?? 0);
    const code = from.codes().get(fmt);
    tag = setAttribute(tag, 'numFmtId', String(fmt < FIRST_CUSTOM_NUMFMT || code === undefined ? fmt : this.numFmtId(code)));
    tag = setAttribute(tag, 'fontId', String(this.importFont(from, Number(getAttribute(tag, 'fontId') ?? 0))));
    // The first two fills (none, gray125) and the first border are the same in every workbook.
    tag = setAttribute(tag, 'fillId', String(this.importPlain(from, 'fills', Number(getAttribute(tag, 'fillId') ?? 0), 2)));
    tag = setAttribute(tag, 'borderId', String(this.importPlain(from, 'borders', Number(getAttribute(tag, 'borderId') ?? 0), 1)));
    tag = setAttribute(tag, 'xfId', '0');
    return this.intern('cellXfs', this.prefixed(tag + xf.slice(tagEnd), from.p));
  }

  /** A differential style (conditional formatting) of `from`; these are self-contained. */
  importDifferentialStyle(from: StyleSheet, index: number): number {
    const dxf = from.entry('dxfs', index);
    if (!dxf) throw new Error(`Opmaak ${index} ontbreekt`);
    return this.intern('dxfs', this.prefixed(dxf, from.p));
  }

  /** styles.xml with the appended entries and counts; the rest exactly as it was. */
  serialise(): string {
    let xml = this.xml;
    // From the last section to the first, so earlier offsets stay valid.
    const names = (['dxfs', 'cellXfs', 'borders', 'fills', 'fonts', 'numFmts'] as const).filter((n) => (this.added.get(n)?.length ?? 0) > 0);
    for (const name of names) {
      const extra = this.added.get(name)!.join('');
      const count = this.list(name).length;
      const span = firstElement(xml, `${this.p}${name}`);
      if (span) {
        const start = setAttribute(span.selfClosing ? `${span.tag.slice(0, -2).trimEnd()}>` : span.tag, 'count', String(count));
        const body = span.selfClosing ? '' : xml.slice(span.openEnd, span.end - `</${this.p}${name}>`.length);
        xml = `${xml.slice(0, span.start)}${start}${body}${extra}</${this.p}${name}>${xml.slice(span.end)}`;
      } else {
        xml = this.insertSection(xml, name, `<${this.p}${name} count="${count}">${extra}</${this.p}${name}>`);
      }
    }
    return xml;
  }

  /** A section the document lacks, placed where the schema wants it: after the last section before it. */
  private insertSection(xml: string, name: SectionName, section: string): string {
    const order = SECTIONS.map(([n]) => n);
    for (const later of order.slice(order.indexOf(name) + 1)) {
      const span = firstElement(xml, `${this.p}${later}`);
      if (span) return xml.slice(0, span.start) + section + xml.slice(span.start);
    }
    const close = xml.lastIndexOf(`</${this.p}styleSheet>`);
    return xml.slice(0, close) + section + xml.slice(close);
  }
}
