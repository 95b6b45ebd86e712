import { actionSignalRows, actionSignals } from './actionSignals';
import { computeYears } from './budget/figures';
import { baselineSnapshot, forecastChanges, readHistory, snapshotRows, upsertHistory } from './budget/history';
import { buildLedger } from './budget/ledger';
import { proposeReprioritisation } from './budget/proposal/index';
import { budgetRows, reprioritisationRows } from './budget/report';
import { Proposal, YearFigures } from './budget/types';
import { Grid } from './sheet/cell';
import { CheckResult, CheckSummary, CheckSummaryLine } from './check.types';
import { checkRows } from './sheet/controles';
import { TAB } from './workbook/contract';
import { formatEuro } from './values/money';
import { Finding, SkippedTab } from './sheet/findings';
import { Settings } from './workbook/model';
import { ParseContext, WorkbookSnapshot } from './workbook/rowReader';
import { parseWorkbook } from './workbook/parse';
import { joinDutch } from './values/text';

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


/** The budget check: read the user tabs, compute the figures, propose, and render the generated tabs. */
export function runCheck(snapshot: WorkbookSnapshot, context: ParseContext, history: Grid | null = null, changesSince: string | null = null): CheckResult {
  const { programme, findings, skippedTabs } = parseWorkbook(snapshot, context);
  const { settings } = programme;
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
