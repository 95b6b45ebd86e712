import { AGENDA_HEADERS } from '../../src/core/agenda/rows';
import { TAB } from '../../src/core/contract';
import { generateMeetupAgenda, menuGenerateAgenda } from '../../src/server/agenda';
import { snapshot } from '../core/agenda/fixture';
import { DocElement, installDocumentAppFake } from '../fakes/documentApp';
import { Button, FakeHandles, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { fillWorkbook } from './workbooks';

let fakes: FakeHandles;
let docs: ReturnType<typeof installDocumentAppFake>;

beforeEach(() => {
  fakes = installAppsScriptFakes();
  docs = installDocumentAppFake({ counter: fakes.counter });
  const tabs: Record<string, unknown[][]> = {};
  for (const [name, grid] of Object.entries(snapshot())) tabs[name] = grid!;
  fillWorkbook(fakes, tabs);
});
afterEach(() => {
  docs.uninstall();
  fakes.uninstall();
});

const paragraphs = (els: DocElement[]) => els.filter((e): e is Extract<DocElement, { type: 'paragraph' }> => e.type === 'paragraph');
const tables = (els: DocElement[]) => els.filter((e): e is Extract<DocElement, { type: 'table' }> => e.type === 'table');

describe('generateMeetupAgenda', () => {
  it('writes the tab Agenda 2025-Q1 with headings and numbered items', () => {
    const result = generateMeetupAgenda('2025-Q1');
    expect(result.title).toBe('Agenda ambtelijke meet-up Testregio, 2025-Q1');
    const values = __values(fakes.spreadsheet, 'Agenda 2025-Q1')!;
    expect(values[0]).toEqual([...AGENDA_HEADERS]);
    expect(values).toContainEqual(['3', 'Budget', '', '', '', '']);
    // Tekort ACT 2025: prognose 73.000 - raming 50.000 = 23.000.
    expect(values).toContainEqual(['3.1', '', 'Besluit herprioritering 2025, ACT Uitvoering actielijnen', '', '€ 23.000,00', '']);
    // The user tabs are not written.
    expect(__values(fakes.spreadsheet, TAB.actions)).toEqual(snapshot()[TAB.actions]);
  });

  it('returns the same agenda as Markdown and HTML', () => {
    const result = generateMeetupAgenda('2025-Q1');
    expect(result.markdown).toContain('## 3. Budget');
    expect(result.markdown).toContain('- **7.1** Augeo: eigenaar van A-002 (deadline verstreken)');
    expect(result.html.startsWith('<!doctype html>')).toBe(true);
    expect(result.html).toContain('&lt;script&gt;');
  });

  it('creates a Google Doc with headings and tables and returns its link', () => {
    const result = generateMeetupAgenda('2025-Q1');
    expect(docs.DocumentApp.documents).toHaveLength(1);
    const doc = docs.DocumentApp.documents[0];
    expect(result.docUrl).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
    expect(doc.closed).toBe(true);
    const els = doc.body.elements;
    expect(paragraphs(els).filter((p) => p.heading === 'HEADING1').map((p) => p.text)).toEqual([
      '1. Opening en mededelingen', '2. Voortgang regioaanpak', '3. Budget', '4. Thema',
      '5. Goede voorbeelden uit gemeenten', '6. Lokale plannen', '7. Uitgenodigde netwerkpartners', '8. Rondvraag en sluiting',
    ]);
    const decision = tables(els).flatMap((t) => t.cells).find((r) => r[0] === '3.1')!;
    expect(decision[1]).toMatch(/^Besluit herprioritering 2025, ACT Uitvoering actielijnen\n• Uitstellen naar volgend programma A-009/);
    expect(decision[4]).toBe('€ 23.000,00');
  });

  it('replaces the tab on a second run instead of adding to it', () => {
    generateMeetupAgenda('2025-Q1');
    const first = __values(fakes.spreadsheet, 'Agenda 2025-Q1');
    generateMeetupAgenda('2025-Q1');
    expect(__values(fakes.spreadsheet, 'Agenda 2025-Q1')).toEqual(first);
  });

  it('takes campaigns and the organiser from the region data', () => {
    // Gelderland Zuid: Week tegen ouderenmishandeling in June (Q2); the Regionaal projectleider
    // owns overdue A-001 but organises the meet-up, so is not invited.
    expect(generateMeetupAgenda('2025-Q2').markdown).toContain('Campagne Week tegen ouderenmishandeling (juni)');
    expect(generateMeetupAgenda('2025-Q1').markdown).not.toMatch(/\*\*7\.\d+\*\* Regionaal projectleider/);
  });

  it('refuses a quarter it cannot read, in Dutch', () => {
    expect(() => generateMeetupAgenda('Q1 2025')).toThrow('"Q1 2025" is geen kwartaal. Gebruik JJJJ-Qn, bijvoorbeeld 2025-Q1.');
    expect(fakes.spreadsheet.getSheetByName('Agenda Q1 2025')).toBeNull();
  });
});

describe('menuGenerateAgenda', () => {
  it('proposes the quarter of the next meet-up and uses it for a blank answer', () => {
    // Peildatum 01-03-2025; the next meet-up is 13-03-2025: 2025-Q1.
    fakes.ui.promptAnswers.push({ text: '', button: Button.OK });
    const result = menuGenerateAgenda();
    expect(fakes.ui.prompts[0].prompt).toBe('Voor welk kwartaal (JJJJ-Qn)? Laat leeg voor 2025-Q1.');
    expect(result!.title).toContain('2025-Q1');
    expect(fakes.ui.alerts[0].prompt).toContain(result!.docUrl!);
    expect(fakes.ui.alerts[0].prompt).toContain('Agenda 2025-Q1');
  });

  it('does nothing on Cancel and explains a wrong quarter', () => {
    fakes.ui.promptAnswers.push({ text: '2025-Q1', button: Button.CANCEL });
    expect(menuGenerateAgenda()).toBeNull();
    expect(fakes.spreadsheet.getSheetByName('Agenda 2025-Q1')).toBeNull();
    fakes.ui.promptAnswers.push({ text: 'volgende week', button: Button.OK });
    expect(menuGenerateAgenda()).toBeNull();
    expect(fakes.ui.alerts[0].prompt).toContain('geen kwartaal');
    expect(docs.DocumentApp.documents).toHaveLength(0);
  });
});
