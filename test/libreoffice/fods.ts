/**
 * Writes a flat OpenDocument spreadsheet (.fods): plain XML that LibreOffice opens and can save as
 * .xlsx. The test fixtures are built this way, so every .xlsx a test reads was written by LibreOffice
 * itself, with the charts, images, comments, validations and protection a user would add.
 */

export type FodsValue = string | number | boolean | Date | null;

export interface FodsCell {
  value: FodsValue;
  /** Name of a validation (dropdown) from FodsDocument.validations. */
  validation?: string;
  /** A comment on the cell. */
  comment?: string;
  /** A merged range starting here. */
  span?: { rows?: number; columns?: number };
  /** Drawing frames (charts, images) anchored in this cell: see chartFrame and imageFrame. */
  frames?: string[];
}

export interface FodsTable {
  name: string;
  rows: (FodsValue | FodsCell)[][];
  /** Sheet protection, as Extra › Blad beveiligen sets it. */
  protected?: boolean;
  /** One value far below and right of the rest, e.g. in XFD1048576 (1-based row and column). */
  far?: { row: number; column: number; value: FodsValue };
}

export interface FodsValidation {
  name: string;
  values: string[];
  /** Where the validation was defined, e.g. `Mutaties.F2`. */
  base: string;
}

export interface FodsDocument {
  tables: FodsTable[];
  validations?: FodsValidation[];
  /** Named ranges: name → range such as `$Mutaties.$G$2:.$G$20`. */
  namedRanges?: Record<string, string>;
}

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
].join(' ');

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const isCell = (v: FodsValue | FodsCell): v is FodsCell => v !== null && typeof v === 'object' && !(v instanceof Date);

const iso = (d: Date) => d.toISOString().slice(0, 19);

function valueAttributes(value: FodsValue): string {
  if (value === null || value === '') return '';
  if (value instanceof Date) return ` table:style-name="datum" office:value-type="date" office:date-value="${iso(value)}"`;
  if (typeof value === 'number') return ` office:value-type="float" office:value="${value}"`;
  if (typeof value === 'boolean') return ` office:value-type="boolean" office:boolean-value="${value}"`;
  return ' office:value-type="string"';
}

function paragraph(value: FodsValue): string {
  if (value === null || value === '') return '';
  if (value instanceof Date) return `<text:p>${iso(value).slice(0, 10)}</text:p>`;
  return `<text:p>${esc(String(value))}</text:p>`;
}

function cellXml(cell: FodsCell): string {
  let attributes = valueAttributes(cell.value);
  if (cell.validation) attributes += ` table:content-validation-name="${esc(cell.validation)}"`;
  if (cell.span?.rows) attributes += ` table:number-rows-spanned="${cell.span.rows}"`;
  if (cell.span?.columns) attributes += ` table:number-columns-spanned="${cell.span.columns}"`;
  const comment = cell.comment ? `<office:annotation><dc:creator>Controller</dc:creator><text:p>${esc(cell.comment)}</text:p></office:annotation>` : '';
  return `<table:table-cell${attributes}>${(cell.frames ?? []).join('')}${comment}${paragraph(cell.value)}</table:table-cell>`;
}

function tableXml(table: FodsTable): string {
  const covered = new Set<string>();
  const rows = table.rows.map((row, r) => {
    const cells = row.map((v, c) => {
      if (covered.has(`${r}:${c}`)) return '<table:covered-table-cell/>';
      const cell = isCell(v) ? v : { value: v };
      for (let dr = 0; dr < (cell.span?.rows ?? 1); dr++) {
        for (let dc = 0; dc < (cell.span?.columns ?? 1); dc++) if (dr || dc) covered.add(`${r + dr}:${c + dc}`);
      }
      return cellXml(cell);
    });
    return `<table:table-row>${cells.join('')}</table:table-row>`;
  });
  const { far } = table;
  if (far) {
    const gap = far.row - 1 - table.rows.length;
    if (gap > 0) rows.push(`<table:table-row table:number-rows-repeated="${gap}"><table:table-cell/></table:table-row>`);
    rows.push(`<table:table-row><table:table-cell table:number-columns-repeated="${far.column - 1}"/>${cellXml({ value: far.value })}</table:table-row>`);
  }
  const protection = table.protected ? ' table:protected="true"' : '';
  const columns = Math.max(1, far?.column ?? 1, ...table.rows.map((r) => r.length));
  return `<table:table table:name="${esc(table.name)}"${protection}><table:table-column table:number-columns-repeated="${columns}"/>${rows.join('')}</table:table>`;
}

