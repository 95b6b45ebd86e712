import { AppendixBuilder, Context, pageItem } from '../context';
import { AgendaSection } from '../types';
import { formatDay } from '../../values/dates';
import { compareText, sameName } from '../../values/text';
import { actionName, byDeadline, isPlaceholderOwner } from '../context';

/** Item 7: the partners by name on the page; why each is invited (the actions they own) in Bijlage A. */
export function invitees(ctx: Context, appendix: AppendixBuilder): AgendaSection {
  const { programme } = ctx;
  const notInvited = [...programme.settings.organisers, ...programme.municipalities.flatMap((m) => [m.name, `Gemeente ${m.name}`])];
  const excluded = (name: string) => isPlaceholderOwner(name) || notInvited.some((e) => sameName(e, name));

  // One line per partner however it is typed; the first spelling wins.
  const invited = new Map<string, { name: string; reasons: string[] }>();
  const add = (name: string, reason?: string) => {
    const key = name.trim().toLowerCase();
    const entry = invited.get(key) ?? { name: name.trim(), reasons: [] };
    if (reason) entry.reasons.push(reason);
    invited.set(key, entry);
  };
  for (const p of ctx.meetup.partners) if (!excluded(p)) add(p);
  const owned = programme.actions.filter((a) => ctx.overdue(a) || ctx.due(a)).sort(byDeadline);
  for (const a of owned) {
    if (excluded(a.owner)) continue;
    add(a.owner, `eigenaar van ${actionName(a)}, deadline ${formatDay(a.deadline!)}${ctx.overdue(a) ? ' verstreken' : ''}`);
  }
  const list = [...invited.values()].sort((a, b) => compareText(a.name, b.name));
  if (!list.length) return pageItem(7, 'Uitgenodigde netwerkpartners', 'ter informatie', ['Voor deze bijeenkomst zijn geen netwerkpartners uitgenodigd.']);
  const why = list.filter((e) => e.reasons.length);
  if (why.length) {
    const block = appendix.block('Uitgenodigde netwerkpartners: waarom');
    for (const entry of why) appendix.item(block, entry.name, { details: entry.reasons });
  }
  return pageItem(7, 'Uitgenodigde netwerkpartners', 'ter informatie', [`${list.map((e) => e.name).join(', ')}.`], { appendix: why.length ? 'A' : null });
}
