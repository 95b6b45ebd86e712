import { promises as fs } from 'node:fs';
import path from 'node:path';
import { localRuntime } from '../adapters/local/runtime';
import { LocalWorkbook } from '../adapters/local/workbook';
import { agendaConfigFromRegion, prepareAgenda, readQuarter } from '../app/agenda';
import { AgendaConfig } from '../core/agenda/types';
import { Day } from '../core/dates';
import { defaultRegion } from '../core/region';
import { makeFolder } from './check';

export interface AgendaCommandResult {
  title: string;
  markdownFile: string;
  htmlFile: string;
}

/**
 * `node build/cli.js agenda FILE.xlsx JJJJ-Qn`: writes `agenda-JJJJ-Qn.md` and `.html` to `outDir`.
 * The workbook itself is not changed. `today` stands in for a blank Peildatum (tests, demo).
 */
export async function agendaCommand(
  file: string, quarter: string, outDir: string, options: { today?: Day; config?: AgendaConfig } = {},
): Promise<AgendaCommandResult> {
  const q = readQuarter(quarter);
  const workbook = await LocalWorkbook.load(file);
  const runtime = localRuntime(workbook, options.today ? { today: options.today } : {});
  const output = prepareAgenda(runtime, q, options.config ?? agendaConfigFromRegion(defaultRegion()));
  await makeFolder(outDir);
  const base = path.join(outDir, `agenda-${output.quarter}`);
  await fs.writeFile(`${base}.md`, output.markdown, 'utf8');
  await fs.writeFile(`${base}.html`, output.html, 'utf8');
  return { title: output.title, markdownFile: `${base}.md`, htmlFile: `${base}.html` };
}
