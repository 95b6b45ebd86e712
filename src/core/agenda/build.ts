import { CheckResult, Proposal, ProposalItem } from '../check.types';
import { REGION_MUNICIPALITY, TOTAL_CODE } from '../contract';
import { Day, formatDay } from '../dates';
import { formatEuro } from '../money';
import { Action, Indicator, Meetup, Programme } from '../model';
import { naturalCompare } from '../order';
import { Quarter, formatQuarter, isInQuarter, monthsOfQuarter, nextQuarter, quarterStart } from './quarter';
import { MONTHS_NL, compareText, formatNumberNl, joinDutch, sameName } from '../text';
import { Agenda, AgendaBlock, AgendaConfig, AgendaItem, AgendaSection, AgendaTable } from './types';

export interface AgendaInput {
  programme: Programme;
  /** The budget check's result: the budget part shows these figures, it never recomputes them. */
  check: Pick<CheckResult, 'years' | 'proposals'> & { summary?: { referenceDate: Day } };
  quarter: Quarter;
  config: AgendaConfig;
}

export const SECTION_TITLES = [
  'Opening en mededelingen',
  'Voortgang regioaanpak',
  'Budget',
  'Thema',
  'Goede voorbeelden uit gemeenten',
  'Lokale plannen',
  'Uitgenodigde netwerkpartners',
  'Rondvraag en sluiting',
] as const;

/** Statuses after which an action needs no more attention at a meet-up. */
const isClosed = (a: Action) => a.status === 'Afgerond' || a.status === 'Geschrapt';

