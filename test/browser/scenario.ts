import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { Cell } from '../../src/core/cell';
import { HEADERS, LAYOUT, TAB, USER_TABS } from '../../src/core/contract';
import { Day, midnightIn } from '../../src/core/dates';

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
export const OFFICIAL = 'ambtenaar@oosterdal.test';
export const OTHER_OFFICIAL = 'ambtenaar@westerdal.test';
export const TIME_ZONE = 'UTC';

const day = (d: Day): Date => midnightIn(d, TIME_ZONE);

type Row = Record<string, Cell>;

function table(wb: LocalWorkbook, tab: (typeof USER_TABS)[number], rows: Row[]): void {
  const headers = HEADERS[tab] as readonly string[];
  wb.appendRows(tab, rows.map((r) => headers.map((h) => r[h] ?? null)));
}

export function scenarioWorkbook(): LocalWorkbook {
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
