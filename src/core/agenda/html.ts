import { escapeHtml } from '../values/html';
import { renderChartSvg } from './chart';
import { appendixRef, itemMeta } from './format';
import { Agenda, AgendaBlock, AgendaSection, AgendaTable, IndicatorChart } from './types';

// Print: the agenda proper is one A4 page, each appendix starts a new one (a test prints it in Chromium).
const STYLE = [
  '@page{size:A4;margin:10mm 12mm}',
  'body{font-family:Arial,Helvetica,sans-serif;font-size:10pt;line-height:1.3;color:#1f1f1f;max-width:48rem;margin:1.5rem auto;padding:0 1rem}',
  '@media print{body{margin:0;padding:0;max-width:none;font-size:9pt;line-height:1.2}th,td{padding:0 .3rem;line-height:1.15}section.item table{font-size:8.5pt}h2{margin:.35rem 0 .05rem}}',
  'h1{font-size:14pt;margin:0 0 .2rem}',
  'h2{font-size:10.5pt;margin:.55rem 0 .1rem;display:flex;justify-content:space-between;gap:1rem}',
  'h2 .purpose{font-weight:normal;font-style:italic}',
  'h2 .ref{font-weight:normal;font-size:8.5pt;color:#555;white-space:nowrap}',
  'section.item p{margin:0 0 .1rem}',
  'dl.header{display:grid;grid-template-columns:repeat(4,auto 1fr);gap:0 .5rem;margin:.2rem 0 .3rem;padding:.25rem 0;border-top:1px solid #999;border-bottom:1px solid #999}',
  'dl.header dt{font-weight:bold}dl.header dd{margin:0}',
  '.todo{color:#9a4a00;font-style:italic}',
  'table{border-collapse:collapse;margin:.15rem 0 .25rem;font-size:inherit}',
  'th,td{border:1px solid #bbb;padding:.05rem .35rem;text-align:left;vertical-align:top}',
  'th{background:#f1f1f1}',
  'td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}',
  '.amount{white-space:nowrap}',
  'p.fill{border-bottom:1px solid #999;height:1.1em;margin:.1rem 0}',
  '.banner{border:2px solid #b00020;background:#fdecea;color:#7a0016;font-weight:bold;padding:.2rem .5rem;margin:.2rem 0;font-size:8.5pt}',
  'section.appendix{break-before:page;page-break-before:always}',
  'section.appendix h2{font-size:12pt;display:block;border-bottom:1px solid #ccc}',
  'h3{font-size:10.5pt;margin:.6rem 0 .2rem}h4{font-size:10pt;margin:.5rem 0 .15rem;color:#333}',
  'ul.items{list-style:none;padding-left:0;margin:.2rem 0}',
  'ul.items>li{margin:.15rem 0;padding-left:2.5rem;text-indent:-2.5rem}',
  'ul.items ul{text-indent:0;margin:.1rem 0}',
  '.nr{display:inline-block;min-width:2.5rem;text-indent:0;font-weight:bold}',
  '.meta{color:#555}',
  '.figure{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start;break-inside:avoid}',
].join('');

/** Keeps `€` and its figure together; the no-break space survives every renderer. */
const amounts = (html: string) => html.replace(/€ (-?[\d.]+)/g, '<span class="amount">€\u00a0$1</span>');

function table(t: AgendaTable): string[] {
  const cls = (i: number) => (t.numeric.includes(i) ? ' class="num"' : '');
  const head = t.headers.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('');
  const body = t.rows.map((r) => `<tr>${r.cells.map((c, i) => `<td${cls(i)}>${amounts(escapeHtml(c))}</td>`).join('')}</tr>`);
  return ['<table>', `<thead><tr>${head}</tr></thead>`, '<tbody>', ...body, '</tbody>', '</table>'];
}

export type ChartRenderer = (chart: IndicatorChart) => string;

function block(b: AgendaBlock, chart: ChartRenderer): string[] {
  const out: string[] = [];
  if (b.heading) out.push(b.level === 1 ? `<h3>${escapeHtml(b.heading)}</h3>` : `<h4>${escapeHtml(b.heading)}</h4>`);
  for (const note of b.notes) out.push(`<p>${amounts(escapeHtml(note))}</p>`);
  if (b.table && b.chart) out.push('<div class="figure">', ...table(b.table), chart(b.chart), '</div>');
  else if (b.table) out.push(...table(b.table));
  if (b.items.length) {
    out.push('<ul class="items">');
    for (const item of b.items) {
      const meta = itemMeta(item);
      const details = item.details.length ? `<ul>${item.details.map((d) => `<li>${amounts(escapeHtml(d))}</li>`).join('')}</ul>` : '';
      out.push(`<li><span class="nr">${escapeHtml(item.number)}</span>${amounts(escapeHtml(item.text))}${meta ? ` <span class="meta">— ${amounts(escapeHtml(meta))}</span>` : ''}${details}</li>`);
    }
    out.push('</ul>');
  }
  return out;
}

function pageItem(section: AgendaSection): string[] {
  const ref = appendixRef(section);
  const out = [
    '<section class="item">',
    `<h2><span>${section.number}. ${escapeHtml(section.title)} <span class="purpose">(${escapeHtml(section.purpose)})</span></span>${ref ? `<span class="ref">${ref}</span>` : ''}</h2>`,
    ...section.lines.map((l) => `<p>${amounts(escapeHtml(l))}</p>`),
  ];
  if (section.table) out.push(...table(section.table));
  for (let i = 1; i <= section.fillIn; i++) out.push(`<p class="fill">${i}.</p>`);
  out.push('</section>');
  return out;
}

/**
 * The agenda as one self-contained HTML document (mail, print, preview, and the Google Doc); all
 * sheet text is escaped. `chart` draws an indicator: inline SVG here, an image for the Doc.
 */
export function renderHtml(agenda: Agenda, chart: ChartRenderer = renderChartSvg): string {
  const out: string[] = [
    '<!doctype html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(agenda.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(agenda.title)}</h1>`,
  ];
  if (agenda.banner) out.push(`<p class="banner" role="note">${escapeHtml(agenda.banner)}</p>`);
  const field = (value: string) => (value === 'nog in te vullen' ? `<span class="todo">${value}</span>` : escapeHtml(value));
  out.push('<dl class="header">', ...agenda.header.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${field(f.value)}</dd>`), '</dl>');
  for (const section of agenda.sections) out.push(...pageItem(section));
  for (const appendix of agenda.appendices) {
    out.push('<section class="appendix">', `<h2>${escapeHtml(appendix.title)}</h2>`);
    for (const b of appendix.blocks) out.push(...block(b, chart));
    out.push('</section>');
  }
  out.push('</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
