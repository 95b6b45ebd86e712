/**
 * The agenda of the meet-up of 13-03-2025, item by item as the contract lists them ("The meet-up
 * agenda"), in both rhythms of the fixture: quarterly (previous 14-11-2024, next 12-06-2025) and
 * every six weeks (previous 30-01-2025, next 24-04-2025). Figures by hand are in fixture.ts.
 */
import { FICTIONAL_BANNER, buildAgenda, holdsFictionalData } from '../../../src/core/agenda/build';
import { statusCount } from '../../../src/core/agenda/context';
import { trendOf } from '../../../src/core/agenda/sections/theme';
import { renderHtml } from '../../../src/core/agenda/html';
import { renderMarkdown } from '../../../src/core/agenda/markdown';
import { renderRows } from '../../../src/core/agenda/rows';
import { Agenda, AgendaBlock, AgendaItem, AgendaSection } from '../../../src/core/agenda/types';
import { Proposal, ProposalItem } from '../../../src/core/check';
import { TAB } from '../../../src/core/workbook/contract';
import { FixtureOptions, MEETUPS, PLACEHOLDER, SCRIPT_TITLE, SIX_WEEKLY, load, snapshot } from './fixture';

function agendaFor(options: FixtureOptions = {}, fictional = false): Agenda {
  const { programme, check, meetup } = load(options);
  return buildAgenda({ programme, check, meetup, fictional });
}

const section = (a: Agenda, n: number): AgendaSection => a.sections[n - 1];
const items = (s: AgendaSection): AgendaItem[] => s.blocks.flatMap((b) => b.items);
const texts = (s: AgendaSection) => items(s).map((i) => i.text);
/** The level-1 block whose heading starts with `heading`, and the level-2 blocks under it. */
function under(s: AgendaSection, heading: string): AgendaBlock[] {
  const start = s.blocks.findIndex((b) => b.level === 1 && b.heading.startsWith(heading));
  expect(start).toBeGreaterThanOrEqual(0);
  const out = [s.blocks[start]];
  for (let i = start + 1; i < s.blocks.length && s.blocks[i].level === 2; i++) out.push(s.blocks[i]);
  return out;
}
const sub = (s: AgendaSection, line: string, heading: string) => under(s, line).filter((b) => b.level === 2 && b.heading.startsWith(heading)).flatMap((b) => b.items.map((i) => i.text));

const RHYTHMS = [
  { name: 'quarterly', meetups: MEETUPS, previous: '14-11-2024', next: '12-06-2025' },
  { name: 'every six weeks', meetups: SIX_WEEKLY, previous: '30-01-2025', next: '24-04-2025' },
] as const;

