import { Day, formatDay } from '../values/dates';
import { formatEuro } from '../values/money';
import { Agenda, AgendaItem, AgendaTable } from './types';

/** The owner, date and amount of an item as one Dutch phrase: `eigenaar: Moviera, deadline 01-02-2025`. */
export function itemMeta(item: AgendaItem): string {
  const parts: string[] = [];
  if (item.owner) parts.push(`eigenaar: ${item.owner}`);
  if (item.date) parts.push(`${item.dateLabel || 'datum'} ${formatDay(item.date)}`);
  if (item.amountCents !== null) parts.push(`${item.amountLabel || 'bedrag'} ${formatEuro(item.amountCents)}`);
  return parts.join(', ');
}

/** Tab name of the agenda of the meet-up on `date` (contract: `Agenda JJJJ-MM-DD`). */
export function agendaTabName(date: Day): string {
  return `Agenda ${date}`;
}

/** `4. Financiën (ter advisering)` */
export function sectionHeading(section: Agenda['sections'][number]): string {
  return `${section.number}. ${section.title} (${section.purpose})`;
}

/** The agenda at a glance, under the header: a line per item with its purpose. */
export function overview(agenda: Agenda): AgendaTable {
  return {
    headers: ['Nr', 'Onderdeel', 'Doel'],
    rows: agenda.sections.map((s) => ({ cells: [String(s.number), s.title, s.purpose], summary: `${s.number}. ${s.title}: ${s.purpose}` })),
  };
}
