import { Character, ProgrammeSignal, Signal } from '../workbook/contract';
import { Cents } from '../values/money';

/** The figures of one budget line in one year (contract: "How the figures are computed"). */
export interface LineFigures {
  year: number;
  code: string;
  name: string;
  character: Character;
  /** Primitief: the `Raming` in `Begroting`. */
  primitiveCents: Cents;
  /** Wijzigingen: the decided `Begrotingswijzigingen` of this line-year. */
  changesCents: Cents;
  /** Raming = Primitief + Wijzigingen; every figure below uses it. */
  estimateCents: Cents;
  realisedCents: Cents;
  /** Open verplichtingen. */
  obligoCents: Cents;
  /** Besteed = Realisatie + Open verplichtingen. */
  spentCents: Cents;
  /** Gepland: the pipeline of open actions. */
  plannedCents: Cents;
  /** Prognose, by Karakter (see forecast.ts). */
  forecastCents: Cents;
  /** Saldo = Raming − Prognose. */
  balanceCents: Cents;
  /** Uitputting = Besteed / Raming; null when Raming is zero. */
  utilisation: number | null;
  /** Afgerekend: at least one commitment, and every commitment on it closed. */
  settled: boolean;
  signal: Signal;
}

export interface YearFigures {
  year: number;
  lines: LineFigures[];
  /** Totaal raming (after Wijzigingen). */
  totalEstimateCents: Cents;
  /** The year's own `Dekking` rows. */
  coverageCents: Cents;
  /** `Reserve uit JJJJ`: the previous year's surplus carried over; 0 when none. */
  reserveCents: Cents;
  /** The year the reserve comes from; null when there is none. */
  reserveFromYear: number | null;
  /** Totaal dekking = own Dekking + reserve. */
  totalCoverageCents: Cents;
  totalSpentCents: Cents;
  totalForecastCents: Cents;
  programmeSignal: ProgrammeSignal;
  /** How much the programme is short: max(raming − dekking, prognose − dekking, 0). */
  shortfallCents: Cents;
  /** Resultaat = Totaal dekking − Totaal prognose. */
  resultCents: Cents;
  /**
   * The resultaat summed from the period's first year, counting each year's own dekking once: a
   * reserve moves money between years of the period, it adds none. Null before the period.
   */
  cumulativeResultCents: Cents | null;
  /** True when the year ended before the Peildatum. */
  ended: boolean;
}

/**
 * One row of `Herprioritering`:
 * - `defer`: postpone an action to the next year of the period (or the next programme);
 * - `shift`: a Begrotingswijziging moving room from a healthy line to the line in overrun;
 * - `lower`: a Begrotingswijziging lowering a Flexibel raming to bring the programme's raming within dekking;
 * - `escalate`: what stays uncovered goes to `Besluitvorming`;
 * - `consult`: a circulaire changed the DU VO, so the contributing municipalities must be consulted;
 * - `covered`: a programme shortfall the line proposals above already cover (nothing more to do).
 */
export type ProposalKind = 'defer' | 'shift' | 'lower' | 'escalate' | 'consult' | 'covered';

/** What a deferral does to the line it moves to: that line-year's figures with the deferred cost added. */
export interface DeferralEffect {
  /** The year the cost moves to; null when it leaves the period (the next programme). */
  toYear: number | null;
  /** Null when the cost leaves the period, or the next year has no such line in `Begroting`. */
  forecastCents: Cents | null;
  balanceCents: Cents | null;
  signal: Signal | null;
}

export interface ProposalItem {
  year: number;
  /** The budget line in (threatening) overrun, `Totaal` for a programme shortfall, `Dekking` for a circulaire. */
  code: string;
  shortfallCents: Cents;
  kind: ProposalKind;
  /** `Uitstellen naar 2025`, `Begrotingswijziging van OMG naar CSG`, `Voorleggen aan …`. */
  proposal: string;
  actionId: string;
  actionTitle: string;
  priority: string;
  /** What the item frees, or the change it proposes. */
  freedCents: Cents;
  note: string;
  /** For `defer`: what it does to the year it moves to. */
  deferral?: DeferralEffect;
  /** For `defer`: the budget line the action is on (the proposal's `code` may be `Totaal`). */
  lineCode?: string;
  /** For a programme `defer`: by how much that line's raming can be lowered afterwards (0: not). */
  thenLowerCents?: Cents;
  /** For `shift` and `lower`: the line the money comes from. */
  sourceCode?: string;
}

export interface Proposal {
  year: number;
  code: string;
  shortfallCents: Cents;
  items: ProposalItem[];
  /** True when the items together cover the shortfall (always true for a circulaire note). */
  covered: boolean;
  /** What no deferral or room covers: goes to `Besluitvorming`. */
  uncoveredCents: Cents;
}
