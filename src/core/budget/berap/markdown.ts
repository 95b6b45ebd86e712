import { escapeMarkdown } from '../../agenda/markdown';
import { CHART_TITLE, chartBars, chartDescription } from './chart';
import { DOCUMENT_HEADERS, MISSING_EXPLANATION, NUMERIC_COLUMN, deviationPhrase, discussedRows, documentCells, introLines, rowLabel } from './format';
import { Berap } from './types';

/** A text of several lines as Markdown paragraphs, each escaped. */
const paragraphs = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map(escapeMarkdown);

/** The berap as GFM: title, banner, the table (numbers right aligned), then per line its text and proposal. */
export function renderBerapMarkdown(berap: Berap): string {
  const out: string[] = [`# ${escapeMarkdown(berap.title)}`, ''];
  if (berap.banner) out.push(`**${escapeMarkdown(berap.banner)}**`, '');
  for (const line of introLines(berap)) out.push(escapeMarkdown(line), '');
  const row = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  out.push(row(DOCUMENT_HEADERS), `|${NUMERIC_COLUMN.map((n) => (n ? '---:' : '---')).join('|')}|`);
  for (const r of berap.rows) out.push(row(documentCells(r)));
  out.push('', '## Toelichting per begrotingspost', '');
  const discussed = discussedRows(berap);
  if (!discussed.length) out.push('Geen afwijkingen boven de drempel.', '');
  for (const r of discussed) {
    out.push(`### ${escapeMarkdown(rowLabel(r))}`, '');
    const phrase = deviationPhrase(r);
    if (phrase) out.push(`${escapeMarkdown(phrase[0].toUpperCase() + phrase.slice(1))}.`, '');
    if (r.explanation.trim()) out.push(...paragraphs(r.explanation).flatMap((p) => [p, '']));
    else if (r.explanationRequired) out.push(`**${escapeMarkdown(MISSING_EXPLANATION)}**`, '');
    if (r.proposal) out.push('Voorstel:', '', ...r.proposal.split('\n').map((s) => `- ${escapeMarkdown(s)}`), '');
  }
  out.push(`## ${escapeMarkdown(CHART_TITLE)}`, '', escapeMarkdown(chartDescription(chartBars(berap))), '');
  if (berap.orphans.length) {
    out.push('## Toelichtingen bij regels die niet meer bestaan', '');
    for (const o of berap.orphans) out.push(`### ${escapeMarkdown(o.code)}`, '', ...paragraphs(o.explanation).flatMap((p) => [p, '']));
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
