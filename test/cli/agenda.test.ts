import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { AgendaInputError } from '../../src/app/agenda';
import { writeAgendaFiles } from '../../src/cli/commands/agenda';
import { LAYOUT, TAB, TabName } from '../../src/core/workbook/contract';
import { HISTORY, SIX_WEEKLY, snapshot } from '../core/agenda/fixture';

let dir: string;
let file: string;

async function save(meetups?: typeof SIX_WEEKLY): Promise<void> {
  const wb = LocalWorkbook.create();
  const tabs = { ...snapshot(meetups ? { meetups } : {}), [TAB.forecastHistory]: HISTORY };
  for (const [name, grid] of Object.entries(tabs)) {
    wb.createTab(name, { ...LAYOUT[name as TabName], headers: grid![0].map(String) });
    wb.appendRows(name, grid!.slice(1));
  }
  await wb.save(file);
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'regiomonitor-agenda-'));
  file = path.join(dir, 'werkboek.xlsx');
  await save();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('writeAgendaFiles', () => {
  it('writes agenda-JJJJ-MM-DD.md and .html from an .xlsx, with the region texts of its Instellingen', async () => {
    const out = path.join(dir, 'out');
    const result = await writeAgendaFiles(file, '2025-03-13', out);
    expect(result.markdownFile).toBe(path.join(out, 'agenda-2025-03-13.md'));
    const md = await fs.readFile(result.markdownFile, 'utf8');
    const html = await fs.readFile(result.htmlFile, 'utf8');
    expect(md.startsWith('# Agenda overleg Testregio, 13-03-2025\n')).toBe(true);
    // Instellingen › Campagnes: March up to the next meet-up in June holds Week van de test and Meldcodeweek.
    expect(md).toContain('Week van de test (maart en november) en Meldcodeweek (mei).');
    // Tekort: 73.000 − 50.000 = 23.000.
    expect(md).toContain('Advies bij de overschrijding van Uitvoering actielijnen in 2025 — tekort € 23.000');
    expect(html).toContain('<html lang="nl">');
  });

  it('makes the agenda of the second meet-up in a quarter, and reads a quarter as the first', async () => {
    await save(SIX_WEEKLY);
    const second = await writeAgendaFiles(file, '13-03-2025', path.join(dir, 'a'));
    expect(second.title).toBe('Agenda overleg Testregio, 13-03-2025');
    const first = await writeAgendaFiles(file, '2025-Q1', path.join(dir, 'b'));
    expect(first.markdownFile).toBe(path.join(dir, 'b', 'agenda-2025-01-30.md'));
  });

  it('gives the same files on a second run and leaves the workbook as it was', async () => {
    const before = await fs.readFile(file);
    const a = await writeAgendaFiles(file, '2025-03-13', path.join(dir, 'a'));
    const b = await writeAgendaFiles(file, '2025-q1', path.join(dir, 'b'));
    expect(await fs.readFile(b.markdownFile, 'utf8')).toBe(await fs.readFile(a.markdownFile, 'utf8'));
    expect(await fs.readFile(b.htmlFile, 'utf8')).toBe(await fs.readFile(a.htmlFile, 'utf8'));
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });

  it('refuses a date without a meet-up, naming the nearest ones', async () => {
    await expect(writeAgendaFiles(file, '2025-05-01', path.join(dir, 'x'))).rejects.toThrow(AgendaInputError);
    await expect(writeAgendaFiles(file, '2025-05-01', path.join(dir, 'x'))).rejects.toThrow('De dichtstbijzijnde: 13-03-2025 (2025-03-13) en 12-06-2025 (2025-06-12).');
  });

  it('takes its figures as of --peildatum, never later than the meet-up (issue 22: the CLI used today)', async () => {
    // Workbook Peildatum 01-03-2025; --peildatum 15-02-2025 stands in for it: the ledger row of
    // 20-01-2025 counts, that of 10-02-2025 too, nothing later exists. The header says the date.
    const earlier = await writeAgendaFiles(file, '2025-03-13', path.join(dir, 'p'), { referenceDate: '2025-02-15' });
    expect(await fs.readFile(earlier.markdownFile, 'utf8')).toContain('Cijfers per: 15-02-2025');
    // A --peildatum after the meet-up: the agenda is as of the meet-up's date.
    const later = await writeAgendaFiles(file, '2025-03-13', path.join(dir, 'q'), { referenceDate: '2025-12-31' });
    expect(await fs.readFile(later.markdownFile, 'utf8')).toContain('Cijfers per: 13-03-2025');
  });
});
