/**
 * A hand-made workbook for the agenda and update-request tests: one budget year (2025), three
 * municipalities, three action lines, and the meet-up of 13-03-2025 in two rhythms:
 * - QUARTERLY (the default): 14-11-2024, 13-03-2025, 12-06-2025;
 * - SIX_WEEKLY: 30-01-2025, 13-03-2025, 24-04-2025, 05-06-2025 (13-03 is not the first in its quarter).
 *
 * Budget 2025 by hand (all amounts in euros):
 *   ACT raming 50.000; Realisatie 55.000 → Besteed 55.000 > 50.000: Overschrijding.
 *       Gepland: A-004 10.000 (Loopt, deadline 2025) + A-009 8.000 (Niet gestart, deadline 2025)
 *       → Prognose 55.000 + 18.000 = 73.000; Saldo 50.000 − 73.000 = −23.000; tekort 23.000.
 *       Proposal: defer A-009 (Laag) frees 8.000, then A-004 (Hoog) frees 10.000 → 18.000;
 *       still 5.000 short → shift 5.000 from MOV (saldo 60.000). Covered.
 *   MOV raming 100.000; Realisatie 40.000 → Prognose 40.000, Saldo 60.000: OK.
 *   VT  raming 30.000 (Wettelijk); nothing spent: Prognose = raming 30.000: OK.
 *   Programme: raming 180.000, dekking 180.000, prognose 73.000 + 40.000 + 30.000 = 143.000: OK,
 *   resultaat 180.000 − 143.000 = 37.000.
 *
 * Prognoseverloop (HISTORY): a snapshot on 14-11-2024 (the quarterly previous meet-up) with
 * ACT 60.000 (Dreigende overschrijding), MOV 32.000, VT 30.000; and one on 30-01-2025 (the day of the
 * six-weekly previous meet-up) with ACT 70.000, MOV 40.000, VT 30.000.
 */
import { Cell, Grid } from '../../../src/core/sheet/cell';
import { runCheck } from '../../../src/core/check';
import { CheckResult } from '../../../src/core/check';
import { HEADERS, OPTIONAL_HEADERS, TAB, TabName } from '../../../src/core/workbook/contract';
import { Meetup, Programme } from '../../../src/core/workbook/model';
import { ParseContext, WorkbookSnapshot } from '../../../src/core/workbook/rowReader';
import { parseWorkbook } from '../../../src/core/workbook/parse';

type Row = Record<string, Cell>;

export const CONTEXT: ParseContext = { timeZone: 'Europe/Amsterdam', today: '2025-03-01' };

export const SCRIPT_TITLE = 'Campagnemateriaal <script>alert(1)</script>';
export const PLACEHOLDER = 'Regio (eigenaar te bepalen)';

function grid(tab: TabName, rows: Row[]): Grid {
  const headers = [...HEADERS[tab], ...(OPTIONAL_HEADERS[tab] ?? [])] as string[];
  for (const row of rows) for (const h of Object.keys(row)) if (!headers.includes(h)) throw new Error(`fixture: unknown header ${h} in ${tab}`);
  return [[...headers], ...rows.map((row) => headers.map((h) => (h in row ? row[h] : '')))];
}

export interface FixtureOptions {
  meetups?: Row[];
  settings?: Row[];
  municipalities?: Row[];
  extraActions?: Row[];
  /** `Prognoseverloop` as the check finds it; HISTORY by default, null for none. */
  history?: Grid | null;
}

const THIRTEENTH: Row = {
  Datum: '13-03-2025',
  Thema: 'Ouderenmishandeling',
  Netwerkpartners: 'Moviera; Veilig Thuis Gelderland Zuid',
  'Goede voorbeelden': 'Alpha: huisbezoeken bij 75-plussers; Beta: samenwerking met de bank & notaris',
  Notities: 'Zaal nog reserveren',
  // Sheets gives a time cell as a fraction of a day in some exports: 0,5625 = 13:30.
  Tijd: 0.5625,
  Locatie: 'Stadhuis Alpha, zaal 2',
  Voorzitter: 'Regionaal projectleider',
  Notulist: 'Secretariaat regio',
};

