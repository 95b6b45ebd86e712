import { Context, SectionBuilder } from '../context';
import { AgendaSection } from '../types';
import { REGION_MUNICIPALITY } from '../../workbook/contract';
import { Action, Indicator } from '../../workbook/model';
import { compareText, sameName } from '../../values/text';
import { formatNumberNl } from '../../values/numbers';
import { actionName, byId, isRegional, ownerOf, plural, statusCount } from '../context';

/** Direction of the last step of a series; the meet-up discusses where things are heading now. */
export function trendOf(values: { year: number; value: number }[], direction: Indicator['direction'] = null): string {
  if (values.length < 2) return 'één meting';
  const last = values[values.length - 1].value;
  const before = values[values.length - 2].value;
  if (last === before) return 'gelijk';
  const rising = last > before;
  const word = rising ? 'stijgend' : 'dalend';
  if (!direction) return word;
  return `${word}: ${rising === (direction === 'meer') ? 'verbetering' : 'verslechtering'}`;
}

interface Series {
  indicator: string;
  municipality: string;
  direction: Indicator['direction'];
  values: { year: number; value: number }[];
}

/** One series per indicator and municipality, years ascending; a repeated year keeps its first row. */
export function indicatorSeries(indicators: Indicator[]): Series[] {
  const map = new Map<string, Series>();
  for (const i of [...indicators].sort((a, b) => a.row - b.row)) {
    const key = `${i.indicator.trim().toLowerCase()}|${i.municipality.toLowerCase()}`;
    let series = map.get(key);
    if (!series) map.set(key, (series = { indicator: i.indicator, municipality: i.municipality, direction: i.direction, values: [] }));
    series.direction ??= i.direction;
    if (!series.values.some((v) => v.year === i.year)) series.values.push({ year: i.year, value: i.value });
  }
  const list = [...map.values()];
  for (const ser of list) ser.values.sort((a, b) => a.year - b.year);
  return list.sort((a, b) => compareText(a.indicator, b.indicator) || compareText(a.municipality, b.municipality));
}

export function theme(ctx: Context): AgendaSection {
  const name = ctx.meetup.theme.trim();
  const s = new SectionBuilder(5, name ? `Thema: ${name}` : 'Thema', 'ter bespreking');
  if (!name) {
    s.block().notes.push('Voor deze meet-up is nog geen thema gekozen.');
    return s.section();
  }
  const actions = ctx.programme.actions.filter((a) => sameName(a.theme, name) && a.status !== 'Geschrapt');
  const acts = s.block('Acties op dit thema');
  if (!actions.length) acts.notes.push('Er zijn nog geen acties op dit thema.');
  for (const a of actions.filter(isRegional).sort(byId)) s.item(acts, `${actionName(a)}, ${a.status.toLowerCase()}`, { owner: ownerOf(a), date: a.deadline, dateLabel: 'deadline' });
  // An obligation of every municipality is one line with its count, not fifteen.
  const groups = new Map<string, Action[]>();
  for (const a of actions.filter((x) => !isRegional(x)).sort(byId)) {
    const key = a.title.trim().toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  for (const group of groups.values()) {
    const a = group[0];
    if (group.length === 1) s.item(acts, `${actionName(a)}, ${a.municipality}, ${a.status.toLowerCase()}`, { date: a.deadline, dateLabel: 'deadline' });
    else s.item(acts, `${a.title}: ${plural(group.length, 'gemeente', 'gemeenten')}; ${statusCount(group)}`);
  }

  const data = s.block('Cijfers');
  const series = indicatorSeries(ctx.programme.indicators.filter((i) => sameName(i.theme, name)));
  if (!series.length) data.notes.push('Voor dit thema zijn nog geen cijfers vastgelegd.');
  else {
    data.table = { headers: ['Indicator', 'Gemeente', 'Waarden per jaar', 'Trend'], rows: [] };
    for (const ser of series) {
      const where = ser.municipality === REGION_MUNICIPALITY ? 'hele regio' : ser.municipality;
      const values = ser.values.map((v) => `${v.year}: ${formatNumberNl(v.value)}`).join('; ');
      const trend = trendOf(ser.values, ser.direction);
      data.table.rows.push({ cells: [ser.indicator, where, values, trend], summary: `${ser.indicator}, ${where}: ${values} (${trend})` });
    }
  }
  return s.section();
}
