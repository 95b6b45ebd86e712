import { CheckResult, LineFigures, YearFigures } from './check';
import { COVERAGE_CODE, Character, Signal, TAB, TOTAL_CODE } from './workbook/contract';
import { baselineSnapshot, forecastChanges } from './budget/history';
import { actionSignals } from './actions/signals';
import { Day, formatDay, yearOf } from './values/dates';
import { Cents, formatEuroRounded } from './values/money';
import { Action, Programme } from './workbook/model';
import { idKey } from './workbook/rowReader';
import { roleOf, municipalityOfEditor } from './rights/permissions';

/**
 * The sidebar's dashboard as plain JSON: google.script.run only carries JSON-like values, so days
 * are ISO strings and money is integer cents. Every figure comes from the budget check; nothing
 * here computes a budget figure a second time.
 */
export type Role = 'projectleider' | 'controller' | 'gemeente' | 'onbekend';

/** Where in the sheet an item lives, so a click can select that row. `row` as the user sees it. */
export interface SheetPlace {
  tab: string;
  row: number;
}

/** How a line's Prognose moved since the previous meet-up, from `Prognoseverloop`. */
export interface LineTrend {
  /** The Peildatum of the earlier figures (the check before the previous meet-up). */
  sinceDate: Day;
  /** Prognose now minus Prognose then: positive means the line is expected to cost more. */
  forecastDeltaCents: Cents;
}

export interface DashboardLine extends SheetPlace {
  code: string;
  name: string;
  character: Character;
  estimateCents: Cents;
  spentCents: Cents;
  forecastCents: Cents;
  balanceCents: Cents;
  /** Uitputting = Besteed / Raming; null when Raming is zero. */
  utilisation: number | null;
  signal: Signal;
  /**
   * From `Prognoseverloop`: null for a line without earlier figures. The sidebar shows it when present.
   */
  trend: LineTrend | null;
}

/** The budget check's year figures as the sidebar needs them. */
export interface DashboardBudget extends Omit<YearFigures, 'lines'> {
  lines: DashboardLine[];
  /** Dekking − max(Raming, Prognose): what is left over, negative when short (as `Budgetcontrole` shows it). */
  coverageBalanceCents: Cents;
}

export type SignalKind = 'overrun' | 'threatening' | 'proposal' | 'overdue' | 'dueSoon';

export interface SignalItem extends SheetPlace {
  kind: SignalKind;
  /** One line, already Dutch: what the item is. */
  text: string;
  /** A second line with the figures or owner; may be ''. */
  detail: string;
}

/** The next meet-up; `date` is what generateMeetupAgenda takes to make its agenda. */
export interface DashboardMeetup extends SheetPlace {
  date: Day;
  theme: string;
}

export interface DashboardUser {
  email: string;
  role: Role;
  /** The municipality whose editors list this e-mail; null for none. */
  municipality: string | null;
}

export interface DashboardData {
  region: string;
  referenceDate: Day;
  /** The year of `Peildatum`: the budget shown. */
  year: number;
  /** Null when `Begroting` has no lines for that year. */
  budget: DashboardBudget | null;
  signals: {
    overruns: SignalItem[];
    threatening: SignalItem[];
    proposals: SignalItem[];
    overdue: SignalItem[];
    dueSoon: SignalItem[];
    /** The number of rows in `Controles`, and where they are. */
    checks: { count: number } & SheetPlace;
  };
  meetup: DashboardMeetup | null;
  user: DashboardUser;
  /** `Instellingen` › `Projectleider`: whom someone without access asks. */
  projectLeader: string;
  /** When the budget check last wrote its tabs (ISO instant); null when not recorded. */
  lastCheckAt: string | null;
  /** The reference year's programme proposal (`Herprioritering`), so the first screen can say whether it covers the shortfall. */
  programmeProposal: { covered: boolean; shortfallCents: Cents; tab: string; row: number } | null;
}

export interface DashboardOptions {
  /** The e-mail of the person looking, lower-case or not; '' when unknown. */
  userEmail: string;
  /** When the budget check last wrote its tabs (ISO instant), if known. */
  lastCheckAt?: string | null;
}

function isController(email: string, settings: Programme['settings']): boolean {
  return email !== '' && email === settings.controller.trim().toLowerCase();
}

function actionDetail(action: Action): string {
  const parts = [action.municipality];
  if (action.owner && action.owner !== action.municipality) parts.push(action.owner);
  if (action.deadline) parts.push(`deadline ${formatDay(action.deadline)}`);
  parts.push(action.status);
  return parts.join(' · ');
}

/**
 * A budget signal's card. Its group's heading already names the signal, and the dashboard's year is in
 * the section title: the card names the line, and the year only when it is another.
 */
function lineItem(kind: 'overrun' | 'threatening', line: LineFigures, row: number, year: number): SignalItem {
  const over = kind === 'overrun' ? line.spentCents - line.estimateCents : line.forecastCents - line.estimateCents;
  const basis = kind === 'overrun' ? `besteed ${formatEuroRounded(line.spentCents)}` : `prognose ${formatEuroRounded(line.forecastCents)}`;
  return {
    kind,
    tab: TAB.budget,
    row,
    text: `${line.year === year ? '' : `${line.year} `}${line.code} ${line.name}`,
    detail: `${basis} bij raming ${formatEuroRounded(line.estimateCents)} (${formatEuroRounded(over)} te veel)`,
  };
}

/**
 * The dashboard: the budget of the `Peildatum` year, the signals that ask for attention now, the
 * next meet-up, and who is looking. Signals cover the reference year and later: earlier years are
 * closed accounts that no one can steer any more.
 */
