import * as posix from 'path/posix';
import { CHART_TITLE } from '../../core/budget/berap/chart';
import { BERAP_HEADERS, BERAP_TAB } from '../../core/budget/berap/rows';
import { columnLetter } from '../../core/sheet/a1';
import { Grid, cellText } from '../../core/sheet/cell';
import { TOTAL_CODE } from '../../core/workbook/contract';
import { XlsxPackage } from './xlsxPackage';
import { escapeAttribute, escapeText, firstElement, rootPrefix, setAttribute, namespacePrefix } from './xml';

/**
 * The berap's chart in an .xlsx: a DrawingML bar chart of Raming and Prognose per budget line,
 * anchored below the table, that LibreOffice and Excel show. It is added through the zip layer after
 * the workbook is written, because exceljs writes no charts. A remake finds the chart by its title
 * and rewrites that part (its ranges and cached values), so there is never a second one; a drawing
 * with the user's own shapes keeps them and gets the chart beside them.
 */
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DRAWING_REL = `${REL}/drawing`;
const CHART_REL = `${REL}/chart`;
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
/** Worksheet children that come after `<drawing>` (ECMA-376 CT_Worksheet). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

interface ChartData {
  sheet: string;
  labels: string[];
  estimates: number[];
  forecasts: number[];
  /** 0-based row below the table where the chart starts. */
  anchorRow: number;
}

const at = (header: (typeof BERAP_HEADERS)[number]) => BERAP_HEADERS.indexOf(header);

/** The budget lines of a berap tab: the rows from row 2 up to `Totaal`, as the add-on wrote them. */
function chartData(sheet: string, grid: Grid): ChartData | null {
  const rows: Grid = [];
  for (const row of grid.slice(1)) {
    if (cellText(row[at('Code')]).trim() === TOTAL_CODE) break;
    rows.push(row);
  }
  if (!rows.length) return null;
  const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return {
    sheet, labels: rows.map((r) => cellText(r[at('Begrotingspost')]) || cellText(r[at('Code')])),
    estimates: rows.map((r) => number(r[at('Raming')])), forecasts: rows.map((r) => number(r[at('Prognose')])), anchorRow: grid.length + 2,
  };
}

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const ref = (d: ChartData, header: (typeof BERAP_HEADERS)[number], from: number, to: number) => {
  const col = columnLetter(at(header));
  return `${quoted(d.sheet)}!$${col}$${from}${to > from ? `:$${col}$${to}` : ''}`;
};

function series(d: ChartData, index: number, header: 'Raming' | 'Prognose', values: number[], colour: string): string {
  const n = values.length;
  const labels = d.labels.map((l, i) => `<c:pt idx="${i}"><c:v>${escapeText(l)}</c:v></c:pt>`).join('');
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('');
  return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:strRef><c:f>${escapeText(ref(d, header, 1, 1))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${header}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${escapeText(ref(d, 'Begrotingspost', 2, n + 1))}</c:f><c:strCache><c:ptCount val="${n}"/>${labels}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeText(ref(d, header, 2, n + 1))}</c:f><c:numCache><c:formatCode>#,##0</c:formatCode><c:ptCount val="${n}"/>${points}</c:numCache></c:numRef></c:val></c:ser>`;
}

