import { DEMO_SETTING, FICTIONAL_MARK, TAB, USER_TABS } from '../workbook/contract';
import { addDays, formatDay } from '../values/dates';
import { Meetup, Programme } from '../workbook/model';
import { WorkbookSnapshot } from '../workbook/rowReader';
import { sameName } from '../values/text';
import { neighbours } from './choice';
import { AgendaCheck, Context, HORIZON_DAYS, isOpen } from './context';
import { closing } from './sections/closing';
import { finances } from './sections/finances';
import { goodExamples } from './sections/goodExamples';
import { invitees } from './sections/invitees';
import { roundOfMunicipalities } from './sections/municipalities';
import { opening } from './sections/opening';
import { progress } from './sections/progress';
import { theme } from './sections/theme';
import { Agenda } from './types';

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

/**
 * The agenda of one meet-up, as of its date, from the parsed sheet and the budget check. Pure and
 * deterministic: no clock is read, and everything is sorted explicitly.
 */
export function buildAgenda(input: AgendaInput): Agenda {
  const { programme, meetup } = input;
  const { previous, next } = neighbours(programme.meetups, meetup);
  const date = meetup.date;
  const dueBefore = next ? next.date : addDays(date, HORIZON_DAYS);
  const ctx: Context = {
    programme, meetup, date, previous, next, dueBefore,
    dueText: next ? `vóór de volgende meet-up (${formatDay(next.date)})` : `vóór ${formatDay(dueBefore)}`,
    // An action is late or due, never both: one place each on the agenda.
    overdue: (a) => isOpen(a) && a.deadline !== null && a.deadline < date,
    due: (a) => isOpen(a) && a.deadline !== null && a.deadline >= date && a.deadline < dueBefore,
  };
  const region = programme.settings.region;
  const header = [
    ...(region ? [`Regio: ${region}`] : []),
    `Datum: ${formatDay(date)}`,
    ...([['Tijd', meetup.time], ['Locatie', meetup.place], ['Voorzitter', meetup.chair], ['Notulist', meetup.minuteTaker], ['Thema', meetup.theme]] as const)
      .filter(([, value]) => value.trim())
      .map(([label, value]) => `${label}: ${value.trim()}`),
  ];
  return {
    title: `Agenda ambtelijke meet-up${region ? ` ${region}` : ''}, ${formatDay(date)}`,
    region,
    date,
    banner: input.fictional ? FICTIONAL_BANNER : '',
    header,
    sections: [opening(ctx), roundOfMunicipalities(ctx), progress(ctx), finances(ctx, input.check), theme(ctx), goodExamples(ctx), invitees(ctx), closing(ctx)],
  };
}
