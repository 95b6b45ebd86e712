import { actionSignalRows, actionSignals } from './actions/signals';
import { computeYears } from './budget/figures';
import { ForecastChange, ForecastSnapshot, baselineSnapshot, forecastChanges, readHistory, snapshotRows, upsertHistory } from './budget/history';
import { buildLedger } from './budget/ledger';
import { proposeReprioritisation } from './budget/proposal';
import { budgetRows, reprioritisationRows } from './budget/report';
import { Proposal, YearFigures } from './budget/types';
import { LogbookInput, logbookFindings } from './logbook/findings';
import { Grid } from './sheet/cell';
import { checkRows } from './sheet/controles';
import { Finding, SkippedTab } from './sheet/findings';
import { Day } from './values/dates';
import { Cents, formatEuro } from './values/money';
import { joinDutch } from './values/text';
import { Signal, TAB, TabName } from './workbook/contract';
import { Programme, Settings } from './workbook/model';
import { parseWorkbook } from './workbook/parse';
import { ParseContext, WorkbookSnapshot } from './workbook/rowReader';

/**
 * The check: the user tabs are parsed, the figures computed, reprioritisation proposed, and the
 * generated tabs rendered, in one pass; its result and summary are what `runBudgetCheck()`, the
 * dashboard, the agenda and the CLI show.
 */

/** The budget model's figures are defined in core/budget/; the check's callers find them here too. */
export type { DeferralEffect, LineFigures, Proposal, ProposalItem, ProposalKind, YearFigures } from './budget/types';

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
  coverageCents: Cents;
  reserveCents: Cents;
  forecastCents: Cents;
  resultCents: Cents;
  cumulativeResultCents: Cents | null;
}

/** What `runBudgetCheck()` returns: JSON only (no Dates, no Maps). */
export interface CheckSummary {
  region: string;
  referenceDate: Day;
  overruns: number;
  threatening: number;
  warnings: number;
  checks: number;
  /** Tabs left out of the figures because a required column is missing: said first in `message`. */
  skippedTabs: string[];
  programmeShortfalls: { year: number; shortfallCents: Cents }[];
  /** Resultaat per year and cumulatively over the period. */
  results: CheckSummaryResult[];
  /** The cumulative resultaat of the period's last year with figures; null without years. */
  periodResultCents: Cents | null;
  /** Every line-year that is not `OK`. */
  signals: CheckSummaryLine[];
  proposals: Proposal[];
  /** "2 overschrijdingen, 1 dreigend, 3 controles; tekort in 2024; resultaat 2021-2025 € …" */
  message: string;
}

