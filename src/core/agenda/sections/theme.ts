import { AppendixBuilder, Context, pageItem } from '../context';
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

/** Item 5: the theme with its count of actions and one figure on the page; actions, figures and charts in Bijlage C. */
export function theme(ctx: Context, appendix: AppendixBuilder): AgendaSection {
  const name = ctx.meetup.theme.trim();
  if (!name) return pageItem(5, 'Thema', 'ter bespreking', ['Voor deze bijeenkomst is nog geen thema gekozen.']);
  const actions = ctx.programme.actions.filter((a) => sameName(a.theme, name) && a.status !== 'Geschrapt');
  const acts = appendix.block('Acties op dit thema');
  if (!actions.length) acts.notes.push('Er zijn nog geen acties op dit thema.');
  for (const a of actions.filter(isRegional).sort(byId)) appendix.item(acts, `${actionName(a)}, ${a.status.toLowerCase()}`, { owner: ownerOf(a), date: a.deadline, dateLabel: 'deadline' });
  // An obligation of every municipality is one line with its count, not fifteen.
  const groups = new Map<string, Action[]>();
  for (const a of actions.filter((x) => !isRegional(x)).sort(byId)) {
    const key = a.title.trim().toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  for (const group of groups.values()) {
    const a = group[0];
    if (group.length === 1) appendix.item(acts, `${actionName(a)}, ${a.municipality}, ${a.status.toLowerCase()}`, { date: a.deadline, dateLabel: 'deadline' });
    else appendix.item(acts, `${a.title}: ${plural(group.length, 'gemeente', 'gemeenten')}; ${statusCount(group)}`);
  }

  const series = indicatorSeries(ctx.programme.indicators.filter((i) => sameName(i.theme, name)));
  const indicators = [...new Set(series.map((s) => s.indicator))];
  if (!series.length) appendix.block('Cijfers').notes.push('Voor dit thema zijn nog geen cijfers vastgelegd.');
  indicators.forEach((indicator, i) => figures(appendix, indicator, series.filter((s) => s.indicator === indicator), `grafiek-${i + 1}`));

  const open = actions.filter((a) => a.status !== 'Afgerond').length;
  const lines = [`${plural(actions.length, 'actie', 'acties')} op dit thema, ${open} nog open.`];
  const first = series[0];
  if (first) {
    const last = first.values[first.values.length - 1];
    const where = first.municipality === REGION_MUNICIPALITY ? 'hele regio' : first.municipality;
    lines.push(`${first.indicator} (${where}): ${formatNumberNl(last.value)} in ${last.year}, ${trendOf(first.values, first.direction)}${indicators.length > 1 ? `; nog ${plural(indicators.length - 1, 'indicator', 'indicatoren')}` : ''}.`);
  }
  return pageItem(5, `Thema: ${name}`, 'ter bespreking', lines, { appendix: 'C' });
}

/** One indicator: a table (municipality × year, with the trend) and the same figures as a chart beside it. */
function figures(appendix: AppendixBuilder, indicator: string, series: Series[], id: string): void {
  const b = appendix.block(indicator, 2);
  const years = [...new Set(series.flatMap((s) => s.values.map((v) => v.year)))].sort((a, c) => a - c);
  const where = (s: Series) => (s.municipality === REGION_MUNICIPALITY ? 'hele regio' : s.municipality);
  const valueIn = (s: Series, year: number) => s.values.find((v) => v.year === year)?.value ?? null;
  b.table = {
    headers: ['Gemeente', ...years.map(String), 'Trend'],
    numeric: years.map((_, i) => i + 1),
    rows: series.map((s) => {
      const cells = [where(s), ...years.map((y) => { const v = valueIn(s, y); return v === null ? '' : formatNumberNl(v); }), trendOf(s.values, s.direction)];
      return { cells, summary: `${indicator}, ${where(s)}: ${s.values.map((v) => `${v.year}: ${formatNumberNl(v.value)}`).join('; ')} (${cells[cells.length - 1]})` };
    }),
  };
  b.chart = {
    id, title: indicator, years,
    series: series.map((s) => ({ name: where(s), values: years.map((y) => valueIn(s, y)) })),
    description: `${indicator}: ${series.map((s) => `${where(s)} ${s.values.map((v) => `${formatNumberNl(v.value)} (${v.year})`).join(', ')}`).join('; ')}.`,
  };
}
