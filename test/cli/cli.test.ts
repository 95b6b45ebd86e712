import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { Command, UsageError } from '../../src/cli/command';
import { agendaCommand } from '../../src/cli/commands/agenda';
import { checkCommand } from '../../src/cli/commands/check';
import { demoCommand } from '../../src/cli/commands/demo';
import { initCommand } from '../../src/cli/commands/init';
import { regioCommand } from '../../src/cli/commands/regio';
import { Run, cli, cliInProcess, cliProcess } from './run';
import { TAB } from '../../src/core/workbook/contract';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-cli-'));

const STACK_TRACE = /\n\s+at .+:\d+/;

function expectDutchFailure(run: Run, message: RegExp | string) {
  expect(run.code).not.toBe(0);
  expect(run.stderr).toMatch(/^Fout: /);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toMatch(/Error:|TypeError|node:internal/);
}

jest.setTimeout(30_000);

let demoDir: Promise<string> | undefined;
/** A fresh copy of the demo workbook in a directory of its own; the demo itself (~10 s) runs once per file. */
async function demoCopy(): Promise<{ dir: string; file: string }> {
  demoDir ??= (async () => {
    const dir = tmp();
    const run = await cli(['demo', '--out', dir]);
    expect(run.code).toBe(0);
    return dir;
  })();
  const name = 'regiomonitor-gelderland-zuid.xlsx';
  const dir = tmp();
  fs.copyFileSync(path.join(await demoDir, name), path.join(dir, name));
  return { dir, file: path.join(dir, name) };
}

describe('each command reads its own arguments', () => {
  test('flags in both spellings, Dutch or ISO dates, defaults', () => {
    expect(checkCommand.parse(['a.xlsx', '--json', '--peildatum', '2024-10-01'])).toEqual({ file: 'a.xlsx', json: true, referenceDate: '2024-10-01' });
    expect(checkCommand.parse(['--peildatum=01-10-2024', 'a.xlsx'])).toEqual({ file: 'a.xlsx', json: false, referenceDate: '2024-10-01' });
    expect(checkCommand.parse(['a.xlsx'])).toEqual({ file: 'a.xlsx', json: false });
    expect(demoCommand.parse([])).toEqual({ outDir: 'out' });
    expect(demoCommand.parse(['--out', 'x'])).toEqual({ outDir: 'x' });
    expect(initCommand.parse(['n.xlsx'])).toEqual({ file: 'n.xlsx' });
    expect(initCommand.parse(['n.xlsx', '--regio', 'sjabloon'])).toEqual({ file: 'n.xlsx', region: 'sjabloon' });
    expect(agendaCommand.parse(['a.xlsx', '2024-Q4'])).toEqual({ file: 'a.xlsx', meetup: '2024-Q4' });
    expect(agendaCommand.parse(['a.xlsx', '2024-09-12', '--out', 'x'])).toEqual({ file: 'a.xlsx', meetup: '2024-09-12', outDir: 'x' });
    expect(regioCommand.parse([])).toEqual({});
    expect(regioCommand.parse(['--sjabloon', 'mijn-regio.json'])).toEqual({ template: 'mijn-regio.json' });
    // after --, a name that starts with dashes is a file
    expect(checkCommand.parse(['--', '--raar.xlsx'])).toEqual({ file: '--raar.xlsx', json: false });
  });

  test.each([
    [checkCommand, [], '"check" verwacht een bestandsnaam (BESTAND.xlsx).'],
    [checkCommand, ['a.xlsx', 'b.xlsx'], 'Te veel argumenten bij "check": b.xlsx.'],
    [checkCommand, ['a.xlsx', '--peildatum'], 'Optie --peildatum mist een waarde.'],
    [checkCommand, ['a.xlsx', '--peildatum='], 'Optie --peildatum mist een waarde.'],
    [checkCommand, ['a.xlsx', '--peildatum', '2024-02-30'], '--peildatum 2024-02-30 bestaat niet: februari 2024 heeft 29 dagen.'],
    [checkCommand, ['a.xlsx', '--json=ja'], 'Optie --json heeft geen waarde: schrijf alleen --json.'],
    [checkCommand, ['a.xlsx', '--json', '--json'], 'Optie --json staat er twee keer.'],
    [checkCommand, ['a.xlsx', '-json'], 'Onbekende optie -json bij "check": schrijf --json, met twee streepjes.'],
    [checkCommand, ['a.xlsx', '--verbose'], 'Onbekende optie --verbose bij "check"; "check" kent --peildatum en --json.'],
    [initCommand, ['a.xlsx', '--json'], 'Onbekende optie --json bij "init"; "init" kent --regio.'],
    [initCommand, ['a.xlsx', '--rgio', 'x'], 'Onbekende optie --rgio bij "init" (bedoel je --regio?).'],
    [demoCommand, ['--out'], 'Optie --out mist een waarde.'],
    [demoCommand, ['--out', '--json'], 'Optie --out mist een waarde: --json is een optie.'],
    [agendaCommand, ['a.xlsx'], '"agenda" verwacht een bestandsnaam en de datum van een meet-up (BESTAND.xlsx JJJJ-MM-DD of JJJJ-Qn).'],
    [agendaCommand, ['a.xlsx', 'Q4'], '"Q4" is geen datum of kwartaal: gebruik JJJJ-MM-DD (bijvoorbeeld 2024-09-12) of JJJJ-Qn.'],
    [agendaCommand, ['a.xlsx', '2024-09-31'], '2024-09-31 bestaat niet: september 2024 heeft 30 dagen.'],
    [initCommand, ['a.xlsx', '--regio'], 'Optie --regio mist een waarde.'],
    [regioCommand, ['extra'], 'Te veel argumenten bij "regio": extra.'],
  ].map(([command, argv, message]) => [(command as Command<unknown>).name, argv, message, command]) as [string, string[], string, Command<unknown>][])('%s %j', (_name, argv, message, command) => {
    expect(() => command.parse(argv)).toThrow(UsageError);
    expect(() => command.parse(argv)).toThrow(message);
  });
});

