import { Day } from '../../values/dates';
import { Cents } from '../../values/money';
import { Phase } from '../../workbook/contract';

/** Which row of the berap: a budget line, or one of the three programme rows below them. */
export type BerapRowKind = 'line' | 'total' | 'coverage' | 'result';

/** `V` voordeel (Afwijking > 0), `N` nadeel (< 0), '' when there is no deviation. */
export type Sign = 'V' | 'N' | '';

/** One row of `Berap JJJJ-MM-DD` (contract: The berap). A null figure is a blank cell. */
export interface BerapRow {
  kind: BerapRowKind;
  code: string;
  name: string;
  character: string;
  primitiveCents: Cents | null;
  changesCents: Cents | null;
  estimateCents: Cents | null;
  realisedCents: Cents | null;
  obligoCents: Cents | null;
  forecastCents: Cents | null;
  /** Afwijking = Raming − Prognose (on the Resultaat row: its effect on the result, the same figure). */
  deviationCents: Cents | null;
  /** Afwijking % = Afwijking / Raming as a fraction; null when the Raming is 0. */
  deviationShare: number | null;
  sign: Sign;
  /** The same line-year's Prognose at the latest earlier Peildatum in `Prognoseverloop`. */
  previousForecastCents: Cents | null;
  /** Mutatie = Prognose − Vorige prognose. */
  mutationCents: Cents | null;
  /** `Toelichting verplicht`: null on the programme rows, where the contract sets no rule. */
  explanationRequired: boolean | null;
  /** The controller's text, carried over by Code from the tab as it was. */
  explanation: string;
  /** The line's steps from `Herprioritering`, with who decides. */
  proposal: string;
}

/** A text the controller typed for a Code that is no longer a row of this berap: kept, shown below. */
export interface OrphanedExplanation {
  code: string;
  explanation: string;
}

export interface Berap {
  title: string;
  region: string;
  /** What the region calls its approach (`Instellingen › Programma`). */
  programmeName: string;
  referenceDate: Day;
  year: number;
  phase: Phase;
  /** The Peildatum `Vorige prognose` comes from; null when `Prognoseverloop` has none before it. */
  previousDate: Day | null;
  /** `FICTIEF: …` when the workbook holds demo data; '' otherwise. */
  banner: string;
  thresholdCents: Cents;
  thresholdBasisPoints: number;
  rows: BerapRow[];
  orphans: OrphanedExplanation[];
}
