import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { BERAP_HEADERS } from '../../src/core/budget/berap/rows';
import { cellText } from '../../src/core/sheet/cell';
import { LAYOUT, TAB, TabName } from '../../src/core/workbook/contract';
import { HISTORY, berapWorkbook } from '../core/budget/berap/fixture';
import { cliInProcess } from './run';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'regiomonitor-berap-'));
  file = path.join(dir, 'werkboek.xlsx');
  const wb = LocalWorkbook.create();
  for (const [name, grid] of Object.entries({ ...berapWorkbook(), [TAB.forecastHistory]: HISTORY })) {
    wb.createTab(name, { ...LAYOUT[name as TabName], headers: grid![0].map(String) });
    wb.appendRows(name, grid!.slice(1));
  }
  await wb.save(file);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const col = (h: string) => BERAP_HEADERS.indexOf(h as (typeof BERAP_HEADERS)[number]);

describe('berap BESTAND.xlsx', () => {
  it('writes the tab into the workbook and berap-JJJJ-MM-DD.md and .html to --out; the text typed survives a second run', async () => {
    const out = path.join(dir, 'uit');
    const first = await cliInProcess(['berap', file, '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Berap programma Testregio 2024, peildatum 01-10-2024');
    expect(first.stdout).toContain('2 verplichte toelichtingen ontbreken');
    const md = await fs.readFile(path.join(out, 'berap-2024-10-01.md'), 'utf8');
    expect(md).toContain('| Post B (B) | € 100.000 | € 0 | € 100.000 | € 115.000 | € 0 | € 115.000 | € -15.000 | -15,0% | N | € 100.000 | € 15.000 |');
    expect(await fs.readFile(path.join(out, 'berap-2024-10-01.html'), 'utf8')).toContain('<svg');

    // the controller types a text for A in the saved file
    const wb = await LocalWorkbook.load(file);
    const tab = wb.readTab('Berap 2024-10-01')!;
    expect(tab[0].map(cellText)).toEqual([...BERAP_HEADERS]);
    const rowA = tab.findIndex((r) => r[col('Code')] === 'A') + 1;
    wb.writeCells('Berap 2024-10-01', [{ row: rowA, column: col('Toelichting') + 1, value: 'Subsidie lager vastgesteld.' }]);
    await wb.save(file);

    const second = await cliInProcess(['berap', file, '--peildatum', '01-10-2024', '--out', out]);
    expect(second.stdout).toContain('1 verplichte toelichting ontbreekt');
    const again = (await LocalWorkbook.load(file)).readTab('Berap 2024-10-01')!;
    expect(again.find((r) => r[col('Code')] === 'A')![col('Toelichting')]).toBe('Subsidie lager vastgesteld.');
    expect(await fs.readFile(path.join(out, 'berap-2024-10-01.md'), 'utf8')).toContain('Subsidie lager vastgesteld.');
  });

  it('makes the berap of another Peildatum with --peildatum, beside the first', async () => {
    const run = await cliInProcess(['berap', file, '--peildatum', '2024-07-01']);
    expect(run.code).toBe(0);
    expect((await LocalWorkbook.load(file)).tabNames()).toContain('Berap 2024-07-01');
    await expect(fs.stat(path.join(dir, 'berap-2024-07-01.html'))).resolves.toBeTruthy();
  });

  it('same sheet, same Peildatum: the same berap, byte for byte', async () => {
    await cliInProcess(['berap', file, '--out', path.join(dir, 'a')]);
    await cliInProcess(['berap', file, '--out', path.join(dir, 'b')]);
    for (const name of ['berap-2024-10-01.md', 'berap-2024-10-01.html']) {
      expect(await fs.readFile(path.join(dir, 'b', name), 'utf8')).toBe(await fs.readFile(path.join(dir, 'a', name), 'utf8'));
    }
  });

  it('refuses a date that does not exist, in Dutch, before opening the file', async () => {
    const run = await cliInProcess(['berap', file, '--peildatum', '31-02-2024']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Fout: --peildatum .*31-02-2024.*berap/);
  });
});
