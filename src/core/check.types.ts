import { Grid } from './sheet/cell';
import { Signal } from './workbook/contract';
import { Day } from './values/dates';
import { Finding } from './sheet/findings';
import { Programme } from './workbook/model';
import { Cents } from './values/money';
import { ForecastChange, ForecastSnapshot } from './budget/history';
import { Proposal, YearFigures } from './budget/types';

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