describe('cli', () => {
  test('help prints the usage', async () => {
    const run = await cli(['help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Gebruik:');
    expect(run.stdout).toContain('check BESTAND.xlsx [--peildatum JJJJ-MM-DD] [--json]');
  });

  test('init makes a seeded workbook and refuses to overwrite it', async () => {
    const file = path.join(tmp(), 'regio.xlsx');
    const run = await cli(['init', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gemaakt voor Gelderland Zuid 2021-2025');
    const wb = await LocalWorkbook.load(file);
    // header + 15 municipalities; header + 6 lines x 5 years
    expect(wb.readTab(TAB.municipalities)).toHaveLength(16);
    expect(wb.readTab(TAB.budget)).toHaveLength(31);

    const before = fs.readFileSync(file);
    const again = await cli(['init', file]);
    expect(again.code).toBe(1);
    expectDutchFailure(again, `Bestand ${file} bestaat al; het wordt niet overschreven.`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test('init wants an .xlsx name', async () => {
    expectDutchFailure(await cli(['init', path.join(tmp(), 'regio.csv')]), 'init maakt een Excel-werkboek: geef een naam die eindigt op .xlsx');
  });

  test('check --json prints exactly the CheckSummary and writes the generated tabs', async () => {
    const file = path.join(tmp(), 'regio.xlsx');
    expect((await cli(['init', file])).code).toBe(0);
    const run = await cli(['check', file, '--peildatum', '2023-05-01', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(Object.keys(summary).sort()).toEqual([
      'checkWarnings', 'checks', 'focusYear', 'message', 'overruns', 'programmeShortfalls', 'proposals', 'referenceDate', 'region', 'results', 'rowsAfterReferenceDate',
      'signals', 'skippedTabs', 'threatening', 'warnings',
    ]);
    // The seeded workbook: raming = dekking = 5.519.594 every year, nothing spent; no error, but 2021 and
    // 2022 have ended without a ledger: warnings only (subsidies without payments, obligations past their deadline)
    expect(summary).toMatchObject({ region: 'Gelderland Zuid', referenceDate: '2023-05-01', focusYear: 2023, overruns: 0, threatening: 0, warnings: 0, programmeShortfalls: [], signals: [], skippedTabs: [] });
    expect(summary.checks).toBe(summary.checkWarnings);
    expect(summary.checks).toBeGreaterThanOrEqual(10);
    // 2021 has ended: it forecasts what it spent, 0, so its resultaat is the whole dekking 5.519.594 (a surplus
    // that lapses). 2023 runs: the subsidies and statutory lines at their raming (5.519.594 - ACT 854.287 =
    // 4.665.307), the action-line budget at what is booked and planned (0): resultaat 854.287
    expect(summary.results[0]).toEqual({ year: 2021, phase: 'afgelopen', estimateCents: 551959400, coverageCents: 551959400, reserveDrawCents: 0, forecastCents: 0, resultCents: 551959400, shortfallCents: 0 });
    expect(summary.results[2]).toMatchObject({ year: 2023, phase: 'lopend', forecastCents: 466530700, resultCents: 85428700 });
    expect(summary.message.startsWith('2023 (lopend): 0 overschrijdingen, 0 dreigend; resultaat € 854.287;')).toBe(true);
    const wb = await LocalWorkbook.load(file);
    // 5 years x (6 lines + total, Dekking and Resultaat rows) = 45 rows under the header
    expect(wb.readTab(TAB.budgetCheck)).toHaveLength(46);
    // and one snapshot of 30 line-years in Prognoseverloop
    expect(wb.readTab(TAB.forecastHistory)).toHaveLength(31);
  });

  test('check prints the Dutch summary table', async () => {
    const { file } = await demoCopy();
    const run = await cli(['check', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Budgetcontrole Gelderland Zuid - peildatum 01-10-2024');
    expect(run.stdout).toMatch(/2024 {2}CSG .*Overschrijding/);
    expect(run.stdout).toMatch(/2024 {2}ACT .*Dreigende overschrijding/);
    expect(run.stdout).toMatch(/2024 .*Tekort/);
    // --peildatum wins over the sheet's Peildatum
    const dated = JSON.parse((await cli(['check', file, '--json', '--peildatum', '2024-12-31'])).stdout);
    expect(dated.referenceDate).toBe('2024-12-31');
  });

  test('agenda writes the agenda of a meet-up by date or quarter next to the workbook; a bad one exits 2 in Dutch', async () => {
    const { dir, file } = await demoCopy();
    const before = fs.readFileSync(file);
    const run = await cli(['agenda', file, '2024-09-12', '--out', path.join(dir, 'sep')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Agenda ambtelijke meet-up Gelderland Zuid, 12-09-2024');
    expect(fs.existsSync(path.join(dir, 'sep', 'agenda-2024-09-12.md'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'sep', 'agenda-2024-09-12.html'))).toBe(true);
    // 2024-Q4 is the meet-up of 14-11-2024, the first in that quarter.
    expect((await cli(['agenda', file, '2024-Q4'])).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'agenda-2024-11-14.md'))).toBe(true);
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    const bad = await cli(['agenda', file, 'Q4']);
    expect(bad.code).toBe(2);
    expectDutchFailure(bad, '"Q4" is geen datum of kwartaal');
    const none = await cli(['agenda', file, '2024-09-13']);
    expect(none.code).toBe(2);
    expectDutchFailure(none, 'Op 13-09-2024 staat geen meet-up gepland. De dichtstbijzijnde: 12-09-2024 (2024-09-12) en 14-11-2024 (2024-11-14).');
  });

  test('regio lists the built-in regions in Dutch', async () => {
    const run = await cli(['regio']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}gelderland-zuid {2}Gelderland Zuid 2021-2025 \(standaard\): Regioaanpak/m);
    expect(run.stdout).toMatch(/^ {2}sjabloon {9}Leeg sjabloon: Alle tabbladen/m);
    expect(run.stdout).toContain('node build/cli.js regio --sjabloon mijn-regio.json');
  });

  test('init --regio: a built-in region, the empty template, or a region file; a wrong one in Dutch', async () => {
    const dir = tmp();
    const template = path.join(dir, 'leeg.xlsx');
    const run = await cli(['init', template, '--regio', 'sjabloon']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Werkboek ${template} gemaakt als leeg sjabloon.`);
    const wb = await LocalWorkbook.load(template);
    expect(wb.readTab(TAB.municipalities)).toHaveLength(1);
    expect(wb.readTab(TAB.settings)!.slice(1).map((r) => r[0])).toContain('Campagnes');

    const unknown = await cli(['init', path.join(dir, 'x.xlsx'), '--regio', 'utrecht']);
    expect(unknown.code).toBe(2);
    expectDutchFailure(unknown, 'Onbekende regio "utrecht". Kies gelderland-zuid, sjabloon, of geef een eigen regiobestand (JSON). De ingebouwde regio\'s staan in node build/cli.js regio. Meer uitleg: node build/cli.js help init\n');
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);

    const missing = await cli(['init', path.join(dir, 'y.xlsx'), '--regio', path.join(dir, 'weg.json')]);
    expect(missing.code).toBe(1);
    expectDutchFailure(missing, /Regiobestand .*weg\.json bestaat niet\./);

    const invalid = path.join(dir, 'fout.json');
    fs.writeFileSync(invalid, JSON.stringify({ formaat: 2, regio: {} }));
    const wrong = await cli(['init', path.join(dir, 'z.xlsx'), '--regio', invalid]);
    expect(wrong.code).toBe(1);
    // Every problem is listed, not only the first line.
    expectDutchFailure(wrong, /Het regiobestand is ongeldig \(\d+ fouten\):\n- /);
    expect(wrong.stderr).toContain('onbekende sleutel "regio"');
    expect(fs.existsSync(path.join(dir, 'z.xlsx'))).toBe(false);
  });

  test('bad arguments: one Dutch line that points to help, exit 2, no stack trace', async () => {
    const unknown = await cli(['opruimen']);
    expect(unknown.code).toBe(2);
    expectDutchFailure(unknown, 'Onbekende opdracht "opruimen". Kies init, regio, check, agenda, berap, demo of help. Meer uitleg: node build/cli.js help\n');
    expect(unknown.stderr).not.toContain('Gebruik:');
    expectDutchFailure(await cli([]), 'Geen opdracht opgegeven.');
    const date = await cli(['check', 'x.xlsx', '--peildatum', 'morgen']);
    expect(date.code).toBe(2);
    expectDutchFailure(date, 'Fout: --peildatum "morgen" is geen datum: gebruik JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2024-10-01. Meer uitleg: node build/cli.js help check\n');
  });

  test('help for one command: help check, check --help and check -h say the same', async () => {
    const cli = cliInProcess;
    const help = await cli(['help', 'check']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('node build/cli.js check BESTAND.xlsx [--peildatum JJJJ-MM-DD] [--json]');
    expect(help.stdout).toContain('--peildatum JJJJ-MM-DD  rekent met deze peildatum');
    expect((await cli(['check', '--help'])).stdout).toBe(help.stdout);
    expect((await cli(['check', 'a.xlsx', '-h'])).stdout).toBe(help.stdout);
    const unknown = await cli(['help', 'chek']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Onbekende opdracht "chek" (bedoel je check?).');
  });

  test('a missing or unreadable file: Dutch message, exit 1, no stack trace', async () => {
    const dir = tmp();
    const missing = await cli(['check', path.join(dir, 'weg.xlsx')]);
    expect(missing.code).toBe(1);
    expectDutchFailure(missing, /Bestand .*weg\.xlsx bestaat niet\./);

    const broken = path.join(dir, 'kapot.xlsx');
    fs.writeFileSync(broken, 'dit is geen werkboek');
    const unreadable = await cli(['check', broken]);
    expect(unreadable.code).toBe(1);
    expectDutchFailure(unreadable, /kapot\.xlsx is geen leesbaar Excel-werkboek \(\.xlsx\)\./);
    expect(fs.readFileSync(broken, 'utf8')).toBe('dit is geen werkboek');

    expectDutchFailure(await cli(['check', dir]), /is geen bestand\./);
  });

  // The other tests run the CLI in this process; what only a process shows is checked here once.
  test('as a process: exit status 0 for help, 2 for a bad argument (one Dutch line on stderr) and 1 for a missing file', async () => {
    const help = await cliProcess(['help']);
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toContain('Gebruik:');
    const bad = await cliProcess(['opruimen']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expectDutchFailure(bad, /^Fout: Onbekende opdracht "opruimen"\. [^\n]*\n$/);
    const missing = await cliProcess(['check', path.join(tmp(), 'weg.xlsx')]);
    expect(missing.code).toBe(1);
    expectDutchFailure(missing, /^Fout: Bestand .*weg\.xlsx bestaat niet\./);
  });
});