describe.each(RHYTHMS)('the agenda of 13-03-2025, $name', ({ meetups, previous, next }) => {
  const agenda = agendaFor({ meetups });
  const md = renderMarkdown(agenda);

  test('header: region, date, time, place, chair, minute-taker and theme from Meet-ups; a purpose per item', () => {
    expect(agenda.title).toBe('Agenda ambtelijke meet-up Testregio, 13-03-2025');
    // Tijd 0,5625 of a day = 13:30.
    expect(agenda.header).toEqual([
      'Regio: Testregio', 'Datum: 13-03-2025', 'Tijd: 13:30', 'Locatie: Stadhuis Alpha, zaal 2', 'Voorzitter: Regionaal projectleider',
      'Notulist: Secretariaat regio', 'Thema: Ouderenmishandeling',
    ]);
    expect(agenda.sections.map((s) => [s.number, s.title, s.purpose])).toEqual([
      [1, 'Opening, verslag en mededelingen', 'ter informatie'],
      [2, 'Ronde langs de gemeenten', 'ter bespreking'],
      [3, 'Voortgang regioaanpak', 'ter bespreking'],
      [4, 'Financiën', 'ter advisering'],
      [5, 'Thema: Ouderenmishandeling', 'ter bespreking'],
      [6, 'Goede voorbeelden uit gemeenten', 'ter informatie'],
      [7, 'Uitgenodigde netwerkpartners', 'ter informatie'],
      [8, 'Rondvraag, besluitenlijst en sluiting', 'ter bespreking'],
    ]);
    expect(md).toContain('| 4 | Financiën | ter advisering |');
  });

  test('0. no banner on a workbook without fictional data', () => {
    expect(agenda.banner).toBe('');
    expect(md).not.toContain('FICTIEF');
  });

  test('1. opening, the minutes of the previous meet-up, and the campaigns until the next one', () => {
    const s1 = texts(section(agenda, 1));
    expect(s1.slice(0, 2)).toEqual(['Opening en vaststelling van de agenda', `Vaststellen verslag en actielijst van de vorige meet-up (${previous})`]);
    // From March up to the next meet-up's month: quarterly March..June has Week van de test (maart)
    // and Meldcodeweek (mei); six-weekly March..April only Week van de test. July, January and
    // November/December campaigns are not listed.
    const campaigns = s1.filter((t) => t.startsWith('Campagne'));
    expect(campaigns).toEqual(next === '12-06-2025'
      ? ['Campagne Week van de test (maart en november)', 'Campagne Meldcodeweek (mei)']
      : ['Campagne Week van de test (maart en november)']);
    expect(s1).toContain('Nieuwsbrief: gemeenten en netwerkpartners dragen goede voorbeelden aan.');
    // The meet-up's own notes are the project leader's, not an announcement.
    expect(md).not.toContain('Zaal nog reserveren');
  });

  test('2. one table, a row per municipality: open, due, overdue and the local plan', () => {
    const s2 = section(agenda, 2);
    const tables = s2.blocks.filter((b) => b.table);
    expect(tables).toHaveLength(1);
    const table = tables[0].table!;
    expect(table.headers).toEqual(['Gemeente', 'Open acties', `Deadline vóór de volgende meet-up (${next})`, 'Deadline verstreken', 'Lokaal plan']);
    // Alpha: A-003 (due 28-03), A-006 (its local plan, Loopt), A-008 (overdue 01-02): 3 open.
    // Beta: A-010 (31-05: before 12-06, not before 24-04); its plan A-005 is Afgerond. Gamma: A-011 overdue, no plan.
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Alpha', '3', 'Training lokale teams (A-003), 28-03-2025', 'Kinderrechten in de klas (A-008), 01-02-2025', 'loopt, deadline 31-12-2025'],
      ['Beta', '1', next === '12-06-2025' ? 'Voorlichtingsavond ouderen (A-010), 31-05-2025' : '—', '—', 'afgerond'],
      ['Gamma', '1', '—', 'Aandachtsfunctionaris aanstellen (A-011), 28-02-2025', 'ontbreekt'],
    ]);
    // Municipalities are not called out one by one as items.
    expect(items(s2)).toEqual([]);
  });

  test('3. per action line a status count, then done, due, overdue (with owner) and undated actions', () => {
    const s3 = section(agenda, 3);
    // AL1: A-001 Loopt, A-002 Niet gestart, A-005 Afgerond, A-006 Loopt, A-008 Loopt, A-010 Loopt, A-014 Afgerond.
    expect(under(s3, 'Preventie en signalering (AL1)')[0].notes[0]).toBe('7 acties: 2 afgerond, 4 lopend, 1 niet gestart, 0 uitgesteld.');
    // AL2: A-003 Loopt, A-004 Loopt, A-007 Afgerond, A-009 Niet gestart, A-011 Niet gestart, A-015 Afgerond.
    expect(under(s3, 'Expertise lokale teams (AL2)')[0].notes[0]).toBe('6 acties: 2 afgerond, 2 lopend, 2 niet gestart, 0 uitgesteld.');
    // AL3 holds only A-012 (no deadline) and A-013 (overdue): counted and listed, never "no actions".
    expect(under(s3, 'Helpende data (AL3)')[0].notes[0]).toBe('2 acties: 0 afgerond, 1 lopend, 1 niet gestart, 0 uitgesteld. 1 open actie heeft geen deadline.');
    expect(sub(s3, 'Helpende data', 'Zonder deadline')).toEqual(['Regionaal datadashboard (A-012), loopt']);
    expect(md).not.toMatch(/Geen acties/i);

    // Done since the previous meet-up: A-014 (10-02-2025) always; A-015 (15-01-2025) only after 14-11-2024.
    expect(sub(s3, 'Preventie', `Afgerond sinds de vorige meet-up (${previous})`)).toEqual(['Folder meldcode (A-014), afgerond']);
    expect(sub(s3, 'Expertise', 'Afgerond sinds')).toEqual(previous === '14-11-2024' ? ['Intervisie aandachtsfunctionarissen (A-015), afgerond'] : []);
    // Regional actions past their deadline, by deadline, with their owner; the placeholder owner reads "nog te bepalen".
    const late = s3.blocks.filter((b) => b.heading === 'Deadline verstreken').flatMap((b) => b.items);
    expect(late.map((i) => [i.text, i.owner])).toEqual([
      ['Voorlichting op scholen (A-001), loopt', 'Regionaal projectleider'],
      [`${SCRIPT_TITLE} (A-002), niet gestart`, 'Augeo'],
      ['Monitor huiselijk geweld (A-013), niet gestart', 'nog te bepalen'],
    ]);
    // Municipal actions are counted here and discussed in item 2: AL1 has open,
    // A-008 overdue, A-010 due only before 12-06, A-005 done on 02-12-2024 (after 14-11-2024 only).
    const dueAl1 = next === '12-06-2025' ? 1 : 0;
    const doneAl1 = previous === '14-11-2024' ? `; 1 afgerond sinds ${previous}` : '';
    expect(under(s3, 'Preventie')[0].notes[1]).toBe(
      `Gemeentelijke acties: 3 open, waarvan 1 over de deadline en ${dueAl1} met een deadline vóór de volgende meet-up (${next})${doneAl1}. Zie 2. Ronde langs de gemeenten.`,
    );
    expect(texts(s3).some((t) => t.includes('A-008'))).toBe(false);
  });

  test('4. finances as advice: lines not OK, the balance, what changed since the previous meet-up', () => {
    const s4 = section(agenda, 4);
    expect(s4.purpose).toBe('ter advisering');
    expect(under(s4, 'Begrotingsposten die aandacht vragen')[0].table!.rows.map((r) => r.cells)).toEqual([
      ['2025', 'Uitvoering actielijnen', '€ 50.000,00', '€ 73.000,00', '€ -23.000,00', 'Overschrijding'],
    ]);
    const balance = under(s4, 'Programmabalans')[0];
    // raming 180.000 = dekking; prognose 143.000; resultaat 37.000.
    expect(balance.table!.rows[0].cells).toEqual(['2025', 'lopend', '€ 180.000,00', '€ 180.000,00', '€ 143.000,00', '€ 37.000,00', 'OK']);
    // no sum over the period: each year stands alone
    expect(balance.notes).toEqual(['Het resultaat is per jaar: een overschot vervalt, tenzij het bij de jaarrekening in de reserve wordt gestort.']);

    const changes = under(s4, 'Wat veranderde sinds de vorige meet-up')[0];
    expect(changes.heading).toBe(`Wat veranderde sinds de vorige meet-up (${previous})`);
    if (previous === '14-11-2024') {
      // Snapshot 14-11-2024: ACT 60.000 → 73.000 (+13.000), MOV 32.000 → 40.000 (+8.000); VT unchanged, not listed.
      expect(changes.items.map((i) => i.text)).toEqual([
        'Uitvoering actielijnen 2025: de prognose steeg met € 13.000,00, van € 60.000,00 naar € 73.000,00; signaal nu Overschrijding (was Dreigende overschrijding)',
        'Moviera 2025: de prognose steeg met € 8.000,00, van € 32.000,00 naar € 40.000,00',
      ]);
    } else {
      // Snapshot 30-01-2025 (the later one, 01-02 would be after): ACT 70.000 → 73.000; MOV 40.000 unchanged.
      expect(changes.items.map((i) => i.text)).toEqual(['Uitvoering actielijnen 2025: de prognose steeg met € 3.000,00, van € 70.000,00 naar € 73.000,00']);
    }
    expect(changes.notes).toEqual([`Vergeleken met de budgetcontrole van ${previous}.`]);

    const advice = under(s4, 'Advies herprioritering')[0];
    expect(advice.notes[0]).toMatch(/^De meet-up adviseert; het besluit ligt bij: college van Alpha\./);
    expect(advice.items).toHaveLength(1);
    const item = advice.items[0];
    expect(item.text).toBe('Advies bij de overschrijding van Uitvoering actielijnen in 2025');
    expect(item.amountCents).toBe(2_300_000); // tekort 73.000 − 50.000 = 23.000
    // Defer A-009 (Laag, 8.000) and A-004 (Hoog, 10.000): 18.000; 23.000 − 18.000 = 5.000 from Moviera.
    expect(item.details).toEqual([
      'Uitstellen naar het volgende programma (na 2025): Themabijeenkomst plegeraanpak (A-009), prioriteit laag; maakt € 8.000,00 vrij',
      'Uitstellen naar het volgende programma (na 2025): Expertiserol ouderenmishandeling (A-004), prioriteit hoog; maakt € 10.000,00 vrij',
      'Begrotingswijziging: € 5.000,00 van Moviera naar Uitvoering actielijnen (2025)',
      'Met dit advies is het tekort gedekt.',
    ]);
    expect(md).not.toMatch(/Besluit herprioritering/);
  });

  test('5. the theme: its actions and its indicator trends, judged by the desired direction', () => {
    const s5 = section(agenda, 5);
    expect(texts(s5)).toEqual(['Expertiserol ouderenmishandeling (A-004), loopt', 'Voorlichtingsavond ouderen (A-010), Beta, loopt']);
    // Adviesvragen 1.300 → 1.250, more is better: worse. Huisverboden 10 → 7, fewer is better: better.
    // Meldingen 31 → 36, no desired direction: only the direction. Kindermishandeling is another theme.
    expect(under(s5, 'Cijfers')[0].table!.rows.map((r) => r.cells)).toEqual([
      ['Adviesvragen ouderenmishandeling', 'Alpha', '2023: 1.300; 2024: 1.250', 'dalend: verslechtering'],
      ['Huisverboden ouderen', 'Beta', '2023: 10; 2024: 7', 'dalend: verbetering'],
      ['Meldingen ouderenmishandeling', 'hele regio', '2023: 31; 2024: 36', 'stijgend'],
    ]);
  });

  test('6. the good examples of the Meet-ups row', () => {
    expect(texts(section(agenda, 6))).toEqual(['Alpha: huisbezoeken bij 75-plussers', 'Beta: samenwerking met de bank & notaris']);
  });

  test('7. partners named for the meet-up, and owners of late or due actions; never the organiser, a municipality or the placeholder', () => {
    // Augeo owns A-002 (late); Moviera is named and owns A-003 (due). Not invited: the Regionaal
    // projectleider (organiser, A-001), Gemeente Alpha / Beta / Gamma, the placeholder, and
    // Kairos (A-009 due 30-09, after the next meet-up).
    const s7 = items(section(agenda, 7));
    expect(s7.map((i) => [i.text, i.details])).toEqual([
      ['Augeo', [`eigenaar van ${SCRIPT_TITLE} (A-002), deadline 15-02-2025 verstreken`]],
      ['Moviera', ['eigenaar van Training lokale teams (A-003), deadline 28-03-2025']],
      ['Veilig Thuis Gelderland Zuid', []],
    ]);
    expect(md).not.toContain(PLACEHOLDER);
  });

  test('8. questions, an empty decisions list to fill in, closing and the next meet-up', () => {
    const s8 = section(agenda, 8);
    expect(texts(s8)).toEqual(['Rondvraag', 'Besluitenlijst: de besluiten en afspraken van deze meet-up', expect.stringMatching(/^Volgende meet-up, thema /), 'Sluiting']);
    expect(items(s8)[2].date).toBe(next.split('-').reverse().join('-'));
    const list = s8.blocks.find((b) => b.table)!.table!;
    expect(list.headers).toEqual(['Nr', 'Besluit of afspraak', 'Wie', 'Wanneer']);
    expect(list.rows.map((r) => r.cells)).toEqual([1, 2, 3, 4, 5].map((n) => [String(n), '', '', '']));
  });

  test('users read names, not codes or sheet jargon', () => {
    for (const text of [md, renderHtml(agenda), JSON.stringify(renderRows(agenda))]) {
      expect(text).not.toMatch(/\b(ACT|MOV|VT|GEN)\b/);
      // An action line's code only in brackets after its name.
      expect(text.replace(/\((AL\d)\)/g, '')).not.toMatch(/\bAL\d\b/);
      expect(text).not.toMatch(/genoemd in Meet-ups|staat in Acties|in Acties|regionaal\)/);
    }
  });

  test('is deterministic: byte-identical on a second run, whatever the order of the rows', () => {
    const again = agendaFor({ meetups: [...meetups].reverse() });
    expect(renderMarkdown(again)).toBe(md);
    expect(renderHtml(again)).toBe(renderHtml(agenda));
    expect(JSON.stringify(renderRows(again))).toBe(JSON.stringify(renderRows(agenda)));
  });
});

