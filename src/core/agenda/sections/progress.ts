import { AppendixBuilder, Context, pageItem, plural } from '../context';
import { AgendaItem, AgendaSection } from '../types';
import { addDays, formatDay } from '../../values/dates';
import { Action } from '../../workbook/model';
import { HORIZON_DAYS, actionName, byDeadline, byId, isOpen, isRegional, ownerOf, statusCount } from '../context';

/**
 * Item 3: on the page the counts of the regional actions; in Bijlage A per action line its status
 * count, then what was done since the previous meet-up, what is due and what is late (with owner).
 * Actions without a deadline are counted with the ask for an owner and a deadline, never listed.
 */
export function progress(ctx: Context, appendix: AppendixBuilder): AgendaSection {
  const { programme, previous, date } = ctx;
  const title = `Voortgang ${ctx.programmeWord}`;
  const since = previous ? previous.date : addDays(date, -HORIZON_DAYS);
  const doneSince = (a: Action) => a.status === 'Afgerond' && a.updatedOn !== null && a.updatedOn > since && a.updatedOn <= date;
  const lines = [...programme.actionLines].sort((a, b) => a.row - b.row);
  if (!lines.length) return pageItem(3, title, 'ter bespreking', ['Er zijn nog geen actielijnen vastgelegd.']);
  const regional = programme.actions.filter(isRegional);
  const undated = (a: Action) => isOpen(a) && a.deadline === null;
  const count = (test: (a: Action) => boolean) => regional.filter(test).length;
  const page = [
    `Regionale acties: ${count(doneSince)} afgerond sinds ${formatDay(since)}, ${count(ctx.due)} met een deadline vóór ${formatDay(ctx.dueBefore)}, ${count(ctx.overdue)} over de deadline (met eigenaar in Bijlage A).`,
  ];
  if (count(undated)) {
    page.push(`${plural(count(undated), 'open regionale actie heeft', 'open regionale acties hebben')} geen deadline (per actielijn in Bijlage A): wie wordt eigenaar, en wanneer is het klaar?`);
  }

  appendix.block('Voortgang per actielijn');
  for (const line of lines) {
    const all = programme.actions.filter((a) => a.lineCode === line.code);
    const own = regional.filter((a) => a.lineCode === line.code);
    const head = appendix.block(line.name ? `${line.name} (${line.code})` : line.code, 2);
    head.notes.push(all.length ? statusCount(all) : 'Op deze actielijn staan nog geen acties.');
    const list = (label: string, actions: Action[], extra: (a: Action) => Partial<AgendaItem>) => {
      for (const a of actions) appendix.item(head, `${label}: ${actionName(a)}, ${a.status.toLowerCase()}`, extra(a));
    };
    list('Afgerond', own.filter(doneSince).sort((a, b) => (a.updatedOn! < b.updatedOn! ? -1 : a.updatedOn! > b.updatedOn! ? 1 : byId(a, b))),
      (a) => ({ owner: ownerOf(a), date: a.updatedOn, dateLabel: 'afgerond op' }));
    list('Deadline nadert', own.filter(ctx.due).sort(byDeadline), (a) => ({ owner: ownerOf(a), date: a.deadline, dateLabel: 'deadline' }));
    list('Deadline verstreken', own.filter(ctx.overdue).sort(byDeadline), (a) => ({ owner: ownerOf(a), date: a.deadline, dateLabel: 'deadline' }));
  }
  return pageItem(3, title, 'ter bespreking', page, { appendix: 'A' });
}
