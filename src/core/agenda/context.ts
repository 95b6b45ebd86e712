import { CheckResult } from '../check';
import { REGION_MUNICIPALITY, OWNER_TO_BE_DECIDED, Status } from '../workbook/contract';
import { Day } from '../values/dates';
import { Action, Meetup, Programme } from '../workbook/model';
import { naturalCompare } from '../workbook/ids';
import { sameName } from '../values/text';
import { Cents, formatEuroRounded } from '../values/money';
import { AgendaBlock, AgendaItem, AgendaSection, AppendixLetter, Purpose } from './types';

// What the agenda's sections share: the meeting in context, how actions are sorted and named, and
// the builder that numbers a section's items.

/**
 * The budget check's result: the finance part shows these figures and never recomputes them.
 * `changes` compares with the last `Prognoseverloop` snapshot on or before the previous meet-up.
 */
export type AgendaCheck = Pick<CheckResult, 'years' | 'proposals' | 'changes'> & Partial<Pick<CheckResult, 'afterPeriod'>>;

/** Without a next meet-up, "before the next one" means this many days ahead. */
export const HORIZON_DAYS = 91;

const OPEN: readonly Status[] = ['Niet gestart', 'Loopt', 'Uitgesteld'];

export const isOpen = (a: Action) => OPEN.includes(a.status);

export const isRegional = (a: Action) => a.municipality === REGION_MUNICIPALITY;

export const byId = (a: Action, b: Action) => naturalCompare(a.id, b.id) || a.row - b.row;

export const byDeadline = (a: Action, b: Action) => (a.deadline === b.deadline ? 0 : a.deadline === null ? 1 : b.deadline === null ? -1 : a.deadline < b.deadline ? -1 : 1) || byId(a, b);

/** `Scholing aandachtsfunctionarissen meldcode (A-012)`: the title users know, the ID in brackets. */
export function actionName(a: Action): string {
  return a.id ? `${a.title} (${a.id})` : a.title;
}

/** Owners nobody can invite: blank, the region itself, or the placeholder the seed writes. */
export function isPlaceholderOwner(owner: string): boolean {
  return !owner.trim() || sameName(owner, REGION_MUNICIPALITY) || sameName(owner, OWNER_TO_BE_DECIDED) || /eigenaar te bepalen/i.test(owner);
}

export const ownerOf = (a: Action) => (isPlaceholderOwner(a.owner) ? 'nog te bepalen' : a.owner);

/** Collects the blocks of one appendix part and numbers its items `A.1`, `A.2`, ... in the order they are added. */
export class AppendixBuilder {
  readonly blocks: AgendaBlock[] = [];
  constructor(readonly letter: AppendixLetter, private readonly counter: { n: number } = { n: 0 }) {}

  block(heading = '', level: 1 | 2 = 1): AgendaBlock {
    const block: AgendaBlock = { heading, level, notes: [], table: null, chart: null, items: [] };
    this.blocks.push(block);
    return block;
  }

  item(block: AgendaBlock, text: string, extra: Partial<Omit<AgendaItem, 'number' | 'text'>> = {}): AgendaItem {
    const item: AgendaItem = {
      number: `${this.letter}.${++this.counter.n}`, text, owner: extra.owner ?? '', amountCents: extra.amountCents ?? null,
      amountLabel: extra.amountLabel ?? '', date: extra.date ?? null, dateLabel: extra.dateLabel ?? '', details: extra.details ?? [],
    };
    block.items.push(item);
    return item;
  }
}

/** An item of the agenda proper; at most three lines (contract), checked in the tests. */
export function pageItem(number: number, title: string, purpose: Purpose, lines: string[], extra: Partial<Pick<AgendaSection, 'table' | 'fillIn' | 'appendix'>> = {}): AgendaSection {
  return { number, title, purpose, lines, table: extra.table ?? null, fillIn: extra.fillIn ?? 0, appendix: extra.appendix ?? null };
}

/** Whole euros, as the agenda shows every amount: `€ 150.000`. */
export const euro = (cents: Cents) => formatEuroRounded(cents);

/** What every part needs: the meeting, its neighbours, and which open actions are late or due. */
export interface Context {
  programme: Programme;
  meetup: Meetup;
  date: Day;
  previous: Meetup | null;
  next: Meetup | null;
  /** Deadlines before this day are "before the next meet-up". */
  dueBefore: Day;
  /** The figures are as of this day (Agenda.referenceDate). */
  referenceDate: Day;
  overdue: (a: Action) => boolean;
  due: (a: Action) => boolean;
  /** `Instellingen` › `Overleg` and `Programma`, or a neutral word when blank. */
  meetingWord: string;
  programmeWord: string;
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `12 acties: 3 afgerond, 5 lopend, 3 niet gestart, 1 uitgesteld. 2 open acties hebben geen deadline.` */
export function statusCount(actions: readonly Action[]): string {
  const n = (status: Status) => actions.filter((a) => a.status === status).length;
  const parts = [`${n('Afgerond')} afgerond`, `${n('Loopt')} lopend`, `${n('Niet gestart')} niet gestart`, `${n('Uitgesteld')} uitgesteld`];
  if (n('Geschrapt')) parts.push(`${n('Geschrapt')} geschrapt`);
  const undated = actions.filter((a) => isOpen(a) && a.deadline === null).length;
  const tail = undated ? ` ${plural(undated, 'open actie', 'open acties')} zonder deadline: graag een eigenaar en een deadline.` : '';
  return `${plural(actions.length, 'actie', 'acties')}: ${parts.join(', ')}.${tail}`;
}