export function buildDashboard(programme: Programme, check: CheckResult, options: DashboardOptions): DashboardData {
  const { settings } = programme;
  const referenceDate = settings.referenceDate;
  const year = yearOf(referenceDate);
  const email = options.userEmail.trim().toLowerCase();

  const budgetRow = new Map(programme.budgetLines.map((l) => [`${l.year}|${idKey(l.code)}`, l.row]));
  const rowOf = (line: LineFigures) => budgetRow.get(`${line.year}|${idKey(line.code)}`) ?? 1;

  const figures: YearFigures | undefined = check.years.find((y) => y.year === year);
  // The trend since the previous meet-up: the last snapshot in Prognoseverloop on or before it.
  const previousMeetup = programme.meetups.filter((m) => m.date < referenceDate).pop() ?? null;
  const baseline = baselineSnapshot(check.history, referenceDate, previousMeetup?.date ?? null);
  const trendOf = new Map(
    forecastChanges(figures ? [figures] : [], baseline).map((c) => [idKey(c.code), { sinceDate: c.sinceDate, forecastDeltaCents: c.deltaCents }]),
  );
  const budget: DashboardBudget | null = figures
    ? {
        ...figures,
        lines: figures.lines.map((l) => ({
          tab: TAB.budget, row: rowOf(l), code: l.code, name: l.name, character: l.character, estimateCents: l.estimateCents,
          spentCents: l.spentCents, forecastCents: l.forecastCents, balanceCents: l.balanceCents, utilisation: l.utilisation,
          signal: l.signal, trend: trendOf.get(idKey(l.code)) ?? null,
        })),
        coverageBalanceCents: figures.totalCoverageCents - Math.max(figures.totalEstimateCents, figures.totalForecastCents),
      }
    : null;

  const openYears = check.years.filter((y) => y.year >= year);
  const lines = openYears.flatMap((y) => y.lines);
  const overruns = lines.filter((l) => l.signal === 'Overschrijding').map((l) => lineItem('overrun', l, rowOf(l), year));
  const threatening = lines.filter((l) => l.signal === 'Dreigende overschrijding').map((l) => lineItem('threatening', l, rowOf(l), year));

  // `Herprioritering` lists every proposal item in order under its header: item n sits on row n + 2.
  let herprioriteringRow = 2;
  const lower = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  const proposals: SignalItem[] = [];
  let programmeProposal: DashboardData['programmeProposal'] = null;
  for (const p of check.proposals) {
    const firstRow = herprioriteringRow;
    herprioriteringRow += p.items.length;
    if (p.year < year) continue;
    if (p.code === TOTAL_CODE && p.year === year) programmeProposal = { covered: p.covered, shortfallCents: p.shortfallCents, tab: TAB.reprioritisation, row: firstRow };
    const steps = p.items.map((item) =>
      item.kind === 'defer' ? `${lower(item.proposal)}: ${item.actionId} (${formatEuroRounded(item.freedCents)})`
        : item.kind === 'escalate' || item.kind === 'covered' ? lower(item.proposal)
          : `${lower(item.proposal)} (${formatEuroRounded(item.freedCents)})`);
    if (p.code === COVERAGE_CODE) {
      proposals.push({ kind: 'proposal', tab: TAB.reprioritisation, row: firstRow, text: `Circulaire ${p.year}: ${lower(p.items[0]?.proposal ?? '')}`, detail: p.items[0]?.note ?? '' });
      continue;
    }
    // Under the heading "Voorstel herprioritering": the line (or the programme), the year only when it is another.
    const what = `${p.year === year ? '' : `${p.year} `}${p.code === TOTAL_CODE ? 'Programma' : p.code}`;
    proposals.push({
      kind: 'proposal',
      tab: TAB.reprioritisation,
      row: firstRow,
      text: `${what}: tekort ${formatEuroRounded(p.shortfallCents)}${p.covered ? ', gedekt' : ', niet gedekt'}`,
      detail: steps.join('; '),
    });
  }

  // Deadlines follow issue 3's `Actiesignalen` rules (already ordered: soonest deadline first).
  const deadlineSignals = actionSignals(programme);
  const actionItem = (kind: 'overdue' | 'dueSoon', a: Action): SignalItem => ({
    kind, tab: TAB.actions, row: a.row, text: a.id ? `${a.id} ${a.title}` : a.title, detail: actionDetail(a),
  });
  const overdue = deadlineSignals.filter((s) => s.kind === 'overdue').map((s) => actionItem('overdue', s.action));
  const dueSoon = deadlineSignals.filter((s) => s.kind === 'dueSoon').map((s) => actionItem('dueSoon', s.action));

  const next = programme.meetups.find((m) => m.date >= referenceDate) ?? null;
  const meetup: DashboardMeetup | null = next ? { tab: TAB.meetups, row: next.row, date: next.date, theme: next.theme } : null;

  const municipality = municipalityOfEditor(email, programme.municipalities);
  const kind = roleOf(email, settings, programme.municipalities).kind;
  // The controller checks budget totals; one who also edits a municipality's rows keeps "Mijn acties".
  const role: Role = kind === 'projectLeader' ? 'projectleider' : isController(email, settings) ? 'controller' : kind === 'editor' ? 'gemeente' : 'onbekend';

  return {
    region: settings.region,
    referenceDate,
    year,
    budget,
    signals: {
      overruns,
      threatening,
      proposals,
      overdue,
      dueSoon,
      checks: { count: check.findings.length, tab: TAB.checks, row: check.findings.length ? 2 : 1 },
    },
    meetup,
    user: { email, role, municipality },
    projectLeader: settings.projectLeader,
    lastCheckAt: options.lastCheckAt ?? null,
    programmeProposal,
  };
}

