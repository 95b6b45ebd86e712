import { AppendixBuilder, Context, pageItem, plural } from '../context';
import { AgendaSection, AgendaTable } from '../types';
import { formatDay } from '../../values/dates';
import { sameName } from '../../values/text';
import { Action } from '../../workbook/model';
import { byDeadline, isOpen } from '../context';

/**
 * Item 2: one row per municipality with counts; the overdue actions by name go to Bijlage A, where an
 * action every municipality has (the same title and deadline) is one line naming them, not fifteen.
 */
export function roundOfMunicipalities(ctx: Context, appendix: AppendixBuilder): AgendaSection {
  const { programme } = ctx;
  const planTitle = programme.settings.localPlanTitle.trim();
  const isPlan = (a: Action) => !!planTitle && sameName(a.title, planTitle);
  if (!programme.municipalities.length) return pageItem(2, 'Ronde langs de gemeenten', 'ter bespreking', ['Er staan nog geen gemeenten in het werkboek.']);
  const headers = ['Gemeente', 'Open', `Deadline vóór ${formatDay(ctx.dueBefore)}`, 'Verstreken'];
  if (planTitle) headers.push('Lokaal plan');
  const table: AgendaTable = { headers, rows: [], numeric: [1, 2, 3] };
  const overdue: Action[] = [];
  for (const m of [...programme.municipalities].sort((x, y) => x.row - y.row)) {
    const own = programme.actions.filter((a) => a.municipality === m.name);
    const others = own.filter((a) => !isPlan(a));
    const late = others.filter(ctx.overdue);
    overdue.push(...late);
    const cells = [m.name, String(own.filter(isOpen).length), String(others.filter(ctx.due).length), String(late.length)];
    if (planTitle) cells.push(localPlanState(own.filter(isPlan), ctx));
    table.rows.push({ cells, summary: `${m.name}: ${headers.slice(1).map((h, i) => `${h.toLowerCase()} ${cells[i + 1]}`).join(', ')}` });
  }
  const lines = ['Elke gemeente licht kort de stand van haar acties toe.'];
  if (overdue.length) lines.push(`${plural(overdue.length, 'actie', 'acties')} van gemeenten ${overdue.length === 1 ? 'is' : 'zijn'} over de deadline; ze staan bij naam in Bijlage A.`);
  overdueByName(appendix, overdue);
  return pageItem(2, 'Ronde langs de gemeenten', 'ter bespreking', lines, { table, appendix: overdue.length ? 'A' : null });
}

function overdueByName(appendix: AppendixBuilder, overdue: Action[]): void {
  if (!overdue.length) return;
  const b = appendix.block('Gemeentelijke acties over de deadline');
  const groups = new Map<string, Action[]>();
  for (const a of [...overdue].sort(byDeadline)) {
    const key = `${a.title.trim().toLowerCase()}|${a.deadline}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  for (const group of groups.values()) {
    const a = group[0];
    const who = group.length === 1 ? a.municipality : `${plural(group.length, 'gemeente', 'gemeenten')}: ${group.map((g) => g.municipality).join(', ')}`;
    appendix.item(b, `${a.title}${group.length === 1 && a.id ? ` (${a.id})` : ''}, ${who}`, { date: a.deadline, dateLabel: 'deadline' });
  }
}

/** `afgerond`, `loopt, deadline 31-12-2024 verstreken`, `ontbreekt`. */
function localPlanState(plans: Action[], ctx: Context): string {
  if (!plans.length) return 'ontbreekt';
  if (plans.some((p) => p.status === 'Afgerond')) return 'afgerond';
  const plan = plans[0];
  const deadline = plan.deadline ? `, deadline ${formatDay(plan.deadline)}${ctx.overdue(plan) ? ' verstreken' : ''}` : '';
  return `${plan.status.toLowerCase()}${deadline}`;
}
