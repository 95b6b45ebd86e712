import { overview, sectionHeading } from '../../core/agenda/format';
import { Agenda } from '../../core/agenda/types';
import { formatDay } from '../../core/values/dates';
import { formatEuro } from '../../core/values/money';
import { AgendaDocPort } from '../../ports/agendaDoc';

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

/** The Doc port where DocumentApp exists (Apps Script); null elsewhere, where the agenda is a tab only. */
export function appsScriptAgendaDoc(): AgendaDocPort | null {
  return typeof DocumentApp === 'undefined' ? null : documentAppAgendaDoc();
}
