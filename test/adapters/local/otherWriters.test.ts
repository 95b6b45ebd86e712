/**
 * Issue 17: workbooks from other writers. openpyxl saves with absolute part targets
 * (`/xl/drawings/drawing1.xml`), drawings without the `xdr:` prefix and comments in its own folders;
 * a Google Sheets export has no docProps. The CLI reads them and leaves their charts and comments
 * byte for byte.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkbook } from '../../../src/adapters/local/workbook';
import { localRuntime } from '../../../src/adapters/local/runtime';
import { setupWorkbook } from '../../../src/app/setup';
import { defaultRegion } from '../../../src/data/regions';
import { TAB } from '../../../src/core/workbook/contract';
import { cliInProcess } from '../../cli/run';
import { zipEntries } from '../../libreoffice/libreoffice';
import { OPENPYXL_MISSING, openpyxlPython, runFixtureScript } from '../../fixtures/openpyxl';

jest.setTimeout(60_000);

const python = openpyxlPython();
if (!python) console.warn(OPENPYXL_MISSING);
const withOpenpyxl = python ? test : test.skip;

/** Parts that hold what the user drew or noted: charts, drawings, comments and their links. */
const userParts = (names: Iterable<string>) => [...names].filter((n) => /chart|drawing|comment|vml/i.test(n)).sort();

let dir: string;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-writers-'));
  base = path.join(dir, 'base.xlsx');
  const wb = LocalWorkbook.create();
  setupWorkbook(localRuntime(wb, { today: '2024-10-01' }), defaultRegion());
  await wb.save(base);
});

async function checkKeepsUserParts(file: string): Promise<void> {
  const before = await zipEntries(file);
  const parts = userParts(before.keys());
  // openpyxl: a chart (chart, drawing, its rels) and a comment (comments, vml)
  expect(parts.filter((p) => /charts\/chart\d+\.xml$/.test(p))).toHaveLength(1);
  expect(parts.filter((p) => /comment/i.test(p) && p.endsWith('.xml') && !p.includes('_rels'))).toHaveLength(1);
  const run = await cliInProcess(['check', file]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const after = await zipEntries(file);
  for (const part of parts) expect([part, after.get(part)?.equals(before.get(part)!)]).toEqual([part, true]);
  // The tabs holding them keep their references: the sheet parts of Begroting and Mutaties are untouched.
  const loaded = await LocalWorkbook.load(file);
  expect(loaded.tabNames()).toContain(TAB.checks);
  expect(loaded.readTab(TAB.checks)![0][0]).toBeTruthy();
}

describe('a workbook saved by openpyxl with a chart and a comment', () => {
  withOpenpyxl('has absolute part targets, and the CLI checks it leaving chart and comment byte for byte', async () => {
    const file = runFixtureScript(python!, 'regio', base, path.join(dir, 'openpyxl.xlsx'));
    const before = await zipEntries(file);
    const rels = [...before].filter(([n]) => n.endsWith('.rels')).map(([, b]) => b.toString('utf8')).join('\n');
    expect(rels).toContain('Target="/xl/drawings/drawing1.xml"');
    await checkKeepsUserParts(file);
  });
});

describe('a workbook in the shape of a Google Sheets export', () => {
  withOpenpyxl('has no docProps and relative targets, and the CLI checks it leaving chart and comment byte for byte', async () => {
    const from = runFixtureScript(python!, 'regio', base, path.join(dir, 'for-google.xlsx'));
    const file = runFixtureScript(python!, 'google', from, path.join(dir, 'google.xlsx'));
    const before = await zipEntries(file);
    expect([...before.keys()].filter((n) => n.startsWith('docProps/'))).toEqual([]);
    expect(before.get('xl/worksheets/_rels/sheet5.xml.rels')!.toString('utf8')).toContain('Target="../drawings/drawing1.xml"');
    await checkKeepsUserParts(file);
  });
});
