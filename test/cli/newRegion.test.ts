/**
 * Issue 17, "a new region in ten minutes": `regio` says how to start, `regio --sjabloon` writes a
 * commented region file to start from, and the README's example region file works on the first try
 * with exactly the README's commands. The example is read from README.md, so the README cannot drift.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { parseRegion } from '../../src/core/region/validate';
import { cellText } from '../../src/core/sheet/cell';
import { dayOfInstant } from '../../src/core/values/dates';
import { TAB } from '../../src/core/workbook/contract';
import { ROOT, cliInProcess as cli } from './run';

jest.setTimeout(60_000);

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-region-'));

/** A copy of a JSON value without its `_about` notes. */
function withoutNotes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNotes);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '_about').map(([k, v]) => [k, withoutNotes(v)]));
  }
  return value;
}

/** Every object in a JSON value, with its path. */
function objects(value: unknown, at = ''): [string, Record<string, unknown>][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objects(v, `${at}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const entries = Object.entries(value);
  return [[at || '(bestand)', value as Record<string, unknown>], ...entries.flatMap(([k, v]) => objects(v, at ? `${at}.${k}` : k))];
}

/** The README's example: the first json and sh blocks under its heading. */
function readmeExample(): { json: string; commands: string[][] } {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('### A new region in ten minutes');
  expect(start).toBeGreaterThan(-1);
  const section = readme.slice(start);
  const json = /```json\n([\s\S]*?)```/.exec(section)![1];
  const sh = /```sh\n([\s\S]*?)```/.exec(section)![1];
  const commands = sh
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.startsWith('node build/cli.js '))
    .map((line) => line.split(/\s+/).slice(2));
  return { json, commands };
}

/**
 * Runs the CLI as a user in `dir` would: file names in the arguments are read from `dir` (made
 * absolute, so no test changes the process's folder), and `dir` is left out of what it prints.
 */
async function cliIn(dir: string, argv: string[]) {
  const inDir = argv.map((a) => (/\.(json|xlsx)$/i.test(a) ? path.join(dir, a) : a));
  const run = await cli(inDir);
  const local = (text: string) => text.split(`${dir}${path.sep}`).join('');
  return { ...run, stdout: local(run.stdout), stderr: local(run.stderr) };
}

describe('regio: the built-in regions and how to start your own', () => {
  test('lists the built-in regions and the three steps to a region of your own', async () => {
    const run = await cli(['regio']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}gelderland-zuid {2}Gelderland Zuid 2021-2025 \(standaard\)/m);
    expect(run.stdout).toMatch(/^ {2}sjabloon {9}Leeg sjabloon/m);
    expect(run.stdout).toContain('node build/cli.js regio --sjabloon mijn-regio.json');
    expect(run.stdout).toContain('node build/cli.js init mijn-regio.xlsx --regio mijn-regio.json');
    expect(run.stdout).toContain('docs/regiobestand.md');
    expect(run.stdout).not.toMatch(/zie de README/i);
  });
});

describe('regio --sjabloon FILE: a commented region file to start from', () => {
  const dir = tmp();
  const file = path.join(dir, 'mijn-regio.json');
  let template: unknown;

  beforeAll(async () => {
    const run = await cli(['regio', '--sjabloon', file]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain(`init ${path.join(dir, 'mijn-regio.xlsx')} --regio ${file}`);
    template = JSON.parse(fs.readFileSync(file, 'utf8'));
  });

  test('is a valid region file whose notes sit in _about keys, on every object a user fills', () => {
    expect(() => parseRegion(template)).not.toThrow();
    const unexplained = objects(template)
      // one note per list is enough: on its first element
      .filter(([at]) => !/\[[1-9]\d*\]/.test(at))
      // the amounts of a year are explained on their budget line
      .filter(([at]) => !/per_jaar\[0\]$|looptijd$|ritme$|waarden$|\.lokaal$/.test(at))
      .filter(([, o]) => typeof o._about !== 'string')
      .map(([at]) => at);
    expect(unexplained).toEqual([]);
  });

  test('_about is allowed in every object of the format, also in a year, a rhythm and a campaign', () => {
    const annotated = JSON.parse(JSON.stringify(template));
    for (const [, o] of objects(annotated)) o._about = 'notitie';
    // waarden and lokaal are maps: their keys are years and municipalities, not notes
    delete annotated.acties.lokaal._about;
    expect(() => parseRegion(annotated)).not.toThrow();
  });

  test('is the README example with notes: what works there, works here', () => {
    expect(withoutNotes(template)).toEqual(JSON.parse(readmeExample().json));
  });

  test('never overwrites a file and wants a .json name', async () => {
    const before = fs.readFileSync(file, 'utf8');
    const again = await cli(['regio', '--sjabloon', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`Bestand ${file} bestaat al; het wordt niet overschreven.`);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    const wrong = await cli(['regio', '--sjabloon', path.join(dir, 'regio.xlsx')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--sjabloon schrijft een regiobestand: geef een naam die eindigt op .json, bijvoorbeeld mijn-regio.json.');
  });
});

describe('the README example region works on the first try, with the README commands', () => {
  const dir = tmp();
  const runs: { argv: string[]; code: number; stdout: string; stderr: string }[] = [];

  beforeAll(async () => {
    const { json, commands } = readmeExample();
    fs.writeFileSync(path.join(dir, 'mijn-regio.json'), json);
    expect(commands.map((c) => c[0])).toEqual(['init', 'check', 'agenda']);
    for (const argv of commands) runs.push({ argv, ...(await cliIn(dir, argv)) });
  });

  test('every command succeeds without a message on stderr', () => {
    expect(runs.map((r) => [r.argv.join(' '), r.code, r.stderr])).toEqual(runs.map((r) => [r.argv.join(' '), 0, '']));
  });

  test('init seeds the region: 3 municipalities, 2 budget lines x 2 years, a meet-up every month', async () => {
    expect(runs[0].stdout).toContain('gemaakt voor Voorbeeldregio 2027-2028');
    const wb = await LocalWorkbook.load(path.join(dir, 'mijn-regio.xlsx'));
    // header + 3 municipalities; header + 2 lines x 2 years
    expect(wb.readTab(TAB.municipalities)).toHaveLength(4);
    expect(wb.readTab(TAB.budget)).toHaveLength(5);
    const meetups = wb.readTab(TAB.meetups)!.slice(1).map((r) => dayOfInstant(r[0] as Date, wb.timeZone));
    // per_jaar 12 over 2027-2028: 24 meet-ups, the second Thursday of every month
    expect(meetups).toHaveLength(24);
    // 1 January 2027 is a Friday: first Thursday 7 January, second 14 January; 1 February is a Monday: 4 and 11 February
    expect(meetups.slice(0, 2)).toEqual(['2027-01-14', '2027-02-11']);
    expect(meetups.every((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 4 && Number(d.slice(8)) >= 8 && Number(d.slice(8)) <= 14)).toBe(true);
  });

  test('check writes its tabs and finds nothing wrong in the fresh workbook', async () => {
    expect(runs[1].stdout).toContain('Budgetcontrole Voorbeeldregio');
    const wb = await LocalWorkbook.load(path.join(dir, 'mijn-regio.xlsx'));
    expect(wb.readTab(TAB.budgetCheck)!.length).toBeGreaterThan(1);
    // Controles: the header and no finding
    const findings = wb.readTab(TAB.checks)!.slice(1).filter((r) => r.some((c) => cellText(c) !== ''));
    expect(findings.map((r) => r.map(cellText).join(' | ')).filter((r) => !/Geen problemen gevonden/.test(r))).toEqual([]);
  });

  test('agenda writes the agenda of the first meet-up of the quarter', () => {
    expect(runs[2].stdout).toContain('Agenda');
    // --out was not given: the agenda goes next to the workbook
    const written = fs.readdirSync(dir).filter((f) => /^agenda-\d{4}-\d{2}-\d{2}\.(md|html)$/.test(f));
    expect(written).toHaveLength(2);
  });
});

describe('a region file with a JSON mistake', () => {
  test.each([
    // line 3 ends the list with a comma before ]: column 33 is the ]
    ['{\n  "formaat": 2,\n  "gemeenten": [{ "naam": "A" },]\n}\n', 'fout op regel 3, kolom 33: een komma na het laatste element van een lijst of object; haal die komma weg.'],
    ['{\n  "formaat": 2, // versie\n}\n', 'fout op regel 2, kolom 17: JSON kent geen commentaar; zet een toelichting in een "_about"-sleutel.'],
    ["{ 'formaat': 2 }", 'fout op regel 1, kolom 3: tekst staat tussen dubbele aanhalingstekens ("), niet tussen enkele.'],
    ['{ "bedrag": 1.500.000 }', 'fout op regel 1, kolom 13: schrijf een getal zonder scheidingstekens voor duizendtallen'],
    ['{ "a": 1\n  "b": 2 }', 'fout op regel 2, kolom 3: een komma ontbreekt vóór dit element, of een } ervoor.'],
    ['{ "a": [1, 2 }', 'fout op regel 1, kolom 14: een komma ontbreekt vóór dit element, of een ] ervoor.'],
  ])('%j: line, column and the likely cause, in Dutch', async (text, message) => {
    const dir = tmp();
    const file = path.join(dir, 'regio.json');
    fs.writeFileSync(file, text);
    const run = await cli(['init', path.join(dir, 'regio.xlsx'), '--regio', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Regiobestand ${file} is geen geldige JSON: ${message}`);
    expect(fs.existsSync(path.join(dir, 'regio.xlsx'))).toBe(false);
  });

  test('a byte order mark, as Windows Notepad writes one, is no mistake', async () => {
    const dir = tmp();
    const file = path.join(dir, 'regio.json');
    fs.writeFileSync(file, `\uFEFF${readmeExample().json}`);
    const run = await cli(['init', path.join(dir, 'regio.xlsx'), '--regio', file]);
    expect([run.code, run.stderr]).toEqual([0, '']);
  });
});

