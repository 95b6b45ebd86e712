import { chartInWords, renderBerapHtml } from '../../core/budget/berap/html';
import { DriveFiles, NewBlob, uploadHtmlDoc } from './agendaDoc';
import { BerapDocPort } from '../../ports/berap';

/**
 * The berap as a Google Doc in two calls (the agenda's way, agendaDoc.ts): the berap's own HTML with
 * the chart in words, uploaded once and converted by Drive. DocumentApp would cost a call per
 * paragraph and the `documents` scope, which opens every Doc the user has; Drive's `drive.file` opens
 * only the files this add-on made.
 */
export function driveBerapDoc(files: DriveFiles, newBlob: NewBlob): BerapDocPort {
  return { write: (berap, existingId) => uploadHtmlDoc(files, newBlob, berap.title, renderBerapHtml(berap, chartInWords), existingId) };
}

/** The Doc port where the Drive advanced service is enabled (Apps Script); null elsewhere, where the berap is a tab only, as the agenda. */
export function appsScriptBerapDoc(): BerapDocPort | null {
  if (typeof Drive === 'undefined' || !Drive?.Files) return null;
  return driveBerapDoc(Drive.Files as unknown as DriveFiles, (data, type, name) => Utilities.newBlob(data, type, name));
}