export const MEETUPS: Row[] = [
  { Datum: '2024-11-14', Thema: 'Kindermishandeling' },
  THIRTEENTH,
  { Datum: '2025-06-12', Thema: 'Complexe scheidingen' },
];

export const SIX_WEEKLY: Row[] = [
  { Datum: '2025-01-30', Thema: 'Kindermishandeling' },
  THIRTEENTH,
  { Datum: '2025-04-24', Thema: 'Complexe scheidingen' },
  { Datum: '2025-06-05', Thema: 'Huiselijk geweld' },
];

export const ACTIONS: Row[] = [
  { ID: 'A-001', Actielijn: 'AL1', Gemeente: 'Regio', Actie: 'Voorlichting op scholen', Eigenaar: 'Regionaal projectleider', Deadline: '2025-01-31', Status: 'Loopt', 'Bijgewerkt op': '2025-01-05' },
  { ID: 'A-002', Actielijn: 'AL1', Gemeente: 'Regio', Actie: SCRIPT_TITLE, Eigenaar: 'Augeo', Deadline: '2025-02-15', Status: 'Niet gestart', 'Bijgewerkt op': '2025-01-05' },
  { ID: 'A-003', Actielijn: 'AL2', Gemeente: 'Alpha', Actie: 'Training lokale teams', Eigenaar: 'Moviera', Deadline: '2025-03-28', Status: 'Loopt', 'Bijgewerkt op': '2025-02-20' },
  { ID: 'A-004', Actielijn: 'AL2', Gemeente: 'Regio', Actie: 'Expertiserol ouderenmishandeling', Eigenaar: 'Veilig Thuis Gelderland Zuid', Thema: 'Ouderenmishandeling', Prioriteit: 'Hoog', Deadline: '2025-06-30', Status: 'Loopt', Begrotingspost: 'ACT', Geraamd: 10000, 'Bijgewerkt op': '2025-02-01' },
  { ID: 'A-005', Actielijn: 'AL1', Gemeente: 'Beta', Actie: 'Lokaal plan van aanpak opstellen', Eigenaar: 'Beta', Deadline: '2024-12-31', Status: 'Afgerond', 'Bijgewerkt op': '2024-12-02' },
  { ID: 'A-006', Actielijn: 'AL1', Gemeente: 'Alpha', Actie: 'lokaal plan van aanpak opstellen', Eigenaar: 'Alpha', Deadline: '2025-12-31', Status: 'Loopt', 'Bijgewerkt op': '2025-01-10' },
  { ID: 'A-007', Actielijn: 'AL2', Gemeente: 'Regio', Actie: 'Casussimulaties', Eigenaar: 'Regionaal projectleider', Deadline: '2024-10-31', Status: 'Afgerond', 'Bijgewerkt op': '2024-10-01' },
  { ID: 'A-008', Actielijn: 'AL1', Gemeente: 'Alpha', Actie: 'Kinderrechten in de klas', Eigenaar: 'Gemeente Alpha', Deadline: '2025-02-01', Status: 'Loopt', 'Bijgewerkt op': '2024-10-15' },
  { ID: 'A-009', Actielijn: 'AL2', Gemeente: 'Regio', Actie: 'Themabijeenkomst plegeraanpak', Eigenaar: 'Kairos', Prioriteit: 'Laag', Deadline: '2025-09-30', Status: 'Niet gestart', Begrotingspost: 'ACT', Geraamd: 8000, 'Bijgewerkt op': '2025-02-01' },
  { ID: 'A-010', Actielijn: 'AL1', Gemeente: 'Beta', Actie: 'Voorlichtingsavond ouderen', Eigenaar: 'Beta', Thema: 'Ouderenmishandeling', Deadline: '2025-05-31', Status: 'Loopt' },
  { ID: 'A-011', Actielijn: 'AL2', Gemeente: 'Gamma', Actie: 'Aandachtsfunctionaris aanstellen', Eigenaar: 'Gamma', Deadline: '2025-02-28', Status: 'Niet gestart', 'Bijgewerkt op': '2025-02-10' },
  // AL3 has only these two: one without a deadline, one overdue; both with the placeholder owner.
  { ID: 'A-012', Actielijn: 'AL3', Gemeente: 'Regio', Actie: 'Regionaal datadashboard', Eigenaar: PLACEHOLDER, Status: 'Loopt', 'Bijgewerkt op': '2025-01-20' },
  { ID: 'A-013', Actielijn: 'AL3', Gemeente: 'Regio', Actie: 'Monitor huiselijk geweld', Eigenaar: PLACEHOLDER, Deadline: '2025-02-20', Status: 'Niet gestart' },
  // Done after both previous meet-ups (14-11-2024 and 30-01-2025) ...
  { ID: 'A-014', Actielijn: 'AL1', Gemeente: 'Regio', Actie: 'Folder meldcode', Eigenaar: 'Augeo', Deadline: '2025-02-28', Status: 'Afgerond', 'Bijgewerkt op': '2025-02-10' },
  // ... and done after 14-11-2024 but before 30-01-2025.
  { ID: 'A-015', Actielijn: 'AL2', Gemeente: 'Regio', Actie: 'Intervisie aandachtsfunctionarissen', Eigenaar: 'Moviera', Deadline: '2025-01-31', Status: 'Afgerond', 'Bijgewerkt op': '2025-01-15' },
];