export interface CheckResult {
  /** The parsed workbook the figures came from, so callers need not parse it again. */
  programme: Programme;
  years: YearFigures[];
  proposals: Proposal[];
  findings: Finding[];
  /** Every readable `Prognoseverloop` snapshot, this check's included. */
  history: ForecastSnapshot[];
  /** How each line's Prognose moved since the snapshot before this Peildatum (or before `since`). */
  changes: ForecastChange[];
  summary: CheckSummary;
  /** Rows (without header) for each generated tab. */
  outputs: { Budgetcontrole: Grid; Prognoseverloop: Grid; Herprioritering: Grid; Controles: Grid; Actiesignalen: Grid };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What one row of a tab is, for "geen enkele mutatie is meegeteld". */
const ROW_NOUN: Partial<Record<string, string>> = {
  [TAB.ledger]: 'mutatie', [TAB.actions]: 'actie', [TAB.budget]: 'begrotingsregel', [TAB.budgetChanges]: 'begrotingswijziging',
  [TAB.coverage]: 'dekkingsregel', [TAB.meetups]: 'meet-up', [TAB.indicators]: 'indicator', [TAB.municipalities]: 'gemeente',
  [TAB.actionLines]: 'actielijn', [TAB.settings]: 'instelling',
};

/** `Mutaties mist de kolom Soort: geen enkele mutatie is meegeteld`, said before any count. */
export function skippedTabMessage(skipped: SkippedTab): string {
  const columns = skipped.columns.length === 1 ? `de kolom ${skipped.columns[0]}` : `de kolommen ${joinDutch(skipped.columns)}`;
  const noun = ROW_NOUN[skipped.tab];
  return `${skipped.tab} mist ${columns}: ${noun ? `geen enkele ${noun}` : `geen enkele rij van ${skipped.tab}`} is meegeteld`;
}

export function summarise(settings: Settings, years: readonly YearFigures[], proposals: Proposal[], findings: readonly Finding[], skipped: readonly SkippedTab[] = []): CheckSummary {
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
  const results = years.map((y) => ({
    year: y.year, coverageCents: y.totalCoverageCents, reserveCents: y.reserveCents, forecastCents: y.totalForecastCents,
    resultCents: y.resultCents, cumulativeResultCents: y.cumulativeResultCents,
  }));
  const inPeriod = years.filter((y) => y.cumulativeResultCents !== null);
  const last = inPeriod[inPeriod.length - 1];
  const periodResultCents = last ? last.cumulativeResultCents : null;
  const parts = skipped.map(skippedTabMessage);
  parts.push([
    count(overruns, 'overschrijding', 'overschrijdingen'),
    `${threatening} dreigend`,
    count(findings.length, 'controle', 'controles'),
  ].join(', '));
  let message = parts.join('; ');
  if (programmeShortfalls.length) message += `; tekort in ${joinDutch(programmeShortfalls.map((s) => String(s.year)))}`;
  if (last && periodResultCents !== null) {
    const period = inPeriod[0].year === last.year ? `${last.year}` : `${inPeriod[0].year}-${last.year}`;
    message += `; resultaat ${period} ${formatEuro(periodResultCents)}`;
  }
  return {
    region: settings.region,
    referenceDate: settings.referenceDate,
    overruns,
    threatening,
    warnings,
    checks: findings.length,
    skippedTabs: skipped.map((s) => s.tab),
    programmeShortfalls,
    results,
    periodResultCents,
    signals,
    proposals,
    message,
  };
}


/**
 * `Logboek` as read, with who judges it (core/logbook/verify.ts); or, where whoever runs the check
 * cannot read the project leader's key, the Logboek findings of the project leader's last check.
 */
export type LogbookRead = LogbookInput | { review: Finding[] };

/**
 * The budget check: read the user tabs, compute the figures, propose, and render the generated tabs.
 * With `logbook`, its chain and the edits kept outside the rights are findings like any other.
 */
export function runCheck(
  snapshot: WorkbookSnapshot, context: ParseContext, history: Grid | null = null, changesSince: string | null = null, logbook: LogbookRead | null = null,
): CheckResult {
  const parsed = parseWorkbook(snapshot, context);
  const { programme, skippedTabs } = parsed;
  const { settings } = programme;
  // Every finding, the Logboek's included, before anything is counted: the summary and Controles
  // are made once, from the same list.
  const findings = logbook
    ? [...parsed.findings, ...('review' in logbook ? logbook.review : logbookFindings(logbook, settings.projectLeader, (tab) => snapshot[tab as TabName]?.[0] ?? null))]
    : parsed.findings;
  const ledger = buildLedger(programme.ledger);
  const years = computeYears(programme, ledger);
  const proposals = proposeReprioritisation(years, programme, ledger);
  const historyGrid = upsertHistory(history, snapshotRows(years, settings.referenceDate, context.timeZone), settings.referenceDate, context.timeZone);
  const snapshots = readHistory(historyGrid, context.timeZone);
  return {
    programme,
    years,
    proposals,
    findings,
    history: snapshots,
    changes: forecastChanges(years, baselineSnapshot(snapshots, settings.referenceDate, changesSince)),
    summary: summarise(settings, years, proposals, findings, skippedTabs),
    outputs: {
      Budgetcontrole: budgetRows(years, settings.startYear, settings.warnThresholdBasisPoints),
      Prognoseverloop: historyGrid,
      Herprioritering: reprioritisationRows(proposals),
      Controles: checkRows(findings),
      Actiesignalen: actionSignalRows(actionSignals(programme, ledger), context.timeZone),
    },
  };
}
