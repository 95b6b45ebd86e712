/**
 * A second region end to end, through the command line as a user runs it: the Arnhem fixture
 * (16 municipalities, a meet-up every six weeks, two Veilig Thuis organisations; names and amounts
 * the seed does not give are marked FICTIEF) via `init --regio`, `check` twice around a mutation,
 * and the agenda of 16-05-2019, the second meet-up of 2019-Q2.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { cli } from './run';
import { cellText } from '../../src/core/sheet/cell';
import { TAB } from '../../src/core/workbook/contract';
import { midnightIn } from '../../src/core/values/dates';
import { parseWorkbook } from '../../src/core/workbook/parse';
import { planUpdateRequests } from '../../src/core/agenda/updateRequests';

const FIXTURE = path.join('test', 'fixtures', 'regio-arnhem.json');


/** What a user does in the sheet between two runs: type a Peildatum, book a commitment. */
async function edit(file: string, change: (wb: LocalWorkbook) => void): Promise<void> {
  const wb = await LocalWorkbook.load(file);
  change(wb);
  await wb.save(file);
}

function setPeildatum(wb: LocalWorkbook, day: string): void {
  const settings = wb.readTab(TAB.settings)!;
  const row = settings.findIndex((r) => cellText(r[0]) === 'Peildatum');
  wb.writeCells(TAB.settings, [{ row: row + 1, column: 2, value: midnightIn(day, wb.timeZone) }]);
}

jest.setTimeout(60_000);

