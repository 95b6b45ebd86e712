/**
 * The agenda of the meet-up of 13-03-2025, item by item as the contract lists them ("The meet-up
 * agenda", v3: the agenda proper on one page, the details in Bijlage A/B/C), in both rhythms of the
 * fixture: quarterly (previous 14-11-2024, next 12-06-2025) and every six weeks (previous
 * 30-01-2025, next 24-04-2025). Figures by hand are in fixture.ts.
 */
import { FICTIONAL_BANNER, buildAgenda, holdsFictionalData } from '../../../src/core/agenda/build';
import { statusCount } from '../../../src/core/agenda/context';
import { trendOf } from '../../../src/core/agenda/sections/theme';
import { renderHtml } from '../../../src/core/agenda/html';
import { renderMarkdown } from '../../../src/core/agenda/markdown';
import { renderRows } from '../../../src/core/agenda/rows';
import { Agenda, AgendaBlock, AgendaItem, AgendaSection, AppendixLetter } from '../../../src/core/agenda/types';
import { Proposal, ProposalItem } from '../../../src/core/check';
import { TAB } from '../../../src/core/workbook/contract';
import { FixtureOptions, MEETUPS, PLACEHOLDER, SCRIPT_TITLE, SIX_WEEKLY, load, snapshot } from './fixture';

function agendaFor(options: FixtureOptions = {}, fictional = false): Agenda {
  const { programme, check, meetup } = load(options);
  return buildAgenda({ programme, check, meetup, fictional });
}

const section = (a: Agenda, n: number): AgendaSection => a.sections[n - 1];
const blocks = (a: Agenda, letter: AppendixLetter): AgendaBlock[] => a.appendices.find((x) => x.letter === letter)?.blocks ?? [];
const block = (a: Agenda, letter: AppendixLetter, heading: string): AgendaBlock => {
  const found = blocks(a, letter).find((b) => b.heading.startsWith(heading));
  expect(found).toBeDefined();
  return found!;
};
const texts = (items: AgendaItem[]) => items.map((i) => i.text);

const RHYTHMS = [
  { name: 'quarterly', meetups: MEETUPS, previous: '14-11-2024', next: '12-06-2025' },
  { name: 'every six weeks', meetups: SIX_WEEKLY, previous: '30-01-2025', next: '24-04-2025' },
] as const;

