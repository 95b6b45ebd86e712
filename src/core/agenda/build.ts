import { ForecastChange } from '../budget/history';
import { decisionBodyOf } from '../budget/proposal';
import { CheckResult, LineFigures, Proposal, ProposalItem, YearFigures } from '../check';
import { COVERAGE_CODE, DEMO_SETTING, FICTIONAL_MARK, OWNER_TO_BE_DECIDED, REGION_MUNICIPALITY, Status, TAB, TOTAL_CODE, USER_TABS } from '../workbook/contract';
import { Day, addDays, formatDay } from '../values/dates';
import { formatEuro } from '../values/money';
import { Action, Indicator, Meetup, Programme } from '../workbook/model';
import { naturalCompare } from '../workbook/ids';
import { WorkbookSnapshot } from '../workbook/rowReader';
import { MONTHS_NL, compareText, joinDutch, sameName } from '../values/text';
import { formatNumberNl } from '../values/numbers';
import { neighbours } from './choice';
import { Agenda, AgendaBlock, AgendaItem, AgendaSection, AgendaTable, Purpose } from './types';

export interface AgendaInput {
  programme: Programme;
  /**
   * The budget check's result: the finance part shows these figures and never recomputes them.
   * `changes` compares with the last `Prognoseverloop` snapshot on or before the previous meet-up.
   */
  check: Pick<CheckResult, 'years' | 'proposals' | 'changes'> & { summary?: { referenceDate: Day } };
  /** The `Meet-ups` row the agenda is for. */
  meetup: Meetup;
  /** The workbook holds fictional demo data (see holdsFictionalData). */
  fictional: boolean;
}

export const FICTIONAL_BANNER =
  'FICTIEF: dit werkboek bevat verzonnen gegevens. Namen, bedragen, kortingen, statussen en besluiten in deze agenda kunnen verzonnen zijn; gebruik deze agenda alleen als voorbeeld.';

/** Without a next meet-up, "before the next one" means this many days ahead. */
const HORIZON_DAYS = 91;
/** Blank lines of the decisions list, filled in during the meeting. */
const DECISION_LINES = 5;

const OPEN: readonly Status[] = ['Niet gestart', 'Loopt', 'Uitgesteld'];
const isOpen = (a: Action) => OPEN.includes(a.status);
const isRegional = (a: Action) => a.municipality === REGION_MUNICIPALITY;
const byId = (a: Action, b: Action) => naturalCompare(a.id, b.id) || a.row - b.row;
const byDeadline = (a: Action, b: Action) => (a.deadline === b.deadline ? 0 : a.deadline === null ? 1 : b.deadline === null ? -1 : a.deadline < b.deadline ? -1 : 1) || byId(a, b);

/** `Scholing aandachtsfunctionarissen meldcode (A-012)`: the title users know, the ID in brackets. */
export function actionName(a: Action): string {
  return a.id ? `${a.title} (${a.id})` : a.title;
}

/** Owners nobody can invite: blank, the region itself, or the placeholder the seed writes. */
function isPlaceholderOwner(owner: string): boolean {
  return !owner.trim() || sameName(owner, REGION_MUNICIPALITY) || sameName(owner, OWNER_TO_BE_DECIDED) || /eigenaar te bepalen/i.test(owner);
}

const ownerOf = (a: Action) => (isPlaceholderOwner(a.owner) ? 'nog te bepalen' : a.owner);

/**
 * Whether the workbook holds fictional data: the demo's `Instellingen` › `Demo`, or any text cell
 * in a user tab that starts with `FICTIEF` or says `(FICTIEF)` (the demo and test fixtures mark
 * every invented text so). One pass over cells that were read anyway.
 */
export function holdsFictionalData(snapshot: WorkbookSnapshot): boolean {
  const mark = new RegExp(`^'?\\s*${FICTIONAL_MARK}\\b|\\(${FICTIONAL_MARK}\\)`);
  const settings = snapshot[TAB.settings];
  if (settings?.some((row) => typeof row[0] === 'string' && sameName(row[0], DEMO_SETTING) && row.slice(1).some((c) => typeof c === 'string' && c.trim()))) return true;
  for (const tab of USER_TABS) {
    for (const row of snapshot[tab] ?? []) {
      for (const cell of row) if (typeof cell === 'string' && mark.test(cell)) return true;
    }
  }
  return false;
}

