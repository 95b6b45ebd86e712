/**
 * Service calls of the demo's agenda (14-11-2024), tab and Doc, the first time and regenerated,
 * counted through the SpreadsheetApp and Drive fakes: what `npm run bench` prints for issue 22/24.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalWorkbook } from '../adapters/local/workbook';
import { runDemo } from '../cli/demo';
import { generateMeetupAgenda } from '../server/agenda';
import { installDriveFake } from '../../test/fakes/driveAdvanced';
import { __setValuesRaw, installAppsScriptFakes } from '../../test/fakes/spreadsheetApp';
import { installSheetsApi } from '../../test/fakes/sheetsApi';

/** What a service call costs in Apps Script, roughly (10 to 100 ms). */
const MS_PER_CALL = 50;

export interface AgendaCallFigure {
  /** With the Sheets advanced service the manifest enables, or through SpreadsheetApp alone. */
  sheets: 'Sheets-service' | 'SpreadsheetApp';
  run: 'first' | 'regenerated';
  calls: number;
  docCalls: number;
}

export async function benchAgenda(): Promise<AgendaCallFigure[]> {
  return [...(await agendaCalls(true)), ...(await agendaCalls(false))];
}

async function agendaCalls(withSheets: boolean): Promise<AgendaCallFigure[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'regiomonitor-bench-agenda-'));
  const demo = await runDemo({ outDir: dir });
  const wb = await LocalWorkbook.load(demo.file);
  const fakes = installAppsScriptFakes();
  const drive = installDriveFake({ counter: fakes.counter });
  const sheets = withSheets ? installSheetsApi(fakes) : () => {};
  try {
    fakes.counter.uncounted(() => {
      for (const tab of wb.tabNames().filter((t) => !t.startsWith('Agenda '))) {
        __setValuesRaw(fakes.spreadsheet.getSheetByName(tab) ?? fakes.spreadsheet.insertSheet(tab), 1, 1, wb.readTab(tab)! as never);
      }
    });
    return (['first', 'regenerated'] as const).map((run) => {
      fakes.counter.reset();
      generateMeetupAgenda('2024-11-14');
      const c = fakes.counter;
      return { sheets: withSheets ? 'Sheets-service' : 'SpreadsheetApp', run, calls: c.total, docCalls: c.count('Drive.Files.create') + c.count('Drive.Files.update') + c.count('Utilities.newBlob') };
    });
  } finally {
    sheets();
    drive.uninstall();
    fakes.uninstall();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export function formatAgendaBench(figures: AgendaCallFigure[]): string[] {
  return [
    'Agenda van de demo-meet-up (14-11-2024), tabblad en document: service calls',
    ...figures.map((f) => `  ${f.sheets.padEnd(14)}  ${f.run.padEnd(11)}  ${String(f.calls).padStart(3)} calls (document ${f.docCalls}), ~${((f.calls * MS_PER_CALL) / 1000).toFixed(1)} s at ${MS_PER_CALL} ms a call`),
  ];
}