/** The chart part: title, two series over the tab's cells with their cached values, axes, legend. */
export function chartXml(d: ChartData): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${REL}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeText(CHART_TITLE)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series(d, 0, 'Raming', d.estimates, '5B7FA6')}${series(d, 1, 'Prognose', d.forecasts, 'D9822B')}` +
    '<c:gapWidth val="80"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>' +
    '<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/>' +
    '<c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>' +
    '<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/>' +
    '<c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>' +
    '<c:legend><c:legendPos val="t"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>';
}

function anchorXml(d: ChartData, relId: string, shapeId: number, p: string): string {
  const rows = Math.max(14, d.labels.length * 2 + 6);
  return `<${p}twoCellAnchor editAs="oneCell"><${p}from><${p}col>1</${p}col><${p}colOff>0</${p}colOff><${p}row>${d.anchorRow}</${p}row><${p}rowOff>0</${p}rowOff></${p}from>` +
    `<${p}to><${p}col>10</${p}col><${p}colOff>0</${p}colOff><${p}row>${d.anchorRow + rows}</${p}row><${p}rowOff>0</${p}rowOff></${p}to>` +
    `<${p}graphicFrame macro=""><${p}nvGraphicFramePr><${p}cNvPr id="${shapeId}" name="${escapeAttribute(CHART_TITLE)}"/><${p}cNvGraphicFramePr/></${p}nvGraphicFramePr>` +
    `<${p}xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></${p}xfrm><a:graphic xmlns:a="${A}"><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${REL}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</${p}graphicFrame><${p}clientData/></${p}twoCellAnchor>`;
}

/** A part name not yet in the package: `xl/charts/chart3.xml`. */
function freePart(pkg: XlsxPackage, folder: string, stem: string): string {
  let n = 1;
  while (pkg.has(posix.join(folder, `${stem}${n}.xml`))) n++;
  return posix.join(folder, `${stem}${n}.xml`);
}

/** The chart part of ours in a drawing: the one whose title is the berap chart's. */
async function ourChart(pkg: XlsxPackage, drawing: string): Promise<string | null> {
  for (const rel of await pkg.relationships(drawing)) {
    if (rel.type !== CHART_REL) continue;
    const xml = await pkg.text(rel.target);
    if (xml && xml.includes(escapeText(CHART_TITLE))) return rel.target;
  }
  return null;
}

/** Adds `<drawing r:id>` to a worksheet, where the schema wants it. */
function withDrawingElement(sheetXml: string, relId: string): string {
  const p = rootPrefix(sheetXml, 'worksheet');
  let xml = sheetXml;
  let r = namespacePrefix(xml, REL);
  if (!r) {
    r = 'r';
    const root = firstElement(xml, `${p}worksheet`)!;
    xml = xml.slice(0, root.start) + setAttribute(root.tag, 'xmlns:r', REL) + xml.slice(root.openEnd);
  }
  const positions = AFTER_DRAWING.map((name) => firstElement(xml, `${p}${name}`)?.start ?? -1).filter((i) => i !== -1);
  const where = positions.length ? Math.min(...positions) : xml.lastIndexOf(`</${p}worksheet>`);
  return `${xml.slice(0, where)}<${p}drawing ${r}:id="${relId}"/>${xml.slice(where)}`;
}

async function placeChart(pkg: XlsxPackage, sheetPart: string, d: ChartData): Promise<void> {
  const drawingRel = (await pkg.relationships(sheetPart)).find((r) => r.type === DRAWING_REL && !r.external);
  const drawing = drawingRel?.target ?? freePart(pkg, 'xl/drawings', 'drawing');
  const existing = drawingRel ? await ourChart(pkg, drawing) : null;
  if (existing) {
    pkg.set(existing, chartXml(d));
    return;
  }
  const chart = freePart(pkg, 'xl/charts', 'chart');
  pkg.set(chart, chartXml(d));
  await pkg.addOverride(chart, CHART_TYPE);
  const chartRel = drawingRel ? await pkg.addRelationship(drawing, CHART_REL, chart) : null;
  if (drawingRel) {
    // The user's drawing: our anchor goes in beside their shapes.
    const xml = (await pkg.text(drawing)) ?? '';
    const p = rootPrefix(xml, 'wsDr');
    const close = xml.lastIndexOf(`</${p}wsDr>`);
    const ids = [...xml.matchAll(/\bcNvPr\b[^>]*\sid="(\d+)"/g)].map((m) => Number(m[1]));
    if (close !== -1) pkg.set(drawing, xml.slice(0, close) + anchorXml(d, chartRel!, Math.max(1, ...ids) + 1, p) + xml.slice(close));
    return;
  }
  pkg.set(drawing, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}"></xdr:wsDr>`);
  await pkg.addOverride(drawing, DRAWING_TYPE);
  const rel = await pkg.addRelationship(drawing, CHART_REL, chart);
  const xml = (await pkg.text(drawing))!;
  pkg.set(drawing, xml.replace('</xdr:wsDr>', `${anchorXml(d, rel, 2, 'xdr:')}</xdr:wsDr>`));
  const sheetRel = await pkg.addRelationship(sheetPart, DRAWING_REL, drawing);
  pkg.set(sheetPart, withDrawingElement((await pkg.text(sheetPart))!, sheetRel));
}

/**
 * The .xlsx bytes with the chart on every berap tab in `tabs` (written by this save), read through
 * `grid`. A tab with no budget lines gets no chart. Other tabs and parts are untouched.
 */
export async function withBerapCharts(file: Buffer, tabs: Iterable<string>, grid: (name: string) => Grid | null): Promise<Buffer> {
  const wanted = [...tabs].filter((t) => BERAP_TAB.test(t));
  if (!wanted.length) return file;
  const pkg = await XlsxPackage.open(file);
  const sheets = await pkg.sheets();
  for (const name of wanted) {
    const entry = sheets.find((s) => s.name === name && s.worksheet);
    const data = entry && chartData(name, grid(name) ?? []);
    if (entry && data) await placeChart(pkg, entry.part, data);
  }
  return pkg.toBuffer();
}