const HISTORY_HEADERS = HEADERS[TAB.forecastHistory] as readonly string[];
/** Peildatum, Jaar, Code, Raming, Besteed, Prognose, Saldo, Signaal. */
export const HISTORY: Grid = [
  [...HISTORY_HEADERS],
  ['2024-11-14', 2025, 'ACT', 50000, 40000, 60000, -10000, 'Dreigende overschrijding'],
  ['2024-11-14', 2025, 'MOV', 100000, 32000, 32000, 68000, 'OK'],
  ['2024-11-14', 2025, 'VT', 30000, 0, 30000, 0, 'OK'],
  ['2025-01-30', 2025, 'ACT', 50000, 55000, 70000, -20000, 'Overschrijding'],
  ['2025-01-30', 2025, 'MOV', 100000, 40000, 40000, 60000, 'OK'],
  ['2025-01-30', 2025, 'VT', 30000, 0, 30000, 0, 'OK'],
];

export const SETTINGS: Row[] = [
  { Sleutel: 'Regio', Waarde: 'Testregio' },
  { Sleutel: 'Centrumgemeente', Waarde: 'Alpha' },
  { Sleutel: 'Startjaar', Waarde: 2025 },
  { Sleutel: 'Eindjaar', Waarde: 2025 },
  { Sleutel: 'Peildatum', Waarde: '01-03-2025' },
  { Sleutel: 'Besluitvorming', Waarde: 'college van Alpha' },
  { Sleutel: 'Campagnes', Waarde: 'Week van de test: maart, november; Zomercampagne: juli\nActiemaand januari: januari; Meldcodeweek: mei; Orange the World: november en december' },
  { Sleutel: 'Nieuwsbrief', Waarde: 'Nieuwsbrief: gemeenten en netwerkpartners dragen goede voorbeelden aan.' },
  { Sleutel: 'Lokaal plan', Waarde: 'Lokaal plan van aanpak opstellen' },
  { Sleutel: 'Organisator', Waarde: 'Regionaal projectleider' },
];

