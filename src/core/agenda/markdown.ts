import { itemMeta, overview, sectionHeading } from './format';
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

/** The agenda as CommonMark/GFM: the header, the overview, a heading per item, tables for figures. */
export function renderMarkdown(agenda: Agenda): string {
  const out: string[] = [`# ${escapeMarkdown(agenda.title)}`, ''];
  if (agenda.banner) out.push(`**${escapeMarkdown(agenda.banner)}**`, '');
  for (const line of agenda.header) out.push(`- ${escapeMarkdown(line)}`);
  out.push('', ...table(overview(agenda)));
  for (const section of agenda.sections) {
    out.push(`## ${escapeMarkdown(sectionHeading(section))}`, '');
    for (const b of section.blocks) out.push(...block(b));
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
