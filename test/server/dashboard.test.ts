/**
 * The sidebar's public server functions over the Apps Script fake: JSON only, and row selection
 * through SpreadsheetApp.
 */
import { getDashboard, selectRow, showSidebar } from '../../src/server/dashboard';
import { setupWorkbook } from '../../src/server/setup';
import { sheetDate } from './workbooks';
import { runBudgetCheck } from '../../src/server/budget';
import { defaultRegion } from '../../src/data/regions';
import { FakeHandles, __setValuesRaw, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installAppsScriptFakes({ activeUserEmail: 'iemand@example.org' });
  setupWorkbook('gelderland-zuid');
  // Peildatum 30-06-2023, inside the seeded period.
  fakes.counter.uncounted(() => {
    const settings = __values(fakes.spreadsheet, 'Instellingen')!;
    const row = settings.findIndex((r) => r[0] === 'Peildatum');
    __setValuesRaw(fakes.spreadsheet.getSheetByName('Instellingen')!, row + 1, 2, [[sheetDate('2023-06-30')]]);
  });
});
afterEach(() => fakes.uninstall());

test('getDashboard returns plain JSON for the seeded region', () => {
  const data = getDashboard();
  // google.script.run carries JSON only: a round trip must not change anything (no Dates, no Maps).
  expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  expect(data.region).toBe(defaultRegion().region.naam);
  expect([data.referenceDate, data.year, data.budget?.year]).toEqual(['2023-06-30', 2023, 2023]);
  // One bar per 2023 line of Begroting; seeded without spending, so nothing is overrun.
  const lines2023 = __values(fakes.spreadsheet, 'Begroting')!.filter((r) => Number(r[0]) === 2023).length;
  expect(lines2023).toBeGreaterThan(0);
  expect(data.budget?.lines.length).toBe(lines2023);
  expect(data.signals.overruns).toEqual([]);
  // Werkboek inrichten named whoever ran it as project leader (the contract), the only person listed.
  expect(data.user).toEqual({ email: 'iemand@example.org', role: 'projectleider', municipality: null });
});

test('selectRow activates the tab and refuses what does not exist, in Dutch', () => {
  selectRow('Acties', 3);
  expect(fakes.spreadsheet.getActiveSheet()?.getName()).toBe('Acties');
  expect(() => selectRow('Bestaatniet', 2)).toThrow('Tabblad Bestaatniet bestaat niet. Voer eerst de budgetcontrole uit');
  expect(() => selectRow('Acties', 0)).toThrow('Rij 0 bestaat niet.');
});

test('showSidebar opens the built Sidebar file with its title', () => {
  const opened: string[] = [];
  const output = { setTitle: (title: string) => { opened.push(`title:${title}`); return output; } };
  (globalThis as Record<string, unknown>).HtmlService = { createHtmlOutputFromFile: (file: string) => { opened.push(`file:${file}`); return output; } };
  try {
    showSidebar();
  } finally {
    delete (globalThis as Record<string, unknown>).HtmlService;
  }
  expect(opened).toEqual(['file:Sidebar', 'title:Regiomonitor']);
  expect(fakes.ui.sidebars).toEqual([{ html: output }]);
});

test('each budget line shows how its Prognose moved since the check before the previous meet-up', () => {
  const setPeildatum = (iso: string) => fakes.counter.uncounted(() => {
    const settings = __values(fakes.spreadsheet, 'Instellingen')!;
    __setValuesRaw(fakes.spreadsheet.getSheetByName('Instellingen')!, settings.findIndex((r) => r[0] === 'Peildatum') + 1, 2, [[sheetDate(iso)]]);
  });
  const meetups = (__values(fakes.spreadsheet, 'Meet-ups')!.slice(1).map((r) => r[0]) as Date[]).map((d) => d.toISOString().slice(0, 10));
  // The seeded meet-ups of 2023 include one in May; the check of 01-03-2023 is the last before it.
  expect(meetups.some((d) => d.startsWith('2023-05'))).toBe(true);
  setPeildatum('2023-03-01');
  runBudgetCheck();
  // Then € 10.000 is paid on the action-line budget (ACT, Flexibel) in 2023
  fakes.counter.uncounted(() => {
    const ledger = fakes.spreadsheet.getSheetByName('Mutaties')!;
    const header = __values(fakes.spreadsheet, 'Mutaties')![0] as string[];
    const row = header.map((h) => ({ ID: 'M-1', Datum: sheetDate('2023-04-15'), Code: 'ACT', Soort: 'Realisatie', Bedrag: 10000, Omschrijving: 'betaling' } as Record<string, unknown>)[h] ?? '');
    __setValuesRaw(ledger, 2, 1, [row]);
  });
  setPeildatum('2023-06-30');
  runBudgetCheck();
  const lines = getDashboard().budget!.lines;
  // ACT: Prognose 0 on 01-03-2023, 10.000 now
  expect(lines.find((l) => l.code === 'ACT')!.trend).toEqual({ sinceDate: '2023-03-01', forecastDeltaCents: 1_000_000 });
  // Moviera (Vast, nothing booked) forecast its raming both times: no change
  expect(lines.find((l) => l.code === 'MOV')!.trend).toEqual({ sinceDate: '2023-03-01', forecastDeltaCents: 0 });
});
