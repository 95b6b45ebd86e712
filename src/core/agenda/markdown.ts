import { itemMeta } from './format';
import { Agenda, AgendaBlock, AgendaTable } from './types';

/** Inline text: characters Markdown would read as markup are backslash-escaped; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_[\]<>|#&]/g, (c) => `\\${c}`);
}

function table(t: AgendaTable): string[] {
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [row(t.headers), `|${t.headers.map(() => '---').join('|')}|`, ...t.rows.map((r) => row(r.cells)), ''];
}

function block(b: AgendaBlock): string[] {
  const out: string[] = [];
  if (b.heading) out.push(`${b.level === 1 ? '###' : '####'} ${escapeMarkdown(b.heading)}`, '');
  for (const note of b.notes) out.push(escapeMarkdown(note), '');
  if (b.table) out.push(...table(b.table));
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

/** The agenda as CommonMark/GFM: headings per part, items as a list with their numbers, tables for figures. */
export function renderMarkdown(agenda: Agenda): string {
  const out: string[] = [`# ${escapeMarkdown(agenda.title)}`, ''];
  for (const line of agenda.preamble) out.push(escapeMarkdown(line), '');
  for (const section of agenda.sections) {
    out.push(`## ${section.number}. ${escapeMarkdown(section.title)}`, '');
    for (const b of section.blocks) out.push(...block(b));
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
