import { Day, formatDay } from '../values/dates';
import { formatEuroRounded } from '../values/money';
import { AgendaItem, AgendaSection } from './types';

/** The owner, date and amount of an item as one Dutch phrase: `eigenaar: Moviera, deadline 01-02-2025`. */
export function itemMeta(item: AgendaItem): string {
  const parts: string[] = [];
  if (item.owner) parts.push(`eigenaar: ${item.owner}`);
  if (item.date) parts.push(`${item.dateLabel || 'datum'} ${formatDay(item.date)}`);
  if (item.amountCents !== null) parts.push(`${item.amountLabel || 'bedrag'} ${formatEuroRounded(item.amountCents)}`);
  return parts.join(', ');
}

/** Tab name of the agenda of the meet-up on `date` (contract: `Agenda JJJJ-MM-DD`). */
export function agendaTabName(date: Day): string {
  return `Agenda ${date}`;
}

/** `4. Financiën (ter advisering)`: the item with its purpose, as the header's line per item. */
export function sectionHeading(section: AgendaSection): string {
  return `${section.number}. ${section.title} (${section.purpose})`;
}

/** `Bijlage B` when the item's details are in an appendix; '' otherwise. */
export function appendixRef(section: AgendaSection): string {
  return section.appendix ? `Bijlage ${section.appendix}` : '';
}
