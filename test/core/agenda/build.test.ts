import { buildAgenda } from '../../../src/core/agenda/build';
import { renderHtml } from '../../../src/core/agenda/html';
import { renderMarkdown } from '../../../src/core/agenda/markdown';
import { renderRows } from '../../../src/core/agenda/rows';
import { Agenda, AgendaItem, AgendaSection } from '../../../src/core/agenda/types';
import { CONFIG, MEETUPS, load } from './fixture';

const Q1 = { year: 2025, quarter: 1 };

function agendaFor(quarter = Q1, options: Parameters<typeof load>[0] = {}): Agenda {
  const { programme, check } = load(options);
  return buildAgenda({ programme, check, quarter, config: CONFIG });
}

const section = (a: Agenda, n: number): AgendaSection => a.sections[n - 1];
const items = (s: AgendaSection): AgendaItem[] => s.blocks.flatMap((b) => b.items);
/** The items under the level-2 block with this heading prefix, within the level-1 block `line`. */
function itemsUnder(s: AgendaSection, line: string, heading: string): AgendaItem[] {
  const start = s.blocks.findIndex((b) => b.level === 1 && b.heading.startsWith(line));
  expect(start).toBeGreaterThanOrEqual(0);
  const out: AgendaItem[] = [];
  for (let i = start + 1; i < s.blocks.length && s.blocks[i].level === 2; i++) {
    if (s.blocks[i].heading.startsWith(heading)) out.push(...s.blocks[i].items);
  }
  return out;
}