/** Collects the blocks of one section and numbers its items `n.1`, `n.2`, ... in the order they are added. */
class SectionBuilder {
  readonly blocks: AgendaBlock[] = [];
  private count = 0;
  constructor(readonly number: number, readonly title: string, readonly purpose: Purpose) {}

  block(heading = '', level: 1 | 2 = 1): AgendaBlock {
    const block: AgendaBlock = { heading, level, notes: [], table: null, items: [] };
    this.blocks.push(block);
    return block;
  }

  item(block: AgendaBlock, text: string, extra: Partial<Omit<AgendaItem, 'number' | 'text'>> = {}): AgendaItem {
    const item: AgendaItem = {
      number: `${this.number}.${++this.count}`, text, owner: extra.owner ?? '', amountCents: extra.amountCents ?? null,
      amountLabel: extra.amountLabel ?? '', date: extra.date ?? null, dateLabel: extra.dateLabel ?? '', details: extra.details ?? [],
    };
    block.items.push(item);
    return item;
  }

  section(): AgendaSection {
    return { number: this.number, title: this.title, purpose: this.purpose, blocks: this.blocks };
  }
}

/** What every part needs: the meeting, its neighbours, and which open actions are late or due. */
interface Context {
  programme: Programme;
  meetup: Meetup;
  date: Day;
  previous: Meetup | null;
  next: Meetup | null;
  /** Deadlines before this day are "before the next meet-up". */
  dueBefore: Day;
  /** `vóór de volgende meet-up (14-11-2024)` */
  dueText: string;
  overdue: (a: Action) => boolean;
  due: (a: Action) => boolean;
}

/**
 * The agenda of one meet-up, as of its date, from the parsed sheet and the budget check. Pure and
 * deterministic: no clock is read, and everything is sorted explicitly.
 */
export function buildAgenda(input: AgendaInput): Agenda {
  const { programme, meetup } = input;
  const { previous, next } = neighbours(programme.meetups, meetup);
  const date = meetup.date;
  const dueBefore = next ? next.date : addDays(date, HORIZON_DAYS);
  const ctx: Context = {
    programme, meetup, date, previous, next, dueBefore,
    dueText: next ? `vóór de volgende meet-up (${formatDay(next.date)})` : `vóór ${formatDay(dueBefore)}`,
    // An action is late or due, never both: one place each on the agenda.
    overdue: (a) => isOpen(a) && a.deadline !== null && a.deadline < date,
    due: (a) => isOpen(a) && a.deadline !== null && a.deadline >= date && a.deadline < dueBefore,
  };
  const region = programme.settings.region;
  const header = [
    ...(region ? [`Regio: ${region}`] : []),
    `Datum: ${formatDay(date)}`,
    ...([['Tijd', meetup.time], ['Locatie', meetup.place], ['Voorzitter', meetup.chair], ['Notulist', meetup.minuteTaker], ['Thema', meetup.theme]] as const)
      .filter(([, value]) => value.trim())
      .map(([label, value]) => `${label}: ${value.trim()}`),
  ];
  return {
    title: `Agenda ambtelijke meet-up${region ? ` ${region}` : ''}, ${formatDay(date)}`,
    region,
    date,
    banner: input.fictional ? FICTIONAL_BANNER : '',
    header,
    sections: [opening(ctx), roundOfMunicipalities(ctx), progress(ctx), finances(ctx, input.check), theme(ctx), goodExamples(ctx), invitees(ctx), closing(ctx)],
  };
}

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

