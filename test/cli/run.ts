import { spawnSync } from 'child_process';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { bundle } from '../support/bundle';

export const ROOT = path.join(__dirname, '..', '..');

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

/**
 * The CLI as most tests need it: in this process, which costs no Node start-up per call. Tests of
 * what only a process shows (its exit status, what reaches stdout and stderr) use `cliProcess`.
 */
export const cli = cliInProcess;

let built: string | undefined;
/**
 * The CLI as users run it: a child process of the current sources (bundled once per test file into
 * test-artifacts/, so a build running meanwhile cannot hand it half a build/cli.js).
 */
export async function cliProcess(args: string[]): Promise<Run> {
  built ??= bundle('src/cli/cli.ts', 'cli');
  const r = spawnSync(process.execPath, [built, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