export function snapshot(options: FixtureOptions = {}): WorkbookSnapshot {
  return {
    [TAB.settings]: grid(TAB.settings, options.settings ?? SETTINGS),
    [TAB.municipalities]: grid(TAB.municipalities, options.municipalities ?? [
      { Gemeente: 'Alpha', Editors: 'a2@alpha.nl, A1@alpha.nl' },
      { Gemeente: 'Beta', Editors: 'b@beta.nl' },
      { Gemeente: 'Gamma', Editors: '' },
    ]),
    [TAB.actionLines]: grid(TAB.actionLines, [
      { Code: 'AL1', Actielijn: 'Preventie en signalering' },
      { Code: 'AL2', Actielijn: 'Expertise lokale teams' },
      { Code: 'AL3', Actielijn: 'Helpende data' },
    ]),
    [TAB.actions]: grid(TAB.actions, [...ACTIONS, ...(options.extraActions ?? [])]),
    [TAB.budget]: grid(TAB.budget, [
      { Jaar: 2025, Code: 'ACT', Begrotingspost: 'Uitvoering actielijnen', Raming: 50000, Karakter: 'Flexibel' },
      { Jaar: 2025, Code: 'MOV', Begrotingspost: 'Moviera', Raming: 100000, Karakter: 'Flexibel' },
      { Jaar: 2025, Code: 'VT', Begrotingspost: 'Veilig Thuis', Raming: 30000, Karakter: 'Wettelijk' },
    ]),
    [TAB.coverage]: grid(TAB.coverage, [{ Jaar: 2025, Bron: 'DU VO', Bedrag: 180000 }]),
    [TAB.ledger]: grid(TAB.ledger, [
      { ID: 'M-1', Datum: '2025-01-20', Code: 'ACT', Soort: 'Realisatie', Bedrag: 55000, Omschrijving: 'Trainingen' },
      { ID: 'M-2', Datum: '2025-02-10', Code: 'MOV', Soort: 'Realisatie', Bedrag: 40000, Omschrijving: 'Opvang' },
    ]),
    [TAB.meetups]: grid(TAB.meetups, options.meetups ?? MEETUPS),
    [TAB.indicators]: grid(TAB.indicators, [
      { Indicator: 'Meldingen ouderenmishandeling', Gemeente: 'Regio', Thema: 'Ouderenmishandeling', Jaar: 2024, Waarde: 36 },
      { Indicator: 'Meldingen ouderenmishandeling', Gemeente: 'Regio', Thema: 'Ouderenmishandeling', Jaar: 2023, Waarde: 31 },
      { Indicator: 'Huisverboden ouderen', Gemeente: 'Beta', Thema: 'Ouderenmishandeling', Jaar: 2023, Waarde: 10, 'Gewenste richting': 'minder' },
      { Indicator: 'Huisverboden ouderen', Gemeente: 'Beta', Thema: 'Ouderenmishandeling', Jaar: 2024, Waarde: 7, 'Gewenste richting': 'minder' },
      { Indicator: 'Adviesvragen ouderenmishandeling', Gemeente: 'Alpha', Thema: 'Ouderenmishandeling', Jaar: 2023, Waarde: 1300, 'Gewenste richting': 'meer' },
      { Indicator: 'Adviesvragen ouderenmishandeling', Gemeente: 'Alpha', Thema: 'Ouderenmishandeling', Jaar: 2024, Waarde: 1250, 'Gewenste richting': 'meer' },
      { Indicator: 'Meldingen onderwijs', Gemeente: 'Alpha', Thema: 'Kindermishandeling', Jaar: 2024, Waarde: 27 },
    ]),
  };
}

/** The parsed fixture and its budget check, compared with the last snapshot on or before the previous meet-up. */
export function load(options: FixtureOptions = {}, meetupDate = '2025-03-13'): { programme: Programme; check: CheckResult; meetup: Meetup } {
  const snap = snapshot(options);
  const { programme, findings } = parseWorkbook(snap, CONTEXT);
  if (findings.length) throw new Error(`fixture has findings: ${JSON.stringify(findings)}`);
  const meetup = programme.meetups.find((m) => m.date === meetupDate)!;
  const previous = programme.meetups.filter((m) => m.date < meetupDate).pop();
  const check = runCheck(snap, CONTEXT, options.history === undefined ? HISTORY : options.history, previous?.date ?? null);
  return { programme, check, meetup };
}