const byDay = (a: Day | null, b: Day | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
// IDs as people number them (`A-2` before `A-10`), the same order the proposal uses.
const byId = (a: Action, b: Action) => naturalCompare(a.id, b.id) || a.row - b.row;
const byDeadline = (a: Action, b: Action) => byDay(a.deadline, b.deadline) || byId(a, b);

function where(action: Action): string {
  return action.municipality === REGION_MUNICIPALITY ? 'regionaal' : action.municipality;
}

function actionLabel(action: Action): string {
  return `${action.id} ${action.title} (${where(action)})`;
}

/** Collects items of one section and numbers them `n.1`, `n.2`, ... in the order they are added. */
class SectionBuilder {
  readonly blocks: AgendaBlock[] = [];
  private count = 0;
  constructor(readonly number: number) {}

  block(heading: string, level: 1 | 2 = 1): AgendaBlock {
    const block: AgendaBlock = { heading, level, notes: [], table: null, items: [] };
    this.blocks.push(block);
    return block;
  }

  item(block: AgendaBlock, text: string, extra: Partial<Omit<AgendaItem, 'number' | 'text'>> = {}): AgendaItem {
    this.count += 1;
    const item: AgendaItem = {
      number: `${this.number}.${this.count}`,
      text,
      owner: extra.owner ?? '',
      amountCents: extra.amountCents ?? null,
      amountLabel: extra.amountLabel ?? '',
      date: extra.date ?? null,
      dateLabel: extra.dateLabel ?? '',
      details: extra.details ?? [],
    };
    block.items.push(item);
    return item;
  }

  section(): AgendaSection {
    return { number: this.number, title: SECTION_TITLES[this.number - 1], blocks: this.blocks };
  }
}

interface Context {
  programme: Programme;
  quarter: Quarter;
  config: AgendaConfig;
  date: Day;
  meetup: Meetup | null;
  previous: Meetup | null;
  next: Meetup | null;
  pastDeadline: Action[];
  dueThisQuarter: Action[];
}

/**
 * Builds the agenda of the quarterly meet-up from the parsed sheet and the budget check, as of the
 * meet-up's date. Pure and deterministic: everything is sorted explicitly and no clock is read.
 */
export function buildAgenda(input: AgendaInput): Agenda {
  const { programme, quarter, config } = input;
  const meetups = [...programme.meetups].sort((a, b) => byDay(a.date, b.date) || a.row - b.row);
  const meetup = meetups.find((m) => isInQuarter(m.date, quarter)) ?? null;
  const date = meetup ? meetup.date : programme.settings.referenceDate;
  const before = meetups.filter((m) => m.date < date);
  const previous = before.length ? before[before.length - 1] : null;
  const next = meetups.find((m) => m.date > date) ?? null;

  // An action whose deadline has passed is discussed as overdue, not also as due: one place each.
  const open = programme.actions.filter((a) => !isClosed(a));
  const pastDeadline = open.filter((a) => a.deadline !== null && a.deadline < date).sort(byDeadline);
  const dueThisQuarter = open.filter((a) => a.deadline !== null && a.deadline >= date && isInQuarter(a.deadline, quarter)).sort(byDeadline);

  const ctx: Context = { programme, quarter, config, date, meetup, previous, next, pastDeadline, dueThisQuarter };
  const region = programme.settings.region;
  const quarterText = formatQuarter(quarter);

  const preamble = [`Datum: ${formatDay(date)}`];
  if (meetup) {
    preamble.push(`Thema: ${meetup.theme || 'geen thema vastgelegd'}`);
  } else {
    preamble.push(`Voor ${quarterText} staat geen meet-up in Meet-ups; deze agenda is opgesteld per peildatum ${formatDay(date)}.`);
  }

  return {
    title: `Agenda ambtelijke meet-up${region ? ` ${region}` : ''}, ${quarterText}`,
    quarter: quarterText,
    region,
    date,
    planned: meetup !== null,
    preamble,
    sections: [
      opening(ctx),
      progress(ctx),
      budget(input),
      theme(ctx),
      goodExamples(ctx),
      localPlans(ctx),
      invitees(ctx),
      closing(ctx),
    ],
  };
}

function opening(ctx: Context): AgendaSection {
  const s = new SectionBuilder(1);
  const block = s.block('');
  s.item(block, 'Opening en vaststelling van de agenda');
  const months = monthsOfQuarter(ctx.quarter);
  const campaigns = ctx.config.campaigns
    .map((c) => ({ name: c.name, months: months.filter((m) => c.months.includes(m)) }))
    .filter((c) => c.months.length > 0)
    .sort((a, b) => a.months[0] - b.months[0] || compareText(a.name, b.name));
  for (const c of campaigns) {
    s.item(block, `Campagne ${c.name} (${joinDutch(c.months.map((m) => MONTHS_NL[m - 1]))})`);
  }
  if (ctx.config.newsletter.trim()) s.item(block, ctx.config.newsletter.trim());
  if (ctx.meetup?.notes) s.item(block, `Mededeling: ${ctx.meetup.notes}`);
  return s.section();
}

function progress(ctx: Context): AgendaSection {
  const s = new SectionBuilder(2);
  const { programme, quarter, date, previous } = ctx;
  const since = previous ? previous.date : quarterStart(quarter);
  const following = nextQuarter(quarter);
  const lines = programme.actionLines.slice().sort((a, b) => a.row - b.row);
  for (const line of lines) {
    const onLine = (a: Action) => a.lineCode === line.code;
    // Without a previous meet-up "since" includes the quarter's first day; after one, it excludes its day.
    const done = programme.actions
      .filter((a) => onLine(a) && a.status === 'Afgerond' && a.updatedOn !== null && a.updatedOn <= date && (previous ? a.updatedOn > since : a.updatedOn >= since))
      .sort((a, b) => byDay(a.updatedOn, b.updatedOn) || byId(a, b));
    const due = ctx.dueThisQuarter.filter(onLine);
    const overdue = ctx.pastDeadline.filter(onLine);
    const upcoming = programme.actions
      .filter((a) => onLine(a) && !isClosed(a) && a.deadline !== null && isInQuarter(a.deadline, following))
      .sort(byDeadline);

    const head = s.block(`${line.code} ${line.name}`.trim(), 1);
    if (!done.length && !due.length && !overdue.length && !upcoming.length) {
      head.notes.push('Geen acties om te bespreken.');
      continue;
    }
    if (done.length) {
      const b = s.block(previous ? `Afgerond sinds de vorige meet-up (${formatDay(previous.date)})` : `Afgerond sinds het begin van het kwartaal (${formatDay(since)})`, 2);
      for (const a of done) s.item(b, actionLabel(a), { owner: a.owner, date: a.updatedOn, dateLabel: 'afgerond op' });
    }
    if (due.length) {
      const b = s.block(`Deadline dit kwartaal (${formatQuarter(quarter)})`, 2);
      for (const a of due) s.item(b, `${actionLabel(a)}, status ${a.status}`, { owner: a.owner, date: a.deadline, dateLabel: 'deadline' });
    }
    if (overdue.length) {
      const b = s.block('Deadline verstreken, nog niet afgerond', 2);
      for (const a of overdue) {
        s.item(b, `${actionLabel(a)}, status ${a.status}`, { owner: a.owner || 'eigenaar niet ingevuld', date: a.deadline, dateLabel: 'deadline' });
      }
    }
    if (upcoming.length) {
      const b = s.block(`Deadline volgend kwartaal (${formatQuarter(following)})`, 2);
      for (const a of upcoming) s.item(b, `${actionLabel(a)}, status ${a.status}`, { owner: a.owner, date: a.deadline, dateLabel: 'deadline' });
    }
  }
  if (!lines.length) s.block('').notes.push('Er staan geen actielijnen in Actielijnen.');
  return s.section();
}

function proposalStep(item: ProposalItem): string {
  const parts = [item.proposal];
  if (item.actionId) parts.push(`${item.actionId}${item.actionTitle ? ` ${item.actionTitle}` : ''}`);
  let text = parts.join(' ');
  if (item.priority) text += ` (prioriteit ${item.priority})`;
  if (item.freedCents > 0) text += item.kind === 'shift' || item.kind === 'lower' ? `: ${formatEuro(item.freedCents)} beschikbaar` : `: maakt ${formatEuro(item.freedCents)} vrij`;
  if (item.note) text += `. ${item.note}`;
  return text;
}

function budget(input: AgendaInput): AgendaSection {
  const s = new SectionBuilder(3);
  const years = input.check.years.slice().sort((a, b) => a.year - b.year);
  const nameOf = new Map<string, string>();
  for (const y of years) for (const l of y.lines) nameOf.set(`${y.year}|${l.code}`, l.name);

  const signals = s.block('Begrotingsposten met een signaal', 1);
  const referenceDate = input.check.summary?.referenceDate;
  if (referenceDate) signals.notes.push(`Cijfers uit de budgetcontrole per peildatum ${formatDay(referenceDate)}.`);
  const flagged = years.flatMap((y) => y.lines.filter((l) => l.signal !== 'OK'));
  if (flagged.length) {
    const table: AgendaTable = { headers: ['Jaar', 'Code', 'Begrotingspost', 'Raming', 'Prognose', 'Saldo', 'Signaal'], rows: [] };
    for (const l of flagged) {
      table.rows.push({
        cells: [String(l.year), l.code, l.name, formatEuro(l.estimateCents), formatEuro(l.forecastCents), formatEuro(l.balanceCents), l.signal],
        summary: `${l.year} ${l.code}${l.name ? ` ${l.name}` : ''}: raming ${formatEuro(l.estimateCents)}, prognose ${formatEuro(l.forecastCents)}, saldo ${formatEuro(l.balanceCents)}; ${l.signal}`,
        amountCents: l.balanceCents,
      });
    }
    signals.table = table;
  } else {
    signals.notes.push('Alle begrotingsposten staan op OK.');
  }

  const balance = s.block('Programmabalans per jaar', 1);
  if (years.length) {
    const table: AgendaTable = { headers: ['Jaar', 'Raming', 'Dekking', 'Prognose', 'Signaal'], rows: [] };
    for (const y of years) {
      table.rows.push({
        cells: [String(y.year), formatEuro(y.totalEstimateCents), formatEuro(y.totalCoverageCents), formatEuro(y.totalForecastCents), y.programmeSignal],
        summary: `${y.year}: raming ${formatEuro(y.totalEstimateCents)}, dekking ${formatEuro(y.totalCoverageCents)}, prognose ${formatEuro(y.totalForecastCents)}; ${y.programmeSignal}`,
        amountCents: null,
      });
    }
    balance.table = table;
  } else {
    balance.notes.push('Er staat geen begroting in Begroting.');
  }

  const proposals = input.check.proposals.slice().sort((a, b) => a.year - b.year || compareText(a.code, b.code));
  const decisions = s.block('Besluitvorming', 1);
  if (!proposals.length) decisions.notes.push('Er is geen voorstel tot herprioritering.');
  for (const p of proposals) {
    s.item(decisions, decisionText(p, nameOf.get(`${p.year}|${p.code}`) ?? ''), {
      amountCents: p.shortfallCents,
      amountLabel: 'tekort',
      details: decisionDetails(p),
    });
  }
  return s.section();
}

function decisionText(p: Proposal, lineName: string): string {
  const what = p.code === TOTAL_CODE ? 'programmatotaal' : `${p.code}${lineName ? ` ${lineName}` : ''}`;
  return `Besluit herprioritering ${p.year}, ${what}`;
}

function decisionDetails(p: Proposal): string[] {
  const details = p.items.map(proposalStep);
  if (!p.covered && !p.items.some((i) => i.kind === 'escalate')) {
    details.push('Het voorstel dekt het tekort niet volledig: besluit door de bestuurlijke werkgroep.');
  }
  if (p.covered) details.push('Met dit voorstel is het tekort gedekt. Het werkboek past niets aan; na het besluit wijzigt de eigenaar status of bedrag.');
  return details;
}

/** Direction of the last step of a series; the meet-up discusses where things are heading now. */
export function trendOf(values: { year: number; value: number }[]): string {
  if (values.length < 2) return 'één meting';
  const last = values[values.length - 1].value;
  const before = values[values.length - 2].value;
  return last > before ? 'stijgend' : last < before ? 'dalend' : 'gelijk';
}

function theme(ctx: Context): AgendaSection {
  const s = new SectionBuilder(4);
  const name = ctx.meetup?.theme ?? '';
  if (!name) {
    const b = s.block('');
    b.notes.push(ctx.meetup ? 'Voor deze meet-up is geen thema vastgelegd in Meet-ups.' : 'Voor dit kwartaal staat geen meet-up met een thema in Meet-ups.');
    return s.section();
  }
  const head = s.block(`Thema: ${name}`, 1);
  s.item(head, `Bespreking van het thema ${name}`);

  const actions = ctx.programme.actions.filter((a) => sameName(a.theme, name) && a.status !== 'Geschrapt').sort(byId);
  const acts = s.block('Acties met dit thema', 2);
  if (!actions.length) acts.notes.push('Er staan geen acties met dit thema in Acties.');
  for (const a of actions) s.item(acts, `${actionLabel(a)}, status ${a.status}`, { owner: a.owner, date: a.deadline, dateLabel: 'deadline' });

  const data = s.block('Cijfers uit Indicatoren', 2);
  const series = indicatorSeries(ctx.programme.indicators.filter((i) => sameName(i.theme, name)));
  if (!series.length) {
    data.notes.push('Er staan geen cijfers voor dit thema in Indicatoren.');
  } else {
    const table: AgendaTable = { headers: ['Indicator', 'Gemeente', 'Waarden per jaar', 'Trend'], rows: [] };
    for (const ser of series) {
      const values = ser.values.map((v) => `${v.year}: ${formatNumberNl(v.value)}`).join('; ');
      const trend = trendOf(ser.values);
      table.rows.push({ cells: [ser.indicator, ser.municipality, values, trend], summary: `${ser.indicator}, ${ser.municipality}: ${values} (${trend})`, amountCents: null });
    }
    data.table = table;
  }
  return s.section();
}

interface Series {
  indicator: string;
  municipality: string;
  values: { year: number; value: number }[];
}

/** One series per indicator and municipality, years ascending; a repeated year keeps its first row. */
export function indicatorSeries(indicators: Indicator[]): Series[] {
  const map = new Map<string, Series>();
  for (const i of indicators.slice().sort((a, b) => a.row - b.row)) {
    const key = `${i.indicator.trim().toLowerCase()}|${i.municipality.toLowerCase()}`;
    let series = map.get(key);
    if (!series) {
      series = { indicator: i.indicator, municipality: i.municipality, values: [] };
      map.set(key, series);
    }
    if (!series.values.some((v) => v.year === i.year)) series.values.push({ year: i.year, value: i.value });
  }
  const list = [...map.values()];
  for (const ser of list) ser.values.sort((a, b) => a.year - b.year);
  return list.sort((a, b) => compareText(a.indicator, b.indicator) || compareText(a.municipality, b.municipality));
}

function goodExamples(ctx: Context): AgendaSection {
  const s = new SectionBuilder(5);
  const block = s.block('');
  const examples = (ctx.meetup?.goodExamples ?? '').split(/[;\n]+/).map((e) => e.trim()).filter(Boolean);
  if (!examples.length) {
    s.item(block, 'Gemeenten worden uitgenodigd een goed voorbeeld uit de eigen praktijk te delen.');
  }
  for (const e of examples) s.item(block, e);
  return s.section();
}

function localPlans(ctx: Context): AgendaSection {
  const s = new SectionBuilder(6);
  const block = s.block('');
  const titles = ctx.config.localPlanTitles.filter((t) => t.trim());
  if (!titles.length) {
    block.notes.push('Er is geen actie voor het lokaal plan ingesteld.');
    return s.section();
  }
  const isPlan = (a: Action) => titles.some((t) => sameName(t, a.title));
  const municipalities = ctx.programme.municipalities.slice().sort((a, b) => compareText(a.name, b.name));
  let listed = 0;
  for (const m of municipalities) {
    const plans = ctx.programme.actions.filter((a) => a.municipality === m.name && isPlan(a)).sort(byId);
    if (!plans.length) {
      s.item(block, `${m.name}: er staat geen actie '${titles[0]}' in Acties`);
      listed++;
      continue;
    }
    if (plans.some((a) => a.status === 'Afgerond')) continue;
    for (const a of plans) {
      s.item(block, `${m.name}: ${a.id} ${a.title}, status ${a.status}`, { owner: a.owner, date: a.deadline, dateLabel: 'deadline' });
      listed++;
    }
  }
  if (!listed) block.notes.push('Alle gemeenten hebben hun lokaal plan afgerond.');
  return s.section();
}

function invitees(ctx: Context): AgendaSection {
  const s = new SectionBuilder(7);
  const block = s.block('');
  const excluded = [...ctx.config.organiserNames, REGION_MUNICIPALITY, ...ctx.programme.municipalities.flatMap((m) => [m.name, `Gemeente ${m.name}`])];
  const isExcluded = (name: string) => excluded.some((e) => sameName(e, name));

  // One entry per name however it is typed; the first spelling wins.
  const invited = new Map<string, { name: string; reasons: string[] }>();
  const add = (name: string, reason: string) => {
    const key = name.trim().toLowerCase();
    const entry = invited.get(key) ?? { name: name.trim(), reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    invited.set(key, entry);
  };
  for (const p of ctx.meetup?.partners ?? []) add(p, 'genoemd in Meet-ups');
  const owned = [
    ...ctx.pastDeadline.map((a) => ({ a, why: 'deadline verstreken' })),
    ...ctx.dueThisQuarter.map((a) => ({ a, why: 'deadline dit kwartaal' })),
  ].sort((x, y) => byId(x.a, y.a));
  for (const { a, why } of owned) {
    if (!a.owner || isExcluded(a.owner)) continue;
    add(a.owner, `eigenaar van ${a.id} (${why})`);
  }
  const list = [...invited.values()].sort((a, b) => compareText(a.name, b.name));
  if (!list.length) block.notes.push('Er zijn geen netwerkpartners uitgenodigd.');
  for (const entry of list) {
    // Reasons keep their order: named in Meet-ups (the project leader's choice) first, then by action ID.
    s.item(block, `${entry.name}: ${entry.reasons.join('; ')}`);
  }
  return s.section();
}

function closing(ctx: Context): AgendaSection {
  const s = new SectionBuilder(8);
  const block = s.block('');
  s.item(block, 'Rondvraag');
  if (ctx.next) {
    s.item(block, `Volgende meet-up${ctx.next.theme ? `, thema ${ctx.next.theme}` : ''}`, { date: ctx.next.date, dateLabel: 'datum' });
  }
  s.item(block, 'Sluiting');
  return s.section();
}
