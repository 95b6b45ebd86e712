/**
 * File benchmark for `npm run bench`: how long the CLI takes to refuse a workbook with one stray value
 * in the last cell a sheet can have (XFD1048576), which it must do without reading the empty grid in
 * between. test/cli/files.test.ts checks the refusal and its memory; the time is measured here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { localRuntime } from '../adapters/local/runtime';
import { LocalWorkbook } from '../adapters/local/workbook';
import { setupWorkbook } from '../app/setup';
import { main } from '../cli/main';
import { TAB } from '../core/workbook/contract';
import { defaultRegion } from '../data/regions';

/** What a user should wait at most for the refusal. */
export const STRAY_CELL_LIMIT_MS = 5000;

export interface FileBench {
  strayCellMs: { median: number; runs: number };
  refused: boolean;
}

/** The part of `tab` in an .xlsx, found through the workbook's relationships. */
async function sheetPart(zip: JSZip, tab: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${tab}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = id && new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] || new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!target) throw new Error(`${tab} niet gevonden in het werkboek`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

export async function benchFiles(runs = 3): Promise<FileBench> {
  const dir = mkdtempSync(join(tmpdir(), 'regiomonitor-bench-'));
  try {
    const file = join(dir, 'regio.xlsx');
    const wb = LocalWorkbook.create();
    setupWorkbook(localRuntime(wb, { today: '2024-10-01' }), defaultRegion());
    await wb.save(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const part = await sheetPart(zip, TAB.ledger);
    const xml = await zip.file(part)!.async('string');
    zip.file(part, xml.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:XFD1048576"/>').replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const times: number[] = [];
    let refused = true;
    for (let i = 0; i < runs; i++) {
      let stderr = '';
      const started = performance.now();
      const code = await main(['check', file], { stdout: () => undefined, stderr: (t) => (stderr += t) });
      times.push(performance.now() - started);
      refused &&= code !== 0 && stderr.includes('XFD1048576');
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { strayCellMs: { median: Math.round(sorted[Math.floor(runs / 2)]), runs }, refused };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per figure, for bench.ts's report. */
export function formatFileBench(bench: FileBench): string[] {
  const over = bench.strayCellMs.median > STRAY_CELL_LIMIT_MS ? ' BOVEN DE GRENS' : '';
  return [`CLI check, één waarde in XFD1048576 (Mutaties): ${bench.refused ? 'geweigerd' : 'NIET GEWEIGERD'} in mediaan ${bench.strayCellMs.median} ms (${bench.strayCellMs.runs} keer, grens ${STRAY_CELL_LIMIT_MS} ms)${over}`];
}
