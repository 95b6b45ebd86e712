/**
 * Issue 17: the CLI's Dutch messages say what is wrong. A bad argument is one line on stderr that
 * points to `help`, not the whole usage again; a day that does not exist is called that; a CSV or
 * OpenDocument file gets the hint to save it as .xlsx. In-process: the exit codes of a spawned CLI
 * are tested in cli.test.ts.
 */
import JSZip from 'jszip';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliInProcess as cli } from './run';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-messages-'));

/** stderr of a failed run as lines, without the final newline. */
const lines = (stderr: string) => stderr.replace(/\n$/, '').split('\n');

describe('an argument error is one Dutch line that points to help', () => {
  test.each([
    [['opruimen'], /^Fout: Onbekende opdracht "opruimen"\./],
    [[], /^Fout: Geen opdracht opgegeven\./],
    [['check'], /^Fout: "check" verwacht een bestandsnaam \(BESTAND\.xlsx\)\./],
    [['check', 'a.xlsx', 'b.xlsx'], /^Fout: Te veel argumenten bij "check": b\.xlsx/],
    [['check', 'a.xlsx', '--jsn'], /^Fout: Onbekende optie --jsn bij "check"/],
    [['check', 'a.xlsx', '--peildatum'], /^Fout: Optie --peildatum mist een waarde/],
    [['check', 'a.xlsx', '--json=ja'], /^Fout: Optie --json heeft geen waarde/],
    [['demo', '--out', '--json'], /^Fout: Optie --out mist een waarde/],
    [['agenda', 'a.xlsx', 'Q4'], /^Fout: "Q4" is geen datum of kwartaal/],
    [['regio.xlsx'], /^Fout: "regio\.xlsx" is geen opdracht: zet de opdracht ervoor, bijvoorbeeld node build\/cli\.js check regio\.xlsx\./],
    [['mijn-regio.json'], /^Fout: "mijn-regio\.json" is geen opdracht: een regiobestand gebruik je zo: node build\/cli\.js init BESTAND\.xlsx --regio mijn-regio\.json\./],
  ])('%j', async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('Gebruik:');
    expect(run.stderr).toMatch(/node build\/cli\.js help/);
  });

  test('the help a failed command points to explains that command', async () => {
    const failed = await cli(['check', 'a.xlsx', '--jsn']);
    const pointer = /(node build\/cli\.js help[^.\n]*)/.exec(failed.stderr)![1];
    const help = await cli(pointer.split(' ').slice(2));
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('check BESTAND.xlsx [--peildatum JJJJ-MM-DD] [--json]');
  });

  test('a misspelt command or option gets the one that was meant', async () => {
    expect((await cli(['chek', 'a.xlsx'])).stderr).toMatch(/Onbekende opdracht "chek" \(bedoel je check\?\)/);
    expect((await cli(['check', 'a.xlsx', '--jsn'])).stderr).toMatch(/Onbekende optie --jsn bij "check" \(bedoel je --json\?\)/);
  });
});