export function buildFods(doc: FodsDocument): string {
  const validations = (doc.validations ?? []).map((v) => {
    const list = v.values.map((x) => `&quot;${esc(x)}&quot;`).join(';');
    return `<table:content-validation table:name="${esc(v.name)}" table:condition="of:cell-content-is-in-list(${list})" table:allow-empty-cell="true" table:display-list="unsorted" table:base-cell-address="${esc(v.base)}"/>`;
  });
  const named = Object.entries(doc.namedRanges ?? {}).map(([name, range]) => {
    const base = range.split(':')[0];
    return `<table:named-range table:name="${esc(name)}" table:base-cell-address="${esc(base)}" table:cell-range-address="${esc(range)}"/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">`,
    '<office:automatic-styles>',
    '<number:date-style style:name="N-datum"><number:day number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:year number:style="long"/></number:date-style>',
    '<style:style style:name="datum" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N-datum"/>',
    '</office:automatic-styles>',
    '<office:body><office:spreadsheet>',
    validations.length ? `<table:content-validations>${validations.join('')}</table:content-validations>` : '',
    ...doc.tables.map(tableXml),
    named.length ? `<table:named-expressions>${named.join('')}</table:named-expressions>` : '',
    '</office:spreadsheet></office:body></office:document>',
  ].join('\n');
}

/** A bar chart of `range` (e.g. `Begroting.D2:Begroting.D7`), as Invoegen › Diagram makes one. */
export function chartFrame(range: string, values: number[], x = '12cm', y = '1cm'): string {
  const rows = values
    .map((v, i) => `<table:table-row><table:table-cell office:value-type="string"><text:p>${i + 1}</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell></table:table-row>`)
    .join('');
  return (
    `<draw:frame draw:z-index="0" svg:width="10cm" svg:height="6cm" svg:x="${x}" svg:y="${y}">` +
    `<draw:object draw:notify-on-update-of-ranges="${range}"><office:document office:mimetype="application/vnd.oasis.opendocument.chart" office:version="1.3"><office:body><office:chart>` +
    `<chart:chart svg:width="10cm" svg:height="6cm" chart:class="chart:bar"><chart:plot-area table:cell-range-address="${range}">` +
    '<chart:axis chart:dimension="x" chart:name="primary-x"/><chart:axis chart:dimension="y" chart:name="primary-y"/>' +
    `<chart:series chart:values-cell-range-address="${range}" chart:class="chart:bar"><chart:data-point chart:repeated="${values.length}"/></chart:series></chart:plot-area>` +
    '<table:table table:name="local-table"><table:table-header-columns><table:table-column/></table:table-header-columns><table:table-columns><table:table-column/></table:table-columns>' +
    `<table:table-header-rows><table:table-row><table:table-cell><text:p/></table:table-cell><table:table-cell office:value-type="string"><text:p>Raming</text:p></table:table-cell></table:table-row></table:table-header-rows><table:table-rows>${rows}</table:table-rows></table:table>` +
    '</chart:chart></office:chart></office:body></office:document></draw:object></draw:frame>'
  );
}

/** An 8×8 red PNG, as Invoegen › Afbeelding puts one in the sheet. */
const RED_SQUARE_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4ISeHFTEMLQkAkL9BAbKfPiIAAAAASUVORK5CYII=';

export function imageFrame(x = '15cm', y = '0cm'): string {
  return `<draw:frame draw:z-index="1" svg:width="1cm" svg:height="1cm" svg:x="${x}" svg:y="${y}"><draw:image><office:binary-data>${RED_SQUARE_PNG}</office:binary-data></draw:image></draw:frame>`;
}