describe.each(RHYTHMS)('the agenda of 13-03-2025, $name', ({ meetups, previous, next }) => {
  const agenda = agendaFor({ meetups });
  const md = renderMarkdown(agenda);

  test('header: region, date, time, place, chair, minute-taker from Meet-ups, the Peildatum; a purpose per item', () => {
    expect(agenda.title).toBe('Agenda overleg Testregio, 13-03-2025');
    // Tijd 0,5625 of a day = 13:30. Peildatum 01-03-2025 lies before the meet-up: the figures are as of then.
    expect(agenda.header.map((f) => `${f.label}: ${f.value}`)).toEqual([
      'Regio: Testregio', 'Datum: 13-03-2025', 'Tijd: 13:30', 'Locatie: Stadhuis Alpha, zaal 2', 'Voorzitter: Regionaal projectleider',
      'Notulist: Secretariaat regio', 'Cijfers per: 01-03-2025',
    ]);
    expect(agenda.sections.map((s) => [s.number, s.title, s.purpose])).toEqual([
      [1, 'Opening, verslag en actielijst, mededelingen', 'ter vaststelling'],
      [2, 'Ronde langs de gemeenten', 'ter bespreking'],
      [3, 'Voortgang programma', 'ter bespreking'],
      [4, 'Financiën', 'ter advisering'],
      [5, 'Thema: Ouderenmishandeling', 'ter bespreking'],
      [6, 'Goede voorbeelden uit gemeenten', 'ter informatie'],
      [7, 'Uitgenodigde netwerkpartners', 'ter informatie'],
      [8, 'Rondvraag, besluitenlijst en sluiting', 'ter bespreking'],
    ]);
    // Contract: each item in at most three lines; tables only in items 1 and 2.
    for (const s of agenda.sections) expect(s.lines.length).toBeLessThanOrEqual(3);
    expect(agenda.sections.filter((s) => s.table).map((s) => s.number).every((n) => n <= 2)).toBe(true);
  });

  test('0. no banner on a workbook without fictional data', () => {
    expect(agenda.banner).toBe('');
    expect(md).not.toContain('FICTIEF');
  });

  test('1. opening, the minutes of the previous meet-up, and the campaigns until the next one', () => {
    const s1 = section(agenda, 1).lines;
    expect(s1[0]).toBe(`Opening en vaststelling van de agenda; verslag en actielijst van de vorige bijeenkomst (${previous}). De actielijst heeft geen open afspraken.`);
    // From March up to the next meet-up's month: quarterly March..June has Week van de test (maart)
    // and Meldcodeweek (mei); six-weekly March..April only Week van de test.
    expect(s1[1]).toBe(next === '12-06-2025'
      ? `Mededelingen: campagnes tot de volgende bijeenkomst (${next}): Week van de test (maart en november) en Meldcodeweek (mei).`
      : `Mededelingen: campagnes tot de volgende bijeenkomst (${next}): Week van de test (maart en november).`);
    expect(s1[2]).toBe('Nieuwsbrief: gemeenten en netwerkpartners dragen goede voorbeelden aan.');
    // The meet-up's own notes are the project leader's, not an announcement.
    expect(md).not.toContain('Zaal nog reserveren');
  });

  test('2. one table, a row per municipality with counts; the overdue ones by name in Bijlage A', () => {
    const table = section(agenda, 2).table!;
    expect(table.headers).toEqual(['Gemeente', 'Open', `Deadline vóór ${next}`, 'Verstreken', 'Lokaal plan']);
    // Alpha: A-003 (due 28-03), A-006 (its local plan, Loopt), A-008 (overdue 01-02): 3 open.
    // Beta: A-010 (31-05: before 12-06, not before 24-04); its plan A-005 is Afgerond. Gamma: A-011 overdue, no plan.
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Alpha', '3', '1', '1', 'loopt, deadline 31-12-2025'],
      ['Beta', '1', next === '12-06-2025' ? '1' : '0', '0', 'afgerond'],
      ['Gamma', '1', '0', '1', 'ontbreekt'],
    ]);
    expect(texts(block(agenda, 'A', 'Gemeentelijke acties over de deadline').items)).toEqual([
      'Kinderrechten in de klas (A-008), Alpha', 'Aandachtsfunctionaris aanstellen (A-011), Gamma',
    ]);
  });

  test('3. counts on the page; per action line a status count, then done, due and overdue (with owner) in Bijlage A', () => {
    // Regional: done since previous: A-014 (10-02) always, A-015 (15-01) only after 14-11-2024.
    // Due before next: A-004 (30-06) only before... no: 30-06 is after both 12-06 and 24-04: 0.
    // Overdue: A-001 (31-01), A-002 (15-02), A-013 (20-02): 3. Undated open: A-012 (AL3).
    const done = previous === '14-11-2024' ? 2 : 1;
    expect(section(agenda, 3).lines).toEqual([
      `Regionale acties: ${done} afgerond sinds ${previous}, 0 met een deadline vóór ${next}, 3 over de deadline (met eigenaar in Bijlage A).`,
      '1 open regionale actie heeft geen deadline (per actielijn in Bijlage A): wie wordt eigenaar, en wanneer is het klaar?',
    ]);
    // AL1: A-001 Loopt, A-002 Niet gestart, A-005 Afgerond, A-006 Loopt, A-008 Loopt, A-010 Loopt, A-014 Afgerond.
    expect(block(agenda, 'A', 'Preventie en signalering (AL1)').notes[0]).toBe('7 acties: 2 afgerond, 4 lopend, 1 niet gestart, 0 uitgesteld.');
    // AL3 holds only A-012 (no deadline) and A-013 (overdue): counted, never listed one by one.
    const al3 = block(agenda, 'A', 'Helpende data (AL3)');
    expect(al3.notes[0]).toBe('2 acties: 0 afgerond, 1 lopend, 1 niet gestart, 0 uitgesteld. 1 open actie zonder deadline: graag een eigenaar en een deadline.');
    expect(al3.items.map((i) => [i.text, i.owner])).toEqual([['Deadline verstreken: Monitor huiselijk geweld (A-013), niet gestart', 'nog te bepalen']]);
    expect(md).not.toContain('Regionaal datadashboard');
    const al1 = block(agenda, 'A', 'Preventie en signalering (AL1)');
    expect(al1.items.map((i) => [i.text, i.owner])).toEqual([
      ['Afgerond: Folder meldcode (A-014), afgerond', 'Augeo'],
      ['Deadline verstreken: Voorlichting op scholen (A-001), loopt', 'Regionaal projectleider'],
      [`Deadline verstreken: ${SCRIPT_TITLE} (A-002), niet gestart`, 'Augeo'],
    ]);
  });

  test('4. finances as advice: on the page the figure per year; in Bijlage B the lines, the balance, what changed and the advice', () => {
    // Tekort Uitvoering actielijnen 2025: prognose 73.000 − raming 50.000 = 23.000; the advice covers it.
    expect(section(agenda, 4).lines).toEqual([
      '2025: Uitvoering actielijnen komt € 23.000 boven de raming; het advies dekt dit.',
      'Dit is een advies; het besluit ligt bij college van Alpha.',
    ]);
    expect(block(agenda, 'B', 'Begrotingsposten die aandacht vragen').table!.rows.map((r) => r.cells)).toEqual([
      ['2025', 'Uitvoering actielijnen', '€ 50.000', '€ 73.000', '€ -23.000', 'Overschrijding'],
    ]);
    // raming 180.000 = dekking; prognose 143.000; resultaat 37.000; no tekort.
    expect(block(agenda, 'B', 'Programmabalans').table!.rows[0].cells).toEqual(['2025', 'lopend', '€ 180.000', '€ 180.000', '€ 143.000', '€ 37.000', '']);
    const changes = block(agenda, 'B', 'Wat veranderde sinds de vorige bijeenkomst');
    expect(changes.heading).toBe(`Wat veranderde sinds de vorige bijeenkomst (${previous})`);
    if (previous === '14-11-2024') {
      // Snapshot 14-11-2024: ACT 60.000 → 73.000 (+13.000), MOV 32.000 → 40.000 (+8.000); VT unchanged, not listed.
      expect(texts(changes.items)).toEqual([
        'Uitvoering actielijnen 2025: de prognose steeg met € 13.000, van € 60.000 naar € 73.000; signaal nu Overschrijding (was Dreigende overschrijding)',
        'Moviera 2025: de prognose steeg met € 8.000, van € 32.000 naar € 40.000',
      ]);
    } else {
      expect(texts(changes.items)).toEqual(['Uitvoering actielijnen 2025: de prognose steeg met € 3.000, van € 70.000 naar € 73.000']);
    }
    const advice = block(agenda, 'B', 'Advies herprioritering');
    expect(advice.notes[0]).toMatch(/^Dit is een advies; het besluit ligt bij: college van Alpha\./);
    expect(advice.items).toHaveLength(1);
    expect(advice.items[0].amountCents).toBe(2_300_000);
    // Defer A-009 (Laag, 8.000) and A-004 (Hoog, 10.000): 18.000; 23.000 − 18.000 = 5.000 from Moviera.
    expect(advice.items[0].details).toEqual([
      'Uitstellen naar het volgende programma (na 2025): Themabijeenkomst plegeraanpak (A-009), prioriteit laag; maakt € 8.000 vrij',
      'Uitstellen naar het volgende programma (na 2025): Expertiserol ouderenmishandeling (A-004), prioriteit hoog; maakt € 10.000 vrij',
      'Begrotingswijziging: € 5.000 van Moviera naar Uitvoering actielijnen (2025)',
      'Met dit advies is het tekort gedekt.',
    ]);
  });

  test('5. the theme: its actions and its indicator trends, as tables and charts in Bijlage C', () => {
    expect(texts(block(agenda, 'C', 'Acties op dit thema').items)).toEqual(['Expertiserol ouderenmishandeling (A-004), loopt', 'Voorlichtingsavond ouderen (A-010), Beta, loopt']);
    // Adviesvragen 1.300 → 1.250, more is better: worse. Huisverboden 10 → 7, fewer is better: better.
    const advice = block(agenda, 'C', 'Adviesvragen ouderenmishandeling');
    expect(advice.table!.rows.map((r) => r.cells)).toEqual([['Alpha', '1.300', '1.250', 'dalend: verslechtering']]);
    expect(advice.chart!.series).toEqual([{ name: 'Alpha', values: [1300, 1250] }]);
    expect(block(agenda, 'C', 'Huisverboden ouderen').table!.rows[0].cells).toEqual(['Beta', '10', '7', 'dalend: verbetering']);
    // 3 indicators on the theme; the first (alphabetically) on the page.
    expect(section(agenda, 5).lines).toEqual(['2 acties op dit thema, 2 nog open.', 'Adviesvragen ouderenmishandeling (Alpha): 1.250 in 2024, dalend: verslechtering; nog 2 indicatoren.']);
  });

  test('6. the good examples of the Meet-ups row', () => {
    expect(section(agenda, 6).lines).toEqual(['Alpha: huisbezoeken bij 75-plussers; Beta: samenwerking met de bank & notaris.']);
  });

  test('7. partners named for the meet-up, and owners of late or due actions; never the organiser, a municipality or the placeholder', () => {
    expect(section(agenda, 7).lines).toEqual(['Augeo, Moviera, Veilig Thuis Gelderland Zuid.']);
    expect(block(agenda, 'A', 'Uitgenodigde netwerkpartners').items.map((i) => [i.text, i.details])).toEqual([
      ['Augeo', [`eigenaar van ${SCRIPT_TITLE} (A-002), deadline 15-02-2025 verstreken`]],
      ['Moviera', ['eigenaar van Training lokale teams (A-003), deadline 28-03-2025']],
    ]);
    expect(md).not.toContain(PLACEHOLDER);
  });

  test('8. questions, the decisions into Actielijst, lines to fill in, closing and the next meet-up', () => {
    const s8 = section(agenda, 8);
    expect(s8.lines[1]).toBe('Besluitenlijst: de besluiten en afspraken van vandaag gaan met wie en wanneer in de tab Actielijst.');
    expect(s8.lines[2]).toMatch(new RegExp(`^Sluiting; volgende overleg: ${next}, thema `));
    expect(s8.fillIn).toBe(3);
  });

  test('users read names, not codes or sheet jargon', () => {
    for (const text of [md, renderHtml(agenda), JSON.stringify(renderRows(agenda))]) {
      expect(text).not.toMatch(/\b(ACT|MOV|VT|GEN)\b/);
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
  const advice = block(agenda, 'B', 'Advies herprioritering').items;

  test('names lines, never codes, and frames an uncovered rest as a decision for Besluitvorming', () => {
    // Programme first is not the order: per year, lines, then Totaal, then Dekking.
    expect(advice.map((i) => [i.text, i.details])).toEqual([
      ['Advies bij het programmatekort in 2025', [
        'Begrotingswijziging: de raming van Moviera 2025 met € 50.000 verlagen',
        'Uitstellen naar 2026: Expertiserol ouderenmishandeling (A-004), prioriteit hoog; maakt € 10.000 vrij. In 2026 wordt de prognose van Uitvoering actielijnen € 20.000, saldo € 48.000 (OK). Daarna de raming 2025 van deze post met € 10.000 verlagen',
        'Uitstellen naar 2026: Themabijeenkomst plegeraanpak (A-009); maakt € 8.000 vrij. Neem de kosten op in de begroting van 2026',
        'Niet gedekt: € 15.000; dit deel vraagt een besluit van: college van Alpha',
      ]],
      ['Circulaire 2025: de DU VO-uitkering daalt met € 60.000. Daarmee verandert ook wat Gamma bijdragen; advies: met hen overleggen.', []],
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
    expect(section(agenda, 1).purpose).toBe('ter informatie');
    expect(section(agenda, 1).lines[0]).toBe('Opening en vaststelling van de agenda.');
    // 13-03-2025 + 91 days = 12-06-2025.
    expect(section(agenda, 2).table!.headers[2]).toBe('Deadline vóór 12-06-2025');
    expect(section(agenda, 8).lines[2]).toBe('Sluiting; de volgende bijeenkomst is nog niet gepland.');
    const none = buildAgenda({ ...load({ meetups: [MEETUPS[1]], history: null }), fictional: false });
    expect(block(none, 'B', 'Wat veranderde').notes[0]).toMatch(/^Er is geen eerdere budgetcontrole om mee te vergelijken/);
  });

  test('a meet-up without a theme, good examples or partners says what to do instead', () => {
    const agenda = agendaFor({ meetups: [{ Datum: '2025-03-13' }] });
    expect(section(agenda, 5).title).toBe('Thema');
    expect(section(agenda, 5).lines).toEqual(['Voor deze bijeenkomst is nog geen thema gekozen.']);
    expect(section(agenda, 6).lines).toEqual(['Gemeenten worden uitgenodigd een goed voorbeeld uit de eigen praktijk te delen.']);
    for (const label of ['Tijd', 'Locatie', 'Voorzitter', 'Notulist']) expect(agenda.header).toContainEqual({ label, value: 'nog in te vullen' });
  });

  test('an obligation of every municipality is one line on the theme, with its count', () => {
    const extra = ['Alpha', 'Beta', 'Gamma'].map((g, i) => ({ ID: `A-0${50 + i}`, Actielijn: 'AL1', Gemeente: g, Actie: 'Zelfscan kwaliteitskader', Thema: 'Ouderenmishandeling', Status: i ? 'Niet gestart' : 'Afgerond' }));
    const agenda = agendaFor({ extraActions: extra });
    expect(texts(block(agenda, 'C', 'Acties op dit thema').items)).toContain('Zelfscan kwaliteitskader: 3 gemeenten; 3 acties: 1 afgerond, 0 lopend, 2 niet gestart, 0 uitgesteld. 2 open acties zonder deadline: graag een eigenaar en een deadline.');
  });

  test('the same overdue action of every municipality is one line in Bijlage A, naming them', () => {
    const extra = ['Alpha', 'Beta', 'Gamma'].map((g, i) => ({ ID: `A-0${60 + i}`, Actielijn: 'AL1', Gemeente: g, Actie: 'Lokale aanpak mensenhandel', Deadline: '2022-12-31', Status: 'Loopt' }));
    const late = block(agendaFor({ extraActions: extra }), 'A', 'Gemeentelijke acties over de deadline').items;
    expect(late[0].text).toBe('Lokale aanpak mensenhandel, 3 gemeenten: Alpha, Beta, Gamma');
    expect(late[0].date).toBe('2022-12-31');
  });

  test('the status count and the trend read as Dutch', () => {
    expect(statusCount([])).toBe('0 acties: 0 afgerond, 0 lopend, 0 niet gestart, 0 uitgesteld.');
    expect(trendOf([{ year: 2024, value: 5 }])).toBe('één meting');
    expect(trendOf([{ year: 2023, value: 5 }, { year: 2024, value: 5 }], 'meer')).toBe('gelijk');
    expect(trendOf([{ year: 2023, value: 5 }, { year: 2024, value: 6 }], 'meer')).toBe('stijgend: verbetering');
  });
});
