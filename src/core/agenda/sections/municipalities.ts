import { Context, SectionBuilder } from '../context';
import { AgendaSection } from '../types';
import { formatDay } from '../../values/dates';
import { sameName } from '../../values/text';
import { Action } from '../../workbook/model';
import { AgendaTable } from '../types';
import { actionName, byDeadline, isOpen } from '../context';

const titleList = (actions: Action[], withDeadline: boolean) =>
  actions.length ? actions.map((a) => `${actionName(a)}${withDeadline && a.deadline ? `, ${formatDay(a.deadline)}` : ''}`).join('; ') : '—';

export function roundOfMunicipalities(ctx: Context): AgendaSection {
  const s = new SectionBuilder(2, 'Ronde langs de gemeenten', 'ter bespreking');
  const b = s.block();
  const { programme } = ctx;
  const planTitle = programme.settings.localPlanTitle.trim();
  const isPlan = (a: Action) => !!planTitle && sameName(a.title, planTitle);
  if (!programme.municipalities.length) {
    b.notes.push('Er staan nog geen gemeenten in het werkboek.');
    return s.section();
  }
  b.notes.push('Elke gemeente licht kort de stand van haar acties toe.');
  const headers = ['Gemeente', 'Open acties', `Deadline ${ctx.dueText}`, 'Deadline verstreken'];
  if (planTitle) headers.push('Lokaal plan');
  const table: AgendaTable = { headers, rows: [] };
  for (const m of [...programme.municipalities].sort((x, y) => x.row - y.row)) {
    const own = programme.actions.filter((a) => a.municipality === m.name).sort(byDeadline);
    const others = own.filter((a) => !isPlan(a));
    const cells = [m.name, String(own.filter(isOpen).length), titleList(others.filter(ctx.due), true), titleList(others.filter(ctx.overdue), true)];
    if (planTitle) cells.push(localPlanState(own.filter(isPlan), ctx));
    table.rows.push({ cells, summary: `${m.name}: ${headers.slice(1).map((h, i) => `${h.toLowerCase()}: ${cells[i + 1]}`).join('; ')}` });
  }
  b.table = table;
  return s.section();
}

/** `afgerond`, `loopt, deadline 31-12-2024 verstreken`, `ontbreekt`. */
function localPlanState(plans: Action[], ctx: Context): string {
  if (!plans.length) return 'ontbreekt';
  if (plans.some((p) => p.status === 'Afgerond')) return 'afgerond';
  const plan = plans[0];
  const deadline = plan.deadline ? `, deadline ${formatDay(plan.deadline)}${ctx.overdue(plan) ? ' verstreken' : ''}` : ', geen deadline';
  return `${plan.status.toLowerCase()}${deadline}`;
}
