import { escapeHtml } from '../../values/html';
import { CHART_TITLE, chartBars, chartDescription, chartSvg } from './chart';
import { DOCUMENT_HEADERS, MISSING_EXPLANATION, NUMERIC_COLUMN, deviationPhrase, discussedRows, documentCells, introLines, rowLabel } from './format';
import { Berap, BerapRow } from './types';

/** A4 landscape with printable margins: the twelve columns fit, and the text part follows. */
const STYLE = [
  '@page{size:A4 landscape;margin:15mm 12mm}',
  'body{font-family:Arial,Helvetica,sans-serif;font-size:10pt;line-height:1.4;color:#1f1f1f;max-width:270mm;margin:1.5rem auto;padding:0 1rem}',
  '@media print{body{margin:0;padding:0;max-width:none}h2{break-after:avoid}figure,tr,.line{break-inside:avoid}}',
  'h1{font-size:15pt;margin-bottom:.25rem}',
  'h2{font-size:12pt;margin-top:1.25rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}',
  'h3{font-size:10.5pt;margin:.8rem 0 .2rem}',
  'table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:8.5pt}',
  'th,td{border:1px solid #bbb;padding:.2rem .35rem;text-align:left;vertical-align:top}',
  'th{background:#f1f1f1}',
  'th.num,td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}',
  'tr.total td{font-weight:bold;border-top:2px solid #666}',
  '.missing{color:#8a1c1c;font-weight:bold}',
  '.banner{border:2px solid #b00020;background:#fdecea;color:#7a0016;font-weight:bold;padding:.5rem .75rem}',
  'figure{margin:.5rem 0;max-width:190mm}figcaption{font-size:9pt;color:#444}',
  'caption{text-align:left;font-weight:bold;padding-bottom:.25rem}',
].join('');

const cls = (numeric: boolean) => (numeric ? ' class="num"' : '');

function tableRow(r: BerapRow): string {
  const cells = documentCells(r).map((c, i) => `<td${cls(NUMERIC_COLUMN[i])}>${escapeHtml(c)}</td>`).join('');
  return `<tr${r.kind === 'total' ? ' class="total"' : ''}>${cells}</tr>`;
}

const paragraphs = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => `<p>${escapeHtml(l)}</p>`);

function lineText(r: BerapRow): string[] {
  const out = ['<div class="line">', `<h3>${escapeHtml(rowLabel(r))}</h3>`];
  const phrase = deviationPhrase(r);
  if (phrase) out.push(`<p>${escapeHtml(phrase[0].toUpperCase() + phrase.slice(1))}.</p>`);
  if (r.explanation.trim()) out.push(...paragraphs(r.explanation));
  else if (r.explanationRequired) out.push(`<p class="missing">${escapeHtml(MISSING_EXPLANATION)}</p>`);
  if (r.proposal) out.push('<p>Voorstel:</p>', '<ul>', ...r.proposal.split('\n').map((s) => `<li>${escapeHtml(s)}</li>`), '</ul>');
  out.push('</div>');
  return out;
}

/** The chart in words, for a Google Doc: Drive's conversion of HTML drops an inline SVG. */
export const chartInWords = (berap: Berap) => `<p>${escapeHtml(chartDescription(chartBars(berap)))}</p>`;

/**
 * The berap as one self-contained HTML document that prints on A4; every sheet text is escaped.
 * `chart` draws the figure: an inline SVG, or the chart in words for the Doc.
 */
export function renderBerapHtml(berap: Berap, chart: (berap: Berap) => string = chartSvg): string {
  const out: string[] = [
    '<!doctype html>', '<html lang="nl">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(berap.title)}</title>`, `<style>${STYLE}</style>`, '</head>', '<body>', '<main>', `<h1>${escapeHtml(berap.title)}</h1>`,
  ];
  if (berap.banner) out.push(`<p class="banner" role="note">${escapeHtml(berap.banner)}</p>`);
  out.push(...introLines(berap).map((l) => `<p>${escapeHtml(l)}</p>`));
  out.push(
    '<table>', `<caption>Cijfers ${berap.year} per begrotingspost</caption>`,
    `<thead><tr>${DOCUMENT_HEADERS.map((h, i) => `<th scope="col"${cls(NUMERIC_COLUMN[i])}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>', ...berap.rows.map(tableRow), '</tbody>', '</table>',
  );
  out.push('<section>', '<h2>Toelichting per begrotingspost</h2>');
  const discussed = discussedRows(berap);
  if (!discussed.length) out.push('<p>Geen afwijkingen boven de drempel.</p>');
  for (const r of discussed) out.push(...lineText(r));
  out.push('</section>');
  out.push('<section>', `<h2>${escapeHtml(CHART_TITLE)}</h2>`, '<figure>', chart(berap), `<figcaption>${escapeHtml(CHART_TITLE)}; de bedragen staan ook in de tabel hierboven.</figcaption>`, '</figure>', '</section>');
  if (berap.orphans.length) {
    out.push('<section>', '<h2>Toelichtingen bij regels die niet meer bestaan</h2>');
    for (const o of berap.orphans) out.push(`<h3>${escapeHtml(o.code)}</h3>`, ...paragraphs(o.explanation));
    out.push('</section>');
  }
  out.push('</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
