import { actionSignalRows, actionSignals } from './actions/signals';
import { BerapTab, missingExplanationFindings } from './budget/berap/missing';
import { computeFigures } from './budget/figures';
import { ForecastChange, ForecastSnapshot, baselineSnapshot, forecastChanges, readHistory, snapshotRows, upsertHistory } from './budget/history';
import { buildLedger } from './budget/ledger';
import { proposeReprioritisation } from './budget/proposal';
import { BudgetNotice } from './budget/notices';
import { hasEnded } from './budget/phase';
import { budgetRows, reprioritisationRows, reserveRows } from './budget/report';
import { AfterPeriodLine, Proposal, ReserveYear, YearFigures } from './budget/types';
import { deferralCounts } from './logbook/deferrals';
import { LogbookInput, logbookFindings } from './logbook/findings';
import { columnLetter } from './sheet/a1';
import { headerIndex } from './sheet/headers';
import { Grid } from './sheet/cell';
import { checkRows } from './sheet/controles';
import { Finding, SkippedTab, isWarning } from './sheet/findings';
import { Day, yearOf } from './values/dates';
import { Cents, formatEuroRounded } from './values/money';
import { joinDutch } from './values/text';
import { GENERATED_TABS, Phase, Signal, TAB, TabName } from './workbook/contract';
import { Programme, Settings } from './workbook/model';
import { parseWorkbook } from './workbook/parse';
import { ParseContext, WorkbookSnapshot } from './workbook/rowReader';

/**
 * The check: the user tabs are parsed, the figures computed, reprioritisation proposed, and the
 * generated tabs rendered, in one pass; its result and summary are what `runBudgetCheck()`, the
 * dashboard, the agenda and the CLI show.
 */

/** The budget model's figures are defined in core/budget/; the check's callers find them here too. */
export type { AfterPeriodLine, DeferralEffect, LineFigures, Proposal, ProposalItem, ProposalKind, ReserveYear, YearFigures } from './budget/types';

/** The tabs the check rewrites whole. */
export type GeneratedTab = (typeof GENERATED_TABS)[number];

export interface CheckSummaryLine {
  year: number;
  code: string;
  name: string;
  signal: Signal;
  estimateCents: Cents;
  spentCents: Cents;
  forecastCents: Cents;
  balanceCents: Cents;
}

/** The programme's result per year, as `Budgetcontrole`'s Resultaat rows show it. */
export interface CheckSummaryResult {
  year: number;
  phase: Phase;
  estimateCents: Cents;
  coverageCents: Cents;
  /** The part of `coverageCents` drawn from the reserve. */
  reserveDrawCents: Cents;
  forecastCents: Cents;
  resultCents: Cents;
  shortfallCents: Cents;
}

/** What `runBudgetCheck()` returns: JSON only (no Dates, no Maps). */
export interface CheckSummary {
  region: string;
  referenceDate: Day;
  /** The year every summary leads with: the Peildatum's, or the nearest year of Begroting. */
  focusYear: number | null;
  overruns: number;
  threatening: number;
  warnings: number;
  /** Lines in Controles: errors and warnings together. */
  checks: number;
  /** Of `checks`, the rows that count but are worth a look (Gevolg `wel meegeteld`). */
  checkWarnings: number;
  /** Dated rows left out because they lie after the Peildatum. */
  rowsAfterReferenceDate: number;
  /** Tabs left out of the figures because a required column is missing: said first in `message`. */
  skippedTabs: string[];
  programmeShortfalls: { year: number; shortfallCents: Cents }[];
  /** Resultaat per year; there is no sum over the period (a surplus lapses unless decided otherwise). */
  results: CheckSummaryResult[];
  /** Every line-year that is not `OK`. */
  signals: CheckSummaryLine[];
  proposals: Proposal[];
  /** "2024 (lopend): tekort € 150.000; 1 overschrijding, 1 dreigend; resultaat -€ 141.713; …" */
  message: string;
}

