import { chartImageHtml } from '../../core/agenda/chartPng';
import { renderHtml } from '../../core/agenda/html';
import { Agenda } from '../../core/agenda/types';
import { AgendaDocPort } from '../../ports/agendaDoc';

const GOOGLE_DOC = 'application/vnd.google-apps.document';
const FIELDS = 'id,webViewLink,trashed';

/** What the adapter uses of the Drive advanced service (v3), so a fake can stand in. */
export interface DriveFiles {
  create(resource: { name: string; mimeType: string }, media: GoogleAppsScript.Base.Blob, args: Record<string, unknown>): { id?: string; webViewLink?: string };
  update(resource: { name: string }, id: string, media: GoogleAppsScript.Base.Blob, args: Record<string, unknown>): { id?: string; webViewLink?: string; trashed?: boolean };
}

export type NewBlob = (data: string, contentType: string, name: string) => GoogleAppsScript.Base.Blob;

/**
 * An HTML page as a Google Doc in two calls, whatever its length: uploaded once, Drive converts it.
 * The Doc `existingId` gets its content replaced in place (same link); one that was deleted, trashed
 * or can no longer be opened is replaced by a new one. Scope: drive.file (only files this add-on
 * made). Shared by the agenda and the berap.
 */
export function uploadHtmlDoc(files: DriveFiles, newBlob: NewBlob, title: string, html: string, existingId: string | null): { id: string; url: string } {
  const blob = newBlob(html, 'text/html', `${title}.html`);
  let file: { id?: string; webViewLink?: string } | null = null;
  if (existingId) {
    try {
      const updated = files.update({ name: title }, existingId, blob, { fields: FIELDS });
      file = updated.trashed ? null : updated;
    } catch {
      file = null;
    }
  }
  file ??= files.create({ name: title, mimeType: GOOGLE_DOC }, blob, { fields: FIELDS });
  const id = file.id ?? '';
  return { id, url: file.webViewLink ?? `https://docs.google.com/document/d/${id}/edit` };
}

/** The agenda as a Google Doc: the same HTML as the HTML output, charts as PNG images. */
export function driveAgendaDoc(files: DriveFiles, newBlob: NewBlob): AgendaDocPort {
  return {
    write: (agenda: Agenda, existingId: string | null) => uploadHtmlDoc(files, newBlob, agenda.title, renderHtml(agenda, chartImageHtml), existingId),
  };
}

/** The Doc port where the Drive advanced service is enabled (Apps Script); null elsewhere, where the agenda is a tab only. */
export function appsScriptAgendaDoc(): AgendaDocPort | null {
  if (typeof Drive === 'undefined' || !Drive?.Files) return null;
  return driveAgendaDoc(Drive.Files as unknown as DriveFiles, (data, type, name) => Utilities.newBlob(data, type, name));
}
