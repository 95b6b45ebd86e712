import { buildAgenda, holdsFictionalData } from '../core/agenda/build';
import { chooseMeetup, neighbours, parseMeetupChoice, proposedMeetup } from '../core/agenda/choice';
import { agendaTabName } from '../core/agenda/format';
import { renderHtml } from '../core/agenda/html';
import { renderMarkdown } from '../core/agenda/markdown';
import { AGENDA_LAYOUT, renderRows } from '../core/agenda/rows';
import { Agenda } from '../core/agenda/types';
import { Grid } from '../core/sheet/cell';
import { TAB } from '../core/workbook/contract';
import { Day, formatDay } from '../core/values/dates';
import { Programme } from '../core/workbook/model';
import { WorkbookSnapshot } from '../core/workbook/rowReader';
import { parseWorkbook } from '../core/workbook/parse';
import { computeCheck, readSnapshot } from './budgetCheck';
import { DutchError } from '../core/errors';
import { AgendaDocPort } from '../ports/agendaDoc';
import { Runtime } from '../ports/runtime';
import { Dialogs } from '../ports/ui';

/** A date or quarter that names no meet-up: a Dutch message for the user, never a crash. */
export class AgendaInputError extends DutchError {}

export interface AgendaOutput {
  agenda: Agenda;
  title: string;
  /** The meet-up's date. */
  date: Day;
  tabName: string;
  markdown: string;
  html: string;
  rows: Grid;
}

/** `Meet-ups` and `Instellingen` only: enough to choose a meet-up, without reading the figures twice. */
function planning(runtime: Runtime, snapshot: WorkbookSnapshot, referenceDate?: Day): Programme {
  const tabs: WorkbookSnapshot = { [TAB.settings]: snapshot[TAB.settings] ?? null, [TAB.meetups]: snapshot[TAB.meetups] ?? null };
  return parseWorkbook(tabs, { timeZone: runtime.workbook.timeZone, today: runtime.today(), referenceDate }).programme;
}

export interface AgendaOptions {
  /** Stands in for the workbook's Peildatum (the CLI's `--peildatum`). */
  referenceDate?: Day;
}

/**
 * Builds and renders the agenda of the meet-up `choice` names (`2024-09-12`, or `2024-Q3` for the
 * first in that quarter) from one read of the workbook. The finance part comes from the same
 * computeCheck the budget check uses, compared with the snapshot of the previous meet-up, so the
 * agenda and `Budgetcontrole` cannot disagree. Throws AgendaInputError for a choice that names no meet-up.
 */
export function prepareAgenda(runtime: Runtime, choice: string, snapshot: WorkbookSnapshot = readSnapshot(runtime), options: AgendaOptions = {}): AgendaOutput {
  const parsed = parseMeetupChoice(choice);
  if (!parsed) throw new AgendaInputError(`"${choice}" is geen datum of kwartaal. Gebruik JJJJ-MM-DD (bijvoorbeeld 2024-09-12) of JJJJ-Qn (de eerste meet-up in dat kwartaal).`);
  const plan = planning(runtime, snapshot, options.referenceDate);
  const chosen = chooseMeetup(plan.meetups, parsed);
  if ('refusal' in chosen) throw new AgendaInputError(chosen.refusal);
  const { previous } = neighbours(plan.meetups, chosen.meetup);
  // Contract: the agenda is as of the earlier of the workbook's Peildatum and the meet-up's date.
  const workbookDate = plan.settings.referenceDate;
  const referenceDate = workbookDate < chosen.meetup.date ? workbookDate : chosen.meetup.date;
  const check = computeCheck(runtime, snapshot, { changesSince: previous?.date ?? null, referenceDate });
  const agenda = buildAgenda({ programme: check.programme, check, meetup: chosen.meetup, fictional: holdsFictionalData(snapshot) });
  return {
    agenda,
    title: agenda.title,
    date: agenda.date,
    tabName: agendaTabName(agenda.date),
    markdown: renderMarkdown(agenda),
    html: renderHtml(agenda),
    rows: renderRows(agenda),
  };
}

