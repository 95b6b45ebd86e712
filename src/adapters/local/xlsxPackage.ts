import * as posix from 'path/posix';
import JSZip from 'jszip';
import { elements, escapeAttribute, escapeText, firstElement, getAttribute, namespacePrefix, rootPrefix, setAttribute } from './xml';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = `${REL}/worksheet`;
const OFFICE_DOCUMENT_REL = `${REL}/officeDocument`;
const STYLES_REL = `${REL}/styles`;
const CALC_CHAIN_REL = `${REL}/calcChain`;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const CONTENT_TYPES = '[Content_Types].xml';

export interface SheetEntry {
  name: string;
  /** Path of the worksheet part inside the zip, e.g. `xl/worksheets/sheet3.xml`. */
  part: string;
  /** A worksheet (not a chart sheet or dialog sheet). */
  worksheet: boolean;
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved path inside the zip; for an external target, the target as written. */
  target: string;
  external: boolean;
}

/** Where a part's relationships live: `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
export function relsPath(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(source), target));
}

/** A part's path relative to another part's folder, as a relationship target is written. */
function relativeTarget(source: string, part: string): string {
  return posix.relative(posix.dirname(source), part);
}

/**
 * An .xlsx as the zip it is: parts are read as text on demand and only the parts that are set are
 * written back. Every other entry of the original goes out as it came in.
 */
export class XlsxPackage {
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();

  private constructor(
    private readonly zip: JSZip,
    readonly workbookPart: string,
  ) {}

  static async open(data: Uint8Array): Promise<XlsxPackage> {
    const zip = await JSZip.loadAsync(data);
    const rootRels = zip.file('_rels/.rels');
    if (!rootRels) throw new Error('Geen _rels/.rels: geen Office Open XML-pakket');
    const rels = parseRelationships('', await rootRels.async('string'));
    const main = rels.find((r) => r.type === OFFICE_DOCUMENT_REL);
    if (!main || !zip.file(main.target)) throw new Error('Geen werkboek in het pakket');
    return new XlsxPackage(zip, main.target);
  }

  has(part: string): boolean {
    return !this.removed.has(part) && (this.texts.has(part) || this.zip.file(part) !== null);
  }

  /** All entry names, for checks on size. */
  entries(): string[] {
    return Object.keys(this.zip.files).filter((name) => !this.zip.files[name].dir);
  }

  async text(part: string): Promise<string | null> {
    const cached = this.texts.get(part);
    if (cached !== undefined) return cached;
    if (this.removed.has(part)) return null;
    const file = this.zip.file(part);
    if (!file) return null;
    const text = await file.async('string');
    this.texts.set(part, text);
    return text;
  }

  /** A zip entry as a stream of bytes, without reading it whole. */
  stream(part: string): NodeJS.ReadableStream | null {
    const file = this.zip.file(part);
    return file ? file.nodeStream('nodebuffer') : null;
  }

  set(part: string, text: string): void {
    this.texts.set(part, text);
    this.changed.add(part);
    this.removed.delete(part);
  }

  remove(part: string): void {
    this.removed.add(part);
    this.changed.delete(part);
    this.texts.delete(part);
  }

  async relationships(part: string): Promise<Relationship[]> {
    const xml = await this.text(relsPath(part));
    return xml ? parseRelationships(part, xml) : [];
  }

  async sheets(): Promise<SheetEntry[]> {
    const workbook = (await this.text(this.workbookPart))!;
    const rels = await this.relationships(this.workbookPart);
    const r = namespacePrefix(workbook, REL) ?? 'r';
    const p = rootPrefix(workbook, 'workbook');
    const list = firstElement(workbook, `${p}sheets`);
    if (!list || list.selfClosing) return [];
    return elements(workbook, `${p}sheet`, list.openEnd, list.end).flatMap((s) => {
      const rel = rels.find((x) => x.id === getAttribute(s.tag, `${r}:id`));
      const name = getAttribute(s.tag, 'name');
      return rel && name !== undefined ? [{ name, part: rel.target, worksheet: rel.type === WORKSHEET_REL }] : [];
    });
  }

