import { Day } from '../values/dates';
import { Cents } from '../values/money';

/** What an agenda item asks of the meeting (contract: the header names each item's purpose). */
export type Purpose = 'ter vaststelling' | 'ter informatie' | 'ter bespreking' | 'ter advisering';

/** A numbered line of an appendix (`A.3`): a line a meeting secretary can refer to. */
export interface AgendaItem {
  number: string;
  text: string;
  /** '' when the item has no owner. */
  owner: string;
  amountCents: Cents | null;
  /** What the amount is (`tekort`), shown before it in prose renderings. */
  amountLabel: string;
  date: Day | null;
  /** What the date is (`deadline`, `afgerond op`). */
  dateLabel: string;
  /** Sub-lines: the steps of an advice, the municipalities behind a count. */
  details: string[];
}

export interface AgendaTableRow {
  cells: string[];
  /** The row as one sentence, for renderings without tables (the sheet tab). */
  summary: string;
}

export interface AgendaTable {
  headers: string[];
  rows: AgendaTableRow[];
  /** Columns holding numbers or amounts: right-aligned, never wrapped. */
  numeric: number[];
}

/** An indicator's trend: one series per municipality (or the whole region), one value per year. */
export interface IndicatorChart {
  /** Unique within the agenda: the SVG's title is referenced by it. */
  id: string;
  title: string;
  years: number[];
  series: { name: string; values: (number | null)[] }[];
  /** The chart in words, for those who cannot see it: `Meldingen: hele regio 31 (2023), 36 (2024)`. */
  description: string;
}

/** A group of lines under a heading in an appendix; level 1 under the appendix, level 2 under a level-1 block. */
export interface AgendaBlock {
  heading: string;
  level: 1 | 2;
  /** Plain prose shown before the table and the items. */
  notes: string[];
  table: AgendaTable | null;
  /** Shown beside `table`: the same figures as a picture. */
  chart: IndicatorChart | null;
  items: AgendaItem[];
}

export type AppendixLetter = 'A' | 'B' | 'C';

/**
 * One item of the agenda proper: its heading, its purpose and its key figure in at most three
 * lines. Only items 1 and 2 carry a (small) table; the details are in the appendix it names.
 */
export interface AgendaSection {
  number: number;
  title: string;
  purpose: Purpose;
  lines: string[];
  table: AgendaTable | null;
  /** Empty numbered lines to write on during the meeting (the besluitenlijst). */
  fillIn: number;
  appendix: AppendixLetter | null;
}

export interface Appendix {
  letter: AppendixLetter;
  /** `Bijlage A: voortgang en gemeenten` */
  title: string;
  blocks: AgendaBlock[];
}

export interface HeaderField {
  label: string;
  value: string;
}

export interface Agenda {
  /** `Agenda ambtelijke meet-up Gelderland Zuid, 12-09-2024`: the words from `Instellingen` › `Overleg`. */
  title: string;
  region: string;
  /** The date of the `Meet-ups` row this agenda is for. */
  date: Day;
  /** The figures are as of this day: the earlier of the workbook's Peildatum and the meet-up's date. */
  referenceDate: Day;
  /** A warning shown above everything when the workbook holds fictional data; '' otherwise. */
  banner: string;
  /** Regio, Datum, Tijd, Locatie, Voorzitter, Notulist (`nog in te vullen` where `Meet-ups` has none), Thema. */
  header: HeaderField[];
  sections: AgendaSection[];
  appendices: Appendix[];
}
