import { appsScriptBerapPorts } from '../adapters/appsscript/berapPorts';
import { appsScriptDialogs } from '../adapters/appsscript/ui';
import { generateBerap as makeBerap } from '../app/berap';
import { authorizeCall } from '../app/authorize';
import { DutchError } from '../core/errors';
import { Day, parseDay } from '../core/values/dates';
import { currentRuntime } from './context';

export interface BerapResult {
  title: string;
  tabName: string;
  markdown: string;
  html: string;
  /** Required explanations still missing in the tab. */
  missing: number;
  docUrl?: string;
}

const TITLE = 'Berap maken';

/**
 * Menu `Berap maken` (and callable as `generateBerap('2024-10-01')`): for the project leader and
 * the controller, checked here on the server. Writes the tab `Berap JJJJ-MM-DD` (texts kept), its
 * chart, this Peildatum's snapshot in Prognoseverloop and the Doc of that Peildatum (updated in
 * place); from the menu it then says where they are.
 */
export function generateBerap(peildatum?: unknown): BerapResult {
  const { runtime } = authorizeCall(currentRuntime(), 'berap');
  let referenceDate: Day | undefined;
  if (typeof peildatum === 'string' && peildatum.trim()) {
    const read = parseDay(peildatum.trim(), runtime.workbook.timeZone);
    if (read.kind !== 'ok') throw new DutchError(`"${peildatum}" is geen datum: gebruik JJJJ-MM-DD of dd-mm-jjjj (bijvoorbeeld 2024-10-01).`);
    referenceDate = read.day;
  }
  const made = makeBerap(runtime, referenceDate, appsScriptBerapPorts());
  const missing = made.berap.rows.filter((r) => r.explanationRequired && !r.explanation.trim()).length;
  // Sheets calls a menu item without a date (never with a string): the user is watching, so say where the berap is.
  if (typeof peildatum !== 'string') {
    const dialogs = appsScriptDialogs();
    const todo = missing ? ` ${missing === 1 ? 'Eén verplichte toelichting ontbreekt' : `${missing} verplichte toelichtingen ontbreken`}: typ ze in de kolom Toelichting en maak de berap opnieuw.` : '';
    const where = `De berap staat in het tabblad ${made.tabName}.${todo}`;
    if (!made.docUrl || !dialogs.showLink(TITLE, `${where} Het Google-document:`, { url: made.docUrl, label: made.berap.title })) {
      dialogs.tell(TITLE, made.docUrl ? `${where}\n${made.docUrl}` : where);
    }
  }
  return { title: made.berap.title, tabName: made.tabName, markdown: made.markdown, html: made.html, missing, ...(made.docUrl ? { docUrl: made.docUrl } : {}) };
}