describe('buildAgenda for 2025-Q1 (meet-up 13-03-2025, previous 14-11-2024)', () => {
  const agenda = agendaFor();

  it('has the eight parts of the contract, in order', () => {
    expect(agenda.sections.map((s) => `${s.number}. ${s.title}`)).toEqual([
      '1. Opening en mededelingen',
      '2. Voortgang regioaanpak',
      '3. Budget',
      '4. Thema',
      '5. Goede voorbeelden uit gemeenten',
      '6. Lokale plannen',
      '7. Uitgenodigde netwerkpartners',
      '8. Rondvraag en sluiting',
    ]);
    expect(agenda.date).toBe('2025-03-13');
    expect(agenda.planned).toBe(true);
    expect(agenda.title).toBe('Agenda ambtelijke meet-up Testregio, 2025-Q1');
  });

  it('announces only the campaigns whose month falls in the quarter, by month', () => {
    // Q1 = januari..maart: Actiemaand januari (1) before Week van de test (3); Zomercampagne (7) not.
    const texts = items(section(agenda, 1)).map((i) => i.text);
    expect(texts.filter((t) => t.startsWith('Campagne'))).toEqual(['Campagne Actiemaand januari (januari)', 'Campagne Week van de test (maart)']);
    expect(texts).toContain(CONFIG.newsletter);
  });

  it('lists an overdue action with its owner under its action line', () => {
    // deadline 15-02-2025 < 13-03-2025, Niet gestart, owner Augeo, line AL1.
    const overdue = itemsUnder(section(agenda, 2), 'AL1', 'Deadline verstreken');
    const a002 = overdue.find((i) => i.text.startsWith('A-002'));
    expect(a002).toMatchObject({ owner: 'Augeo', date: '2025-02-15', dateLabel: 'deadline' });
    // Overdue, ordered by deadline: A-001 31-01, A-008 01-02, A-002 15-02.
    expect(overdue.map((i) => i.text.slice(0, 5))).toEqual(['A-001', 'A-008', 'A-002']);
  });

  it('lists an action due this quarter, and not also as overdue', () => {
    // deadline 28-03-2025 is in Q1 and after the meeting date.
    const due = itemsUnder(section(agenda, 2), 'AL2', 'Deadline dit kwartaal');
    expect(due.map((i) => [i.text.slice(0, 5), i.owner])).toEqual([['A-003', 'Moviera']]);
    // A-011 (28-02-2025) is in Q1 too, but already past on 13-03: only under overdue.
    expect(due.some((i) => i.text.startsWith('A-011'))).toBe(false);
    expect(itemsUnder(section(agenda, 2), 'AL2', 'Deadline verstreken').map((i) => i.text.slice(0, 5))).toEqual(['A-011']);
  });

  it('lists what was done since the previous meet-up and the next quarter\'s deadlines', () => {
    // A-005 Afgerond on 02-12-2024 (after 14-11-2024); A-007 Afgerond on 01-10-2024 (before): not listed.
    const s2 = section(agenda, 2);
    expect(itemsUnder(s2, 'AL1', 'Afgerond sinds de vorige meet-up (14-11-2024)').map((i) => i.text.slice(0, 5))).toEqual(['A-005']);
    expect(items(s2).some((i) => i.text.startsWith('A-007'))).toBe(false);
    // Q2 deadlines: A-010 31-05-2025 (AL1), A-004 30-06-2025 (AL2).
    expect(itemsUnder(s2, 'AL1', 'Deadline volgend kwartaal (2025-Q2)').map((i) => i.text.slice(0, 5))).toEqual(['A-010']);
    expect(itemsUnder(s2, 'AL2', 'Deadline volgend kwartaal (2025-Q2)').map((i) => i.text.slice(0, 5))).toEqual(['A-004']);
  });

  it('shows the line in Overschrijding with the check\'s figures and a Besluit herprioritering item', () => {
    const s3 = section(agenda, 3);
    const signals = s3.blocks.find((b) => b.heading === 'Begrotingsposten met een signaal')!;
    // ACT: raming 50.000, prognose 55.000 + 10.000 + 8.000 = 73.000, saldo -23.000.
    expect(signals.table!.rows.map((r) => r.cells)).toEqual([
      ['2025', 'ACT', 'Uitvoering actielijnen', '€ 50.000,00', '€ 73.000,00', '€ -23.000,00', 'Overschrijding'],
    ]);
    const balance = s3.blocks.find((b) => b.heading === 'Programmabalans per jaar')!;
    // raming 50.000 + 100.000 + 30.000 = 180.000 = dekking; prognose 73.000 + 40.000 + 30.000 (VT is statutory:
    // expected to use its whole raming) = 143.000.
    expect(balance.table!.rows[0].cells).toEqual(['2025', '€ 180.000,00', '€ 180.000,00', '€ 143.000,00', 'OK']);

    const decision = items(s3).find((i) => i.text.startsWith('Besluit herprioritering'))!;
    expect(decision.text).toBe('Besluit herprioritering 2025, ACT Uitvoering actielijnen');
    expect(decision.amountCents).toBe(2_300_000); // tekort 73.000 - 50.000 = 23.000
    // Defer A-009 (Laag, 8.000), then A-004 (Hoog, 10.000): 18.000; shift 23.000 - 18.000 = 5.000 from MOV.
    expect(decision.details[0]).toMatch(/^Uitstellen naar volgend programma A-009 Themabijeenkomst plegeraanpak \(prioriteit Laag\): maakt € 8\.000,00 vrij/);
    expect(decision.details[1]).toMatch(/^Uitstellen naar volgend programma A-004 .*: maakt € 10\.000,00 vrij/);
    expect(decision.details[2]).toMatch(/^Begrotingswijziging van MOV naar ACT: € 5\.000,00 beschikbaar/);
  });

  it('uses the budget check it is given, not figures of its own', () => {
    const { programme, check } = load();
    const doctored = { ...check, years: check.years.map((y) => ({ ...y, lines: y.lines.map((l) => (l.code === 'ACT' ? { ...l, forecastCents: 1 } : l)) })) };
    const a = buildAgenda({ programme, check: doctored, quarter: Q1, config: CONFIG });
    expect(section(a, 3).blocks[0].table!.rows[0].cells[4]).toBe('€ 0,01');
  });

  it('gives the theme, its actions and its indicator trends', () => {
    const s4 = section(agenda, 4);
    expect(s4.blocks[0].heading).toBe('Thema: Ouderenmishandeling');
    // Actions with Thema Ouderenmishandeling.
    expect(items(s4).filter((i) => /^A-\d/.test(i.text)).map((i) => i.text.slice(0, 5))).toEqual(['A-004', 'A-010']);
    const table = s4.blocks.find((b) => b.table)!.table!;
    // Meldingen Regio: 31 (2023) → 36 (2024) = stijgend; Huisverboden Beta: 10 → 7 = dalend;
    // Adviesvragen Alpha: only 2024 = één meting. The Kindermishandeling series is not this theme's.
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Adviesvragen ouderenmishandeling', 'Alpha', '2024: 1.250', 'één meting'],
      ['Huisverboden ouderen', 'Beta', '2023: 10; 2024: 7', 'dalend'],
      ['Meldingen ouderenmishandeling', 'Regio', '2023: 31; 2024: 36', 'stijgend'],
    ]);
  });

  it('lists the good examples from the Meet-ups row', () => {
    expect(items(section(agenda, 5)).map((i) => i.text)).toEqual(['Alpha: huisbezoeken bij 75-plussers', 'Beta: samenwerking met de bank & notaris']);
  });

  it('lists municipalities whose local plan is still open, and those without one', () => {
    // Alpha: A-006 (title in lower case) Loopt; Beta: A-005 Afgerond (not listed); Gamma: none.
    const texts = items(section(agenda, 6)).map((i) => i.text);
    expect(texts).toEqual(["Alpha: A-006 lokaal plan van aanpak opstellen, status Loopt", "Gamma: er staat geen actie 'Lokaal plan van aanpak opstellen' in Acties"]);
  });

  it('invites each partner once, with all its reasons', () => {
    // Moviera: named in Meet-ups and owner of A-003 (due). Augeo: owner of A-002 (overdue).
    // Not invited: Regionaal projectleider (organiser), Gemeente Alpha and Gamma (municipalities),
    // Kairos (A-009 is neither overdue nor due this quarter).
    expect(items(section(agenda, 7)).map((i) => i.text)).toEqual([
      'Augeo: eigenaar van A-002 (deadline verstreken)',
      'Moviera: genoemd in Meet-ups; eigenaar van A-003 (deadline dit kwartaal)',
      'Veilig Thuis Gelderland Zuid: genoemd in Meet-ups',
    ]);
  });

  it('closes with the questions round and the next meet-up', () => {
    expect(items(section(agenda, 8)).map((i) => [i.text, i.date])).toEqual([
      ['Rondvraag', null],
      ['Volgende meet-up, thema Complexe scheidingen', '2025-06-12'],
      ['Sluiting', null],
    ]);
  });

  it('numbers the items of a part 1, 2, 3 ... across its blocks', () => {
    expect(items(section(agenda, 2)).map((i) => i.number)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8']);
  });
});

