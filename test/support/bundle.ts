import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/**
 * Bundles a TypeScript entry (the CLI, or a small test program) into test-artifacts/ as plain
 * JavaScript a child process can run, from the current sources. Packages stay external and resolve
 * from the project's node_modules.
 */
export function bundle(entry: string, name: string): string {
  const outfile = path.join(ROOT, 'test-artifacts', 'bundles', `${name}-${process.pid}.js`);
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  esbuild.buildSync({ entryPoints: [path.join(ROOT, entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
  return outfile;
}
