import { CHART_TITLE, chartBars, chartDescription } from '../../core/budget/berap/chart';
import { DOCUMENT_HEADERS, MISSING_EXPLANATION, deviationPhrase, discussedRows, documentCells, introLines, rowLabel } from '../../core/budget/berap/format';
import { chartInWords, renderBerapHtml } from '../../core/budget/berap/html';
import { Berap } from '../../core/budget/berap/types';
import { DriveFiles, NewBlob, uploadHtmlDoc } from './agendaDoc';
import { BerapDocPort } from '../../ports/berap';

/** Fills an empty Doc body: title, banner, the lines under it, the table, the texts per line, the chart in words. */
function fillBody(body: GoogleAppsScript.Document.Body, berap: Berap, app: GoogleAppsScript.Document.DocumentApp): void {
  const H = app.ParagraphHeading;
  body.appendParagraph(berap.title).setHeading(H.TITLE);
  if (berap.banner) body.appendParagraph(berap.banner).setAttributes({ [app.Attribute.BOLD]: true, [app.Attribute.FOREGROUND_COLOR]: '#b00020' });
  for (const line of introLines(berap)) body.appendParagraph(line);
  body.appendTable([[...DOCUMENT_HEADERS], ...berap.rows.map(documentCells)]);
  body.appendParagraph('Toelichting per begrotingspost').setHeading(H.HEADING1);
  const discussed = discussedRows(berap);
  if (!discussed.length) body.appendParagraph('Geen afwijkingen boven de drempel.');
  for (const r of discussed) {
    body.appendParagraph(rowLabel(r)).setHeading(H.HEADING2);
    const phrase = deviationPhrase(r);
    if (phrase) body.appendParagraph(`${phrase[0].toUpperCase()}${phrase.slice(1)}.`);
    if (r.explanation.trim()) for (const line of r.explanation.split(/\r?\n/).filter((l) => l.trim())) body.appendParagraph(line);
    else if (r.explanationRequired) body.appendParagraph(MISSING_EXPLANATION).setAttributes({ [app.Attribute.BOLD]: true });
    if (r.proposal) body.appendParagraph(`Voorstel: ${r.proposal.split('\n').join('; ')}`);
  }
  body.appendParagraph(CHART_TITLE).setHeading(H.HEADING1);
  body.appendParagraph(chartDescription(chartBars(berap)));
  if (berap.orphans.length) {
    body.appendParagraph('Toelichtingen bij regels die niet meer bestaan').setHeading(H.HEADING1);
    for (const o of berap.orphans) {
      body.appendParagraph(o.code).setHeading(H.HEADING2);
      body.appendParagraph(o.explanation);
    }
  }
}

/**
 * The berap as a Google Doc, one per Peildatum. A Doc made before is opened and rewritten, so its
 * link stays the same; one that was deleted or can no longer be opened is replaced by a new one.
 */
export function documentAppBerapDoc(app: GoogleAppsScript.Document.DocumentApp = DocumentApp): BerapDocPort {
  return {
    write(berap, existingId) {
      let doc: GoogleAppsScript.Document.Document | null = null;
      if (existingId) {
        try {
          doc = app.openById(existingId);
          doc.getBody().clear();
          doc.setName(berap.title);
        } catch {
          doc = null;
        }
      }
      doc ??= app.create(berap.title);
      fillBody(doc.getBody(), berap, app);
      const written = { id: doc.getId(), url: doc.getUrl() };
      doc.saveAndClose();
      return written;
    },
  };
}

/**
 * The berap as a Google Doc in two calls (the agenda's way, agendaDoc.ts): the berap's own HTML with
 * the chart in words, uploaded once and converted by Drive; DocumentApp costs a call per paragraph.
 */
export function driveBerapDoc(files: DriveFiles, newBlob: NewBlob): BerapDocPort {
  return { write: (berap, existingId) => uploadHtmlDoc(files, newBlob, berap.title, renderBerapHtml(berap, chartInWords), existingId) };
}

/**
 * The Doc port: through the Drive advanced service the manifest enables, else DocumentApp (a bound
 * script copied without the manifest); null outside Apps Script. A Doc made either way is the same
 * Drive file, so its id carries over.
 */
export function appsScriptBerapDoc(): BerapDocPort | null {
  if (typeof Drive !== 'undefined' && Drive?.Files) return driveBerapDoc(Drive.Files as unknown as DriveFiles, (data, type, name) => Utilities.newBlob(data, type, name));
  return typeof DocumentApp === 'undefined' ? null : documentAppBerapDoc();
}
