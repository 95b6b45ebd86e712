import { AgendaDocPort } from '../ports/agendaDoc';
import { AgendaInputError, generateAgenda, proposedMeetupDate } from '../app/agenda';
import { authorizeCall } from '../app/authorize';
import { overview, sectionHeading } from '../core/agenda/format';
import { Agenda } from '../core/agenda/types';
import { formatDay } from '../core/values/dates';
import { escapeHtml } from '../core/values/html';
import { formatEuro } from '../core/values/money';
import { MeetupAgenda } from './api';
import { currentRuntime } from './context';

const ITEM_HEADERS = ['Nr', 'Omschrijving', 'Eigenaar', 'Datum', 'Bedrag'];

/** Fills an empty Doc body: title, banner, header, overview, a heading per item and per block, tables. */
function fillBody(body: GoogleAppsScript.Document.Body, agenda: Agenda, app: GoogleAppsScript.Document.DocumentApp): void {
  const H = app.ParagraphHeading;
  body.appendParagraph(agenda.title).setHeading(H.TITLE);
  if (agenda.banner) {
    body.appendParagraph(agenda.banner).setAttributes({ [app.Attribute.BOLD]: true, [app.Attribute.FOREGROUND_COLOR]: '#b00020' });
  }
  for (const line of agenda.header) body.appendParagraph(line);
  const glance = overview(agenda);
  body.appendTable([glance.headers, ...glance.rows.map((r) => r.cells)]);
  for (const section of agenda.sections) {
    body.appendParagraph(sectionHeading(section)).setHeading(H.HEADING1);
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
}

/**
 * The agenda as a Google Doc. A Doc made before for this meet-up is opened and rewritten, so its
 * link stays the same; one that was deleted or can no longer be opened is replaced by a new one.
 */
export function documentAppAgendaDoc(app: GoogleAppsScript.Document.DocumentApp = DocumentApp): AgendaDocPort {
  return {
    write(agenda, existingId) {
      let doc: GoogleAppsScript.Document.Document | null = null;
      if (existingId) {
        try {
          doc = app.openById(existingId);
          doc.getBody().clear();
          doc.setName(agenda.title);
        } catch {
          doc = null;
        }
      }
      doc ??= app.create(agenda.title);
      fillBody(doc.getBody(), agenda, app);
      const written = { id: doc.getId(), url: doc.getUrl() };
      doc.saveAndClose();
      return written;
    },
  };
}

function defaultDocs(): AgendaDocPort | null {
  return typeof DocumentApp === 'undefined' ? null : documentAppAgendaDoc();
}

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
  return result(generateAgenda(runtime, String(meetup ?? ''), defaultDocs()));
}

const DIALOG_TITLE = 'Agenda meet-up maken';

/** Menu `Agenda meet-up maken`: asks which meet-up (the next one filled in), then shows where the agenda is. */
export function menuGenerateAgenda(): MeetupAgenda | null {
  const { runtime } = authorizeCall(currentRuntime(), 'agenda');
  const ui = SpreadsheetApp.getUi();
  const proposed = proposedMeetupDate(runtime);
  const hint = proposed ? ` Laat leeg voor de volgende meet-up: ${formatDay(proposed)}.` : '';
  const answer = ui.prompt(DIALOG_TITLE, `Voor welke meet-up? Typ de datum (JJJJ-MM-DD of dd-mm-jjjj) of een kwartaal (JJJJ-Qn).${hint}`, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  const choice = answer.getResponseText().trim() || proposed;
  let made: ReturnType<typeof generateAgenda>;
  try {
    if (!choice) throw new AgendaInputError('Er staat nog geen meet-up in de tab Meet-ups; vul daar eerst een datum in.');
    made = generateAgenda(runtime, choice, defaultDocs());
  } catch (error) {
    if (error instanceof AgendaInputError) {
      ui.alert(DIALOG_TITLE, error.message, ui.ButtonSet.OK);
      return null;
    }
    throw error;
  }
  const where = `De agenda staat in het tabblad ${made.tabName}`;
  if (made.docUrl && typeof HtmlService !== 'undefined') {
    const html = HtmlService.createHtmlOutput(
      `<p style="font-family:Arial,sans-serif">${escapeHtml(where)} en in een Google-document: ` +
        `<a href="${escapeHtml(made.docUrl)}" target="_blank" rel="noopener">${escapeHtml(made.title)}</a></p>`,
    ).setWidth(420).setHeight(140);
    ui.showModelessDialog(html, DIALOG_TITLE);
  } else {
    ui.alert(DIALOG_TITLE, made.docUrl ? `${where} en in het Google-document:\n${made.docUrl}` : `${where}.`, ui.ButtonSet.OK);
  }
  return result(made);
}
