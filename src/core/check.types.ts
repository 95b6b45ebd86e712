import { Grid } from './cell';
import { ProgrammeSignal, Signal } from './contract';
import { Day } from './dates';
import { Finding } from './finding';
import { Programme } from './model';
import { Cents } from './money';

/** The figures of one budget line in one year (contract: "How the figures are computed"). */
export interface LineFigures {
  year: number;
  code: string;
  name: string;
  statutory: boolean;
  estimateCents: Cents;
  realisedCents: Cents;
  /** Open verplichtingen. */
  obligoCents: Cents;
  /** Besteed = Realisatie + Open verplichtingen. */
  spentCents: Cents;
  /** Gepland: the pipeline of open actions. */
  plannedCents: Cents;
  /** Prognose = Besteed + Gepland. */
  forecastCents: Cents;
  /** Saldo = Raming − Prognose. */
  balanceCents: Cents;
  /** Uitputting = Besteed / Raming; null when Raming is zero. */
  utilisation: number | null;
  signal: Signal;
}

export interface YearFigures {
  year: number;
  lines: LineFigures[];
  totalEstimateCents: Cents;
  totalCoverageCents: Cents;
  totalSpentCents: Cents;
  totalForecastCents: Cents;
  programmeSignal: ProgrammeSignal;
  /** How much the programme is short: max(raming − dekking, prognose − dekking, 0). */
  shortfallCents: Cents;
}

export type ProposalKind = 'defer' | 'shift' | 'escalate';

/** One row of `Herprioritering`. */
export interface ProposalItem {
  year: number;
  /** The budget line in (threatening) overrun, or `Totaal` for a programme shortfall. */
  code: string;
  shortfallCents: Cents;
  kind: ProposalKind;
  /** `Uitstellen`, `Verschuiven van <code>`, `Besluit bestuurlijke werkgroep`. */
  proposal: string;
  actionId: string;
  actionTitle: string;
  priority: string;
  freedCents: Cents;
  note: string;
}

export interface Proposal {
  year: number;
  code: string;
  shortfallCents: Cents;
  items: ProposalItem[];
  /** True when deferrals and shifts together cover the shortfall. */
  covered: boolean;
}

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

/** What `runBudgetCheck()` returns: JSON only (no Dates, no Maps). */
export interface CheckSummary {
  region: string;
  referenceDate: Day;
  overruns: number;
  threatening: number;
  warnings: number;
  checks: number;
  programmeShortfalls: { year: number; shortfallCents: Cents }[];
  /** Every line-year that is not `OK`. */
  signals: CheckSummaryLine[];
  proposals: Proposal[];
  /** "2 overschrijdingen, 1 dreigend, 3 controles" */
  message: string;
}

export interface CheckResult {
  /** The parsed workbook the figures came from, so callers need not parse it again. */
  programme: Programme;
  years: YearFigures[];
  proposals: Proposal[];
  findings: Finding[];
  summary: CheckSummary;
  /** Rows (without header) for each generated tab. */
  outputs: { Budgetcontrole: Grid; Herprioritering: Grid; Controles: Grid; Actiesignalen: Grid };
}
