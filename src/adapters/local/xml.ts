/**
 * Small, exact string helpers for the parts of an .xlsx that the local adapter patches in place.
 * They never re-serialise a document: what they do not touch stays byte for byte as it was.
 */
import { columnNumber } from '../../core/sheet/a1';

/** Characters XML 1.0 does not allow; OOXML writes them as `_xHHHH_`. */
const INVALID_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text content of an OOXML string (`<t>`): `_xHHHH_` written literally is escaped as `_x005F_xHHHH_`. */
export function escapeText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(INVALID_XML_CHAR, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return text
    .replace(INVALID_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

const attributePatterns = new Map<string, RegExp>();
/** Compiled once per attribute name: these run for every cell of a large tab. */
const attributePattern = (name: string) => {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  return pattern;
};

/** An attribute of a start tag (`<c r="A1" s="3">`), decoded; undefined when absent. */
export function getAttribute(tag: string, name: string): string | undefined {
  const m = attributePattern(name).exec(tag);
  if (!m) return undefined;
  return decodeEntities(m[2] ?? m[3] ?? '');
}

/** The start tag with the attribute set (replaced in place, or added before the tag closes). */
export function setAttribute(tag: string, name: string, value: string): string {
  const escaped = escapeAttribute(value);
  const pattern = attributePattern(name);
  if (pattern.test(tag)) return tag.replace(pattern, ` ${name}="${escaped}"`);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${escaped}"${tag.slice(close)}`;
}

export function removeAttribute(tag: string, name: string): string {
  return tag.replace(attributePattern(name), '');
}

/** `xmlns:r="…relationships"` → `r`: the prefix a document uses for a namespace, or null. */
export function namespacePrefix(xml: string, uri: string): string | null {
  const m = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${uri.replace(/[.:/]/g, '\\$&')}["']`).exec(xml);
  return m ? m[1] : null;
}

/** The prefix (with its colon, or '') of a document's root element, e.g. `x:` for `<x:worksheet>`. */
export function rootPrefix(xml: string, localName: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}[\\s>]`).exec(xml);
  return m?.[1] ?? '';
}

export interface ElementSpan {
  /** Index of `<`. */
  start: number;
  /** Index just after the start tag's `>`. */
  openEnd: number;
  /** Index just after the element (after `/>` or the end tag). */
  end: number;
  tag: string;
  selfClosing: boolean;
}

/**
 * Every element `name` (with prefix) in `xml` between `from` and `to`, for elements that never nest
 * inside themselves (rows, cells, fonts, xfs, relationships...). Attribute values are assumed to hold
 * no `>`, which every spreadsheet writer escapes.
 */
export function elements(xml: string, name: string, from = 0, to = xml.length): ElementSpan[] {
  const out: ElementSpan[] = [];
  const open = new RegExp(`<${name.replace(/[.:]/g, '\\$&')}(?=[\\s/>])[^>]*>`, 'g');
  const close = `</${name}>`;
  open.lastIndex = from;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    const tag = m[0];
    const openEnd = m.index + tag.length;
    const selfClosing = tag.endsWith('/>');
    let end = openEnd;
    if (!selfClosing) {
      const c = xml.indexOf(close, openEnd);
      if (c === -1 || c >= to) throw new Error(`Onvolledig XML-element <${name}>`);
      end = c + close.length;
    }
    out.push({ start: m.index, openEnd, end, tag, selfClosing });
    open.lastIndex = end;
  }
  return out;
}

/** The first element `name`, or null. */
export function firstElement(xml: string, name: string, from = 0, to = xml.length): ElementSpan | null {
  const open = new RegExp(`<${name.replace(/[.:]/g, '\\$&')}(?=[\\s/>])[^>]*>`, 'g');
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m || m.index >= to) return null;
  const tag = m[0];
  const openEnd = m.index + tag.length;
  if (tag.endsWith('/>')) return { start: m.index, openEnd, end: openEnd, tag, selfClosing: true };
  const close = `</${name}>`;
  const c = xml.indexOf(close, openEnd);
  if (c === -1) throw new Error(`Onvolledig XML-element <${name}>`);
  return { start: m.index, openEnd, end: c + close.length, tag, selfClosing: false };
}

/** The content between an element's start and end tag ('' when self-closing). */
export function inner(xml: string, span: ElementSpan, name: string): string {
  return span.selfClosing ? '' : xml.slice(span.openEnd, span.end - `</${name}>`.length);
}

/** `XFD1048576` → { row: 1048576, column: 16384 }; null when it is no cell reference. */
export function parseCellRef(ref: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}
