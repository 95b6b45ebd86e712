/**
 * Issue 17: the tabs the add-on writes print sensibly: landscape A4, one page wide, the header row
 * on every page; in a new workbook (written by exceljs) and in one loaded from a file (patched).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkbook } from '../../../src/adapters/local/workbook';
import { LAYOUT, TAB } from '../../../src/core/workbook/contract';
import { convert, zipEntries } from '../../libreoffice/libreoffice';
import { pdfText } from '../../libreoffice/pdfText';

jest.setTimeout(120_000);

const text = (b: Buffer | undefined) => (b ?? Buffer.alloc(0)).toString('utf8');

/** Worksheet part of each tab, in tab order. */
function sheetParts(entries: Map<string, Buffer>): [string, string][] {
  const workbook = text(entries.get('xl/workbook.xml'));
  const rels = text(entries.get('xl/_rels/workbook.xml.rels'));
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], path.posix.join('xl', m[2].replace(/^\/xl\//, ''))]));
  return [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => [m[1], targets.get(m[2])!]);
}

function expectPrintSetup(entries: Map<string, Buffer>, tab: string): void {
  const parts = sheetParts(entries);
  const index = parts.findIndex(([name]) => name === tab);
  const xml = text(entries.get(parts[index][1]));
  expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
  const setup = /<pageSetup [^>]*>/.exec(xml)![0];
  expect(setup).toContain('orientation="landscape"');
  expect(setup).toContain('paperSize="9"');
  expect(setup).toContain('fitToWidth="1"');
  expect(setup).toContain('fitToHeight="0"');
  // exactly one print-titles name for the tab: row 1
  const titles = [...text(entries.get('xl/workbook.xml')).matchAll(/<definedName name="_xlnm\.Print_Titles" localSheetId="(\d+)">([^<]*)<\/definedName>/g)].filter((m) => Number(m[1]) === index);
  expect(titles.map((m) => m[2].replace(/&apos;/g, "'"))).toEqual([`'${tab}'!$1:$1`]);
}

const ledgerLikeRows = (n: number) => Array.from({ length: n }, (_, i) => ['Mutaties', i + 2, 'Bedrag', String(i), `regel ${i + 1} nakijken`, 'telt niet mee']);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-print-'));
});

describe('page setup of the tabs the add-on writes', () => {
  test('a new workbook: landscape, one page wide, header row repeated', async () => {
    const wb = LocalWorkbook.create();
    wb.createTab(TAB.actions, LAYOUT[TAB.actions]);
    wb.replaceTab(TAB.checks, LAYOUT[TAB.checks], ledgerLikeRows(3));
    const file = path.join(dir, 'nieuw.xlsx');
    await wb.save(file);
    const entries = await zipEntries(file);
    expectPrintSetup(entries, TAB.actions);
    expectPrintSetup(entries, TAB.checks);
  });

  test('a loaded workbook, checked twice: the rewritten tab gets it, once, and prints so in LibreOffice', async () => {
    const first = LocalWorkbook.create();
    first.createTab(TAB.actions, LAYOUT[TAB.actions]);
    first.appendRows(TAB.actions, [['A-001', 'AL1', 'Tiel', 'Voorlichting scholen']]);
    const file = path.join(dir, 'geladen.xlsx');
    await first.save(file);
    for (let run = 0; run < 2; run++) {
      const wb = await LocalWorkbook.load(file);
      wb.replaceTab(TAB.checks, LAYOUT[TAB.checks], ledgerLikeRows(300));
      await wb.save(file);
    }
    const entries = await zipEntries(file);
    expectPrintSetup(entries, TAB.checks);

    const pdf = convert(file, 'pdf', path.join(dir, 'pdf'));
    const raw = fs.readFileSync(pdf).toString('latin1');
    const pages = [...raw.matchAll(/\/Type\s*\/Page\b(?!s)[\s\S]*?\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    const pageCount = (raw.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
    // Every page landscape: wider than high.
    expect(pages.length).toBe(pageCount);
    for (const [, width, height] of pages) expect(Number(width)).toBeGreaterThan(Number(height));
    // Acties (15 columns, one row) fits on one page once it is one page wide; Controles' 301 rows
    // take the rest, and each of its pages starts with the header, so 'Gevolg' appears once a page.
    const headerCount = pdfText(pdf).filter((t) => t === 'Gevolg').length;
    expect(headerCount).toBeGreaterThanOrEqual(2);
    expect(headerCount).toBe(pageCount - 1);
  });
});
