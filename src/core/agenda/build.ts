import { DEMO_SETTING, FICTIONAL_MARK, TAB, USER_TABS } from '../workbook/contract';
import { addDays, formatDay } from '../values/dates';
import { Meetup, Programme } from '../workbook/model';
import { WorkbookSnapshot } from '../workbook/rowReader';
import { sameName } from '../values/text';
import { neighbours } from './choice';
import { AgendaCheck, AppendixBuilder, Context, HORIZON_DAYS, isOpen } from './context';
import { closing } from './sections/closing';
import { finances } from './sections/finances';
import { goodExamples } from './sections/goodExamples';
import { invitees } from './sections/invitees';
import { roundOfMunicipalities } from './sections/municipalities';
import { opening } from './sections/opening';
import { progress } from './sections/progress';
import { theme } from './sections/theme';
import { Agenda, Appendix } from './types';
import { inSentence } from './words';

export interface AgendaInput {
  programme: Programme;
  /** The budget check's result, whose figures the finance part shows (see AgendaCheck). */
  check: AgendaCheck;
  /** The `Meet-ups` row the agenda is for. */
  meetup: Meetup;
  /** The workbook holds fictional demo data (see holdsFictionalData). */
  fictional: boolean;
}

export const FICTIONAL_BANNER =
  'FICTIEF: dit werkboek bevat verzonnen gegevens. Namen, bedragen, kortingen, statussen en besluiten in deze agenda kunnen verzonnen zijn; gebruik deze agenda alleen als voorbeeld.';

/**
 * Whether the workbook holds fictional data: the demo's `Instellingen` › `Demo`, or any text cell
 * in a user tab that starts with `FICTIEF` or says `(FICTIEF)` (the demo and test fixtures mark
 * every invented text so). One pass over cells that were read anyway.
 */
export function holdsFictionalData(snapshot: WorkbookSnapshot): boolean {
  const mark = new RegExp(`^'?\\s*${FICTIONAL_MARK}\\b|\\(${FICTIONAL_MARK}\\)`);
  const settings = snapshot[TAB.settings];
  if (settings?.some((row) => typeof row[0] === 'string' && sameName(row[0], DEMO_SETTING) && row.slice(1).some((c) => typeof c === 'string' && c.trim()))) return true;
  for (const tab of USER_TABS) {
    for (const row of snapshot[tab] ?? []) {
      for (const cell of row) if (typeof cell === 'string' && mark.test(cell)) return true;
    }
  }
  return false;
}

/** Where `Meet-ups` says nothing about the logistics, the agenda says so, so it is filled in before sending. */
const TO_BE_FILLED = 'nog in te vullen';

/**
 * The agenda of one meet-up, as of its Peildatum (the earlier of the workbook's and the meet-up's
 * date), from the parsed sheet and the budget check. Pure and deterministic: no clock is read, and
 * everything is sorted explicitly.
 */
export function buildAgenda(input: AgendaInput): Agenda {
  const { programme, meetup } = input;
  const { settings } = programme;
  const { previous, next } = neighbours(programme.meetups, meetup);
  const date = meetup.date;
  const dueBefore = next ? next.date : addDays(date, HORIZON_DAYS);
  const referenceDate = settings.referenceDate < date ? settings.referenceDate : date;
  const ctx: Context = {
    programme, meetup, date, previous, next, dueBefore, referenceDate,
    // An action is late or due, never both: one place each on the agenda.
    overdue: (a) => isOpen(a) && a.deadline !== null && a.deadline < date,
    due: (a) => isOpen(a) && a.deadline !== null && a.deadline >= date && a.deadline < dueBefore,
    meetingWord: inSentence(settings.meetingName.trim()) || 'overleg',
    programmeWord: inSentence(settings.programmeName.trim()) || 'programma',
  };
  const region = settings.region;
  const field = (label: string, value: string) => ({ label, value: value.trim() || TO_BE_FILLED });
  const header = [
    ...(region ? [{ label: 'Regio', value: region }] : []),
    { label: 'Datum', value: formatDay(date) },
    field('Tijd', meetup.time), field('Locatie', meetup.place), field('Voorzitter', meetup.chair), field('Notulist', meetup.minuteTaker),
    { label: 'Cijfers per', value: formatDay(referenceDate) },
  ];
  const a = new AppendixBuilder('A');
  const b = new AppendixBuilder('B');
  const c = new AppendixBuilder('C');
  const sections = [
    opening(ctx), roundOfMunicipalities(ctx, a), progress(ctx, a), finances(ctx, input.check, b), theme(ctx, c), goodExamples(ctx), invitees(ctx, a), closing(ctx),
  ];
  const appendices: Appendix[] = [
    { letter: 'A' as const, title: 'Bijlage A: voortgang en gemeenten', blocks: a.blocks },
    { letter: 'B' as const, title: 'Bijlage B: financiën', blocks: b.blocks },
    { letter: 'C' as const, title: 'Bijlage C: thema', blocks: c.blocks },
  ].filter((x) => x.blocks.length);
  return {
    title: `Agenda ${ctx.meetingWord}${region ? ` ${region}` : ''}, ${formatDay(date)}`,
    region,
    date,
    referenceDate,
    banner: input.fictional ? FICTIONAL_BANNER : '',
    header,
    sections,
    appendices,
  };
}
