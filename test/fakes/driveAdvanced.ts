/**
 * A fake of the Drive advanced service (v3), for what the agenda's Doc uses: Files.create and
 * Files.update with an HTML upload that Drive converts into a Google Doc. The fake keeps the HTML
 * as the Doc's content. Drive calls are counted on the main fake's ServiceCounter; Utilities.newBlob
 * by the main fake's Utilities, into which it is installed.
 */
import { DriveFiles, NewBlob } from '../../src/adapters/appsscript/agendaDoc';
import { ServiceCounter } from './spreadsheetApp';

export interface FakeDriveDoc {
  id: string;
  name: string;
  mimeType: string;
  /** The uploaded HTML: what the converted Doc shows. */
  html: string;
  trashed: boolean;
  /** Deleted for good, or no longer shared with this user: update fails on it. */
  gone: boolean;
}

interface FakeBlob {
  data: string;
  contentType: string;
  name: string;
}

export class FakeDrive {
  readonly docs: FakeDriveDoc[] = [];
  constructor(private readonly counter: ServiceCounter | null = null) {}
  private count(m: string): void {
    this.counter?._count(m);
  }
  /** Uncounted: installed into the main fake's Utilities, whose proxy counts each call. */
  readonly newBlob: NewBlob = (data, contentType, name) => {
    return { data: String(data), contentType, name } as unknown as GoogleAppsScript.Base.Blob;
  };
  readonly Files: DriveFiles = {
    create: (resource, media) => {
      this.count('Drive.Files.create');
      const blob = media as unknown as FakeBlob;
      if (blob.contentType !== 'text/html') throw new Error('fake Drive: the agenda is uploaded as HTML');
      const doc: FakeDriveDoc = { id: `fake-drive-${this.docs.length + 1}`, name: resource.name, mimeType: resource.mimeType, html: blob.data, trashed: false, gone: false };
      this.docs.push(doc);
      return { id: doc.id, webViewLink: `https://docs.google.com/document/d/${doc.id}/edit` };
    },
    update: (resource, id, media) => {
      this.count('Drive.Files.update');
      const doc = this.docs.find((d) => d.id === id && !d.gone);
      if (!doc) throw new Error(`GoogleJsonResponseException: File not found: ${id}`);
      doc.name = resource.name;
      doc.html = (media as unknown as FakeBlob).data;
      return { id: doc.id, webViewLink: `https://docs.google.com/document/d/${doc.id}/edit`, trashed: doc.trashed };
    },
  };
}

/** Installs `Drive` (the advanced service) and `Utilities.newBlob` on the global object the adapter reads. */
export function installDriveFake(options: { counter?: ServiceCounter; target?: object } = {}): { drive: FakeDrive; uninstall(): void } {
  const target = (options.target ?? globalThis) as Record<string, unknown>;
  const drive = new FakeDrive(options.counter ?? null);
  const previous = Object.getOwnPropertyDescriptor(target, 'Drive');
  const utilities = target.Utilities as Record<string, unknown> | undefined;
  const previousBlob = utilities?.newBlob;
  target.Drive = { Files: drive.Files };
  const counter = options.counter ?? null;
  if (utilities) utilities.newBlob = drive.newBlob;
  else target.Utilities = { newBlob: (...args: Parameters<NewBlob>) => (counter?._count('Utilities.newBlob'), drive.newBlob(...args)) };
  return {
    drive,
    uninstall() {
      if (previous) Object.defineProperty(target, 'Drive', previous);
      else delete target.Drive;
      if (utilities) utilities.newBlob = previousBlob;
    },
  };
}
