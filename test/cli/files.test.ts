/**
 * Issue 10: the CLI's file handling. Workbooks are saved by LibreOffice (test/libreoffice/); the CLI
 * runs as users run it, as a child process of the current sources where it matters.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { localRuntime } from '../../src/adapters/local/runtime';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { computeCheck } from '../../src/app/budgetCheck';
import { cliInProcess } from './run';
import { GENERATED_TABS, TAB } from '../../src/core/workbook/contract';
import { saveWithLibreOffice, userWorkbook } from '../libreoffice/fixture';
import { FodsDocument } from '../libreoffice/fods';
import { bundle } from '../support/bundle';

jest.setTimeout(120_000);

const cli = cliInProcess;

let dir: string;
let cliBundle: string;
let lo: string;
const tmp = () => fs.mkdtempSync(path.join(dir, 'case-'));
const fresh = () => {
  const file = path.join(tmp(), 'regio.xlsx');
  fs.copyFileSync(lo, file);
  return file;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-files-'));
  lo = saveWithLibreOffice(userWorkbook(), dir, 'regio');
  cliBundle = bundle('src/cli/cli.ts', 'cli');
});

describe('arguments', () => {
  test('a bad agenda date or quarter is a bad argument: exit 2, in Dutch, before the file is read', async () => {
    for (const quarter of ['2024-Q9', 'Q4', 'morgen']) {
      const run = await cli(['agenda', path.join(dir, 'bestaat-niet.xlsx'), quarter]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`Fout: "${quarter}" is geen datum of kwartaal: gebruik JJJJ-MM-DD (bijvoorbeeld 2024-09-12) of JJJJ-Qn. Meer uitleg: node build/cli.js help agenda\n`);
    }
    const impossible = await cli(['agenda', path.join(dir, 'bestaat-niet.xlsx'), '31-02-2024']);
    expect(impossible.code).toBe(2);
    // 2024 is a leap year: February has 29 days
    expect(impossible.stderr).toBe('Fout: 31-02-2024 bestaat niet: februari 2024 heeft 29 dagen. Meer uitleg: node build/cli.js help agenda\n');
  });
});

describe('saving', () => {
  test('a read-only file is refused in Dutch and stays as it was, even for root', async () => {
    const file = fresh();
    fs.chmodSync(file, 0o444);
    const before = fs.readFileSync(file);
    const run = await cli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`Fout: Kan ${file} niet opslaan: het bestand is alleen-lezen. Maak het eerst schrijfbaar, of kopieer het.\n`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
  });

  test('a workbook open in LibreOffice (.~lock.X#) is refused in Dutch, naming the lock file, and stays as it was', async () => {
    const file = fresh();
    const lock = path.join(path.dirname(file), '.~lock.regio.xlsx#');
    // What LibreOffice writes: user name, system user, host, date, profile.
    fs.writeFileSync(lock, 'Jan Jansen,jan,werkplek,07.12.2026 10:15,file:///home/jan/.config/libreoffice/4;');
    const before = fs.readFileSync(file);
    const run = await cli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `Fout: ${file} is geopend in LibreOffice (door Jan Jansen sinds 07.12.2026 10:15): het vergrendelbestand .~lock.regio.xlsx# staat ernaast. ` +
        'Sluit het werkboek daar eerst; anders overschrijft LibreOffice bij het opslaan wat de CLI schrijft. ' +
        'Staat het nergens meer open (na een crash), verwijder dan .~lock.regio.xlsx#.\n',
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['.~lock.regio.xlsx#', 'regio.xlsx']);
    // The agenda only reads the workbook: an open one is fine.
    expect((await cli(['agenda', file, '2024-Q4', '--out', fs.mkdtempSync(path.join(dir, 'agenda-'))])).code).toBe(0);
  });

  test('a workbook open in Excel (~$X) is refused in Dutch, naming the lock file, and stays as it was', async () => {
    const file = fresh();
    fs.writeFileSync(path.join(path.dirname(file), '~$regio.xlsx'), Buffer.alloc(165));
    const before = fs.readFileSync(file);
    const run = await cli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `Fout: ${file} is geopend in Excel: het vergrendelbestand ~$regio.xlsx staat ernaast. ` +
        'Sluit het werkboek daar eerst; anders overschrijft Excel bij het opslaan wat de CLI schrijft. ' +
        'Staat het nergens meer open (na een crash), verwijder dan ~$regio.xlsx.\n',
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test('the file keeps its mode: 0600 stays 0600', async () => {
    const file = fresh();
    fs.chmodSync(file, 0o600);
    expect((await cli(['check', file])).code).toBe(0);
    expect(fs.statSync(file).mode & 0o7777).toBe(0o600);
    expect((await LocalWorkbook.load(file)).tabNames()).toEqual(expect.arrayContaining([...GENERATED_TABS]));
  });

  test('through a symbolic link the target is written and the link stays a link', async () => {
    const file = fresh();
    const link = path.join(path.dirname(file), 'snelkoppeling.xlsx');
    fs.symlinkSync(path.basename(file), link);
    expect((await cli(['check', link])).code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe('regio.xlsx');
    expect((await LocalWorkbook.load(file)).tabNames()).toContain(TAB.budgetCheck);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['regio.xlsx', 'snelkoppeling.xlsx']);
  });

  test('a save killed half way (SIGKILL) leaves the file whole; its temp file is gone after the next run', async () => {
    const file = fresh();
    const before = fs.readFileSync(file);
    const child = spawn(process.execPath, [bundle('test/support/slowSave.ts', 'slowSave'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    await halfway(child);
    const temps = fs.readdirSync(path.dirname(file)).filter((n) => n !== 'regio.xlsx');
    expect(temps).toEqual([`.regio.xlsx.~${child.pid}.regiomonitor-tmp`]);
    child.kill('SIGKILL');
    await exited(child);
    // The crash: the file is the old one, the temp file of the dead process is still there.
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toHaveLength(2);
    // The next run (here a check, which saves the same file) removes it.
    expect((await cli(['check', file])).code).toBe(0);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['regio.xlsx']);
  });

  test('a save stopped politely (SIGTERM) removes its own temp file on the way out', async () => {
    const file = fresh();
    const before = fs.readFileSync(file);
    const child = spawn(process.execPath, [bundle('test/support/slowSave.ts', 'slowSave'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    await halfway(child);
    expect(fs.readdirSync(path.dirname(file))).toHaveLength(2);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(143);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['regio.xlsx']);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('errors in Dutch', () => {
  test('a file the user may not read: Dutch, with the system\'s text on a second line', () => {
    const file = fresh();
    fs.chmodSync(file, 0o600);
    // As root, run the CLI as nobody; as anyone else, take away the read right.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      fs.chmodSync(dir, 0o711);
      fs.chmodSync(path.dirname(file), 0o755);
    }
    else fs.chmodSync(file, 0o000);
    const run = spawnSync(process.execPath, [cliBundle, 'check', file], { encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Fout: (Geen leesrechten voor .*regio\.xlsx\.|Kan .*regio\.xlsx niet opslaan: je hebt geen schrijfrechten op dit bestand\.)$/);
    expect(lines[1]).toMatch(/^Technische details: EACCES: permission denied/);
  });

  test('an agenda written over an existing file name: Dutch, not EEXIST', async () => {
    const file = fresh();
    const blocker = path.join(path.dirname(file), 'uitvoer');
    fs.writeFileSync(blocker, 'geen map');
    const run = await cli(['agenda', file, '2024-Q4', '--out', blocker]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`Fout: Kan de map ${blocker} niet maken: er staat al een bestand met die naam.`);
    expect(lines[1]).toMatch(/^Technische details: EEXIST: file already exists, mkdir/);
  });
});

describe('reading', () => {
  test('a merged amount counts once, as in Sheets: € 1.000.000 merged over three ledger rows', async () => {
    const doc: FodsDocument = userWorkbook();
    const ledger = doc.tables.find((t) => t.name === TAB.ledger)!;
    ledger.rows = [
      ledger.rows[0],
      ['M-101', new Date('2024-02-01T00:00:00Z'), 2024, 'VT', null, 'Verplichting', { value: 1_000_000, span: { rows: 3 } }, null, null, 'beschikking deel 1'],
      ['M-102', new Date('2024-02-01T00:00:00Z'), 2024, 'VT', null, 'Verplichting', null, null, null, 'beschikking deel 2'],
      ['M-103', new Date('2024-02-01T00:00:00Z'), 2024, 'VT', null, 'Verplichting', null, null, null, 'beschikking deel 3'],
    ];
    const file = saveWithLibreOffice(doc, tmp(), 'samengevoegd');
    const wb = await LocalWorkbook.load(file);
    const grid = wb.readTab(TAB.ledger)!;
    expect(grid.slice(1, 4).map((r) => r[6])).toEqual([1_000_000, null, null]);
    const vt = computeCheck(localRuntime(wb, { today: '2024-10-01' })).years.find((y) => y.year === 2024)!.lines.find((l) => l.code === 'VT')!;
    // One commitment of € 1.000.000 on VT 2024 (raming € 1.900.000), not three.
    expect(vt.spentCents).toBe(100_000_000);
    expect(vt.signal).toBe('OK');
  });

  test('one stray value in XFD1048576: refused in Dutch, naming the limit, within 500 MB (its time: npm run bench)', async () => {
    // LibreOffice itself needs a minute for a cell that far out, so the stray value is put into its
    // file as LibreOffice writes one (a last row holding one cell; the dimension grows to match).
    const file = fresh();
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const part = 'xl/worksheets/sheet7.xml';
    const xml = await zip.file(part)!.async('string');
    expect(xml).toContain('<sheetData><row r="1" '); // the seventh tab: Mutaties, as the message below says
    zip.file(part, xml.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:XFD1048576"/>').replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const before = fs.readFileSync(file);
    const rssFile = path.join(dir, `rss-${Date.now()}`);
    const reporter = path.join(dir, 'rss-reporter.js');
    fs.writeFileSync(reporter, "process.on('exit', () => require('fs').writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
    const started = Date.now();
    const run = spawnSync(process.execPath, ['-r', reporter, cliBundle, 'check', file], { encoding: 'utf8', env: { ...process.env, RSS_FILE: rssFile } });
    const seconds = (Date.now() - started) / 1000;
    const megabytes = Number(fs.readFileSync(rssFile, 'utf8')) / 1024;
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Fout: Tabblad Mutaties is te groot voor de CLI: er staat een waarde in cel XFD1048576');
    expect(run.stderr).toContain('de grens is 10.000.000 cellen per tabblad');
    expect(run.stderr).not.toContain('Technische details');
    expect(megabytes).toBeLessThan(500);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    process.stdout.write(`stray cell: ${seconds.toFixed(2)} s, ${megabytes.toFixed(0)} MB peak RSS\n`);
  });
});

function halfway(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('halverwege')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}
