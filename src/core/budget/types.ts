import { Character, Phase, ProgrammeSignal, Signal } from '../workbook/contract';
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
  /** Gepland: the pipeline of open actions (in an ended year shown, but no longer in the Prognose). */
  plannedCents: Cents;
  /** Niet belegd: Raming − Besteed − Gepland, at least 0, on a Flexibel line; null on others. */
  unallocatedCents: Cents | null;
  /** Prognose, by phase and Karakter (see forecast.ts). */
  forecastCents: Cents;
  /** Saldo = Raming − Prognose. */
  balanceCents: Cents;
  /** Uitputting = Besteed / Raming; null when Raming is zero. */
  utilisation: number | null;
  /** Afgerekend: at least one commitment, and every commitment on it closed. */
  settled: boolean;
  signal: Signal;
  phase: Phase;
}

export interface YearFigures {
  year: number;
  phase: Phase;
  lines: LineFigures[];
  /** Totaal raming (after Wijzigingen). */
  totalEstimateCents: Cents;
  /** The year's own `Dekking` rows, draws on the reserve excluded. */
  coverageCents: Cents;
  /** What the year's decided draws on the reserve add to its dekking: at most the reserve's balance at the start of the year. */
  reserveDrawCents: Cents;
  /** Totaal dekking = own Dekking + counted draws on the reserve. */
  totalCoverageCents: Cents;
  totalSpentCents: Cents;
  totalForecastCents: Cents;
  programmeSignal: ProgrammeSignal;
  /** How much the programme is short: max(raming − dekking, prognose − dekking, 0). */
  shortfallCents: Cents;
  /** Resultaat = Totaal dekking − Totaal prognose. A surplus lapses unless a decision puts it into the reserve. */
  resultCents: Cents;
}

/** One year of `Reserveverloop`. */
export interface ReserveYear {
  year: number;
  openingCents: Cents;
  /** `Jaarafsluiting › Naar reserve` of this (vastgesteld) year: part of its result, booked in its own row. */
  depositCents: Cents;
  /** Draws counted (the `Dekking` rows `Onttrekking reserve` of this year, up to the opening balance). */
  withdrawalCents: Cents;
  closingCents: Cents;
  /** Who decided the storting and the draws. */
  decisions: string[];
}

/** Actions planned after `Eindjaar`, per budget line: the `Na JJJJ` rows (moved to the next programme). */
export interface AfterPeriodLine {
  code: string;
  name: string;
  character: Character;
  plannedCents: Cents;
  actionIds: string[];
}

/**
 * One row of `Herprioritering`:
 * - `defer`: postpone an action to the next year of the period (or the next programme);
 * - `shift`: a Begrotingswijziging moving room from a healthy line to the line in overrun;
 * - `lower`: a Begrotingswijziging lowering a Flexibel raming to bring the programme's raming within dekking;
 * - `escalate`: what stays uncovered goes to `Besluitvorming`;
 * - `consult`: a circulaire changed the DU VO, so the contributing municipalities must be consulted;
 * - `covered`: a programme shortfall the line proposals above already cover (nothing more to do);
 * - `reserve`: put an ended year's surplus into the reserve (`Overschot naar reserve` = `Ja`).
 */
export type ProposalKind = 'defer' | 'shift' | 'lower' | 'escalate' | 'consult' | 'covered' | 'reserve';

/** What a deferral does to the line it moves to: that line-year's figures with the deferred cost added. */
export interface DeferralEffect {
  /** The year the cost moves to; null when it leaves the period (the next programme). */
  toYear: number | null;
  /** Null when the cost leaves the period, or the next year has no such line in `Begroting`. */
  forecastCents: Cents | null;
  balanceCents: Cents | null;
  signal: Signal | null;
  /** This deferral pushes that year's line into (threatening) overrun or its programme into `Tekort`. */
  shiftsShortfall: boolean;
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
  /**
   * Who decides this step: a deferral or a shift within the year's total `Besluitvorming
   * verschuiving`; lowering the total, the reserve and what stays uncovered `Besluitvorming
   * programma`; '' for a consultation or a note.
   */
  decidedBy: string;
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
  /**
   * True when the items together cover the shortfall (always true for a circulaire note), and every
   * shortfall that its deferrals create in later years is covered too.
   */
  covered: boolean;
  /** What no deferral or room covers in this year: goes to `Besluitvorming programma`. */
  uncoveredCents: Cents;
  /** The later year whose proposal leaves uncovered what this year's deferrals moved there; null when none. */
  uncoveredLaterYear: number | null;
}
