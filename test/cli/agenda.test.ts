import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { agendaCommand } from '../../src/cli/agenda';
import { LAYOUT, TabName } from '../../src/core/contract';
import { CONFIG, snapshot } from '../core/agenda/fixture';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'regiomonitor-agenda-'));
  file = path.join(dir, 'werkboek.xlsx');
  const wb = LocalWorkbook.create();
  for (const [name, grid] of Object.entries(snapshot())) {
    wb.createTab(name, LAYOUT[name as TabName]);
    wb.appendRows(name, grid!.slice(1));
  }
  await wb.save(file);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('agendaCommand', () => {
  it('writes agenda-JJJJ-Qn.md and .html from an .xlsx', async () => {
    const out = path.join(dir, 'out');
    const result = await agendaCommand(file, '2025-Q1', out, { config: CONFIG });
    expect(result.markdownFile).toBe(path.join(out, 'agenda-2025-Q1.md'));
    const md = await fs.readFile(result.markdownFile, 'utf8');
    const html = await fs.readFile(result.htmlFile, 'utf8');
    expect(md.startsWith('# Agenda ambtelijke meet-up Testregio, 2025-Q1\n')).toBe(true);
    // Tekort ACT: 73.000 - 50.000 = 23.000.
    expect(md).toContain('- **3.1** Besluit herprioritering 2025, ACT Uitvoering actielijnen — tekort € 23.000,00');
    expect(html).toContain('<html lang="nl">');
  });

  it('gives the same files on a second run and leaves the workbook as it was', async () => {
    const before = await fs.readFile(file);
    const a = await agendaCommand(file, '2025-q1', path.join(dir, 'a'), { config: CONFIG });
    const b = await agendaCommand(file, '2025-Q1', path.join(dir, 'b'), { config: CONFIG });
    expect(await fs.readFile(b.markdownFile, 'utf8')).toBe(await fs.readFile(a.markdownFile, 'utf8'));
    expect(await fs.readFile(b.htmlFile, 'utf8')).toBe(await fs.readFile(a.htmlFile, 'utf8'));
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });

  it('refuses a quarter it cannot read', async () => {
    await expect(agendaCommand(file, '2025-5', path.join(dir, 'x'))).rejects.toThrow('geen kwartaal');
  });
});
