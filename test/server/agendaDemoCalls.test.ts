/**
 * Issue 22/24: the demo's agenda (14-11-2024), tab and Doc, counted through the fakes. Before: 145
 * calls, 37 `appendParagraph`, 20 `setHeading`, 13 `appendTable`: one DocumentApp call per line.
 * Now the Doc is one upload whatever its length; what remains is the sheet side.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { runDemo } from '../../src/cli/demo';
import { generateMeetupAgenda } from '../../src/server/agenda';
import { installDriveFake } from '../fakes/driveAdvanced';
import { installSheetsApi } from '../fakes/sheetsApi';
import { FakeHandles, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { fillWorkbook } from './workbooks';

jest.setTimeout(120_000);

let fakes: FakeHandles;
let docs: ReturnType<typeof installDriveFake>;
let dir = '';

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'regiomonitor-agenda-calls-'));
  const demo = await runDemo({ outDir: dir });
  const wb = await LocalWorkbook.load(demo.file);
  fakes = installAppsScriptFakes();
  docs = installDriveFake({ counter: fakes.counter });
  // The demo workbook as the project leader has it, the agenda tab it wrote left out.
  fillWorkbook(fakes, Object.fromEntries(wb.tabNames().filter((t) => !t.startsWith('Agenda ')).map((t) => [t, wb.readTab(t)!])));
});
afterAll(async () => {
  docs?.uninstall();
  fakes?.uninstall();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the demo's agenda of 14-11-2024 in Apps Script", () => {
  const runs: { total: number; doc: number; breakdown: Record<string, number> }[] = [];
  const run = () => {
    fakes.counter.reset();
    const made = generateMeetupAgenda('2024-11-14');
    const c = fakes.counter;
    runs.push({ total: c.total, doc: c.count('Drive.Files.create') + c.count('Drive.Files.update') + c.count('Utilities.newBlob'), breakdown: c.breakdown() });
    return made;
  };

  it('writes the Doc in one upload, the first time and regenerated, with no DocumentApp call per line', () => {
    const first = run();
    const again = run();
    expect(again.docUrl).toBe(first.docUrl);
    expect(docs.drive.docs).toHaveLength(1);
    for (const r of runs) {
      expect(r.breakdown['Body.appendParagraph'] ?? 0).toBe(0);
      expect(r.doc).toBeLessThanOrEqual(3);
    }
    // The Doc holds the whole agenda: the page, the three appendices and the two indicator charts.
    expect(docs.drive.docs[0].html).toContain('Bijlage C: thema');
    expect(docs.drive.docs[0].html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(2);
    // Down from 145. Through SpreadsheetApp alone the sheet side is a read per user tab (2 calls
    // each), the lock and the role check: 75 and 76 measured.
    for (const r of runs) expect(r.total).toBeLessThanOrEqual(80);
  });

  it('costs at most 40 calls with the Sheets service the manifest enables, the first time and regenerated (issue 24)', () => {
    const uninstall = installSheetsApi(fakes);
    try {
      // A fresh sheet: the demo's agenda tab written by the runs above is removed first.
      for (const s of fakes.spreadsheet.sheets.filter((s) => s.name.startsWith('Agenda '))) fakes.spreadsheet.deleteSheet(s);
      const totals = [0, 1].map(() => {
        fakes.counter.reset();
        generateMeetupAgenda('2024-11-14');
        return fakes.counter.total;
      });
      // measured: 32 the first time (the tab is new: its layout once), 30 regenerated (npm run bench)
      for (const t of totals) expect(t).toBeLessThanOrEqual(40);
    } finally {
      uninstall();
    }
  });
});
