import { appendixRef, itemMeta, sectionHeading } from './format';
import { Agenda, AgendaBlock, AgendaTable } from './types';

/** Inline text: characters Markdown would read as markup are backslash-escaped; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_[\]<>|#&]/g, (c) => `\\${c}`);
}

function table(t: AgendaTable): string[] {
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [row(t.headers), `|${t.headers.map((_, i) => (t.numeric.includes(i) ? '---:' : '---')).join('|')}|`, ...t.rows.map((r) => row(r.cells)), ''];
}

function block(b: AgendaBlock): string[] {
  const out: string[] = [];
  if (b.heading) out.push(`${b.level === 1 ? '###' : '####'} ${escapeMarkdown(b.heading)}`, '');
  for (const note of b.notes) out.push(escapeMarkdown(note), '');
  if (b.table) out.push(...table(b.table));
  if (b.chart) out.push(`*Grafiek (in de HTML en het document): ${escapeMarkdown(b.chart.description)}*`, '');
  if (b.items.length) {
    for (const item of b.items) {
      const meta = itemMeta(item);
      out.push(`- **${item.number}** ${escapeMarkdown(item.text)}${meta ? ` — ${escapeMarkdown(meta)}` : ''}`);
      for (const d of item.details) out.push(`  - ${escapeMarkdown(d)}`);
    }
    out.push('');
  }
  return out;
}

/** The agenda as CommonMark/GFM: the header, a heading per item with its lines, then the appendices. */
export function renderMarkdown(agenda: Agenda): string {
  const out: string[] = [`# ${escapeMarkdown(agenda.title)}`, ''];
  if (agenda.banner) out.push(`**${escapeMarkdown(agenda.banner)}**`, '');
  out.push(agenda.header.map((f) => `${escapeMarkdown(f.label)}: ${escapeMarkdown(f.value)}`).join('  \n'), '');
  for (const section of agenda.sections) {
    const ref = appendixRef(section);
    out.push(`## ${escapeMarkdown(sectionHeading(section))}${ref ? ` · ${ref}` : ''}`, '');
    for (const line of section.lines) out.push(escapeMarkdown(line), '');
    if (section.table) out.push(...table(section.table));
    for (let i = 1; i <= section.fillIn; i++) out.push(`${i}. \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_`);
    if (section.fillIn) out.push('');
  }
  for (const appendix of agenda.appendices) {
    out.push(`## ${escapeMarkdown(appendix.title)}`, '');
    for (const b of appendix.blocks) out.push(...block(b));
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