  /** Whether the workbook counts dates from 1904 (old Mac Excel) instead of 1900. */
  async date1904(): Promise<boolean> {
    const workbook = (await this.text(this.workbookPart))!;
    const pr = firstElement(workbook, `${rootPrefix(workbook, 'workbook')}workbookPr`);
    const v = pr ? getAttribute(pr.tag, 'date1904') : undefined;
    return v === '1' || v === 'true';
  }

  /** The styles part, or null when the workbook has none. */
  async stylesPart(): Promise<string | null> {
    const rel = (await this.relationships(this.workbookPart)).find((x) => x.type === STYLES_REL);
    return rel?.target ?? null;
  }

  /** Creates the styles part (and its relationship and content type) for a workbook that has none. */
  async addStylesPart(xml: string): Promise<string> {
    const part = posix.join(posix.dirname(this.workbookPart), 'styles.xml');
    this.set(part, xml);
    await this.addRelationship(this.workbookPart, STYLES_REL, part);
    await this.addOverride(part, STYLES_TYPE);
    return part;
  }

  /**
   * Adds a worksheet after the existing tabs: its part, its relationship from the workbook, its
   * `<sheet>` entry, its content type and its title in docProps/app.xml.
   */
  async addWorksheet(name: string, xml: string): Promise<string> {
    const folder = posix.join(posix.dirname(this.workbookPart), 'worksheets');
    let n = 1;
    while (this.has(posix.join(folder, `sheet${n}.xml`))) n++;
    const part = posix.join(folder, `sheet${n}.xml`);
    this.set(part, xml);
    const id = await this.addRelationship(this.workbookPart, WORKSHEET_REL, part);
    await this.addOverride(part, WORKSHEET_TYPE);

    let workbook = (await this.text(this.workbookPart))!;
    const p = rootPrefix(workbook, 'workbook');
    let r = namespacePrefix(workbook, REL);
    if (!r) {
      r = 'r';
      const root = firstElement(workbook, `${p}workbook`)!;
      workbook = workbook.slice(0, root.start) + setAttribute(root.tag, 'xmlns:r', REL) + workbook.slice(root.openEnd);
    }
    const sheetIds = [...workbook.matchAll(/\ssheetId\s*=\s*["'](\d+)["']/g)].map((m) => Number(m[1]));
    const entry = `<${p}sheet name="${escapeAttribute(name)}" sheetId="${Math.max(0, ...sheetIds) + 1}" ${r}:id="${id}"/>`;
    const list = firstElement(workbook, `${p}sheets`);
    if (!list) throw new Error('Werkboek zonder lijst van tabbladen');
    workbook = list.selfClosing
      ? `${workbook.slice(0, list.start)}<${p}sheets>${entry}</${p}sheets>${workbook.slice(list.end)}`
      : `${workbook.slice(0, list.end - `</${p}sheets>`.length)}${entry}${workbook.slice(list.end - `</${p}sheets>`.length)}`;
    this.set(this.workbookPart, workbook);
    await this.addTitle(name);
    return part;
  }

  /** Drops the calculation chain, a cache of formula cells that a spreadsheet rebuilds when it is absent. */
  async dropCalcChain(): Promise<void> {
    const rels = await this.relationships(this.workbookPart);
    const chain = rels.find((x) => x.type === CALC_CHAIN_REL);
    if (!chain) return;
    this.remove(chain.target);
    const relsFile = relsPath(this.workbookPart);
    const xml = (await this.text(relsFile))!;
    this.set(relsFile, removeRelationship(xml, chain.id));
    const types = await this.text(CONTENT_TYPES);
    if (types) this.set(CONTENT_TYPES, types.replace(new RegExp(`<(\\w+:)?Override\\b[^>]*PartName="/${escapeRegExp(chain.target)}"[^>]*/>`), ''));
  }

  async addRelationship(source: string, type: string, part: string): Promise<string> {
    const file = relsPath(source);
    let xml = await this.text(file);
    if (xml === null) xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const p = rootPrefix(xml, 'Relationships');
    const ids = new Set([...xml.matchAll(/\sId\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const entry = `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeAttribute(relativeTarget(source, part))}"/>`;
    const close = xml.lastIndexOf(`</${p}Relationships>`);
    xml = close === -1 ? xml.replace(/<((?:\w+:)?)Relationships\b([^>]*)\/>/, `<$1Relationships$2>${entry}</$1Relationships>`) : xml.slice(0, close) + entry + xml.slice(close);
    this.set(file, xml);
    return id;
  }

  async addOverride(part: string, type: string): Promise<void> {
    const xml = await this.text(CONTENT_TYPES);
    if (xml === null) throw new Error('Geen [Content_Types].xml');
    const p = rootPrefix(xml, 'Types');
    const close = xml.lastIndexOf(`</${p}Types>`);
    this.set(CONTENT_TYPES, `${xml.slice(0, close)}<${p}Override PartName="/${escapeAttribute(part)}" ContentType="${type}"/>${xml.slice(close)}`);
  }

  /**
   * docProps/app.xml lists the tab names for file browsers (Excel writes it, LibreOffice does not).
   * When it does, the new tab joins the worksheets: the first heading pair counts them.
   */
  private async addTitle(name: string): Promise<void> {
    const part = 'docProps/app.xml';
    const xml = await this.text(part);
    if (!xml) return;
    const titles = firstElement(xml, `${rootPrefix(xml, 'Properties')}TitlesOfParts`);
    const pairs = firstElement(xml, `${rootPrefix(xml, 'Properties')}HeadingPairs`);
    // Both exist and the pairs come first, as Excel writes them; anything else is left alone.
    if (!titles || !pairs || titles.selfClosing || pairs.selfClosing || pairs.start > titles.start) return;
    const count = /<((?:\w+:)?)i4>(\d+)<\/(?:\w+:)?i4>/.exec(xml.slice(pairs.openEnd, pairs.end));
    const vector = firstElement(xml, 'vt:vector', titles.openEnd, titles.end);
    if (!count || !vector || vector.selfClosing) return;
    const worksheets = Number(count[2]);
    const entries = elements(xml, 'vt:lpstr', vector.openEnd, vector.end);
    if (entries.length < worksheets) return;
    const at = worksheets === 0 ? vector.openEnd : entries[worksheets - 1].end;
    const size = Number(getAttribute(vector.tag, 'size') ?? entries.length);
    const countAt = pairs.openEnd + count.index;
    let out = `${xml.slice(0, at)}<vt:lpstr>${escapeText(name)}</vt:lpstr>${xml.slice(at)}`;
    out = out.slice(0, vector.start) + setAttribute(vector.tag, 'size', String(size + 1)) + out.slice(vector.openEnd);
    const countTag = `<${count[1]}i4>${worksheets}</${count[1]}i4>`;
    out = out.slice(0, countAt) + `<${count[1]}i4>${worksheets + 1}</${count[1]}i4>` + out.slice(countAt + countTag.length);
    this.set(part, out);
  }

  /** The package with every change applied; untouched entries keep their bytes and order. */
  async toBuffer(): Promise<Buffer> {
    for (const part of this.removed) this.zip.remove(part);
    for (const part of this.changed) this.zip.file(part, this.texts.get(part)!);
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function removeRelationship(xml: string, id: string): string {
  return xml.replace(new RegExp(`<(\\w+:)?Relationship\\b[^>]*\\sId="${escapeRegExp(id)}"[^>]*/>`), '');
}

export function parseRelationships(source: string, xml: string): Relationship[] {
  const p = rootPrefix(xml, 'Relationships');
  return elements(xml, `${p}Relationship`).map((e) => {
    const external = getAttribute(e.tag, 'TargetMode') === 'External';
    const target = getAttribute(e.tag, 'Target') ?? '';
    return { id: getAttribute(e.tag, 'Id') ?? '', type: getAttribute(e.tag, 'Type') ?? '', target: external ? target : resolveTarget(source, target), external };
  });
}
