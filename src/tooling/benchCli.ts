/**
 * The CLI on a big workbook, for `npm run bench`: `check` on 50.000 and 200.000 ledger rows, and on a
 * workbook with 3 million shared strings, beside exceljs merely loading the same file. Each run is
 * its own child process, so its peak memory (maxRSS) is its own; time is wall-clock time.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { LocalWorkbook } from '../adapters/local/workbook';
import { localRuntime } from '../adapters/local/runtime';
import { setupWorkbook } from '../app/setup';
import { TAB } from '../core/workbook/contract';
import { defaultRegion } from '../data/regions';
import { fictionalPayments } from './benchLedger';

export interface CliMeasurement {
  name: string;
  fileMb: number;
  cli: Run;
  exceljs: Run;
}

interface Run {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  exit: number;
}

/**
 * Writes the child's peak resident memory (kB) and CPU time (µs) to the file named by RSS_PROBE_OUT
 * when it exits. CPU time is reported beside wall-clock time: on a machine shared with other work it
 * is the steadier figure.
 */
const PROBE = "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.RSS_PROBE_OUT, JSON.stringify([u.maxRSS, u.userCPUTime + u.systemCPUTime])); });\n";
const EXCELJS_LOAD = "const ExcelJS = require('exceljs'); new ExcelJS.Workbook().xlsx.readFile(process.argv[1]).then(() => {}, (e) => { console.error(e.message); process.exit(1); });";

function measured(args: string[], dir: string): Run {
  const probe = path.join(dir, 'probe.cjs');
  const out = path.join(dir, 'rss.txt');
  fs.writeFileSync(probe, PROBE);
  fs.rmSync(out, { force: true });
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', probe, ...args], { env: { ...process.env, RSS_PROBE_OUT: out }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: process.cwd() });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) process.stderr.write(`bench: ${args.join(' ')} → ${run.status}: ${run.stderr.slice(0, 400)}\n`);
  const [kb, cpu] = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as number[]) : [NaN, NaN];
  return { seconds, cpuSeconds: cpu / 1e6, peakMb: kb / 1024, exit: run.status ?? -1 };
}

/** The default region's workbook with `rows` fictional payments over its budget lines. */
export async function ledgerWorkbook(rows: number, file: string): Promise<void> {
  const wb = LocalWorkbook.create();
  setupWorkbook(localRuntime(wb, { today: '2024-10-01' }), defaultRegion());
  const ledger = fictionalPayments(wb.readTab(TAB.budget)!, rows, (y, m, d) => new Date(Date.UTC(y, m - 1, d)), null);
  wb.appendRows(TAB.ledger, ledger);
  await wb.save(file);
}

/** A set-up workbook whose shared-string table also holds `count` strings no cell uses (as some exporters leave them). */
export async function sharedStringsWorkbook(count: number, file: string): Promise<void> {
  await ledgerWorkbook(0, file);
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const sst = zip.file('xl/sharedStrings.xml');
  const xml = sst ? await sst.async('string') : '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></sst>';
  const extra: string[] = [];
  for (let i = 0; i < count; i++) extra.push(`<si><t>tekst ${i}</t></si>`);
  const close = xml.lastIndexOf('</sst>');
  zip.file('xl/sharedStrings.xml', `${xml.slice(0, close)}${extra.join('')}</sst>`);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}

/** `cli`: the built CLI (BENCH_CLI names another build, e.g. an earlier one to compare with). */
export async function benchCli(cli = process.env.BENCH_CLI ?? path.join(path.dirname(process.argv[1]), 'cli.js')): Promise<CliMeasurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-bench-cli-'));
  const cases: { name: string; make: (file: string) => Promise<void> }[] = [
    { name: 'check, 50.000 Mutaties', make: (f) => ledgerWorkbook(50_000, f) },
    { name: 'check, 200.000 Mutaties', make: (f) => ledgerWorkbook(200_000, f) },
    { name: 'check, 3 mln. sharedStrings', make: (f) => sharedStringsWorkbook(3_000_000, f) },
  ];
  const out: CliMeasurement[] = [];
  try {
    for (const c of cases) {
      const original = path.join(dir, 'origineel.xlsx');
      await c.make(original);
      const file = path.join(dir, 'regio.xlsx');
      fs.copyFileSync(original, file);
      const cliRun = measured([cli, 'check', file, '--json'], dir);
      const exceljsRun = measured(['-e', EXCELJS_LOAD, original], dir);
      out.push({ name: c.name, fileMb: fs.statSync(original).size / (1024 * 1024), cli: cliRun, exceljs: exceljsRun });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export function formatCliBench(results: CliMeasurement[]): string[] {
  const fmt = (r: Run) => `${r.seconds.toFixed(1).padStart(5)} s ${r.cpuSeconds.toFixed(1).padStart(5)} s ${r.peakMb.toFixed(0).padStart(5)} MB${r.exit === 0 ? '' : ` (exit ${r.exit})`}`;
  return [
    'CLI op een groot werkboek (elk in een eigen proces): wandkloktijd, CPU-tijd, piekgeheugen (maxRSS)',
    `  ${'geval'.padEnd(28)} ${'bestand'.padStart(8)}  ${'CLI check'.padEnd(24)}  exceljs laadt alleen`,
    ...results.map((r) => `  ${r.name.padEnd(28)} ${`${r.fileMb.toFixed(1)} MB`.padStart(8)}  ${fmt(r.cli)}  ${fmt(r.exceljs)}`),
  ];
}

// `node build/benchCli.js`: only this part of the benchmark. (Not `require.main === module`: bundled
// into bench.js, this module is part of the main module too.)
if (/benchCli\.js$/.test(process.argv[1] ?? '')) {
  benchCli().then((r) => {
    for (const l of formatCliBench(r)) console.log(l);
  }, (error) => {
    console.error(error);
    process.exit(1);
  });
}
