/**
 * A fake DocumentApp: documents as a list of elements (paragraphs with their heading, tables as
 * string grids), enough to check the agenda's Doc. Calls are counted on the main fake's
 * ServiceCounter when one is given.
 */
import { ServiceCounter } from './spreadsheetApp';

export const ParagraphHeading = {
  NORMAL: 'NORMAL', TITLE: 'TITLE', SUBTITLE: 'SUBTITLE', HEADING1: 'HEADING1', HEADING2: 'HEADING2', HEADING3: 'HEADING3',
  HEADING4: 'HEADING4', HEADING5: 'HEADING5', HEADING6: 'HEADING6',
} as const;

/** The attributes the agenda sets (the banner); Apps Script's DocumentApp.Attribute has more. */
export const Attribute = { BOLD: 'BOLD', FOREGROUND_COLOR: 'FOREGROUND_COLOR', BACKGROUND_COLOR: 'BACKGROUND_COLOR' } as const;

export type DocElement =
  | { type: 'paragraph'; text: string; heading: string; attributes: Record<string, unknown> }
  | { type: 'table'; cells: string[][] };

export class FakeParagraph {
  constructor(
    readonly element: Extract<DocElement, { type: 'paragraph' }>,
    private readonly count: (m: string) => void,
  ) {}
  setHeading(heading: string): FakeParagraph {
    this.count('Paragraph.setHeading');
    this.element.heading = heading;
    return this;
  }
  getText(): string {
    this.count('Paragraph.getText');
    return this.element.text;
  }
  setAttributes(attributes: Record<string, unknown>): FakeParagraph {
    this.count('Paragraph.setAttributes');
    Object.assign(this.element.attributes, attributes);
    return this;
  }
}

export class FakeBody {
  readonly elements: DocElement[] = [];
  constructor(private readonly count: (m: string) => void) {}
  /** Like Apps Script: removes all content (a real body keeps one empty paragraph; the fake keeps none). */
  clear(): FakeBody {
    this.count('Body.clear');
    this.elements.length = 0;
    return this;
  }
  appendParagraph(text: string): FakeParagraph {
    this.count('Body.appendParagraph');
    const element = { type: 'paragraph' as const, text: String(text), heading: ParagraphHeading.NORMAL as string, attributes: {} };
    this.elements.push(element);
    return new FakeParagraph(element, this.count);
  }
  appendTable(cells: string[][]): { getNumRows(): number } {
    this.count('Body.appendTable');
    if (!cells.length || cells.some((r) => r.length !== cells[0].length)) throw new Error('Invalid table: rows must have the same number of cells.');
    const copy = cells.map((r) => r.map((c) => String(c)));
    this.elements.push({ type: 'table', cells: copy });
    return { getNumRows: () => copy.length };
  }
}

export class FakeDocument {
  readonly body: FakeBody;
  closed = false;
  /** Moved to the trash and emptied, or no longer shared: openById fails on it. */
  deleted = false;
  constructor(
    readonly id: string,
    public name: string,
    private readonly count: (m: string) => void,
  ) {
    this.body = new FakeBody(count);
  }
  setName(name: string): FakeDocument {
    this.count('Document.setName');
    this.name = String(name);
    return this;
  }
  getBody(): FakeBody {
    this.count('Document.getBody');
    return this.body;
  }
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  getUrl(): string {
    this.count('Document.getUrl');
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }
  saveAndClose(): void {
    this.count('Document.saveAndClose');
    this.closed = true;
  }
}

export class FakeDocumentApp {
  readonly ParagraphHeading = ParagraphHeading;
  readonly Attribute = Attribute;
  readonly documents: FakeDocument[] = [];
  private readonly count: (m: string) => void;
  constructor(counter: ServiceCounter | null = null) {
    this.count = (m) => counter?._count(m);
  }
  create(name: string): FakeDocument {
    this.count('DocumentApp.create');
    const doc = new FakeDocument(`fake-doc-${this.documents.length + 1}`, name, this.count);
    this.documents.push(doc);
    return doc;
  }
  /** As Apps Script: a Doc that does not exist, or that this user may no longer open, throws. */
  openById(id: string): FakeDocument {
    this.count('DocumentApp.openById');
    const doc = this.documents.find((d) => d.id === id && !d.deleted);
    if (!doc) throw new Error(`Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`);
    doc.closed = false;
    return doc;
  }
}

export function installDocumentAppFake(options: { counter?: ServiceCounter; target?: object } = {}): { DocumentApp: FakeDocumentApp; uninstall(): void } {
  const target = (options.target ?? globalThis) as Record<string, unknown>;
  const previous = Object.getOwnPropertyDescriptor(target, 'DocumentApp');
  const app = new FakeDocumentApp(options.counter ?? null);
  target.DocumentApp = app;
  return {
    DocumentApp: app,
    uninstall() {
      if (previous) Object.defineProperty(target, 'DocumentApp', previous);
      else delete target.DocumentApp;
    },
  };
}
