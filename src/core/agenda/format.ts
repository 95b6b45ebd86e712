import { formatDay } from '../dates';
import { formatEuro } from '../money';
import { AgendaItem } from './types';

/** The owner, date and amount of an item as one Dutch phrase: `eigenaar: Moviera, deadline 01-02-2025`. */
export function itemMeta(item: AgendaItem): string {
  const parts: string[] = [];
  if (item.owner) parts.push(`eigenaar: ${item.owner}`);
  if (item.date) parts.push(`${item.dateLabel || 'datum'} ${formatDay(item.date)}`);
  if (item.amountCents !== null) parts.push(`${item.amountLabel || 'bedrag'} ${formatEuro(item.amountCents)}`);
  return parts.join(', ');
}

/** Tab name of the agenda of a quarter (contract: `Agenda JJJJ-Qn`). */
export function agendaTabName(quarter: string): string {
  return `Agenda ${quarter}`;
}