function opening(ctx: Context): AgendaSection {
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

const titleList = (actions: Action[], withDeadline: boolean) =>
  actions.length ? actions.map((a) => `${actionName(a)}${withDeadline && a.deadline ? `, ${formatDay(a.deadline)}` : ''}`).join('; ') : '—';

function roundOfMunicipalities(ctx: Context): AgendaSection {
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `12 acties: 3 afgerond, 5 lopend, 3 niet gestart, 1 uitgesteld. 2 open acties hebben geen deadline.` */
export function statusCount(actions: readonly Action[]): string {
  const n = (status: Status) => actions.filter((a) => a.status === status).length;
  const parts = [`${n('Afgerond')} afgerond`, `${n('Loopt')} lopend`, `${n('Niet gestart')} niet gestart`, `${n('Uitgesteld')} uitgesteld`];
  if (n('Geschrapt')) parts.push(`${n('Geschrapt')} geschrapt`);
  const undated = actions.filter((a) => isOpen(a) && a.deadline === null).length;
  const tail = undated ? ` ${undated === 1 ? '1 open actie heeft' : `${undated} open acties hebben`} geen deadline.` : '';
  return `${plural(actions.length, 'actie', 'acties')}: ${parts.join(', ')}.${tail}`;
}

function progress(ctx: Context): AgendaSection {
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

/** Budget line names by code: users read `Moviera`, not `MOV`. */
function lineNames(years: readonly YearFigures[]): (code: string) => string {
  const names = new Map<string, string>();
  for (const y of years) for (const l of y.lines) if (l.name.trim() && !names.has(l.code.toUpperCase())) names.set(l.code.toUpperCase(), l.name.trim());
  return (code) => names.get(code.toUpperCase()) ?? code;
}

function finances(ctx: Context, check: AgendaInput['check']): AgendaSection {
  const s = new SectionBuilder(4, 'Financiën', 'ter advisering');
  const years = [...check.years].sort((a, b) => a.year - b.year);
  const name = lineNames(years);
  const intro = s.block();
  if (check.summary) intro.notes.push(`Cijfers uit de budgetcontrole per peildatum ${formatDay(check.summary.referenceDate)}.`);

  const flagged = s.block('Begrotingsposten die aandacht vragen');
  const notOk = years.flatMap((y) => y.lines.filter((l) => l.signal !== 'OK'));
  if (!notOk.length) flagged.notes.push('Alle begrotingsposten staan op OK.');
  else {
    flagged.table = {
      headers: ['Jaar', 'Begrotingspost', 'Raming', 'Prognose', 'Saldo', 'Signaal'],
      rows: notOk.map((l) => ({
        cells: [String(l.year), name(l.code), formatEuro(l.estimateCents), formatEuro(l.forecastCents), formatEuro(l.balanceCents), l.signal],
        summary: `${l.year} ${name(l.code)}: raming ${formatEuro(l.estimateCents)}, prognose ${formatEuro(l.forecastCents)}, saldo ${formatEuro(l.balanceCents)}; ${l.signal}`,
      })),
    };
  }

  const balance = s.block('Programmabalans');
  if (!years.length) balance.notes.push('Er is nog geen begroting vastgelegd.');
  else {
    balance.table = {
      headers: ['Jaar', 'Raming', 'Dekking', 'Prognose', 'Resultaat', 'Signaal'],
      rows: years.map((y) => ({
        cells: [String(y.year), formatEuro(y.totalEstimateCents), formatEuro(y.totalCoverageCents), formatEuro(y.totalForecastCents), formatEuro(y.resultCents), y.programmeSignal],
        summary: `${y.year}: raming ${formatEuro(y.totalEstimateCents)}, dekking ${formatEuro(y.totalCoverageCents)}, prognose ${formatEuro(y.totalForecastCents)}, resultaat ${formatEuro(y.resultCents)}; ${y.programmeSignal}`,
      })),
    };
    const inPeriod = years.filter((y) => y.cumulativeResultCents !== null);
    const last = inPeriod[inPeriod.length - 1];
    if (last) balance.notes.push(`Resultaat over ${inPeriod[0].year === last.year ? last.year : `${inPeriod[0].year}-${last.year}`} (dekking min prognose, opgeteld): ${formatEuro(last.cumulativeResultCents!)}.`);
  }

  changesSince(s, ctx, check.changes, years, name);
  // A circulaire of a year before the meet-up's was discussed then; the other advice stays until it is solved.
  const meetingYear = Number(ctx.date.slice(0, 4));
  advice(s, ctx, check.proposals.filter((p) => p.code !== COVERAGE_CODE || p.year >= meetingYear), years, name);
  return s.section();
}

function changesSince(s: SectionBuilder, ctx: Context, changes: readonly ForecastChange[], years: readonly YearFigures[], name: (code: string) => string): void {
  const b = s.block(ctx.previous ? `Wat veranderde sinds de vorige meet-up (${formatDay(ctx.previous.date)})` : 'Wat veranderde sinds de vorige budgetcontrole');
  if (!changes.length) {
    b.notes.push('Er is geen eerdere budgetcontrole om mee te vergelijken. Draai de budgetcontrole rond elke meet-up; dan laat de volgende agenda zien wat er veranderde.');
    return;
  }
  b.notes.push(`Vergeleken met de budgetcontrole van ${formatDay(changes[0].sinceDate)}.`);
  const order = new Map(years.flatMap((y) => y.lines.map((l, i) => [`${l.year}|${l.code}`, y.year * 1000 + i] as const)));
  const moved = changes.filter((c) => c.deltaCents !== 0 || c.fromSignal !== c.toSignal).sort((a, b) => (order.get(`${a.year}|${a.code}`) ?? 0) - (order.get(`${b.year}|${b.code}`) ?? 0));
  if (!moved.length) b.notes.push('Sindsdien zijn de prognoses niet veranderd.');
  for (const c of moved) {
    const how = c.deltaCents === 0 ? 'de prognose bleef gelijk' : `de prognose ${c.deltaCents > 0 ? 'steeg' : 'daalde'} met ${formatEuro(Math.abs(c.deltaCents))}`;
    const signal = c.fromSignal !== c.toSignal ? `; signaal nu ${c.toSignal} (was ${c.fromSignal || 'onbekend'})` : '';
    s.item(b, `${name(c.code)} ${c.year}: ${how}, van ${formatEuro(c.fromForecastCents)} naar ${formatEuro(c.toForecastCents)}${signal}`);
  }
}

function advice(s: SectionBuilder, ctx: Context, proposals: readonly Proposal[], years: readonly YearFigures[], name: (code: string) => string): void {
  const { settings } = ctx.programme;
  const b = s.block('Advies herprioritering');
  if (!proposals.length) {
    b.notes.push('Er is geen herprioritering nodig.');
    return;
  }
  b.notes.push(`De meet-up adviseert; het besluit ligt bij: ${decisionBodyOf(settings)}. Het werkboek wijzigt zelf niets: na het besluit passen de eigenaren status en bedragen aan.`);
  const rank = (p: Proposal) => (p.code === TOTAL_CODE ? 1 : p.code === COVERAGE_CODE ? 2 : 0);
  const lineOrder = new Map(years.flatMap((y) => y.lines.map((l, i) => [`${l.year}|${l.code}`, i] as const)));
  const sorted = [...proposals].sort((a, c) => a.year - c.year || rank(a) - rank(c) || (lineOrder.get(`${a.year}|${a.code}`) ?? 0) - (lineOrder.get(`${c.year}|${c.code}`) ?? 0));
  const lineOf = new Map<string, LineFigures>(years.flatMap((y) => y.lines.map((l) => [`${l.year}|${l.code}`, l] as const)));
  const step = (i: ProposalItem, p: Proposal) => adviceStep(i, p, name, settings.endYear, decisionBodyOf(settings));
  for (const p of sorted) {
    if (p.code === COVERAGE_CODE) {
      const amount = p.items.reduce((sum, i) => sum + i.freedCents, 0);
      const who = settings.contributors.length ? joinDutch(settings.contributors) : 'de gemeenten die bijdragen';
      const how = `${amount < 0 ? 'daalt' : 'stijgt'} met ${formatEuro(Math.abs(amount))}`;
      s.item(b, `Circulaire ${p.year}: de DU VO-uitkering ${how}. Daarmee verandert ook wat ${who} bijdragen; advies: met hen overleggen.`);
      continue;
    }
    const what = p.code === TOTAL_CODE ? `het programmatekort in ${p.year}` : `de ${(lineOf.get(`${p.year}|${p.code}`)?.signal ?? 'Overschrijding').toLowerCase()} van ${name(p.code)} in ${p.year}`;
    const details = p.items.map((i) => step(i, p));
    if (p.covered) details.push('Met dit advies is het tekort gedekt.');
    s.item(b, `Advies bij ${what}`, { amountCents: p.shortfallCents, amountLabel: 'tekort', details });
  }
}

/** One step of an advice in words, with budget line names instead of codes. */
function adviceStep(item: ProposalItem, p: Proposal, name: (code: string) => string, endYear: number, decisionBody: string): string {
  switch (item.kind) {
    case 'defer': {
      const action = `${item.actionTitle}${item.actionId ? ` (${item.actionId})` : ''}${item.priority ? `, prioriteit ${item.priority.toLowerCase()}` : ''}`;
      const effect = item.deferral;
      const to = !effect || effect.toYear === null ? `het volgende programma (na ${endYear})` : String(effect.toYear);
      let where = '';
      if (effect && effect.toYear !== null) {
        where = effect.forecastCents === null || effect.balanceCents === null
          ? `. Neem de kosten op in de begroting van ${effect.toYear}`
          : `. In ${effect.toYear} wordt de prognose van ${name(item.lineCode ?? p.code)} ${formatEuro(effect.forecastCents)}, saldo ${formatEuro(effect.balanceCents)} (${effect.signal})`;
      }
      // A programme deferral may be followed by lowering the line's raming by what it freed.
      const then = item.thenLowerCents ? `. Daarna de raming van ${name(item.lineCode ?? '')} ${p.year} met ${formatEuro(item.thenLowerCents)} verlagen` : '';
      return `Uitstellen naar ${to}: ${action}; maakt ${formatEuro(item.freedCents)} vrij${where}${then}`;
    }
    case 'shift':
      return `Begrotingswijziging: ${formatEuro(item.freedCents)} van ${name(item.sourceCode ?? '')} naar ${name(p.code)} (${p.year})`;
    case 'lower':
      return `Begrotingswijziging: de raming van ${name(item.sourceCode ?? '')} ${p.year} met ${formatEuro(item.freedCents)} verlagen`;
    case 'escalate':
      return `Niet gedekt: ${formatEuro(p.uncoveredCents)}; dit deel vraagt een besluit van: ${decisionBody}`;
    case 'covered':
      return `Het uitstel dat hierboven per begrotingspost wordt geadviseerd, maakt ${formatEuro(item.freedCents)} vrij en dekt dit tekort`;
    default:
      return item.proposal;
  }
}

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

function theme(ctx: Context): AgendaSection {
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

function goodExamples(ctx: Context): AgendaSection {
  const s = new SectionBuilder(6, 'Goede voorbeelden uit gemeenten', 'ter informatie');
  const block = s.block();
  const examples = ctx.meetup.goodExamples.split(/[;\n]+/).map((e) => e.trim()).filter(Boolean);
  if (!examples.length) s.item(block, 'Gemeenten worden uitgenodigd een goed voorbeeld uit de eigen praktijk te delen.');
  for (const e of examples) s.item(block, e);
  return s.section();
}

function invitees(ctx: Context): AgendaSection {
  const s = new SectionBuilder(7, 'Uitgenodigde netwerkpartners', 'ter informatie');
  const block = s.block();
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
  if (!list.length) block.notes.push('Voor deze meet-up zijn geen netwerkpartners uitgenodigd.');
  for (const entry of list) s.item(block, entry.name, { details: entry.reasons });
  return s.section();
}

function closing(ctx: Context): AgendaSection {
  const s = new SectionBuilder(8, 'Rondvraag, besluitenlijst en sluiting', 'ter bespreking');
  const first = s.block();
  s.item(first, 'Rondvraag');
  s.item(first, 'Besluitenlijst: de besluiten en afspraken van deze meet-up');
  const list = s.block();
  list.table = {
    headers: ['Nr', 'Besluit of afspraak', 'Wie', 'Wanneer'],
    rows: Array.from({ length: DECISION_LINES }, (_, i) => ({ cells: [String(i + 1), '', '', ''], summary: `${i + 1}.` })),
  };
  const last = s.block();
  if (ctx.next) s.item(last, `Volgende meet-up${ctx.next.theme ? `, thema ${ctx.next.theme}` : ''}`, { date: ctx.next.date, dateLabel: 'datum' });
  else s.item(last, 'Volgende meet-up: nog niet gepland');
  s.item(last, 'Sluiting');
  return s.section();
}
