import ExcelJS from 'exceljs';
import { StyleSheet } from './styles';
import { XlsxPackage } from './xlsxPackage';
import { elements, firstElement, getAttribute, namespacePrefix, removeAttribute, rootPrefix, setAttribute } from './xml';

/**
 * The worksheet XML of tabs the add-on writes whole (generated tabs, new tabs), made to fit into a
 * workbook the add-on did not write: exceljs writes the tabs on their own, then their styles are
 * taken into that workbook's styles.xml, their texts are made inline and their references to parts
 * that do not come along are dropped.
 */

/** exceljs's model of a worksheet, as far as this adapter copies it. */
type WorksheetModel = ExcelJS.Worksheet['model'] & { merges?: string[]; mergeCells?: string[]; media?: unknown[]; tables?: unknown[] };

/** Elements of a worksheet that point at other parts (drawings with charts and images, comment boxes). */
const DRAWING_ELEMENTS = ['drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture'];
/** What follows those elements in a worksheet, in schema order. */
const AFTER_DRAWINGS = ['oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/**
 * A generated tab rewritten whole keeps the drawings (charts, images) and comment boxes a user put
 * on it: their references move from the old part into the new one, and the part's relationships stay.
 */
export function keepDrawings(oldXml: string, newXml: string): string {
  const p = rootPrefix(oldXml, 'worksheet');
  const kept = DRAWING_ELEMENTS.flatMap((name) => elements(oldXml, `${p}${name}`).map((e) => ({ at: e.start, xml: oldXml.slice(e.start, e.end) })))
    .sort((a, b) => a.at - b.at)
    .map((e) => e.xml);
  if (kept.length === 0) return newXml;
  const q = rootPrefix(newXml, 'worksheet');
  const oldR = namespacePrefix(oldXml, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships') ?? 'r';
  const newR = namespacePrefix(newXml, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships');
  let out = newXml;
  if (!newR) {
    const root = firstElement(out, `${q}worksheet`)!;
    out = out.slice(0, root.start) + setAttribute(root.tag, `xmlns:${oldR}`, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships') + out.slice(root.openEnd);
  }
  const r = newR ?? oldR;
  const moved = kept.map((x) => x.replace(new RegExp(`<${p}`, 'g'), `<${q}`).replace(new RegExp(`\\s${oldR}:id=`, 'g'), ` ${r}:id=`)).join('');
  const positions = AFTER_DRAWINGS.map((name) => firstElement(out, `${q}${name}`)?.start ?? -1).filter((i) => i !== -1);
  const at = positions.length ? Math.min(...positions) : out.lastIndexOf(`</${q}worksheet>`);
  return out.slice(0, at) + moved + out.slice(at);
}

/** The shared strings of a package, as the XML inside each `<si>` (plain or rich text). */
async function sharedStrings(pkg: XlsxPackage): Promise<string[]> {
  const rel = (await pkg.relationships(pkg.workbookPart)).find((r) => r.type.endsWith('/sharedStrings'));
  const xml = rel ? await pkg.text(rel.target) : null;
  if (!xml) return [];
  const p = rootPrefix(xml, 'sst');
  return elements(xml, `${p}si`).map((e) => (e.selfClosing ? '' : xml.slice(e.openEnd, e.end - `</${p}si>`.length)));
}

/** Shared-string cells as inline strings, so a generated tab needs nothing from the shared-string table. */
function inlineStrings(xml: string, strings: string[]): string {
  return xml.replace(/<((?:\w+:)?)c(\s[^>]*)>\s*<(?:\w+:)?v>(\d+)<\/(?:\w+:)?v>\s*<\/(?:\w+:)?c>/g, (whole, p: string, attributes: string, index: string) => {
    if (getAttribute(`<c${attributes}>`, 't') !== 's') return whole;
    const tag = setAttribute(`<${p}c${attributes}>`, 't', 'inlineStr');
    return `${tag}<${p}is>${strings[Number(index)] ?? ''}</${p}is></${p}c>`;
  });
}

/** A generated sheet's style references (cells, rows, columns, conditional formats) moved into `target`. */
function restyle(xml: string, target: StyleSheet, from: StyleSheet): string {
  const cellStyles = new Map<number, number>();
  const cellStyle = (index: number) => {
    if (!cellStyles.has(index)) cellStyles.set(index, target.importCellStyle(from, index));
    return cellStyles.get(index)!;
  };
  const remap = (tag: string, name: string, map: (i: number) => number) => {
    const value = getAttribute(tag, name);
    return value === undefined ? tag : setAttribute(tag, name, String(map(Number(value))));
  };
  return xml
    .replace(/<(?:\w+:)?(?:c|row)(?=[\s/>])[^>]*>/g, (tag) => remap(tag, 's', cellStyle))
    .replace(/<(?:\w+:)?col(?=[\s/>])[^>]*>/g, (tag) => remap(tag, 'style', cellStyle))
    .replace(/<(?:\w+:)?cfRule(?=[\s/>])[^>]*>/g, (tag) => remap(tag, 'dxfId', (i) => target.importDifferentialStyle(from, i)))
    // One selected tab is the user's; two would open the workbook with its tabs grouped.
    .replace(/<(?:\w+:)?sheetView(?=[\s/>])[^>]*>/g, (tag) => removeAttribute(tag, 'tabSelected'));
}

/** References to other parts that exceljs may write for a generated tab; their parts are not carried over. */
function withoutPartReferences(xml: string): string {
  const p = rootPrefix(xml, 'worksheet');
  let out = xml;
  for (const name of ['hyperlinks', ...DRAWING_ELEMENTS, 'tableParts']) {
    for (const e of elements(out, `${p}${name}`).reverse()) out = out.slice(0, e.start) + out.slice(e.end);
  }
  return out;
}

/**
 * The XML of `worksheets` by tab name, written by exceljs from a workbook holding only them; their
 * styles are taken into `styles`, their texts are inline.
 */
export async function generatedSheets(worksheets: ExcelJS.Worksheet[], styles: StyleSheet, date1904: boolean): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (worksheets.length === 0) return out;
  const scratch = new ExcelJS.Workbook();
  scratch.properties.date1904 = date1904;
  for (const ws of worksheets) {
    const model = ws.model as WorksheetModel;
    scratch.addWorksheet(ws.name).model = { ...model, mergeCells: model.merges ?? [], media: [], tables: [] } as ExcelJS.Worksheet['model'];
  }
  const written = await XlsxPackage.open(new Uint8Array((await scratch.xlsx.writeBuffer()) as ArrayBuffer));
  const writtenStyles = await written.stylesPart();
  const from = StyleSheet.parse(writtenStyles ? await written.text(writtenStyles) : null);
  const strings = await sharedStrings(written);
  for (const sheet of await written.sheets()) {
    const xml = (await written.text(sheet.part))!;
    out.set(sheet.name, restyle(inlineStrings(withoutPartReferences(xml), strings), styles, from));
  }
  return out;
}
