import { Day } from '../values/dates';
import { Cents } from '../values/money';

/** What an agenda item asks of the meeting (contract: the header names each item's purpose). */
export type Purpose = 'ter informatie' | 'ter bespreking' | 'ter advisering';

/** One numbered agenda line (`2.3`): a line a meeting secretary can refer to. */
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
  /** Sub-lines: the steps of an advice, the actions behind a count. */
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
}

/** A group of lines under a heading; level 1 under the section, level 2 under a level-1 block. */
export interface AgendaBlock {
  heading: string;
  level: 1 | 2;
  /** Plain prose shown before the table and the items. */
  notes: string[];
  table: AgendaTable | null;
  items: AgendaItem[];
}

export interface AgendaSection {
  number: number;
  title: string;
  purpose: Purpose;
  blocks: AgendaBlock[];
}

export interface Agenda {
  /** `Agenda ambtelijke meet-up Gelderland Zuid, 12-09-2024` */
  title: string;
  region: string;
  /** The date of the `Meet-ups` row this agenda is for. */
  date: Day;
  /** A warning shown above everything when the workbook holds fictional data; '' otherwise. */
  banner: string;
  /** `Datum: 12-09-2024`, `Tijd: 13:30`, ...: what `Meet-ups` says about the meeting. */
  header: string[];
  sections: AgendaSection[];
}
