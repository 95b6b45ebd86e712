import { Context, pageItem } from '../context';
import { AgendaSection } from '../types';
import { TAB } from '../../workbook/contract';
import { formatDay } from '../../values/dates';

/** Numbered empty lines of the besluitenlijst, written on during the meeting. */
const DECISION_LINES = 3;

export function closing(ctx: Context): AgendaSection {
  const next = ctx.next
    ? `Sluiting; volgende ${ctx.meetingWord}: ${formatDay(ctx.next.date)}${ctx.next.theme ? `, thema ${ctx.next.theme}` : ''}.`
    : 'Sluiting; de volgende bijeenkomst is nog niet gepland.';
  const lines = ['Rondvraag.', `Besluitenlijst: de besluiten en afspraken van vandaag gaan met wie en wanneer in de tab ${TAB.actionList}.`, next];
  return pageItem(8, 'Rondvraag, besluitenlijst en sluiting', 'ter bespreking', lines, { fillIn: DECISION_LINES });
}