describe('the advice in words, for every kind of proposal step', () => {
  // A given check result (not computed): the agenda only words what the budget model proposes.
  const base = load();
  const item = (kind: ProposalItem['kind'], more: Partial<ProposalItem>): ProposalItem => ({
    year: 2025, code: 'Totaal', shortfallCents: 0, kind, proposal: '', decidedBy: '', actionId: '', actionTitle: '', priority: '', freedCents: 0, note: '', ...more,
  });
  const proposals: Proposal[] = [
    { year: 2025, code: 'Dekking', shortfallCents: 0, covered: true, uncoveredCents: 0, uncoveredLaterYear: null, items: [item('consult', { code: 'Dekking', freedCents: -6_000_000 })] },
    {
      year: 2025, code: 'Totaal', shortfallCents: 10_000_000, covered: false, uncoveredCents: 1_500_000, uncoveredLaterYear: null,
      items: [
        item('lower', { sourceCode: 'MOV', freedCents: 5_000_000 }),
        item('defer', {
          actionId: 'A-004', actionTitle: 'Expertiserol ouderenmishandeling', priority: 'Hoog', freedCents: 1_000_000,
          deferral: { toYear: 2026, forecastCents: 2_000_000, balanceCents: 4_800_000, signal: 'OK', shiftsShortfall: false },
          lineCode: 'ACT', thenLowerCents: 1_000_000,
        }),
        item('defer', { actionId: 'A-009', actionTitle: 'Themabijeenkomst plegeraanpak', freedCents: 800_000, lineCode: 'ACT', thenLowerCents: 0, deferral: { toYear: 2026, forecastCents: null, balanceCents: null, signal: null, shiftsShortfall: false } }),
        item('escalate', {}),
      ],
    },
  ];
  const agenda = buildAgenda({ programme: { ...base.programme, settings: { ...base.programme.settings, contributors: ['Gamma'] } }, check: { ...base.check, proposals }, meetup: base.meetup, fictional: false });
  const advice = under(section(agenda, 4), 'Advies herprioritering')[0].items;

  test('names lines, never codes, and frames an uncovered rest as a decision for Besluitvorming', () => {
    // Programme first is not the order: per year, lines, then Totaal, then Dekking.
    expect(advice.map((i) => [i.text, i.details])).toEqual([
      ['Advies bij het programmatekort in 2025', [
        'Begrotingswijziging: de raming van Moviera 2025 met € 50.000,00 verlagen',
        'Uitstellen naar 2026: Expertiserol ouderenmishandeling (A-004), prioriteit hoog; maakt € 10.000,00 vrij. In 2026 wordt de prognose van Uitvoering actielijnen € 20.000,00, saldo € 48.000,00 (OK). Daarna de raming van Uitvoering actielijnen 2025 met € 10.000,00 verlagen',
        'Uitstellen naar 2026: Themabijeenkomst plegeraanpak (A-009); maakt € 8.000,00 vrij. Neem de kosten op in de begroting van 2026',
        'Niet gedekt: € 15.000,00; dit deel vraagt een besluit van: college van Alpha',
      ]],
      ['Circulaire 2025: de DU VO-uitkering daalt met € 60.000,00. Daarmee verandert ook wat Gamma bijdragen; advies: met hen overleggen.', []],
    ]);
    expect(advice[0].amountCents).toBe(10_000_000);
  });
});

