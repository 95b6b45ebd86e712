import { actionSignalRows, actionSignals } from './actionSignals';
import { computeYears } from './budget';
import { CheckResult, CheckSummary, CheckSummaryLine, Proposal, YearFigures } from './check.types';
import { Finding } from './finding';
import { buildLedger } from './ledger';
import { Settings } from './model';
import { ParseContext, WorkbookSnapshot, parseWorkbook } from './parse';
import { proposeReprioritisation } from './proposal';
import { budgetRows, checkRows, reprioritisationRows } from './report';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `2023`, `2023 en 2024`, `2023, 2024 en 2025`. */
function dutchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

export function summarise(settings: Settings, years: readonly YearFigures[], proposals: Proposal[], findings: readonly Finding[]): CheckSummary {
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
  let message = [
    count(overruns, 'overschrijding', 'overschrijdingen'),
    `${threatening} dreigend`,
    count(findings.length, 'controle', 'controles'),
  ].join(', ');
  if (programmeShortfalls.length) message += `; tekort in ${dutchList(programmeShortfalls.map((s) => String(s.year)))}`;
  return {
    region: settings.region,
    referenceDate: settings.referenceDate,
    overruns,
    threatening,
    warnings,
    checks: findings.length,
    programmeShortfalls,
    signals,
    proposals,
    message,
  };
}

/** The budget check: read the user tabs, compute the figures, propose, and render the generated tabs. */
export function runCheck(snapshot: WorkbookSnapshot, context: ParseContext): CheckResult {
  const { programme, findings } = parseWorkbook(snapshot, context);
  const ledger = buildLedger(programme.ledger);
  const years = computeYears(programme, ledger);
  const proposals = proposeReprioritisation(years, programme, ledger);
  return {
    programme,
    years,
    proposals,
    findings,
    summary: summarise(programme.settings, years, proposals, findings),
    outputs: {
      Budgetcontrole: budgetRows(years, programme.settings.warnThresholdBasisPoints),
      Herprioritering: reprioritisationRows(proposals),
      Controles: checkRows(findings),
      Actiesignalen: actionSignalRows(actionSignals(programme, ledger), context.timeZone),
    },
  };
}