describe('a quarter without a Meet-ups row', () => {
  // 2025-Q3 has no row: the date is Peildatum 01-03-2025, and there is no theme.
  const agenda = agendaFor({ year: 2025, quarter: 3 });

  it('is dated Peildatum, says so, and has no theme', () => {
    expect(agenda.date).toBe('2025-03-01');
    expect(agenda.planned).toBe(false);
    expect(agenda.preamble.join(' ')).toContain('geen meet-up in Meet-ups');
    expect(section(agenda, 4).blocks[0].notes).toEqual(['Voor dit kwartaal staat geen meet-up met een thema in Meet-ups.']);
    expect(items(section(agenda, 4))).toEqual([]);
    expect(items(section(agenda, 5)).map((i) => i.text)).toEqual(['Gemeenten worden uitgenodigd een goed voorbeeld uit de eigen praktijk te delen.']);
  });

  it('counts deadlines against Peildatum and the requested quarter', () => {
    // Due in Q3 on/after 01-03-2025: A-009 (30-09-2025). Done since 14-11-2024 (last meet-up before 01-03-2025): A-005.
    const s2 = section(agenda, 2);
    expect(itemsUnder(s2, 'AL2', 'Deadline dit kwartaal (2025-Q3)').map((i) => i.text.slice(0, 5))).toEqual(['A-009']);
    expect(itemsUnder(s2, 'AL1', 'Afgerond sinds de vorige meet-up').map((i) => i.text.slice(0, 5))).toEqual(['A-005']);
    // Kairos owns A-009, due this quarter; no partners are named without a row.
    expect(items(section(agenda, 7)).map((i) => i.text)).toContain('Kairos: eigenaar van A-009 (deadline dit kwartaal)');
  });
});

describe('without a previous meet-up', () => {
  it('counts "done" from the start of the quarter', () => {
    // Only the Q1 row: A-005 was done 02-12-2024, before 01-01-2025, so it is not listed.
    const meetups = [MEETUPS[1]];
    const extra = [{ ID: 'A-012', Actielijn: 'AL1', Gemeente: 'Beta', Actie: 'Folder', Eigenaar: 'Beta', Status: 'Afgerond', 'Bijgewerkt op': '2025-01-01' }];
    const agenda = agendaFor(Q1, { meetups, extraActions: extra });
    const done = itemsUnder(section(agenda, 2), 'AL1', 'Afgerond sinds het begin van het kwartaal (01-01-2025)');
    expect(done.map((i) => i.text.slice(0, 5))).toEqual(['A-012']);
  });
});

describe('determinism', () => {
  it('gives byte-identical markdown, html and rows on a second run', () => {
    const first = agendaFor();
    const second = agendaFor();
    expect(renderMarkdown(second)).toBe(renderMarkdown(first));
    expect(renderHtml(second)).toBe(renderHtml(first));
    expect(JSON.stringify(renderRows(second))).toBe(JSON.stringify(renderRows(first)));
  });

  it('does not depend on the order of the rows in the sheet', () => {
    const reversed = agendaFor(Q1, { meetups: [...MEETUPS].reverse() });
    expect(renderMarkdown(reversed)).toBe(renderMarkdown(agendaFor()));
  });
});
