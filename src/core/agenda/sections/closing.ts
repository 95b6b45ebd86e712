import { Context, SectionBuilder } from '../context';
import { AgendaSection } from '../types';

/** Blank lines of the decisions list, filled in during the meeting. */
const DECISION_LINES = 5;

export function closing(ctx: Context): AgendaSection {
  const s = new SectionBuilder(8, 'Rondvraag, besluitenlijst en sluiting', 'ter bespreking');
  const first = s.block();
  s.item(first, 'Rondvraag');
  s.item(first, 'Besluitenlijst: de besluiten en afspraken van deze meet-up');
  const list = s.block();
  list.table = {
    headers: ['Nr', 'Besluit of afspraak', 'Wie', 'Wanneer'],
    rows: Array.from({ length: DECISION_LINES }, (_, i) => ({ cells: [String(i + 1), '', '', ''], summary: `${i + 1}.` })),
  };
  const last = s.block();
  if (ctx.next) s.item(last, `Volgende meet-up${ctx.next.theme ? `, thema ${ctx.next.theme}` : ''}`, { date: ctx.next.date, dateLabel: 'datum' });
  else s.item(last, 'Volgende meet-up: nog niet gepland');
  s.item(last, 'Sluiting');
  return s.section();
}
