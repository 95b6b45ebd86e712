import { Context, pageItem } from '../context';
import { AgendaSection, AgendaTable } from '../types';
import { Day, addDays, formatDay } from '../../values/dates';
import { MONTHS_NL, joinDutch } from '../../values/text';
import { naturalCompare } from '../../workbook/ids';

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

/** The open `Actielijst` rows agreed before this meet-up: what the meeting checks off. */
function openAgreements(ctx: Context): AgendaTable | null {
  const open = (ctx.programme.actionList ?? [])
    .filter((e) => e.open && (e.meetup === null || e.meetup < ctx.date))
    .sort((a, b) => naturalCompare(a.nr, b.nr) || a.row - b.row);
  if (!open.length) return null;
  return {
    headers: ['Nr', 'Afspraak', 'Wie', 'Deadline'],
    // The deadline never wraps inside its date.
    numeric: [3],
    rows: open.map((e) => {
      const cells = [e.nr, e.agreement, e.who, e.deadline ? formatDay(e.deadline) : ''];
      return { cells, summary: `Open afspraak ${e.nr ? `${e.nr}: ` : ''}${e.agreement}${e.who ? ` (${e.who})` : ''}${e.deadline ? `, deadline ${formatDay(e.deadline)}` : ''}` };
    }),
  };
}

export function opening(ctx: Context): AgendaSection {
  const { settings } = ctx.programme;
  const lines = [
    ctx.previous
      ? `Opening en vaststelling van de agenda; verslag en actielijst van de vorige bijeenkomst (${formatDay(ctx.previous.date)}).`
      : 'Opening en vaststelling van de agenda.',
  ];
  const table = openAgreements(ctx);
  if (ctx.previous && !table) lines[0] += ' De actielijst heeft geen open afspraken.';
  // Campaigns up to the next meet-up, so there is time to prepare; without one, the next two months.
  const window = monthsUntil(ctx.date, ctx.next ? ctx.next.date : addDays(ctx.date, 61));
  const campaigns = settings.campaigns
    .map((c, order) => ({ c, order, first: window.findIndex((m) => c.months.includes(m)) }))
    .filter((x) => x.first >= 0)
    .sort((a, b) => a.first - b.first || a.order - b.order);
  const until = ctx.next ? `de volgende bijeenkomst (${formatDay(ctx.next.date)})` : formatDay(addDays(ctx.date, 61));
  lines.push(campaigns.length
    ? `Mededelingen: campagnes tot ${until}: ${joinDutch(campaigns.map(({ c }) => `${c.name} (${joinDutch(c.months.map((m) => MONTHS_NL[m - 1]))})`))}.`
    : `Mededelingen: tot ${until} staan geen campagnes gepland.`);
  if (settings.newsletter.trim()) lines.push(settings.newsletter.trim());
  return pageItem(1, 'Opening, verslag en actielijst, mededelingen', ctx.previous ? 'ter vaststelling' : 'ter informatie', lines, { table });
}
