import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';

const CANDIDATES = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];

/**
 * LibreOffice's soffice, which these tests need to produce and read real files.
 * `npm test` installs it when missing and run as root (src/tooling/ensure-libreoffice.mjs).
 */
export function soffice(): string {
  const found = [process.env.SOFFICE_PATH, ...CANDIDATES].find((p) => p && fs.existsSync(p));
  if (!found) {
    throw new Error('LibreOffice (soffice) ontbreekt: installeer het met `apt-get install -y libreoffice-calc-nogui --no-install-recommends` of zet SOFFICE_PATH.');
  }
  return found;
}

/**
 * One LibreOffice profile per jest worker, created by its first conversion and reused by the rest:
 * a cold profile costs seconds on every start. A worker converts one file at a time, so no two
 * runs share it at once. It lives under the run's directory (test/support/globalSetup.cjs), which
 * the run removes at its end; keyed by the worker's process, which outlives its test files.
 */
function profileDir(): string {
  const root = process.env.REGIOMONITOR_TEST_TMP ?? os.tmpdir();
  const dir = path.join(root, `lo-profile-${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Converts a file with LibreOffice headless, as a user opening it and choosing Save As would:
 * `fods` → `xlsx` makes a file saved by LibreOffice; `xlsx` → `fods` shows what LibreOffice reads.
 */
export function convert(input: string, format: 'xlsx' | 'fods' | 'pdf', outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  const filter = format === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : format;
  const run = spawnSync(soffice(), ['--headless', '--norestore', `-env:UserInstallation=file://${profileDir()}`, '--convert-to', filter, '--outdir', outDir, input], { encoding: 'utf8', timeout: 120_000 });
  const out = path.join(outDir, `${path.basename(input, path.extname(input))}.${format}`);
  if (run.status !== 0 || !fs.existsSync(out)) throw new Error(`LibreOffice kon ${input} niet omzetten naar ${format}: ${run.stderr || run.stdout}`);
  return out;
}

/** Every entry of a zip (an .xlsx) by name, as bytes. */
export async function zipEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  return out;
}
