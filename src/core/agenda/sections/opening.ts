import { Context, SectionBuilder } from '../context';
import { AgendaSection } from '../types';
import { Day, addDays, formatDay } from '../../values/dates';
import { MONTHS_NL, joinDutch } from '../../values/text';

/** The months from this meet-up's month up to and including the next one's (at most a year). */
function monthsUntil(from: Day, to: Day): number[] {
  const months: number[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [endYear, endMonth] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  while (months.length < 12 && (year < endYear || (year === endYear && month <= endMonth))) {
    months.push(month);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

export function opening(ctx: Context): AgendaSection {
  const s = new SectionBuilder(1, 'Opening, verslag en mededelingen', 'ter informatie');
  const { settings } = ctx.programme;
  const start = s.block();
  s.item(start, 'Opening en vaststelling van de agenda');
  if (ctx.previous) s.item(start, `Vaststellen verslag en actielijst van de vorige meet-up (${formatDay(ctx.previous.date)})`);

  const news = s.block('Mededelingen');
  // Campaigns up to the next meet-up, so there is time to prepare; without one, the next two months.
  const window = monthsUntil(ctx.date, ctx.next ? ctx.next.date : addDays(ctx.date, 61));
  const campaigns = settings.campaigns
    .map((c, order) => ({ c, order, first: window.findIndex((m) => c.months.includes(m)) }))
    .filter((x) => x.first >= 0)
    .sort((a, b) => a.first - b.first || a.order - b.order);
  for (const { c } of campaigns) s.item(news, `Campagne ${c.name} (${joinDutch(c.months.map((m) => MONTHS_NL[m - 1]))})`);
  if (!campaigns.length) news.notes.push(`Tot ${ctx.next ? 'de volgende meet-up' : formatDay(addDays(ctx.date, 61))} staan geen campagnes gepland.`);
  if (settings.newsletter.trim()) s.item(news, settings.newsletter.trim());
  return s.section();
}
