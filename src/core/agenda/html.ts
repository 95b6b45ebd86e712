import { escapeHtml } from '../values/html';
import { itemMeta, overview, sectionHeading } from './format';
import { Agenda, AgendaBlock, AgendaTable } from './types';

const STYLE = [
  'body{font-family:Arial,Helvetica,sans-serif;line-height:1.45;color:#1f1f1f;max-width:52rem;margin:2rem auto;padding:0 1rem}',
  'td.amount{white-space:nowrap;text-align:right}',
  'h1{font-size:1.5rem;margin-bottom:.25rem}',
  'h2{font-size:1.2rem;margin-top:1.75rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}',
  'h3{font-size:1.05rem;margin-bottom:.25rem}',
  'h4{font-size:.95rem;margin-bottom:.2rem;color:#444}',
  'ul.items{list-style:none;padding-left:0}',
  'ul.items>li{margin:.3rem 0;padding-left:3rem;text-indent:-3rem}',
  'ul.items ul{text-indent:0}',
  '.nr{display:inline-block;min-width:3rem;text-indent:0;font-weight:bold}',
  '.meta{color:#555}',
  'table{border-collapse:collapse;margin:.5rem 0 1rem}',
  'th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}',
  'th{background:#f1f1f1}',
  '.banner{border:2px solid #b00020;background:#fdecea;color:#7a0016;font-weight:bold;padding:.5rem .75rem}',
].join('');

function table(t: AgendaTable): string[] {
  const head = t.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  // An amount must not wrap after its euro sign: `€` and the figure stay on one line.
  const cell = (c: string) => (c.startsWith('€ ') ? `<td class="amount">${escapeHtml(c)}</td>` : `<td>${escapeHtml(c)}</td>`);
  const body = t.rows.map((r) => `<tr>${r.cells.map(cell).join('')}</tr>`);
  return ['<table>', `<thead><tr>${head}</tr></thead>`, '<tbody>', ...body, '</tbody>', '</table>'];
}

function block(b: AgendaBlock): string[] {
  const out: string[] = [];
  if (b.heading) out.push(b.level === 1 ? `<h3>${escapeHtml(b.heading)}</h3>` : `<h4>${escapeHtml(b.heading)}</h4>`);
  for (const note of b.notes) out.push(`<p>${escapeHtml(note)}</p>`);
  if (b.table) out.push(...table(b.table));
  if (b.items.length) {
    out.push('<ul class="items">');
    for (const item of b.items) {
      const meta = itemMeta(item);
      const details = item.details.length ? `<ul>${item.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : '';
      out.push(`<li><span class="nr">${escapeHtml(item.number)}</span>${escapeHtml(item.text)}${meta ? ` <span class="meta">— ${escapeHtml(meta)}</span>` : ''}${details}</li>`);
    }
    out.push('</ul>');
  }
  return out;
}

/** The agenda as one self-contained HTML document (mail, print, preview); all sheet text is escaped. */
export function renderHtml(agenda: Agenda): string {
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
  out.push('<ul>', ...agenda.header.map((line) => `<li>${escapeHtml(line)}</li>`), '</ul>', ...table(overview(agenda)));
  for (const section of agenda.sections) {
    out.push('<section>', `<h2>${escapeHtml(sectionHeading(section))}</h2>`);
    for (const b of section.blocks) out.push(...block(b));
    out.push('</section>');
  }
  out.push('</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
