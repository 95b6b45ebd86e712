import { appsScriptAgendaDoc } from '../adapters/appsscript/agendaDoc';
import { appsScriptDialogs } from '../adapters/appsscript/ui';
import { agendaFromMenu, generateAgenda } from '../app/agenda';
import { authorizeCall } from '../app/authorize';
import { MeetupAgenda } from './api';
import { currentRuntime } from './context';

const result = (r: { title: string; markdown: string; html: string; docUrl?: string }): MeetupAgenda => ({
  title: r.title, markdown: r.markdown, html: r.html, ...(r.docUrl ? { docUrl: r.docUrl } : {}),
});

/**
 * `generateMeetupAgenda('2024-09-12')` (or `'2024-Q3'`: the first meet-up in that quarter): writes
 * the tab `Agenda 2024-09-12`, writes that meet-up's Google Doc and returns the agenda as Markdown
 * and HTML with the Doc's link.
 */
export function generateMeetupAgenda(meetup: string): MeetupAgenda {
  const { runtime } = authorizeCall(currentRuntime(), 'agenda');
  return result(generateAgenda(runtime, String(meetup ?? ''), appsScriptAgendaDoc()));
}

/** Menu `Agenda meet-up maken`: asks which meet-up (the next one filled in), then shows where the agenda is. */
export function menuGenerateAgenda(): MeetupAgenda | null {
  const { runtime } = authorizeCall(currentRuntime(), 'agenda');
  const made = agendaFromMenu(runtime, appsScriptDialogs(), appsScriptAgendaDoc());
  return made && result(made);
}
