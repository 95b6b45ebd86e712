import { Context, SectionBuilder } from '../context';
import { AgendaSection } from '../types';

export function goodExamples(ctx: Context): AgendaSection {
  const s = new SectionBuilder(6, 'Goede voorbeelden uit gemeenten', 'ter informatie');
  const block = s.block();
  const examples = ctx.meetup.goodExamples.split(/[;\n]+/).map((e) => e.trim()).filter(Boolean);
  if (!examples.length) s.item(block, 'Gemeenten worden uitgenodigd een goed voorbeeld uit de eigen praktijk te delen.');
  for (const e of examples) s.item(block, e);
  return s.section();
}