describe('a date says what is wrong with it', () => {
  test('--peildatum 31-02-2025 has the right form: the day does not exist', async () => {
    const run = await cli(['check', 'a.xlsx', '--peildatum', '31-02-2025']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('31-02-2025 bestaat niet: februari 2025 heeft 28 dagen.');
    expect(run.stderr).not.toContain('gebruik JJJJ-MM-DD');
  });

  test('a leap day exists in 2024, not in 2025; ISO dates are read the same way', async () => {
    expect((await cli(['check', 'a.xlsx', '--peildatum', '2025-02-29'])).stderr).toContain('2025-02-29 bestaat niet: februari 2025 heeft 28 dagen.');
    // 2024 is a leap year (divisible by 4, not by 100): 29-02-2024 exists, so the CLI goes on to the file.
    expect((await cli(['check', path.join(tmp(), 'weg.xlsx'), '--peildatum', '29-02-2024'])).stderr).toMatch(/^Fout: Bestand .*weg\.xlsx bestaat niet\./);
    expect((await cli(['check', 'a.xlsx', '--peildatum', '2024-13-01'])).stderr).toContain('2024-13-01 bestaat niet: een jaar heeft 12 maanden.');
  });

  test('a text that is no date at all names both forms', async () => {
    const run = await cli(['check', 'a.xlsx', '--peildatum', 'morgen']);
    expect(run.stderr).toContain('"morgen" is geen datum: gebruik JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2024-10-01.');
  });

  test('an agenda for 31-09-2024: the day does not exist', async () => {
    const run = await cli(['agenda', 'a.xlsx', '31-09-2024']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('31-09-2024 bestaat niet: september 2024 heeft 30 dagen.');
  });
});

describe('a file that is not an .xlsx gets the hint to save it as one', () => {
  test('a CSV, by its name', async () => {
    const file = path.join(tmp(), 'mutaties.csv');
    fs.writeFileSync(file, 'ID;Datum;Bedrag\nM-001;01-02-2025;100\n');
    const run = await cli(['check', file]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)[0]).toBe(`Fout: ${file} is een CSV-bestand, geen Excel-werkboek. Open het werkboek in Google Sheets, Excel of LibreOffice en sla het op als .xlsx (Excel-werkmap).`);
    expect(fs.readFileSync(file, 'utf8')).toBe('ID;Datum;Bedrag\nM-001;01-02-2025;100\n');
  });

  test('an OpenDocument spreadsheet, by its name and, renamed to .xlsx, by its content', async () => {
    const dir = tmp();
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    zip.file('content.xml', '<office:document-content/>');
    const ods = await zip.generateAsync({ type: 'nodebuffer' });
    fs.writeFileSync(path.join(dir, 'regio.ods'), ods);
    fs.writeFileSync(path.join(dir, 'hernoemd.xlsx'), ods);
    const byName = await cli(['check', path.join(dir, 'regio.ods')]);
    expect(byName.stderr).toContain('regio.ods is een OpenDocument-werkblad (.ods), geen Excel-werkboek.');
    expect(byName.stderr).toContain('sla het op als .xlsx');
    const byContent = await cli(['agenda', path.join(dir, 'hernoemd.xlsx'), '2025-Q1']);
    expect(byContent.code).toBe(1);
    expect(byContent.stderr).toContain('hernoemd.xlsx is een OpenDocument-werkblad (.ods), geen Excel-werkboek.');
  });

  test('an old Excel file (.xls) renamed to .xlsx, and a CSV renamed to .xlsx, by their content', async () => {
    const dir = tmp();
    // an OLE compound file starts with D0 CF 11 E0 A1 B1 1A E1
    fs.writeFileSync(path.join(dir, 'oud.xlsx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    fs.writeFileSync(path.join(dir, 'tekst.xlsx'), 'ID,Bedrag\nM-001,100\n');
    expect((await cli(['check', path.join(dir, 'oud.xlsx')])).stderr).toContain('oud.xlsx is een Excel-bestand in het oude formaat (.xls), geen Excel-werkboek. Open het werkboek in Google Sheets, Excel of LibreOffice en sla het op als .xlsx (Excel-werkmap).');
    expect((await cli(['check', path.join(dir, 'tekst.xlsx')])).stderr).toContain('tekst.xlsx is een CSV-bestand, geen Excel-werkboek.');
  });

  test('init makes an .xlsx: a .csv name is refused with what to type instead', async () => {
    const run = await cli(['init', path.join(tmp(), 'regio.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('init maakt een Excel-werkboek: geef een naam die eindigt op .xlsx, bijvoorbeeld regio.xlsx.');
  });
});

describe('docs/opdrachtregel.md shows messages the CLI really gives', () => {
  test('the argument errors and the CSV hint, word for word', async () => {
    const docs = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'opdrachtregel.md'), 'utf8');
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'mutaties.csv'), 'ID;Bedrag\nM-001;100\n');
    for (const argv of [['check', 'a.xlsx', '--peildatum', '31-02-2025'], ['check', 'a.xlsx', '--jsn'], ['chek', 'a.xlsx'], ['check', path.join(dir, 'mutaties.csv')]]) {
      const run = await cli(argv);
      // the docs name the file as a user in its folder types it
      expect(docs).toContain(lines(run.stderr)[0].replace(`${dir}${path.sep}`, ''));
    }
  });
});