export interface CheckResult {
  /** The parsed workbook the figures came from, so callers need not parse it again. */
  programme: Programme;
  years: YearFigures[];
  /** `Reserveverloop` per year. */
  reserve: ReserveYear[];
  /** Actions planned after `Eindjaar`, per line (`Na JJJJ`): moved to the next programme. */
  afterPeriod: AfterPeriodLine[];
  proposals: Proposal[];
  findings: Finding[];
  /** Every readable `Prognoseverloop` snapshot, this check's included. */
  history: ForecastSnapshot[];
  /** How each line's Prognose moved since the snapshot before this Peildatum (or before `since`). */
  changes: ForecastChange[];
  summary: CheckSummary;
  /** Rows (without header) for each generated tab. */
  outputs: Record<GeneratedTab, Grid>;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What one row of a tab is, for "geen enkele mutatie is meegeteld". */
const ROW_NOUN: Partial<Record<string, string>> = {
  [TAB.ledger]: 'mutatie', [TAB.actions]: 'actie', [TAB.budget]: 'begrotingsregel', [TAB.budgetChanges]: 'begrotingswijziging',
  [TAB.coverage]: 'dekkingsregel', [TAB.meetups]: 'meet-up', [TAB.indicators]: 'indicator', [TAB.municipalities]: 'gemeente',
  [TAB.actionLines]: 'actielijn', [TAB.settings]: 'instelling', [TAB.yearClosing]: 'jaarafsluiting',
};

/** `Mutaties mist de kolom Soort: geen enkele mutatie is meegeteld`, said before any count. */
export function skippedTabMessage(skipped: SkippedTab): string {
  const columns = skipped.columns.length === 1 ? `de kolom ${skipped.columns[0]}` : `de kolommen ${joinDutch(skipped.columns)}`;
  const noun = ROW_NOUN[skipped.tab];
  return `${skipped.tab} mist ${columns}: ${noun ? `geen enkele ${noun}` : `geen enkele rij van ${skipped.tab}`} is meegeteld`;
}

/** The Peildatum's year when Begroting has it, else the nearest year it has. */
export function focusYearOf(years: readonly Pick<YearFigures, 'year'>[], referenceDate: Day): number | null {
  if (years.length === 0) return null;
  const target = yearOf(referenceDate);
  return years.reduce((best, y) => (Math.abs(y.year - target) < Math.abs(best - target) ? y.year : best), years[0].year);
}

/** Whole euros, `-€ 150.000` for a deficit: what a summary line reads like. */
function euros(cents: Cents): string {
  const whole = Math.round(cents / 100);
  return `${whole < 0 ? '-' : ''}${formatEuroRounded(Math.abs(whole) * 100)}`;
}

/** The year's headline: its phase, shortfall, signals and result, in that order. */
function yearHeadline(y: YearFigures): string {
  const lines = y.lines;
  const parts: string[] = [];
  if (y.programmeSignal === 'Tekort') parts.push(`tekort ${euros(y.shortfallCents)}`);
  const overruns = lines.filter((l) => l.signal === 'Overschrijding').length;
  const threatening = lines.filter((l) => l.signal === 'Dreigende overschrijding').length;
  parts.push(`${count(overruns, 'overschrijding', 'overschrijdingen')}, ${threatening} dreigend`);
  parts.push(`resultaat ${euros(y.resultCents)}`);
  return `${y.year} (${y.phase}): ${parts.join('; ')}`;
}

export function summarise(
  settings: Settings, years: readonly YearFigures[], proposals: Proposal[], findings: readonly Finding[], skipped: readonly SkippedTab[] = [], rowsAfterReferenceDate = 0,
): CheckSummary {
  const lines = years.flatMap((y) => y.lines);
  const overruns = lines.filter((l) => l.signal === 'Overschrijding').length;
  const threatening = lines.filter((l) => l.signal === 'Dreigende overschrijding').length;
  const warnings = lines.filter((l) => l.signal === 'Let op').length;
  const programmeShortfalls = years.filter((y) => y.programmeSignal === 'Tekort').map((y) => ({ year: y.year, shortfallCents: y.shortfallCents }));
  const signals: CheckSummaryLine[] = lines
    .filter((l) => l.signal !== 'OK')
    .map((l) => ({
      year: l.year, code: l.code, name: l.name, signal: l.signal,
      estimateCents: l.estimateCents, spentCents: l.spentCents, forecastCents: l.forecastCents, balanceCents: l.balanceCents,
    }));
  const results: CheckSummaryResult[] = years.map((y) => ({
    year: y.year, phase: y.phase, estimateCents: y.totalEstimateCents, coverageCents: y.totalCoverageCents, reserveDrawCents: y.reserveDrawCents,
    forecastCents: y.totalForecastCents, resultCents: y.resultCents, shortfallCents: y.shortfallCents,
  }));
  const focusYear = focusYearOf(years, settings.referenceDate);
  const focus = years.find((y) => y.year === focusYear);
  const checkWarnings = findings.filter(isWarning).length;
  const parts = skipped.map(skippedTabMessage);
  if (focus) parts.push(yearHeadline(focus));
  const otherShortfalls = programmeShortfalls.filter((s) => s.year !== focusYear && !hasEnded(years.find((y) => y.year === s.year)!.phase));
  if (otherShortfalls.length) parts.push(`ook tekort in ${joinDutch(otherShortfalls.map((s) => String(s.year)))}`);
  const otherOverruns = overruns - (focus ? focus.lines.filter((l) => l.signal === 'Overschrijding').length : 0);
  if (otherOverruns > 0) parts.push(`${count(otherOverruns, 'overschrijding', 'overschrijdingen')} in andere jaren`);
  parts.push(`${findings.length === 0 ? 'geen meldingen' : count(findings.length, 'melding', 'meldingen')} in Controles${checkWarnings ? ` (waarvan ${count(checkWarnings, 'waarschuwing', 'waarschuwingen')})` : ''}`);
  if (rowsAfterReferenceDate > 0) parts.push(`${count(rowsAfterReferenceDate, 'rij', 'rijen')} na de peildatum niet meegeteld`);
  return {
    region: settings.region,
    referenceDate: settings.referenceDate,
    focusYear,
    overruns,
    threatening,
    warnings,
    checks: findings.length,
    checkWarnings,
    rowsAfterReferenceDate,
    skippedTabs: skipped.map((s) => s.tab),
    programmeShortfalls,
    results,
    signals,
    proposals,
    message: parts.join('; '),
  };
}


/**
 * `Logboek` as read, with who judges it (core/logbook/verify.ts); or, where whoever runs the check
 * cannot read the project leader's key, the Logboek findings of the project leader's last check.
 */
export type LogbookRead = LogbookInput | { review: Finding[]; grid: Grid | null };

/** A budget notice as a `Controles` line: its column named as the user sees it, `Deadline (H)`. */
function noticeFinding(n: BudgetNotice, snapshot: WorkbookSnapshot): Finding {
  const index = headerIndex(snapshot[n.tab as TabName]?.[0] ?? [], n.header);
  return { tab: n.tab, row: n.row, column: index < 0 ? n.header : `${n.header} (${columnLetter(index)})`, value: n.value, problem: n.problem, severity: n.severity };
}

/**
 * The budget check: read the user tabs, compute the figures, propose, and render the generated tabs.
 * With `logbook`, its chain and the edits kept outside the rights are findings like any other, and
 * the proposal can say how often an action was deferred.
 */
export function runCheck(
  snapshot: WorkbookSnapshot, context: ParseContext, history: Grid | null = null, changesSince: string | null = null, logbook: LogbookRead | null = null,
  beraps: readonly BerapTab[] = [],
): CheckResult {
  const parsed = parseWorkbook(snapshot, context);
  const { programme, skippedTabs } = parsed;
  const { settings } = programme;
  const ledger = buildLedger(programme.ledger);
  const figures = computeFigures(programme, ledger);
  const { years } = figures;
  // Every finding, the budget model's warnings and the Logboek's included, before anything is
  // counted: the summary and Controles are made once, from the same list.
  const findings = [
    ...parsed.findings,
    ...figures.notices.map((n) => noticeFinding(n, snapshot)),
    ...(logbook ? ('review' in logbook ? logbook.review : logbookFindings(logbook, settings.projectLeader, (tab) => snapshot[tab as TabName]?.[0] ?? null)) : []),
    // Each berap's required explanations still missing: listed by every check after the berap was made.
    ...missingExplanationFindings(beraps),
  ];
  const deferredTimes = deferralCounts(logbook?.grid ?? null, snapshot[TAB.actions]?.[0] ?? null, programme.actions, context.timeZone);
  const proposals = proposeReprioritisation(years, programme, ledger, { deferredTimes });
  const historyGrid = upsertHistory(history, snapshotRows(years, settings.referenceDate, context.timeZone), settings.referenceDate, context.timeZone);
  const snapshots = readHistory(historyGrid, context.timeZone);
  return {
    programme,
    years,
    reserve: figures.reserve,
    afterPeriod: figures.afterPeriod,
    proposals,
    findings,
    history: snapshots,
    changes: forecastChanges(years, baselineSnapshot(snapshots, settings.referenceDate, changesSince)),
    summary: summarise(settings, years, proposals, findings, skippedTabs, parsed.rowsAfterReferenceDate),
    outputs: {
      Budgetcontrole: budgetRows(years, figures.afterPeriod, settings.endYear),
      Reserveverloop: reserveRows(figures.reserve),
      Prognoseverloop: historyGrid,
      Herprioritering: reprioritisationRows(proposals),
      Controles: checkRows(findings),
      Actiesignalen: actionSignalRows(actionSignals(programme, ledger), context.timeZone),
    },
  };
}