describe('docs/regiobestand.md says what the program does', () => {
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'regiobestand.md'), 'utf8');
  const blocks = (text: string, kind: string) => [...text.matchAll(new RegExp('```' + kind + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

  test('its parts, put together, are one valid region file', () => {
    const parts = docs.slice(docs.indexOf('## De onderdelen'), docs.indexOf('## Foutmeldingen'));
    const file = Object.assign({ formaat: 2 }, ...blocks(parts, 'json').map((fragment) => JSON.parse(`{${fragment}}`)));
    expect(Object.keys(file).sort()).toEqual(['actielijnen', 'acties', 'begroting', 'dekking', 'formaat', 'gemeenten', 'indicatoren', 'netwerkpartners', 'overleg', 'region', 'themas']);
    expect(() => parseRegion(file)).not.toThrow();
  });

  test('its example of three mistakes is what init says about them', async () => {
    const dir = tmp();
    const json = JSON.parse(readmeExample().json);
    json.gemeenten[0] = 'Voorbeeldstad';
    json.begroting.posten[0].karakter = 'wettelijk';
    json.acties.regionaal[0].eigenar = 'Veilig Thuis';
    fs.writeFileSync(path.join(dir, 'mijn-regio.json'), JSON.stringify(json, null, 2));
    const run = await cliIn(dir, ['init', 'mijn-regio.xlsx', '--regio', 'mijn-regio.json']);
    const shown = blocks(docs.slice(docs.indexOf('## Foutmeldingen')), '')[0].trim();
    expect(run.stderr.trim()).toBe(shown);
  });
});
