import { promises as fs } from 'node:fs';
import path from 'node:path';
import { localRuntime } from '../adapters/local/runtime';
import { LocalWorkbook } from '../adapters/local/workbook';
import { prepareAgenda } from '../app/agenda';
import { Day } from '../core/values/dates';
import { makeFolder } from './check';

export interface AgendaCommandResult {
  title: string;
  markdownFile: string;
  htmlFile: string;
}

/**
 * `node build/cli.js agenda FILE.xlsx 2024-09-12` (or `JJJJ-Qn`): writes `agenda-2024-09-12.md` and
 * `.html` to `outDir`. The workbook itself is not changed; the campaigns, newsletter and the other
 * region texts come from its `Instellingen`. `today` stands in for a blank Peildatum (tests, demo).
 */
export async function agendaCommand(file: string, meetup: string, outDir: string, options: { today?: Day } = {}): Promise<AgendaCommandResult> {
  const workbook = await LocalWorkbook.load(file);
  const runtime = localRuntime(workbook, options.today ? { today: options.today } : {});
  const output = prepareAgenda(runtime, meetup);
  await makeFolder(outDir);
  const base = path.join(outDir, `agenda-${output.date}`);
  await fs.writeFile(`${base}.md`, output.markdown, 'utf8');
  await fs.writeFile(`${base}.html`, output.html, 'utf8');
  return { title: output.title, markdownFile: `${base}.md`, htmlFile: `${base}.html` };
}
