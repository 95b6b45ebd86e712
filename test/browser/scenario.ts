import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { Cell } from '../../src/core/sheet/cell';
import { HEADERS, LAYOUT, TAB, USER_TABS } from '../../src/core/workbook/contract';
import { Day, midnightIn } from '../../src/core/values/dates';

/**
 * A small hand-made region for the browser tests; the figures below are worked out by hand and
 * asserted in sidebar.test.ts. Peildatum 15-06-2025, one budget year.
 *
 *  Line  Raming    Ledger                                         Besteed   Gepland  Prognose  Signaal
 *  VT    100.000   Realisatie 104.000                             104.000         0   104.000  Overschrijding (wettelijk)
 *  PRE    50.000   Verplichting 30.000, Realisatie 10.000 on it     30.000    25.000    55.000  Dreigende overschrijding
 *                  (obligo 30.000 - 10.000 = 20.000; A-002 Geraamd 25.000 open)
 *  OPV    40.000   Realisatie 36.000 (= 90% of 40.000)              36.000         0    36.000  Let op
 *  COM    10.000   Realisatie 2.000                                  2.000         0     2.000  OK
 *  Total 200.000                                                   172.000             197.000
 *  Dekking 190.000 → Tekort max(200.000 − 190.000, 197.000 − 190.000) = 10.000
 */
export const PROJECT_LEADER = 'projectleider@regio.test';
export const CONTROLLER = 'controller@regio.test';
export const OFFICIAL = 'ambtenaar@oosterdal.test';
export const OTHER_OFFICIAL = 'ambtenaar@westerdal.test';
/** With scenarioWorkbook({ moreOfficials: true }): Zuiderdal's official has 10 actions, Noorderdal's none. */
export const OFFICIAL_TEN = 'ambtenaar@zuiderdal.test';
export const OFFICIAL_NONE = 'ambtenaar@noorderdal.test';
export const UNLISTED = 'iemand@elders.test';
export const TIME_ZONE = 'UTC';

const day = (d: Day): Date => midnightIn(d, TIME_ZONE);

type Row = Record<string, Cell>;

function table(wb: LocalWorkbook, tab: (typeof USER_TABS)[number], rows: Row[]): void {
  const headers = HEADERS[tab] as readonly string[];
  wb.appendRows(tab, rows.map((r) => headers.map((h) => r[h] ?? null)));
}

export interface ScenarioOptions {
  /**
   * Adds Zuiderdal (editor OFFICIAL_TEN) with ten actions, A-011..A-020, and Noorderdal (editor
   * OFFICIAL_NONE) without any. Against Peildatum 15-06-2025 (due soon: up to 15-07-2025):
   *   A-011 01-04 Loopt, A-012 01-06 Niet gestart      → over deadline
   *   A-013 20-06 Loopt, A-014 10-07 Uitgesteld        → binnen 30 dagen
   *   A-015 01-08, A-016 30-09, A-017 31-12, A-018 none → open, no marker
   *   A-019 01-02 Afgerond, A-020 01-05 Geschrapt      → closed
   * Open 8, over deadline 2, all 10.
   */
  moreOfficials?: boolean;
}

