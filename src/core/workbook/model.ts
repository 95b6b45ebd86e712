import { Day } from '../values/dates';
import { Cents } from '../values/money';
import { Character, Direction, LedgerKind, Priority, Status } from './contract';

/** Every parsed row remembers where it came from, so messages and row-selection can point at it. */
export interface Located {
  row: number;
}

export interface Settings {
  region: string;
  centre: string;
  startYear: number;
  endYear: number;
  /** `Peildatum`, or today when blank: the day every figure is "as of". */
  referenceDate: Day;
  /** `Drempel let op` as basis points: 9000 = 90%. */
  warnThresholdBasisPoints: number;
  /** `Drempel toelichting`: a berap deviation at or above it needs a written explanation. */
  explanationThresholdCents: Cents;
  /** `Drempel toelichting %` as basis points of the Raming: 1000 = 10%. */
  explanationThresholdBasisPoints: number;
  projectLeader: string;
  controller: string;
  /** `Besluitvorming`: who decides on budget changes; '' when blank. */
  decisionBody: string;
  /** `Besluitvorming verschuiving`: who decides a shift within the programme total or a deferral; '' = decisionBody. */
  shiftDecisionBody: string;
  /** `Besluitvorming programma`: who decides a change of the programme total or of the reserve; '' = decisionBody. */
  programmeDecisionBody: string;
  /** `Overschot naar reserve` = `Ja`: an ended year's surplus is proposed as a storting (never booked by itself). */
  surplusToReserve: boolean;
  /** `Bijdragende gemeenten`: consulted when a circulaire changes the DU VO amount. */
  contributors: string[];
  /** `Campagnes`: recurring campaigns and their months (1..12), announced at the meet-ups before them. */
  campaigns: Campaign[];
  /** `Nieuwsbrief`: the newsletter announcement of the agenda; '' for none. */
  newsletter: string;
  /** `Lokaal plan`: title of each municipality's local-plan action (matched case-insensitively); '' for none. */
  localPlanTitle: string;
  /** `Organisator`: owner names that organise the meet-up, so are never invited to it. */
  organisers: string[];
  /** `Overleg`: what the region calls its meet-up (`ambtelijke meet-up`); '' = `overleg`. */
  meetingName: string;
  /** `Programma`: what the region calls its approach (`regioaanpak`); '' = `programma`. */
  programmeName: string;
}

export interface Campaign {
  name: string;
  /** 1..12, in the order typed. */
  months: number[];
}

export interface Municipality extends Located {
  name: string;
  subregion: string;
  editors: string[];
  notes: string;
}

export interface ActionLine extends Located {
  code: string;
  name: string;
  effect: string;
}

export interface Action extends Located {
  id: string;
  lineCode: string;
  /** A municipality name, or `Regio`. */
  municipality: string;
  title: string;
  owner: string;
  theme: string;
  priority: Priority | null;
  deadline: Day | null;
  status: Status;
  budgetCode: string | null;
  plannedCents: Cents | null;
  note: string;
  updatedOn: Day | null;
  updatedBy: string;
  /** `Oorspronkelijke deadline`: the first Deadline the add-on saw; null when not (yet) filled. */
  originalDeadline: Day | null;
}

export interface BudgetLine extends Located {
  year: number;
  code: string;
  name: string;
  /** The primitieve raming: the `Raming` as originally adopted. Decided changes come on top. */
  estimateCents: Cents;
  character: Character;
  note: string;
}

/** A decided change of one line-year's raming (`Begrotingswijzigingen`). */
export interface BudgetChange extends Located {
  date: Day | null;
  year: number;
  code: string;
  amountCents: Cents;
  decision: string;
  note: string;
}

export interface CoverageEntry extends Located {
  year: number;
  source: string;
  amountCents: Cents;
  note: string;
  /** When the amount became known (a circulaire's publication); null = from the start of the year. */
  date: Day | null;
  /** `Bron` starts with `Onttrekking reserve`: a decided draw, counted only up to the reserve's balance. */
  reserveDraw: boolean;
}

/** A year whose accounts were adopted (`Jaarafsluiting`). */
export interface YearClosing extends Located {
  year: number;
  adoptedOn: Day;
  decision: string;
  /** `Naar reserve`: the part of the year's result put into the reserve; 0 when blank. */
  toReserveCents: Cents;
  note: string;
}

export interface LedgerEntry extends Located {
  id: string;
  date: Day | null;
  year: number;
  code: string;
  actionId: string | null;
  kind: LedgerKind;
  amountCents: Cents;
  commitmentId: string | null;
  closed: boolean;
  description: string;
}

export interface Meetup extends Located {
  date: Day;
  theme: string;
  partners: string[];
  goodExamples: string;
  notes: string;
  /** Optional columns (`Tijd`, `Locatie`, `Voorzitter`, `Notulist`); '' when absent. */
  time: string;
  place: string;
  chair: string;
  minuteTaker: string;
}

export interface Indicator extends Located {
  indicator: string;
  municipality: string;
  theme: string;
  year: number;
  value: number;
  /** `Gewenste richting`; null when the sheet does not say. */
  direction: Direction | null;
}

/** The workbook as the domain sees it: only rows that could be read and point somewhere. */
export interface Programme {
  settings: Settings;
  municipalities: Municipality[];
  actionLines: ActionLine[];
  actions: Action[];
  budgetLines: BudgetLine[];
  budgetChanges: BudgetChange[];
  coverage: CoverageEntry[];
  ledger: LedgerEntry[];
  meetups: Meetup[];
  indicators: Indicator[];
  /** Jaarafsluiting rows, adopted on or before the Peildatum: the years that are vastgesteld. */
  yearClosings: YearClosing[];
  /** `Actielijst`: what was agreed at the meet-ups; absent or empty when the workbook has no such tab. */
  actionList?: ActionListEntry[];
}

/** One row of `Actielijst`. */
export interface ActionListEntry extends Located {
  nr: string;
  agreement: string;
  who: string;
  deadline: Day | null;
  open: boolean;
  /** The meet-up it was agreed at; null when blank. */
  meetup: Day | null;
}
