import { agendaDocKey } from '../../src/app/agenda';
import { AGENDA_HEADERS } from '../../src/core/agenda/rows';
import { TAB } from '../../src/core/workbook/contract';
import { generateMeetupAgenda, menuGenerateAgenda } from '../../src/server/agenda';
import { FixtureOptions, HISTORY, SIX_WEEKLY, snapshot } from '../core/agenda/fixture';
import { installDriveFake } from '../fakes/driveAdvanced';
import { installSheetsApi } from '../fakes/sheetsApi';
import { Button, FakeHandles, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { fillWorkbook, sheetDate } from './workbooks';

let fakes: FakeHandles;
let docs: ReturnType<typeof installDriveFake>;

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
  docs = installDriveFake({ counter: fakes.counter });
  fill();
});
afterEach(() => {
  docs.uninstall();
  fakes.uninstall();
});

describe('generateMeetupAgenda', () => {
  it('writes the tab Agenda 2025-03-13 with the header, the items and the appendices', () => {
    const result = generateMeetupAgenda('2025-03-13');
    expect(result.title).toBe('Agenda overleg Testregio, 13-03-2025');
    const values = __values(fakes.spreadsheet, 'Agenda 2025-03-13')!;
    expect(values[0]).toEqual([...AGENDA_HEADERS]);
    expect(values).toContainEqual(['', '', 'Tijd: 13:30', '', '', '']);
    expect(values).toContainEqual(['4', 'Financiën (ter advisering)', 'Details: Bijlage B', '', '', '']);
    // Tekort Uitvoering actielijnen 2025: prognose 73.000 − raming 50.000 = 23.000.
    expect(values).toContainEqual(['', '', '2025: Uitvoering actielijnen komt € 23.000 boven de raming; het advies dekt dit.', '', '', '']);
    // Prognoseverloop 14-11-2024 (the previous meet-up): Moviera 32.000 → 40.000.
    expect(values.some((r) => r[2] === 'Moviera 2025: de prognose steeg met € 8.000, van € 32.000 naar € 40.000')).toBe(true);
    // The user tabs are not written.
    expect(__values(fakes.spreadsheet, TAB.actions)).toEqual(snapshot()[TAB.actions]);
  });

  it('returns the same agenda as Markdown and HTML', () => {
    const result = generateMeetupAgenda('13-03-2025');
    expect(result.markdown).toContain('## 4. Financiën (ter advisering) · Bijlage B');
    expect(result.markdown).toContain('Augeo, Moviera, Veilig Thuis Gelderland Zuid.');
    expect(result.html.startsWith('<!doctype html>')).toBe(true);
    expect(result.html).toContain('&lt;script&gt;');
  });

  it('makes one Google Doc per meet-up from one upload, charts as images, remembers it, and returns its link', () => {
    const result = generateMeetupAgenda('2025-03-13');
    expect(docs.drive.docs).toHaveLength(1);
    const doc = docs.drive.docs[0];
    expect(doc.mimeType).toBe('application/vnd.google-apps.document');
    expect(result.docUrl).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
    expect(fakes.properties.document.getProperty(agendaDocKey('2025-03-13'))).toBe(doc.id);
    expect(doc.html).toContain('4. Financiën <span class="purpose">(ter advisering)</span>');
    // The Doc cannot show SVG: each of the theme's 3 indicators is a PNG with its description as alt text.
    expect(doc.html).not.toContain('<svg');
    expect(doc.html.match(/<img src="data:image\/png;base64,iVBORw0KGgo/g)).toHaveLength(3);
    expect(doc.html).toContain('alt="Meldingen ouderenmishandeling: hele regio 31 (2023), 36 (2024).');
  });

  it('updates that Doc when the agenda is made again: same link, content replaced, never a second Doc', () => {
    const first = generateMeetupAgenda('2025-03-13');
    // Something changed in the sheet since: a new meet-up partner.
    fill({ meetups: [{ Datum: '2024-11-14' }, { Datum: '2025-03-13', Thema: 'Ouderenmishandeling', Netwerkpartners: 'Kairos' }, { Datum: '2025-06-12' }] });
    const again = generateMeetupAgenda('2025-03-13');
    expect(docs.drive.docs).toHaveLength(1);
    expect(again.docUrl).toBe(first.docUrl);
    expect(docs.drive.docs[0].html).toContain('Kairos');
    expect(fakes.counter.count('Drive.Files.create')).toBe(1);
    expect(fakes.counter.count('Drive.Files.update')).toBe(1);
  });

  it('makes a new Doc when the remembered one was deleted or trashed, and remembers that one', () => {
    generateMeetupAgenda('2025-03-13');
    docs.drive.docs[0].gone = true;
    generateMeetupAgenda('2025-03-13');
    docs.drive.docs[1].trashed = true;
    const again = generateMeetupAgenda('2025-03-13');
    expect(docs.drive.docs).toHaveLength(3);
    const fresh = docs.drive.docs[2];
    expect(again.docUrl).toBe(`https://docs.google.com/document/d/${fresh.id}/edit`);
    expect(fakes.properties.document.getProperty(agendaDocKey('2025-03-13'))).toBe(fresh.id);
  });

  it('keeps one Doc per meet-up: another meet-up gets its own', () => {
    generateMeetupAgenda('2025-03-13');
    generateMeetupAgenda('2025-06-12');
    generateMeetupAgenda('2025-03-13');
    expect(docs.drive.docs.map((d) => d.name)).toEqual(['Agenda overleg Testregio, 13-03-2025', 'Agenda overleg Testregio, 12-06-2025']);
  });

  /** Service calls of one generateMeetupAgenda, the first time and regenerated. */
  const measure = () => {
    fakes.counter.reset();
    generateMeetupAgenda('2025-03-13');
    const first = { total: fakes.counter.total, doc: docCalls() };
    fakes.counter.reset();
    generateMeetupAgenda('2025-03-13');
    return { first, again: { total: fakes.counter.total, doc: docCalls() } };
  };
  const docCalls = () => fakes.counter.count('Drive.Files.update') + fakes.counter.count('Drive.Files.create') + fakes.counter.count('Utilities.newBlob');

  it('writes the Doc in a bounded number of calls, whatever its length (was 145 with the tab)', () => {
    const { first, again } = measure();
    // One blob and one upload; the properties read/write is counted with the tab.
    expect(first.doc).toBeLessThanOrEqual(3);
    expect(again.doc).toBeLessThanOrEqual(3);
    // A longer agenda (30 more actions, all overdue) costs the Doc nothing more.
    fill({ extraActions: Array.from({ length: 30 }, (_, i) => ({ ID: `A-1${String(i).padStart(2, '0')}`, Actielijn: 'AL1', Gemeente: 'Regio', Actie: `Extra actie ${i}`, Deadline: '2025-01-01', Status: 'Loopt' })) });
    expect(measure().again.doc).toBe(again.doc);
    // Today the tab side (one read per input tab, sheet names, the agenda tab's formats) brings the whole to 68.
    expect(again.total).toBeLessThanOrEqual(70);
  });

  // Issue 24's budget for the whole action, in the configuration the manifest ships: with the Sheets
  // advanced service, which reads every tab's name and size in one call and the tabs in two. Without
  // it (a deployment that will not grant spreadsheets.readonly) the test above bounds the cost.
  it('costs at most 40 service calls with the Sheets service, tab and Doc, the first time and regenerated (issue 24)', () => {
    const uninstall = installSheetsApi(fakes);
    try {
      const { first, again } = measure();
      expect(first.total).toBeLessThanOrEqual(40);
      expect(again.total).toBeLessThanOrEqual(40);
    } finally {
      uninstall();
    }
  });

  it('makes the agenda of a meet-up that is not the first in its quarter; a quarter means the first one', () => {
    fill({ meetups: SIX_WEEKLY });
    expect(generateMeetupAgenda('2025-03-13').title).toBe('Agenda overleg Testregio, 13-03-2025');
    expect(generateMeetupAgenda('2025-Q1').title).toBe('Agenda overleg Testregio, 30-01-2025');
    const names = fakes.spreadsheet.sheets.map((s) => s.name);
    expect(names).toContain('Agenda 2025-03-13');
    expect(names).toContain('Agenda 2025-01-30');
  });

  it('shows the FICTIEF banner in the Doc when the workbook holds demo data', () => {
    fill({ settings: [{ Sleutel: 'Regio', Waarde: 'Testregio' }, { Sleutel: 'Peildatum', Waarde: sheetDate('2025-03-01') }, { Sleutel: 'Demo', Waarde: 'FICTIEF (demo): demonstratie' }] });
    generateMeetupAgenda('2025-03-13');
    expect(docs.drive.docs[0].html).toContain('<p class="banner" role="note">FICTIEF: dit werkboek bevat verzonnen gegevens');
  });

  it('refuses a date or quarter it cannot read, or one without a meet-up, in Dutch and without writing', () => {
    expect(() => generateMeetupAgenda('Q1 2025')).toThrow('"Q1 2025" is geen datum of kwartaal. Gebruik JJJJ-MM-DD (bijvoorbeeld 2024-09-12) of JJJJ-Qn (de eerste meet-up in dat kwartaal).');
    expect(() => generateMeetupAgenda('2025-03-14')).toThrow('Op 14-03-2025 staat geen meet-up gepland. De dichtstbijzijnde: 13-03-2025 (2025-03-13) en 12-06-2025 (2025-06-12).');
    expect(() => generateMeetupAgenda('2025-Q3')).toThrow('In 2025-Q3 staat geen meet-up gepland. De dichtstbijzijnde: 12-06-2025 (2025-06-12).');
    expect(fakes.spreadsheet.sheets.filter((s) => s.name.startsWith('Agenda'))).toEqual([]);
    expect(docs.drive.docs).toHaveLength(0);
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
    expect(docs.drive.docs).toHaveLength(0);
  });
});