/** Writes the tab `Agenda JJJJ-MM-DD` whole; a second run for the same meet-up replaces it. */
export function writeAgendaTab(runtime: Runtime, output: AgendaOutput): void {
  runtime.withDocumentLock(() => runtime.workbook.replaceTab(output.tabName, AGENDA_LAYOUT, output.rows));
}

/** Document property holding the Doc of the meet-up on `date`: one Doc per meet-up, however often it is made. */
export const agendaDocKey = (date: Day) => `regiomonitor.agendaDoc.${date}`;

/**
 * The agenda service: tab, Doc (updated, never duplicated) and Markdown/HTML, all under the
 * document lock, so two runs at once cannot make two Docs for one meet-up.
 */
export function generateAgenda(runtime: Runtime, choice: string, docs: AgendaDocPort | null): AgendaOutput & { docUrl?: string } {
  return runtime.withDocumentLock(() => {
    const output = prepareAgenda(runtime, choice);
    runtime.workbook.replaceTab(output.tabName, AGENDA_LAYOUT, output.rows);
    if (!docs) return output;
    const key = agendaDocKey(output.date);
    const known = runtime.properties.get(key);
    const doc = docs.write(output.agenda, known);
    if (doc.id !== known) runtime.properties.set({ [key]: doc.id });
    return { ...output, docUrl: doc.url };
  });
}

/** The meet-up the menu proposes (ISO date): the next one from Peildatum (today when blank), else the last; '' without any. */
export function proposedMeetupDate(runtime: Runtime): Day | '' {
  const present = new Set(runtime.workbook.tabNames());
  const read = (tab: typeof TAB.settings | typeof TAB.meetups) => (present.has(tab) ? runtime.workbook.readTab(tab) : null);
  const plan = planning(runtime, { [TAB.settings]: read(TAB.settings), [TAB.meetups]: read(TAB.meetups) });
  return proposedMeetup(plan.meetups, plan.settings.referenceDate)?.date ?? '';
}

const DIALOG_TITLE = 'Agenda meet-up maken';

/**
 * Menu `Agenda meet-up maken`: asks which meet-up (the next one filled in), makes its agenda, and says
 * where it is. Null when cancelled or not understood; then the dialog said why.
 */
export function agendaFromMenu(runtime: Runtime, dialogs: Dialogs, docs: AgendaDocPort | null): (AgendaOutput & { docUrl?: string }) | null {
  const proposed = proposedMeetupDate(runtime);
  const hint = proposed ? ` Laat leeg voor de volgende meet-up: ${formatDay(proposed)}.` : '';
  const answer = dialogs.ask(DIALOG_TITLE, `Voor welke meet-up? Typ de datum (JJJJ-MM-DD of dd-mm-jjjj) of een kwartaal (JJJJ-Qn).${hint}`);
  if (answer === null) return null;
  const choice = answer.trim() || proposed;
  let made: AgendaOutput & { docUrl?: string };
  try {
    if (!choice) throw new AgendaInputError('Er staat nog geen meet-up in de tab Meet-ups; vul daar eerst een datum in.');
    made = generateAgenda(runtime, choice, docs);
  } catch (error) {
    if (error instanceof AgendaInputError) {
      dialogs.tell(DIALOG_TITLE, error.message);
      return null;
    }
    throw error;
  }
  const where = `De agenda staat in het tabblad ${made.tabName}`;
  if (!made.docUrl || !dialogs.showLink(DIALOG_TITLE, `${where} en in een Google-document:`, { url: made.docUrl, label: made.title })) {
    dialogs.tell(DIALOG_TITLE, made.docUrl ? `${where} en in het Google-document:\n${made.docUrl}` : `${where}.`);
  }
  return made;
}
