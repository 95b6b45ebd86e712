import { Context, pageItem } from '../context';
import { AgendaSection } from '../types';

export function goodExamples(ctx: Context): AgendaSection {
  const examples = ctx.meetup.goodExamples.split(/[;\n]+/).map((e) => e.trim()).filter(Boolean);
  const lines = examples.length ? [`${examples.join('; ')}.`] : ['Gemeenten worden uitgenodigd een goed voorbeeld uit de eigen praktijk te delen.'];
  return pageItem(6, 'Goede voorbeelden uit gemeenten', 'ter informatie', lines);
}
