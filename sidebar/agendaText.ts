import { SafeHtml, html } from './html';

/**
 * The agenda's Markdown shown readably in the sidebar: headings, (nested) lists, bold and tables —
 * the subset the agenda uses. Every piece of text still goes through the escaping template, so the
 * agenda's user text can never become markup.
 */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, '$1');
}

function inline(text: string): SafeHtml {
  // `**bold**` splits the line into alternating plain and strong parts.
  const parts = text.split('**');
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<strong>${unescapeMarkdown(part)}</strong>` : unescapeMarkdown(part)))}`;
}

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

export function renderAgendaMarkdown(markdown: string): SafeHtml {
  const lines = markdown.split('\n');
  const out: SafeHtml[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = Math.min(heading[1].length + 2, 6);
      out.push(html`<p class="agenda-h agenda-h${level}">${inline(heading[2])}</p>`);
    } else if (/^\s*- /.test(line)) {
      const items: SafeHtml[] = [];
      while (i < lines.length && /^\s*- /.test(lines[i])) {
        const nested = /^\s{2,}- /.test(lines[i]);
        items.push(html`<li${nested ? html` class="nested"` : ''}>${inline(lines[i].replace(/^\s*- /, ''))}</li>`);
        i++;
      }
      i--;
      out.push(html`<ul>${items}</ul>`);
    } else if (/^\s*\|/.test(line)) {
      const rows: string[][] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) {
        if (!/^\s*\|[\s|:-]+\|\s*$/.test(lines[i])) rows.push(cells(lines[i]));
        i++;
      }
      i--;
      const [head, ...body] = rows;
      out.push(html`<div class="table-wrap" tabindex="0" role="region" aria-label="Tabel"><table>
<thead><tr>${head.map((c) => html`<th scope="col">${inline(c)}</th>`)}</tr></thead>
<tbody>${body.map((r) => html`<tr>${r.map((c) => html`<td>${inline(c)}</td>`)}</tr>`)}</tbody></table></div>`);
    } else if (line.trim()) {
      out.push(html`<p>${inline(line)}</p>`);
    }
  }
  return html`${out}`;
}
