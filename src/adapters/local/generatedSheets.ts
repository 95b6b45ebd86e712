import { PassThrough } from 'stream';
import ExcelJS from 'exceljs';
import { excelSerial } from './sheetXml';
import { StyleSheet } from './styles';
import { XlsxPackage } from './xlsxPackage';
import { elements, firstElement, namespacePrefix, removeAttribute, rootPrefix, setAttribute } from './xml';

/**
 * The worksheet XML of tabs the add-on writes whole (generated tabs, new tabs), made to fit into a
 * workbook the add-on did not write: exceljs writes the tabs on their own, then their styles are
 * taken into that workbook's styles.xml, their texts are made inline and their references to parts
 * that do not come along are dropped.
 */

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

/**
 * Shared-string cells as inline strings, so a generated tab needs nothing from the shared-string
 * table. The patterns fit what exceljs writes (`<c r="A1" s="2" t="s"><v>0</v></c>`); they run over
 * every cell of the tab, so they are plain regular expressions rather than attribute parsing.
 */
function inlineStrings(xml: string, strings: string[]): string {
  return xml.replace(/<c(\s[^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, before: string, after: string, index: string) =>
    `<c${before} t="inlineStr"${after}><is>${strings[Number(index)] ?? ''}</is></c>`);
}

/** A generated sheet's style references (cells, rows, columns, conditional formats) moved into `target`. */
function restyle(xml: string, target: StyleSheet, from: StyleSheet): string {
  const cellStyles = new Map<string, string>();
  const cellStyle = (index: string) => {
    let mapped = cellStyles.get(index);
    if (mapped === undefined) {
      mapped = String(target.importCellStyle(from, Number(index)));
      cellStyles.set(index, mapped);
    }
    return mapped;
  };
  return xml
    .replace(/(<(?:c|row)\s[^>]*?\ss=")(\d+)"/g, (_, start: string, index: string) => `${start}${cellStyle(index)}"`)
    .replace(/(<col\s[^>]*?\sstyle=")(\d+)"/g, (_, start: string, index: string) => `${start}${cellStyle(index)}"`)
    .replace(/(<cfRule\s[^>]*?\sdxfId=")(\d+)"/g, (_, start: string, index: string) => `${start}${target.importDifferentialStyle(from, Number(index))}"`)
    // One selected tab is the user's; two would open the workbook with its tabs grouped.
    .replace(/<sheetView(?=[\s/>])[^>]*>/g, (tag) => removeAttribute(tag, 'tabSelected'));
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

/** What exceljs keeps on a worksheet without declaring it. */
type WorksheetInternals = {
  dataValidations: { model: Record<string, unknown> };
  sheetProtection: unknown;
};

/**
 * One worksheet written on its own as an .xlsx by exceljs's streaming writer: rows go out as they
 * are copied, so a large generated tab is not held in memory a second and third time.
 */
async function writeAlone(ws: ExcelJS.Worksheet, date1904: boolean): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  const out = writer.addWorksheet(ws.name, { views: ws.views, pageSetup: ws.pageSetup });
  const source = ws as ExcelJS.Worksheet & WorksheetInternals & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
  // The streaming writer names its list of conditional formats in the singular.
  const target = out as unknown as WorksheetInternals & { columns: Partial<ExcelJS.Column>[]; conditionalFormatting: ExcelJS.ConditionalFormattingOptions[] };
  target.columns = (ws.columns ?? []).map((c) => ({ width: c.width, hidden: c.hidden, style: c.style }));
  target.dataValidations.model = { ...source.dataValidations.model };
  target.conditionalFormatting = [...source.conditionalFormattings];
  if (source.sheetProtection) target.sheetProtection = source.sheetProtection;
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const copy = out.getRow(number);
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const to = copy.getCell(column);
      // The streaming writer always counts dates from 1900.
      to.value = date1904 && cell.value instanceof Date ? excelSerial(cell.value, true) : cell.value;
      to.style = cell.style;
    });
    copy.commit();
  });
  await out.commit();
  await writer.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The XML of `worksheets` by tab name, each written by exceljs on its own; their styles are taken
 * into `styles`, their texts are inline.
 */
export async function generatedSheets(worksheets: ExcelJS.Worksheet[], styles: StyleSheet, date1904: boolean): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const ws of worksheets) {
    const written = await XlsxPackage.open(await writeAlone(ws, date1904));
    const writtenStyles = await written.stylesPart();
    const from = StyleSheet.parse(writtenStyles ? await written.text(writtenStyles) : null);
    const strings = await sharedStrings(written);
    const [sheet] = await written.sheets();
    const xml = (await written.text(sheet.part))!;
    out.set(ws.name, restyle(inlineStrings(withoutPartReferences(xml), strings), styles, from));
  }
  return out;
}