describe('edges', () => {
  test('0. a visible banner when the workbook holds fictional data', () => {
    const agenda = agendaFor({}, true);
    expect(agenda.banner).toBe(FICTIONAL_BANNER);
    expect(renderMarkdown(agenda)).toContain(`**${FICTIONAL_BANNER}**`);
    expect(renderHtml(agenda)).toContain('<p class="banner" role="note">FICTIEF:');
    expect(renderRows(agenda)[1]).toEqual(['', 'FICTIEF', FICTIONAL_BANNER, '', '', '']);
  });

  test('fictional data is found by Instellingen › Demo or by a text marked FICTIEF', () => {
    expect(holdsFictionalData(snapshot())).toBe(false);
    const demo = snapshot();
    demo[TAB.settings]!.push(['Demo', 'FICTIEF (demo): dit werkboek is een demonstratie']);
    expect(holdsFictionalData(demo)).toBe(true);
    const ledger = snapshot();
    ledger[TAB.ledger]![1][9] = 'FICTIEF (demo): trainingen';
    expect(holdsFictionalData(ledger)).toBe(true);
    const fixture = snapshot({ municipalities: [{ Gemeente: 'Gemeente 02 (FICTIEF)' }] });
    expect(holdsFictionalData(fixture)).toBe(true);
    // A word that merely contains it, or a blank Demo key, is not a mark.
    const plain = snapshot({ extraActions: [{ ID: 'A-099', Actielijn: 'AL1', Gemeente: 'Regio', Actie: 'Fictieve casus oefenen', Status: 'Loopt' }] });
    plain[TAB.settings]!.push(['Demo', '']);
    expect(holdsFictionalData(plain)).toBe(false);
  });

  test('the first meet-up has no minutes to approve, and without a next one the horizon is three months', () => {
    const agenda = agendaFor({ meetups: [MEETUPS[1]] });
    expect(texts(section(agenda, 1)).filter((t) => t.startsWith('Vaststellen verslag'))).toEqual([]);
    // 13-03-2025 + 91 days = 12-06-2025.
    expect(section(agenda, 2).blocks[0].table!.headers[2]).toBe('Deadline vóór 12-06-2025');
    expect(texts(section(agenda, 8))).toContain('Volgende meet-up: nog niet gepland');
    // Without a snapshot to compare with, the agenda says so instead of inventing changes.
    const none = buildAgenda({ ...load({ meetups: [MEETUPS[1]], history: null }), fictional: false });
    expect(under(section(none, 4), 'Wat veranderde')[0].notes[0]).toMatch(/^Er is geen eerdere budgetcontrole om mee te vergelijken/);
  });

  test('a meet-up without a theme, good examples or partners says what to do instead', () => {
    const agenda = agendaFor({ meetups: [{ Datum: '2025-03-13' }] });
    expect(section(agenda, 5).title).toBe('Thema');
    expect(section(agenda, 5).blocks[0].notes).toEqual(['Voor deze meet-up is nog geen thema gekozen.']);
    expect(texts(section(agenda, 6))).toEqual(['Gemeenten worden uitgenodigd een goed voorbeeld uit de eigen praktijk te delen.']);
  });

  test('an obligation of every municipality is one line on the theme, with its count', () => {
    const extra = ['Alpha', 'Beta', 'Gamma'].map((g, i) => ({ ID: `A-0${50 + i}`, Actielijn: 'AL1', Gemeente: g, Actie: 'Zelfscan kwaliteitskader', Thema: 'Ouderenmishandeling', Status: i ? 'Niet gestart' : 'Afgerond' }));
    const agenda = agendaFor({ extraActions: extra });
    expect(texts(section(agenda, 5))).toContain('Zelfscan kwaliteitskader: 3 gemeenten; 3 acties: 1 afgerond, 0 lopend, 2 niet gestart, 0 uitgesteld. 2 open acties hebben geen deadline.');
  });

  test('the status count and the trend read as Dutch', () => {
    expect(statusCount([])).toBe('0 acties: 0 afgerond, 0 lopend, 0 niet gestart, 0 uitgesteld.');
    expect(trendOf([{ year: 2024, value: 5 }])).toBe('één meting');
    expect(trendOf([{ year: 2023, value: 5 }, { year: 2024, value: 5 }], 'meer')).toBe('gelijk');
    expect(trendOf([{ year: 2023, value: 5 }, { year: 2024, value: 6 }], 'meer')).toBe('stijgend: verbetering');
  });
});
