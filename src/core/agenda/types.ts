import { Day } from '../dates';
import { Cents } from '../money';

/** What the region data adds to the sheet for an agenda: facts that are not in the workbook. */
export interface AgendaConfig {
  /** Recurring campaigns and the months (1..12) they fall in. */
  campaigns: { name: string; months: number[] }[];
  /** The newsletter announcement under `Opening en mededelingen`; '' for none. */
  newsletter: string;
  /** Titles of the per-municipality local plan action (matched case-insensitively). */
  localPlanTitles: string[];
  /** Owners who organise the meet-up and therefore are not invited to it (`Regionaal projectleider`). */
  organiserNames: string[];
}

/** One numbered agenda item (`2.3`): a line a meeting secretary can refer to. */
export interface AgendaItem {
  number: string;
  text: string;
  /** '' when the item has no owner. */
  owner: string;
  amountCents: Cents | null;
  /** What the amount is (`saldo`, `vrij te maken`), shown before it in prose renderings. */
  amountLabel: string;
  date: Day | null;
  /** What the date is (`deadline`, `afgerond op`). */
  dateLabel: string;
  /** Sub-lines: proposal steps, reasons. */
  details: string[];
}

export interface AgendaTableRow {
  cells: string[];
  /** The row as one sentence, for renderings without tables (the sheet tab). */
  summary: string;
  amountCents: Cents | null;
}

export interface AgendaTable {
  headers: string[];
  rows: AgendaTableRow[];
}

/** A group of items under a heading; level 1 under the section, level 2 under a level-1 block. */
export interface AgendaBlock {
  heading: string;
  level: 1 | 2;
  /** Lines of plain prose shown before the items (e.g. "Geen thema vastgelegd"). */
  notes: string[];
  table: AgendaTable | null;
  items: AgendaItem[];
}

export interface AgendaSection {
  number: number;
  title: string;
  blocks: AgendaBlock[];
}

export interface Agenda {
  title: string;
  /** `JJJJ-Qn` */
  quarter: string;
  region: string;
  /** The meet-up's date, or Peildatum when the quarter has no `Meet-ups` row. */
  date: Day;
  /** True when the date comes from a `Meet-ups` row. */
  planned: boolean;
  /** Lines under the title (date, theme, how the agenda was made). */
  preamble: string[];
  sections: AgendaSection[];
}
