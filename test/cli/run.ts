import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';

export const ROOT = path.join(__dirname, '..', '..');
const BUILT_CLI = path.join(ROOT, 'build', 'cli.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI's main function in this process: what it prints and the exit code. */
export async function cliInProcess(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += `${t}\n`), stderr: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

/** The built CLI when there is one (as users run it), else the same main function in-process. */
export async function cli(args: string[]): Promise<Run> {
  if (!fs.existsSync(BUILT_CLI)) return cliInProcess(args);
  const r = spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