describe('the Arnhem region end to end', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-arnhem-'));
  const file = path.join(dir, 'arnhem.xlsx');
  let md = '';

  beforeAll(async () => {
    const init = await cli(['init', file, '--regio', FIXTURE]);
    expect(init.stderr).toBe('');
    expect(init.stdout).toContain('gemaakt voor Arnhem-Achterhoek 2019-2023');
    // The check on the day of the meet-up of 04-04-2019 keeps its snapshot in Prognoseverloop.
    const first = await cli(['check', file, '--peildatum', '2019-04-04']);
    expect([first.code, first.stderr]).toEqual([0, '']);
    // Since then: a fictional commitment of € 25.000 on the prevention budget (Flexibel: its prognose rises by it).
    await edit(file, (wb) => {
      setPeildatum(wb, '2019-05-01');
      const header = wb.readTab(TAB.ledger)![0].map(cellText);
      const record: Record<string, unknown> = { ID: 'M-1', Datum: midnightIn('2019-04-20', wb.timeZone), Code: 'PRE', Soort: 'Verplichting', Bedrag: 25000, Omschrijving: 'FICTIEF: opdracht preventie' };
      wb.appendRows(TAB.ledger, [header.map((h) => (record[h] ?? null) as never)]);
    });
    const second = await cli(['check', file]);
    expect([second.code, second.stderr]).toEqual([0, '']);
    const agenda = await cli(['agenda', file, '2019-05-16', '--out', dir]);
    expect([agenda.code, agenda.stderr]).toEqual([0, '']);
    md = fs.readFileSync(path.join(dir, 'agenda-2019-05-16.md'), 'utf8');
  });

  test('init seeds the region: 16 municipalities, meet-ups every six weeks, its own texts in Instellingen', async () => {
    const wb = await LocalWorkbook.load(file);
    expect(wb.readTab(TAB.municipalities)).toHaveLength(17);
    const settings = Object.fromEntries(wb.readTab(TAB.settings)!.slice(1).map((r) => [cellText(r[0]), cellText(r[1])]));
    expect(settings).toMatchObject({ Regio: 'Arnhem-Achterhoek', Organisator: 'Gemeente Arnhem', 'Lokaal plan': 'Lokaal uitvoeringsplan uitvoeren', Besluitvorming: 'college van Arnhem' });
    expect(settings.Campagnes).toContain('Dag tegen Ouderenmishandeling: juni');
    // Every six weeks from 10-01-2019: 10-01, 21-02, 04-04, 16-05, 27-06, ...
    const days = wb.readTab(TAB.meetups)!.slice(1, 6).map((r) => cellText(r[0]));
    expect(days).toEqual(['2019-01-10', '2019-02-21', '2019-04-04', '2019-05-16', '2019-06-27']);
  });

  test('check keeps both snapshots in Prognoseverloop', async () => {
    const wb = await LocalWorkbook.load(file);
    const dates = new Set(wb.readTab(TAB.forecastHistory)!.slice(1).map((r) => cellText(r[0])));
    expect([...dates]).toEqual(['2019-04-04', '2019-05-01']);
  });

  test('the agenda of 16-05-2019, not the first meet-up of its quarter, follows the contract', () => {
    // Instellingen › Overleg and Programma come from the region file: its meet-up's name and programme.
    expect(md.startsWith('# Agenda Regionaal ambtelijk overleg HGKM Arnhem-Achterhoek, 16-05-2019\n')).toBe(true);
    // The fixture marks invented names FICTIEF: the agenda says so on top.
    expect(md).toContain('**FICTIEF: dit werkboek bevat verzonnen gegevens.');
    expect(md).toContain('## 5. Thema: Seksueel geweld (ter bespreking)');
    expect(md).toContain('verslag en actielijst van de vorige bijeenkomst (04-04-2019)');
    expect(md).toContain('## 3. Voortgang Regiovisie Samen Veilig (ter bespreking)');
    // May up to the next meet-up (27-06-2019): the June campaign, not November's.
    expect(md).toContain('Dag tegen Ouderenmishandeling (juni)');
    expect(md).not.toContain('Orange the World');
    // One table row per municipality: 16.
    const round = md.split('## 2. ')[1].split('## 3. ')[0];
    expect(round.split('\n').filter((l) => /^\| (Arnhem|Gemeente \d\d)/.test(l))).toHaveLength(16);
    expect(round).toContain('| Deadline vóór 27-06-2019 |');
    // Most Arnhem actions have no deadline: counted per action line, never listed, never invisible.
    expect(md).toMatch(/open regionale acties hebben geen deadline \(/);
    expect(md).toMatch(/open acties zonder deadline: graag een eigenaar en een deadline/);
    // Since the check of 04-04-2019 the prevention budget's prognose rose by the commitment: 0 → 25.000.
    expect(md).toContain('Subsidieregeling Preventie HGKM regio Arnhem-Achterhoek 2019: de prognose steeg met € 25.000, van € 0 naar € 25.000');
    expect(md).toContain('Sluiting; volgende Regionaal ambtelijk overleg HGKM: 27-06-2019, thema Schadelijke traditionele praktijken.');
  });

  test('carries no Gelderland Zuid wording: the words are the region\'s own (issue 22)', async () => {
    const html = fs.readFileSync(path.join(dir, 'agenda-2019-05-16.html'), 'utf8');
    // Nijmegen may appear as data (Arnhem's partner Centra Seksueel Geweld Nijmegen en Enschede), never as wording.
    const gz = /ambtelijke meet-up|regioaanpak|Gelderland Zuid/i;
    expect(md).not.toMatch(gz);
    expect(html).not.toMatch(gz);
    // The reminder mails of the same workbook, planned as the daily run would.
    const wb = await LocalWorkbook.load(file);
    const snap = Object.fromEntries(wb.tabNames().map((t) => [t, wb.readTab(t)]));
    const { programme } = parseWorkbook(snap, { timeZone: wb.timeZone, today: '2019-05-05' });
    const meetup = programme.meetups.find((m) => m.date === '2019-05-16')!;
    const plan = planUpdateRequests(programme, meetup, '2019-05-05', 'https://example.org/werkboek');
    const mails = [...plan.mails.map((m) => `${m.subject}\n${m.body}\n${m.htmlBody}`)];
    for (const text of mails) expect(text).not.toMatch(gz);
    if (mails.length) expect(mails[0]).toContain('een Regionaal ambtelijk overleg HGKM (Regiovisie Samen Veilig Arnhem-Achterhoek');
  });

  test('names, not codes; the organiser and the placeholder owner are never invited', () => {
    expect(md).not.toMatch(/\b(VTA|VTB|MOV|PRE)\b/);
    expect(md.replace(/\((RV\d)\)/g, '')).not.toMatch(/\bRV\d\b/);
    const invited = md.split('## 7. ')[1].split('## 8. ')[0];
    expect(invited).not.toContain('Gemeente Arnhem');
    expect(invited).not.toContain('eigenaar te bepalen');
  });
});