export function scenarioWorkbook(options: ScenarioOptions = {}): LocalWorkbook {
  const wb = LocalWorkbook.create(TIME_ZONE);
  for (const tab of USER_TABS) wb.createTab(tab, LAYOUT[tab]);
  table(wb, TAB.settings, [
    { Sleutel: 'Regio', Waarde: 'Testregio' },
    { Sleutel: 'Centrumgemeente', Waarde: 'Oosterdal' },
    { Sleutel: 'Startjaar', Waarde: 2025 },
    { Sleutel: 'Eindjaar', Waarde: 2025 },
    { Sleutel: 'Peildatum', Waarde: day('2025-06-15') },
    { Sleutel: 'Drempel let op', Waarde: 0.9 },
    { Sleutel: 'Projectleider', Waarde: PROJECT_LEADER },
    { Sleutel: 'Controller', Waarde: 'controller@regio.test' },
  ]);
  table(wb, TAB.municipalities, [
    { Gemeente: 'Oosterdal', Subregio: 'Noord', Editors: OFFICIAL },
    { Gemeente: 'Westerdal', Subregio: 'Zuid', Editors: OTHER_OFFICIAL },
    ...(options.moreOfficials
      ? [{ Gemeente: 'Zuiderdal', Subregio: 'Zuid', Editors: OFFICIAL_TEN }, { Gemeente: 'Noorderdal', Subregio: 'Noord', Editors: OFFICIAL_NONE }]
      : []),
  ]);
  table(wb, TAB.actionLines, [{ Code: 'AL1', Actielijn: 'Samen sterk', 'Beoogd effect': 'Minder geweld' }]);
  // Acties rows 2..6.
  table(wb, TAB.actions, [
    { ID: 'A-001', Actielijn: 'AL1', Gemeente: 'Oosterdal', Actie: 'Huisbezoeken na melding', Eigenaar: 'Team Zorg', Thema: 'Kindermishandeling', Prioriteit: 'Hoog', Deadline: day('2025-05-01'), Status: 'Loopt' },
    { ID: 'A-002', Actielijn: 'AL1', Gemeente: 'Regio', Actie: 'Preventiecampagne scholen', Eigenaar: 'Projectleider', Thema: 'Preventie', Prioriteit: 'Laag', Deadline: day('2025-12-01'), Status: 'Loopt', Begrotingspost: 'PRE', Geraamd: 25000 },
    { ID: 'A-003', Actielijn: 'AL1', Gemeente: 'Oosterdal', Actie: 'Lokaal plan <actualiseren>', Eigenaar: 'Beleid', Thema: 'Ouderenmishandeling', Prioriteit: 'Middel', Deadline: day('2025-07-01'), Status: 'Niet gestart' },
    { ID: 'A-004', Actielijn: 'AL1', Gemeente: 'Westerdal', Actie: 'Training meldcode', Eigenaar: 'GGD', Thema: 'Preventie', Prioriteit: 'Middel', Deadline: day('2025-06-30'), Status: 'Loopt' },
    { ID: 'A-005', Actielijn: 'AL1', Gemeente: 'Oosterdal', Actie: 'Afgeronde inventarisatie', Eigenaar: 'Beleid', Thema: 'Preventie', Prioriteit: 'Laag', Deadline: day('2025-03-01'), Status: 'Afgerond' },
  ]);
  if (options.moreOfficials) {
    const z = (id: string, title: string, deadline: Day | null, status: string) =>
      ({ ID: id, Actielijn: 'AL1', Gemeente: 'Zuiderdal', Actie: title, Eigenaar: 'Team Zuiderdal', Thema: 'Preventie', Prioriteit: 'Middel', Deadline: deadline ? day(deadline) : null, Status: status });
    // Acties rows 7..16, in an order unlike the deadlines, so sorting shows.
    table(wb, TAB.actions, [
      z('A-015', 'Voorlichting ouders', '2025-08-01', 'Loopt'),
      z('A-011', 'Meldcode-training wijkteam', '2025-04-01', 'Loopt'),
      z('A-018', 'Netwerkkaart bijwerken', null, 'Niet gestart'),
      z('A-013', 'Casusoverleg inrichten', '2025-06-20', 'Loopt'),
      z('A-019', 'Nulmeting', '2025-02-01', 'Afgerond'),
      z('A-012', 'Aandachtsfunctionarissen scholen', '2025-06-01', 'Niet gestart'),
      z('A-017', 'Evaluatie lokale aanpak', '2025-12-31', 'Loopt'),
      z('A-014', 'Campagne Week tegen Kindermishandeling', '2025-07-10', 'Uitgesteld'),
      z('A-020', 'Folder huiselijk geweld', '2025-05-01', 'Geschrapt'),
      z('A-016', 'Themabijeenkomst ouderenmishandeling', '2025-09-30', 'Niet gestart'),
    ]);
  }
  // Begroting rows 2..5.
  table(wb, TAB.budget, [
    { Jaar: 2025, Code: 'VT', Begrotingspost: 'Veilig Thuis', Raming: 100000, Karakter: 'Wettelijk' },
    { Jaar: 2025, Code: 'PRE', Begrotingspost: 'Preventie', Raming: 50000, Karakter: 'Flexibel' },
    { Jaar: 2025, Code: 'OPV', Begrotingspost: 'Opvang', Raming: 40000, Karakter: 'Flexibel' },
    { Jaar: 2025, Code: 'COM', Begrotingspost: 'Communicatie', Raming: 10000, Karakter: 'Flexibel' },
  ]);
  table(wb, TAB.coverage, [{ Jaar: 2025, Bron: 'DU VO circulaire', Bedrag: 190000 }]);
  table(wb, TAB.ledger, [
    { ID: 'M-0001', Datum: day('2025-02-01'), Code: 'VT', Soort: 'Realisatie', Bedrag: 104000, Omschrijving: 'Bijdrage Veilig Thuis' },
    { ID: 'M-0002', Datum: day('2025-02-10'), Code: 'PRE', Soort: 'Verplichting', Bedrag: 30000, Omschrijving: 'Opdracht bureau' },
    { ID: 'M-0003', Datum: day('2025-04-10'), Code: 'PRE', Soort: 'Realisatie', Bedrag: 10000, 'Verplichting-ID': 'M-0002', Omschrijving: 'Eerste termijn' },
    { ID: 'M-0004', Datum: day('2025-03-01'), Code: 'OPV', Soort: 'Realisatie', Bedrag: 36000, Omschrijving: 'Opvangplaatsen' },
    { ID: 'M-0005', Datum: day('2025-03-05'), Code: 'COM', Soort: 'Realisatie', Bedrag: 2000, Omschrijving: 'Drukwerk' },
    { ID: 'M-0006', Datum: day('2025-03-06'), Code: 'COM', Soort: 'Realisatie', Bedrag: 'twintig', Omschrijving: 'Onleesbaar bedrag' },
  ]);
  // Meet-ups rows 2..3: the next after Peildatum is row 3.
  table(wb, TAB.meetups, [
    { Datum: day('2025-03-10'), Thema: 'Kindermishandeling', Netwerkpartners: 'Veilig Thuis' },
    { Datum: day('2025-09-15'), Thema: 'Ouderenmishandeling', Netwerkpartners: 'Veilig Thuis; Politie', 'Goede voorbeelden': 'Oosterdal: buurtteams' },
  ]);
  return wb;
}
