import { AgendaInputError, AgendaOutput, agendaConfigFromRegion, prepareAgenda, proposedQuarter, readQuarter, writeAgendaTab } from '../app/agenda';
import { authorizeCall } from '../app/authorize';
import { Runtime } from '../app/runtime';
import { Agenda } from '../core/agenda/types';
import { formatDay } from '../core/dates';
import { escapeHtml } from '../core/escape';
import { formatEuro } from '../core/money';
import { defaultRegion } from '../core/region';
import { MeetupAgenda } from './api';
import { currentRuntime } from './context';

/** Creating the Google Doc: DocumentApp in Apps Script; absent in the local preview. */
export interface AgendaDocPort {
  /** Creates a document with the agenda and returns its URL. */
  create(agenda: Agenda): string;
}

const ITEM_HEADERS = ['Nr', 'Omschrijving', 'Eigenaar', 'Datum', 'Bedrag'];

/** The agenda as a Google Doc: a title, a heading per part and per block, tables for items and figures. */
export function documentAppAgendaDoc(app: GoogleAppsScript.Document.DocumentApp = DocumentApp): AgendaDocPort {
  return {
    create(agenda: Agenda): string {
      const doc = app.create(agenda.title);
      const body = doc.getBody();
      const H = app.ParagraphHeading;
      body.appendParagraph(agenda.title).setHeading(H.TITLE);
      for (const line of agenda.preamble) body.appendParagraph(line);
      for (const section of agenda.sections) {
        body.appendParagraph(`${section.number}. ${section.title}`).setHeading(H.HEADING1);
        for (const block of section.blocks) {
          if (block.heading) body.appendParagraph(block.heading).setHeading(block.level === 1 ? H.HEADING2 : H.HEADING3);
          for (const note of block.notes) body.appendParagraph(note);
          if (block.table) body.appendTable([block.table.headers, ...block.table.rows.map((r) => r.cells)]);
          if (block.items.length) {
            body.appendTable([
              ITEM_HEADERS,
              ...block.items.map((i) => [
                i.number,
                [i.text, ...i.details.map((d) => `• ${d}`)].join('\n'),
                i.owner,
                i.date ? formatDay(i.date) : '',
                i.amountCents === null ? '' : formatEuro(i.amountCents),
              ]),
            ]);
          }
        }
      }
      doc.saveAndClose();
      return doc.getUrl();
    },
  };
}

function defaultDocs(): AgendaDocPort | null {
  return typeof DocumentApp === 'undefined' ? null : documentAppAgendaDoc();
}

/** The agenda service over any runtime and document port (tests, preview, Apps Script). */
export function generateAgendaWith(runtime: Runtime, quarter: string, docs: AgendaDocPort | null): MeetupAgenda & { tabName: string } {
  const output: AgendaOutput = prepareAgenda(runtime, readQuarter(quarter), agendaConfigFromRegion(defaultRegion()));
  writeAgendaTab(runtime, output);
  const docUrl = docs ? docs.create(output.agenda) : undefined;
  return { title: output.title, markdown: output.markdown, html: output.html, tabName: output.tabName, ...(docUrl ? { docUrl } : {}) };
}

/**
 * `generateMeetupAgenda('2025-Q1')`: writes the tab `Agenda 2025-Q1`, creates the Google Doc and
 * returns the agenda as Markdown and HTML with the Doc's link.
 */
export function generateMeetupAgenda(quarter: string): MeetupAgenda {
  const { runtime } = authorizeCall(currentRuntime(), 'agenda');
  const { title, markdown, html, docUrl } = generateAgendaWith(runtime, quarter, defaultDocs());
  return { title, markdown, html, ...(docUrl ? { docUrl } : {}) };
}

const DIALOG_TITLE = 'Agenda meet-up maken';

/** Menu `Agenda meet-up maken`: asks for the quarter (default filled in), then shows where the agenda is. */
export function menuGenerateAgenda(): MeetupAgenda | null {
  const { runtime } = authorizeCall(currentRuntime(), 'agenda');
  const ui = SpreadsheetApp.getUi();
  const proposed = proposedQuarter(runtime);
  const answer = ui.prompt(DIALOG_TITLE, `Voor welk kwartaal (JJJJ-Qn)? Laat leeg voor ${proposed}.`, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  const quarter = answer.getResponseText().trim() || proposed;
  let result: ReturnType<typeof generateAgendaWith>;
  try {
    result = generateAgendaWith(runtime, quarter, defaultDocs());
  } catch (error) {
    if (error instanceof AgendaInputError) {
      ui.alert(DIALOG_TITLE, error.message, ui.ButtonSet.OK);
      return null;
    }
    throw error;
  }
  const where = `De agenda staat in het tabblad ${result.tabName}`;
  if (result.docUrl && typeof HtmlService !== 'undefined') {
    const html = HtmlService.createHtmlOutput(
      `<p style="font-family:Arial,sans-serif">${escapeHtml(where)} en in een Google-document: ` +
        `<a href="${escapeHtml(result.docUrl)}" target="_blank" rel="noopener">${escapeHtml(result.title)}</a></p>`,
    ).setWidth(420).setHeight(140);
    ui.showModelessDialog(html, DIALOG_TITLE);
  } else {
    ui.alert(DIALOG_TITLE, result.docUrl ? `${where} en in het Google-document:\n${result.docUrl}` : `${where}.`, ui.ButtonSet.OK);
  }
  const { title, markdown, html, docUrl } = result;
  return { title, markdown, html, ...(docUrl ? { docUrl } : {}) };
}
