import { Context, SectionBuilder } from '../context';
import { AgendaSection } from '../types';
import { addDays, formatDay } from '../../values/dates';
import { Action } from '../../workbook/model';
import { AgendaItem } from '../types';
import { HORIZON_DAYS, actionName, byDeadline, byId, isOpen, isRegional, ownerOf, statusCount } from '../context';

export function progress(ctx: Context): AgendaSection {
  const s = new SectionBuilder(3, 'Voortgang regioaanpak', 'ter bespreking');
  const { programme, previous, date } = ctx;
  const since = previous ? previous.date : addDays(date, -HORIZON_DAYS);
  const doneSince = (a: Action) => a.status === 'Afgerond' && a.updatedOn !== null && a.updatedOn > since && a.updatedOn <= date;
  const lines = [...programme.actionLines].sort((a, b) => a.row - b.row);
  if (!lines.length) s.block().notes.push('Er zijn nog geen actielijnen vastgelegd.');
  for (const line of lines) {
    const all = programme.actions.filter((a) => a.lineCode === line.code);
    const regional = all.filter(isRegional);
    const head = s.block(line.name ? `${line.name} (${line.code})` : line.code);
    head.notes.push(all.length ? statusCount(all) : 'Op deze actielijn staan nog geen acties.');
    const list = (heading: string, actions: Action[], extra: (a: Action) => Partial<AgendaItem>) => {
      if (!actions.length) return;
      const b = s.block(heading, 2);
      for (const a of actions) s.item(b, `${actionName(a)}, ${a.status.toLowerCase()}`, extra(a));
    };
    list(`Afgerond sinds ${previous ? `de vorige meet-up (${formatDay(since)})` : formatDay(since)}`,
      regional.filter(doneSince).sort((a, b) => (a.updatedOn! < b.updatedOn! ? -1 : a.updatedOn! > b.updatedOn! ? 1 : byId(a, b))),
      (a) => ({ owner: ownerOf(a), date: a.updatedOn, dateLabel: 'afgerond op' }));
    list(`Deadline ${ctx.dueText}`, regional.filter(ctx.due).sort(byDeadline), (a) => ({ owner: ownerOf(a), date: a.deadline, dateLabel: 'deadline' }));
    list('Deadline verstreken', regional.filter(ctx.overdue).sort(byDeadline), (a) => ({ owner: ownerOf(a), date: a.deadline, dateLabel: 'deadline' }));
    list('Zonder deadline', regional.filter((a) => isOpen(a) && a.deadline === null).sort(byId), (a) => ({ owner: ownerOf(a) }));
    const local = all.filter((a) => !isRegional(a));
    if (local.length) {
      const open = local.filter(isOpen).length;
      const done = local.filter(doneSince).length;
      head.notes.push(
        `Gemeentelijke acties: ${open} open, waarvan ${local.filter(ctx.overdue).length} over de deadline en ${local.filter(ctx.due).length} met een deadline ${ctx.dueText}` +
          `${done ? `; ${done} afgerond sinds ${formatDay(since)}` : ''}. Zie 2. Ronde langs de gemeenten.`,
      );
    }
  }
  return s.section();
}
