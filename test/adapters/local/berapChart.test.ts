/**
 * Issue 20: the berap tab's chart in an .xlsx survives a round trip through LibreOffice, is found
 * again (not duplicated) when the berap is remade, and LibreOffice draws it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { localRuntime } from '../../../src/adapters/local/runtime';
import { LocalWorkbook } from '../../../src/adapters/local/workbook';
import { generateBerap } from '../../../src/app/berap';
import { CHART_TITLE } from '../../../src/core/budget/berap/chart';
import { BERAP_HEADERS } from '../../../src/core/budget/berap/rows';
import { LAYOUT, TAB, TabName } from '../../../src/core/workbook/contract';
import { HISTORY, berapWorkbook } from '../../core/budget/berap/fixture';
import { FodsValue, chartFrame, imageFrame } from '../../libreoffice/fods';
import { saveWithLibreOffice } from '../../libreoffice/fixture';
import { convert, zipEntries } from '../../libreoffice/libreoffice';
import { pdfText } from '../../libreoffice/pdfText';

jest.setTimeout(180_000);

const TAB_NAME = 'Berap 2024-10-01';
const text = (b: Buffer | undefined) => (b ?? Buffer.alloc(0)).toString('utf8');

/** The chart parts of a package that carry the berap chart's title. */
async function berapCharts(file: string): Promise<string[]> {
  const entries = await zipEntries(file);
  return [...entries.keys()].filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name) && text(entries.get(name)).includes(CHART_TITLE));
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-berapchart-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function madeWorkbook(file: string): Promise<void> {
  const wb = LocalWorkbook.create();
  for (const [name, grid] of Object.entries({ ...berapWorkbook(), [TAB.forecastHistory]: HISTORY })) {
    wb.createTab(name, { ...LAYOUT[name as TabName], headers: grid![0].map(String) });
    wb.appendRows(name, grid!.slice(1));
  }
  generateBerap(localRuntime(wb), '2024-10-01');
  await wb.save(file);
}

test('the chart is in the .xlsx, survives LibreOffice saving it, is replaced on remaking, and is drawn', async () => {
  const ours = path.join(dir, 'werkboek.xlsx');
  await madeWorkbook(ours);
  const charts = await berapCharts(ours);
  expect(charts).toHaveLength(1);
  const chart = text((await zipEntries(ours)).get(charts[0]));
  // the four lines A..D: Begrotingspost (B), Raming (F), Prognose (I), rows 2-5, with cached values
  expect(chart).toContain(`<c:f>'${TAB_NAME}'!$B$2:$B$5</c:f>`);
  expect(chart).toContain(`<c:f>'${TAB_NAME}'!$F$2:$F$5</c:f>`);
  expect(chart).toContain(`<c:f>'${TAB_NAME}'!$I$2:$I$5</c:f>`);
  expect(chart).toContain('<c:pt idx="0"><c:v>1020000</c:v></c:pt>');

  // LibreOffice opens it and saves it as .xlsx, as a user would
  const saved = convert(ours, 'xlsx', path.join(dir, 'lo'));
  expect(await berapCharts(saved)).toHaveLength(1);

  // the controller types a text in that file; the berap is remade: text kept, still one chart
  const wb = await LocalWorkbook.load(saved);
  const grid = wb.readTab(TAB_NAME)!;
  const rowA = grid.findIndex((r) => r[BERAP_HEADERS.indexOf('Code')] === 'A') + 1;
  wb.writeCells(TAB_NAME, [{ row: rowA, column: BERAP_HEADERS.indexOf('Toelichting') + 1, value: 'Subsidie lager vastgesteld.' }]);
  generateBerap(localRuntime(wb), '2024-10-01');
  const remade = path.join(dir, 'opnieuw.xlsx');
  await wb.save(remade);
  expect(await berapCharts(remade)).toHaveLength(1);
  expect((await LocalWorkbook.load(remade)).readTab(TAB_NAME)![rowA - 1][BERAP_HEADERS.indexOf('Toelichting')]).toBe('Subsidie lager vastgesteld.');

  // LibreOffice draws it: the title, the legend and a line's label appear in the printed pages
  const printed = pdfText(convert(remade, 'pdf', path.join(dir, 'pdf'))).join(' ');
  expect(printed).toContain(CHART_TITLE);
  expect(printed).toMatch(/Raming[\s\S]*Prognose/);
});

test('a berap tab with the user\'s own chart and picture, saved by LibreOffice: ours joins them, theirs stay', async () => {
  const tables = Object.entries({ ...berapWorkbook(), [TAB.forecastHistory]: HISTORY }).map(([name, grid]) => ({ name, rows: grid! as FodsValue[][] }));
  // the controller's own berap tab from last time, with a chart of their own and a logo
  const own = { value: 'Code', frames: [chartFrame(`'${TAB_NAME}'.F2:'${TAB_NAME}'.F3`, [1, 2], '30cm', '1cm'), imageFrame('40cm', '0cm')] };
  tables.push({ name: TAB_NAME, rows: [[own, 'Begrotingspost', 'Raming', 'Toelichting'], ['A', 'Post A', 1, 'Eerder getypt.'], ['B', 'Post B', 2, '']] as never });
  const file = saveWithLibreOffice({ tables }, dir, 'eigen');
  const before = await zipEntries(file);
  const media = [...before.keys()].filter((n) => n.startsWith('xl/media/'));
  const charts = [...before.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  expect(media).toHaveLength(1);
  expect(charts).toHaveLength(1);

  const wb = await LocalWorkbook.load(file);
  generateBerap(localRuntime(wb), '2024-10-01');
  const remade = path.join(dir, 'eigen-opnieuw.xlsx');
  await wb.save(remade);
  const after = await zipEntries(remade);
  // their picture byte for byte, their chart as it was, and ours beside them
  expect(after.get(media[0])).toEqual(before.get(media[0]));
  expect(after.get(charts[0])).toEqual(before.get(charts[0]));
  expect(await berapCharts(remade)).toHaveLength(1);
  expect([...after.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(2);

  const tab = (await LocalWorkbook.load(remade)).readTab(TAB_NAME)!;
  expect(tab.find((r) => r[BERAP_HEADERS.indexOf('Code')] === 'A')![BERAP_HEADERS.indexOf('Toelichting')]).toBe('Eerder getypt.');

  const printed = pdfText(convert(remade, 'pdf', path.join(dir, 'pdf-eigen'))).join(' ');
  expect(printed).toContain(CHART_TITLE);
});
