import { agendaDocKey } from '../../src/app/agenda';
import { AGENDA_HEADERS } from '../../src/core/agenda/rows';
import { TAB } from '../../src/core/workbook/contract';
import { generateMeetupAgenda, menuGenerateAgenda } from '../../src/server/agenda';
import { FixtureOptions, HISTORY, SIX_WEEKLY, snapshot } from '../core/agenda/fixture';
import { DocElement, installDocumentAppFake } from '../fakes/documentApp';
import { Button, FakeHandles, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { fillWorkbook, sheetDate } from './workbooks';

let fakes: FakeHandles;
let docs: ReturnType<typeof installDocumentAppFake>;

/** The fixture's tabs, replacing whatever they held before. */
function fill(options: FixtureOptions = {}): void {
  const tabs: Record<string, unknown[][]> = { [TAB.forecastHistory]: HISTORY };
  for (const [name, grid] of Object.entries(snapshot(options))) tabs[name] = grid!;
  fakes.counter.uncounted(() => {
    for (const name of Object.keys(tabs)) {
      const sheet = fakes.spreadsheet.getSheetByName(name);
      if (sheet) fakes.spreadsheet.deleteSheet(sheet);
    }
  });
  fillWorkbook(fakes, tabs);
}

beforeEach(() => {
  fakes = installAppsScriptFakes();
  docs = installDocumentAppFake({ counter: fakes.counter });
  fill();
});
afterEach(() => {
  docs.uninstall();
  fakes.uninstall();
});

const paragraphs = (els: DocElement[]) => els.filter((e): e is Extract<DocElement, { type: 'paragraph' }> => e.type === 'paragraph');
const tables = (els: DocElement[]) => els.filter((e): e is Extract<DocElement, { type: 'table' }> => e.type === 'table');

describe('generateMeetupAgenda', () => {
  it('writes the tab Agenda 2025-03-13 with the header, the items and their numbers', () => {
    const result = generateMeetupAgenda('2025-03-13');
    expect(result.title).toBe('Agenda ambtelijke meet-up Testregio, 13-03-2025');
    const values = __values(fakes.spreadsheet, 'Agenda 2025-03-13')!;
    expect(values[0]).toEqual([...AGENDA_HEADERS]);
    expect(values).toContainEqual(['', '', 'Tijd: 13:30', '', '', '']);
    expect(values).toContainEqual(['4', 'Financiën (ter advisering)', '', '', '', '']);
    // Tekort Uitvoering actielijnen 2025: prognose 73.000 − raming 50.000 = 23.000.
    expect(values).toContainEqual(['4.3', '', 'Advies bij de overschrijding van Uitvoering actielijnen in 2025', '', '€ 23.000,00', '']);
    // Prognoseverloop 14-11-2024 (the previous meet-up): Moviera 32.000 → 40.000.
    expect(values).toContainEqual(['4.2', '', 'Moviera 2025: de prognose steeg met € 8.000,00, van € 32.000,00 naar € 40.000,00', '', '', '']);
    // The user tabs are not written.
    expect(__values(fakes.spreadsheet, TAB.actions)).toEqual(snapshot()[TAB.actions]);
  });

  it('returns the same agenda as Markdown and HTML', () => {
    const result = generateMeetupAgenda('13-03-2025');
    expect(result.markdown).toContain('## 4. Financiën (ter advisering)');
    expect(result.markdown).toContain('- **7.1** Augeo');
    expect(result.html.startsWith('<!doctype html>')).toBe(true);
    expect(result.html).toContain('&lt;script&gt;');
  });

  it('makes one Google Doc per meet-up, remembers it, and returns its link', () => {
    const result = generateMeetupAgenda('2025-03-13');
    expect(docs.DocumentApp.documents).toHaveLength(1);
    const doc = docs.DocumentApp.documents[0];
    expect(result.docUrl).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
    expect(fakes.properties.document.getProperty(agendaDocKey('2025-03-13'))).toBe(doc.id);
    expect(doc.closed).toBe(true);
    const els = doc.body.elements;
    expect(paragraphs(els).filter((p) => p.heading === 'HEADING1').map((p) => p.text)).toEqual([
      '1. Opening, verslag en mededelingen (ter informatie)', '2. Ronde langs de gemeenten (ter bespreking)', '3. Voortgang regioaanpak (ter bespreking)',
      '4. Financiën (ter advisering)', '5. Thema: Ouderenmishandeling (ter bespreking)', '6. Goede voorbeelden uit gemeenten (ter informatie)',
      '7. Uitgenodigde netwerkpartners (ter informatie)', '8. Rondvraag, besluitenlijst en sluiting (ter bespreking)',
    ]);
    // The overview, with each item's purpose, follows the header.
    expect(tables(els)[0].cells[4]).toEqual(['4', 'Financiën', 'ter advisering']);
    const advice = tables(els).flatMap((t) => t.cells).find((r) => r[0] === '4.3')!;
    expect(advice[1]).toMatch(/^Advies bij de overschrijding van Uitvoering actielijnen in 2025\n• Uitstellen naar het volgende programma \(na 2025\): Themabijeenkomst plegeraanpak \(A-009\)/);
    expect(advice[4]).toBe('€ 23.000,00');
  });

  it('updates that Doc when the agenda is made again: same link, content replaced, never a second Doc', () => {
    const first = generateMeetupAgenda('2025-03-13');
    const elements = docs.DocumentApp.documents[0].body.elements.length;
    // Something changed in the sheet since: a new meet-up partner.
    fill({ meetups: [{ Datum: '2024-11-14' }, { Datum: '2025-03-13', Thema: 'Ouderenmishandeling', Netwerkpartners: 'Kairos' }, { Datum: '2025-06-12' }] });
    const again = generateMeetupAgenda('2025-03-13');
    expect(docs.DocumentApp.documents).toHaveLength(1);
    expect(again.docUrl).toBe(first.docUrl);
    const doc = docs.DocumentApp.documents[0];
    expect(doc.closed).toBe(true);
    expect(paragraphs(doc.body.elements).filter((p) => p.heading === 'TITLE')).toHaveLength(1);
    expect(tables(doc.body.elements).flatMap((t) => t.cells).some((r) => r[1] === 'Kairos')).toBe(true);
    expect(doc.body.elements.length).toBeLessThanOrEqual(elements + 1);
    expect(fakes.counter.count('DocumentApp.create')).toBe(1);
    expect(fakes.counter.count('DocumentApp.openById')).toBe(1);
  });

  it('makes a new Doc when the remembered one was deleted, and remembers that one', () => {
    generateMeetupAgenda('2025-03-13');
    docs.DocumentApp.documents[0].deleted = true;
    const again = generateMeetupAgenda('2025-03-13');
    expect(docs.DocumentApp.documents).toHaveLength(2);
    const fresh = docs.DocumentApp.documents[1];
    expect(again.docUrl).toBe(`https://docs.google.com/document/d/${fresh.id}/edit`);
    expect(fakes.properties.document.getProperty(agendaDocKey('2025-03-13'))).toBe(fresh.id);
  });

  it('keeps one Doc per meet-up: another meet-up gets its own', () => {
    generateMeetupAgenda('2025-03-13');
    generateMeetupAgenda('2025-06-12');
    generateMeetupAgenda('2025-03-13');
    expect(docs.DocumentApp.documents.map((d) => d.name)).toEqual([
      'Agenda ambtelijke meet-up Testregio, 13-03-2025', 'Agenda ambtelijke meet-up Testregio, 12-06-2025',
    ]);
  });

  it('makes the agenda of a meet-up that is not the first in its quarter; a quarter means the first one', () => {
    fill({ meetups: SIX_WEEKLY });
    expect(generateMeetupAgenda('2025-03-13').title).toBe('Agenda ambtelijke meet-up Testregio, 13-03-2025');
    expect(generateMeetupAgenda('2025-Q1').title).toBe('Agenda ambtelijke meet-up Testregio, 30-01-2025');
    const names = fakes.spreadsheet.sheets.map((s) => s.name);
    expect(names).toContain('Agenda 2025-03-13');
    expect(names).toContain('Agenda 2025-01-30');
  });

  it('shows the FICTIEF banner in the Doc, in bold red, when the workbook holds demo data', () => {
    fill({ settings: [{ Sleutel: 'Regio', Waarde: 'Testregio' }, { Sleutel: 'Peildatum', Waarde: sheetDate('2025-03-01') }, { Sleutel: 'Demo', Waarde: 'FICTIEF (demo): demonstratie' }] });
    generateMeetupAgenda('2025-03-13');
    const banner = paragraphs(docs.DocumentApp.documents[0].body.elements)[1];
    expect(banner.text).toMatch(/^FICTIEF: dit werkboek bevat verzonnen gegevens/);
    expect(banner.attributes).toEqual({ BOLD: true, FOREGROUND_COLOR: '#b00020' });
  });

  it('refuses a date or quarter it cannot read, or one without a meet-up, in Dutch and without writing', () => {
    expect(() => generateMeetupAgenda('Q1 2025')).toThrow('"Q1 2025" is geen datum of kwartaal. Gebruik JJJJ-MM-DD (bijvoorbeeld 2024-09-12) of JJJJ-Qn (de eerste meet-up in dat kwartaal).');
    expect(() => generateMeetupAgenda('2025-03-14')).toThrow('Op 14-03-2025 staat geen meet-up gepland. De dichtstbijzijnde: 13-03-2025 (2025-03-13) en 12-06-2025 (2025-06-12).');
    expect(() => generateMeetupAgenda('2025-Q3')).toThrow('In 2025-Q3 staat geen meet-up gepland. De dichtstbijzijnde: 12-06-2025 (2025-06-12).');
    expect(fakes.spreadsheet.sheets.filter((s) => s.name.startsWith('Agenda'))).toEqual([]);
    expect(docs.DocumentApp.documents).toHaveLength(0);
  });
});

describe('menuGenerateAgenda', () => {
  it('proposes the next meet-up and uses it for a blank answer', () => {
    // Peildatum 01-03-2025; the next meet-up is 13-03-2025.
    fakes.ui.promptAnswers.push({ text: '', button: Button.OK });
    const result = menuGenerateAgenda();
    expect(fakes.ui.prompts[0].prompt).toBe('Voor welke meet-up? Typ de datum (JJJJ-MM-DD of dd-mm-jjjj) of een kwartaal (JJJJ-Qn). Laat leeg voor de volgende meet-up: 13-03-2025.');
    expect(result!.title).toContain('13-03-2025');
    expect(fakes.ui.alerts[0].prompt).toContain(result!.docUrl!);
    expect(fakes.ui.alerts[0].prompt).toContain('Agenda 2025-03-13');
  });

  it('proposes the next meet-up in a six-weekly rhythm too', () => {
    fill({ meetups: SIX_WEEKLY });
    fakes.ui.promptAnswers.push({ text: '', button: Button.OK });
    expect(menuGenerateAgenda()!.title).toContain('13-03-2025');
  });

  it('does nothing on Cancel and explains a wrong answer', () => {
    fakes.ui.promptAnswers.push({ text: '2025-03-13', button: Button.CANCEL });
    expect(menuGenerateAgenda()).toBeNull();
    expect(fakes.spreadsheet.getSheetByName('Agenda 2025-03-13')).toBeNull();
    fakes.ui.promptAnswers.push({ text: 'volgende week', button: Button.OK });
    expect(menuGenerateAgenda()).toBeNull();
    expect(fakes.ui.alerts[0].prompt).toContain('geen datum of kwartaal');
    fakes.ui.promptAnswers.push({ text: '2025-03-20', button: Button.OK });
    expect(menuGenerateAgenda()).toBeNull();
    expect(fakes.ui.alerts[1].prompt).toContain('De dichtstbijzijnde: 13-03-2025');
    expect(docs.DocumentApp.documents).toHaveLength(0);
  });
});
