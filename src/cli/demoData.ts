import { DEMO_SETTING, LedgerKind, Priority, SETTING, Status } from '../core/workbook/contract';
import { Day } from '../core/values/dates';
import { Region } from '../core/region/schema';

// ---------------------------------------------------------------------------------------------
// FICTIONAL DEMO DATA. Nothing below is a fact about the region: the region's facts come from
// src/data/. These amounts, statuses, priorities and decisions are invented so that the demo tells
// the budget model's story in time, as a municipal controller would run it on 01-10-2024:
// - 2021 and 2022 vastgesteld (their jaarrekening adopted), 2022 with a storting in the reserve;
// - 2023 afgelopen: a cut absorbed by a decision, an action whose deadline passed (a warning);
// - 2024 lopend: an overrun (CSG), a threatening overrun (ACT) and a programme shortfall after a
//   circulaire cut, with a proposal that defers into 2025;
// - 2025 toekomstig: money not yet planned (Niet belegd), pushed into a shortfall by the 2024
//   deferrals, which its own proposal covers;
// - one action moved to the next programme (Na 2025).
// Every text the demo writes starts with FICTIONAL, so nobody mistakes it for real data. IDs refer
// to the actions the default region seeds (A-001...); the demo checks they still match.
// ---------------------------------------------------------------------------------------------
export const FICTIONAL = 'FICTIEF (demo): ';

/**
 * Which seeded action a demo change is about: a regional action by ID (regional actions are seeded
 * first, in file order), or one of a municipality's own rows by the start of its title. `title`
 * must occur in the action's title either way, so a changed region file fails loudly here.
 */
export type DemoActionRef = { id: string; title: string } | { municipality: string; title: string };

export interface DemoActionChange {
  action: DemoActionRef;
  /** The budget line the seeded action must be on. */
  budgetCode?: string;
  priority?: Priority;
  plannedEuros?: number;
  deadline?: Day;
  /** As if the add-on had seen this deadline first, before the action was deferred. */
  originalDeadline?: Day;
  status?: Status;
  note: string;
}

export interface DemoLedgerEntry {
  id: string;
  date: Day;
  /** Only where it differs from the year of `date` (a commitment for next year). */
  year?: number;
  code: string;
  actionId?: string;
  kind: LedgerKind;
  euros: number;
  commitmentId?: string;
  closed?: boolean;
  description: string;
}

/** The local plans: done, but for the last municipality's, which is late. */
export function municipalityChanges(region: Region): DemoActionChange[] {
  const plan = region.acties?.per_gemeente?.find((a) => a.lokaal_plan)?.actie ?? '';
  const names = region.gemeenten.map((g) => g.naam);
  return names.map((naam, i) => {
    const late = i === names.length - 1;
    return { action: { municipality: naam, title: plan }, status: late ? 'Loopt' : 'Afgerond', note: late ? 'lokaal plan nog in concept (verzonnen)' : 'lokaal plan vastgesteld (verzonnen)' };
  });
}

/** Every other municipal action whose deadline fell before the Peildatum's year is invented as done: the demo's ended years stay readable. */
export const DONE_BEFORE = { status: 'Afgerond' as Status, note: 'afgerond (verzonnen)' };

/** Realisations of a closed year per line, as the year's totals: subsidies and statutory tasks at their raming, the actions as given. */
const yearTotals = (year: number, ids: string, actionLines: number): DemoLedgerEntry[] => [
  { id: `${ids}1`, date: `${year}-12-15`, code: 'VT', kind: 'Realisatie', euros: 1_900_000, description: `Veilig Thuis ${year}, vastgestelde subsidie` },
  { id: `${ids}2`, date: `${year}-12-15`, code: 'CSG', kind: 'Realisatie', euros: 120_000, description: `Centrum Seksueel Geweld ${year}, vastgestelde subsidie` },
  { id: `${ids}3`, date: `${year}-12-15`, code: 'MOV', kind: 'Realisatie', euros: 2_355_000, description: `Moviera ${year}, vastgestelde subsidie` },
  { id: `${ids}4`, date: `${year}-12-15`, code: 'OMG', kind: 'Realisatie', euros: 235_000, description: `Omgangshuis ${year}, vastgestelde subsidie` },
  { id: `${ids}5`, date: `${year}-12-15`, code: 'ACT', kind: 'Realisatie', euros: actionLines, description: `uitgaven actielijnen ${year} (totaal)` },
  { id: `${ids}6`, date: `${year}-12-15`, code: 'GEN', kind: 'Realisatie', euros: 55_307, description: `afrekening Gennep ${year}` },
];

export const DEMO = {
  referenceDate: '2024-10-01' as Day,
  /**
   * The meet-up before the Peildatum (the region's proposed September meet-up). The demo also runs
   * a check on that day; the Peildatum leaves out what was booked after it, so `Prognoseverloop`
   * holds that snapshot and the agenda of the next meet-up can say what changed since.
   */
  previousMeetup: '2024-09-12' as Day,
  settingsNote: {
    key: DEMO_SETTING,
    value: `${FICTIONAL}dit werkboek is een demonstratie. Regio, gemeenten, actielijnen, acties, begroting en dekking komen uit de regioaanpak; alle mutaties, de circulairekortingen, de besluiten in Begrotingswijzigingen en Jaarafsluiting, prioriteiten, ramingen per actie en statussen met FICTIEF in de toelichting zijn verzonnen.`,
  },
  /** Settings the demo fills in: the region's reserve policy and who decides the programme total (invented). */
  settings: {
    [SETTING.surplusToReserve]: 'Ja',
    [SETTING.programmeDecisionBody]: 'gemeenteraad van Nijmegen (bij berap of jaarrekening)',
    // Lower than the contract's defaults, so the 2024 berap has a line over each threshold:
    // CSG over the percentage only, ACT over the amount only, OMG over both.
    [SETTING.explanationThreshold]: 25_000,
    [SETTING.explanationThresholdPercent]: 0.05,
  } as Record<string, string | number>,
  /**
   * What the controller types into the berap at the Peildatum: two of the three required
   * explanations; ACT's stays missing, so Controles lists it.
   */
  berapExplanations: {
    CSG: 'hogere instroom na de campagne; het tekort wordt gedekt door een verschuiving van OMG (verzonnen)',
    OMG: 'minder omgangsbegeleiding dan geraamd; de ruimte dekt het tekort bij CSG (verzonnen)',
  } as Record<string, string>,
  actions: [
    // ACT 2024 pipeline: 65.000 + 50.000 + 40.000 = 155.000 on top of 737.500 besteed
    { action: { id: 'A-004', title: 'sexting' }, budgetCode: 'ACT', priority: 'Laag', plannedEuros: 65_000, deadline: '2024-11-30', originalDeadline: '2023-11-30', status: 'Uitgesteld', note: 'voorlichting sexting en grooming, eerder uitgesteld van 2023: raming en planning verzonnen' },
    { action: { id: 'A-019', title: 'toekomsttuin' }, budgetCode: 'ACT', priority: 'Middel', plannedEuros: 50_000, deadline: '2024-12-31', status: 'Loopt', note: 'toekomsttuinen: raming en planning verzonnen' },
    { action: { id: 'A-024', title: 'complexe scheidingen' }, budgetCode: 'ACT', priority: 'Hoog', plannedEuros: 40_000, deadline: '2024-12-15', status: 'Loopt', note: 'complexe scheidingen: raming en planning verzonnen' },
    { action: { id: 'A-005', title: 'Augeo' }, budgetCode: 'ACT', status: 'Afgerond', note: 'lidmaatschap betaald (verzonnen)' },
    { action: { id: 'A-007', title: 'Casussimulaties' }, budgetCode: 'ACT', status: 'Loopt', note: 'casussimulaties lopen (verzonnen)' },
    { action: { id: 'A-008', title: 'opleidings- en professionaliseringsprogramma' }, budgetCode: 'ACT', status: 'Loopt', note: 'trainingen lopen (verzonnen)' },
    { action: { id: 'A-012', title: 'ouderenmishandeling' }, budgetCode: 'ACT', status: 'Loopt', note: 'expertiserol loopt (verzonnen)' },
    // 2023: planned, not done, not deferred: shown in Gepland 2023, warned in Controles
    { action: { id: 'A-011', title: 'eergerelateerd geweld' }, budgetCode: 'ACT', priority: 'Middel', plannedEuros: 25_000, deadline: '2023-10-31', status: 'Loopt', note: 'scholing eergerelateerd geweld: raming en planning verzonnen' },
    // 2025: 120.000 + 150.000 planned on top of the 450.000 committed: Niet belegd 134.287
    { action: { id: 'A-001', title: 'scholingsmateriaal' }, budgetCode: 'ACT', priority: 'Laag', plannedEuros: 120_000, deadline: '2025-06-30', status: 'Niet gestart', note: 'informatie- en scholingsmateriaal 2025: raming en planning verzonnen' },
    { action: { id: 'A-002', title: 'ervaringsdeskundigen' }, budgetCode: 'ACT', priority: 'Middel', plannedEuros: 150_000, deadline: '2025-10-31', status: 'Niet gestart', note: 'inzet ervaringsdeskundigen 2025: raming en planning verzonnen' },
    // after the programme: Na 2025
    { action: { id: 'A-027', title: 'plegeraanpak' }, budgetCode: 'ACT', priority: 'Laag', plannedEuros: 35_000, deadline: '2026-03-31', status: 'Uitgesteld', note: 'onderzoek plegeraanpak uitgesteld naar het volgende programma (verzonnen)' },
    { action: { id: 'A-014', title: 'risicofactoren' }, status: 'Afgerond', note: 'deelname aan het onderzoek afgerond (verzonnen)' },
    { action: { id: 'A-036', title: 'Evaluatie halverwege' }, status: 'Afgerond', note: 'evaluatie besproken in de bestuurlijke werkgroep (verzonnen)' },
  ] as DemoActionChange[],
  coverage: [
    // 2023: a cut of 60.000, which the council absorbed by lowering ACT 2023 (budgetChanges)
    { year: 2023, date: '2023-09-20' as Day, source: 'septembercirculaire 2023 korting', euros: -60_000, note: 'verzonnen bijstelling van de DU VO-uitkering, opgevangen in Begrotingswijzigingen' },
    // 2024: 5.519.594 - 150.000 = 5.369.594 dekking against 5.519.594 raming: a shortfall not yet decided on
    { year: 2024, date: '2024-06-05' as Day, source: 'meicirculaire 2024 korting', euros: -150_000, note: 'verzonnen bijstelling van de DU VO-uitkering; nog geen besluit' },
  ],
  budgetChanges: [
    // 2023: raming 5.519.594 - 60.000 = 5.459.594 = dekking: the shortfall of the cut is cleared
    { date: '2023-11-14' as Day, year: 2023, code: 'ACT', euros: -60_000, decision: 'raad 14-11-2023 (najaarsnota)', note: 'korting septembercirculaire opgevangen in het actielijnenbudget' },
  ],
  /** The years whose accounts were adopted; 2023's is not yet on the Peildatum. */
  yearClosings: [
    { year: 2021, adoptedOn: '2022-07-05' as Day, decision: 'raad 05-07-2022 (jaarrekening 2021)', toReserveEuros: 0, note: 'overschot vervallen' },
    // 2022 resultaat 109.287, of which 100.000 into the reserve
    { year: 2022, adoptedOn: '2023-07-04' as Day, decision: 'raad 04-07-2023 (jaarrekening 2022)', toReserveEuros: 100_000, note: 'overschot deels naar de reserve' },
  ],
  /** `Actielijst` of the meet-up of 12-09-2024: two agreements still open, one done. */
  actionList: [
    { nr: '1', agreement: 'rondvraag bij de gemeenten naar de stand van de lokale aanpak mensenhandel', who: 'Regionaal projectleider', deadline: '2024-11-01' as Day, status: 'Afgerond', meetup: '2024-09-12' as Day },
    { nr: '2', agreement: 'voorstel eigenaar en deadline voor de acties zonder deadline bij Expertise lokale teams', who: 'Regionaal projectleider', deadline: '2024-11-14' as Day, status: 'Open', meetup: '2024-09-12' as Day },
    { nr: '3', agreement: 'goede voorbeelden voor de nieuwsbrief van december aanleveren', who: 'alle gemeenten', deadline: '2024-12-01' as Day, status: 'Open', meetup: '2024-09-12' as Day },
  ],
  ledger: [
    // 2021-2023: subsidies and statutory tasks at their raming; ACT 760.000, 745.000 and 700.000
    ...yearTotals(2021, 'M-21', 760_000),
    ...yearTotals(2022, 'M-22', 745_000),
    ...yearTotals(2023, 'M-23', 700_000),
    // VT 2024: 1.900.000 committed, 1.425.000 of it paid: besteed 1.900.000 = raming, on course (OK, not Let op)
    { id: 'M-001', date: '2024-01-15', code: 'VT', kind: 'Verplichting', euros: 1_900_000, description: 'subsidiebeschikking Veilig Thuis 2024' },
    { id: 'M-002', date: '2024-09-30', code: 'VT', kind: 'Realisatie', euros: 1_425_000, commitmentId: 'M-001', description: 'voorschotten Veilig Thuis Q1-Q3 2024' },
    // MOV 2024: 2.355.000 committed, 1.766.250 paid: besteed 2.355.000 = raming, on course
    { id: 'M-003', date: '2024-01-15', code: 'MOV', kind: 'Verplichting', euros: 2_355_000, description: 'subsidiebeschikking Moviera 2024' },
    { id: 'M-004', date: '2024-09-30', code: 'MOV', kind: 'Realisatie', euros: 1_766_250, commitmentId: 'M-003', description: 'voorschotten Moviera Q1-Q3 2024' },
    // CSG 2024: 120.000 committed (90.000 paid) + 8.500 extra invoice = 128.500 > 120.000 (Overschrijding);
    // the invoice names no commitment while M-005 is still open: a warning for the controller
    { id: 'M-005', date: '2024-02-01', code: 'CSG', kind: 'Verplichting', euros: 120_000, description: 'subsidie Centrum Seksueel Geweld 2024' },
    { id: 'M-006', date: '2024-07-01', code: 'CSG', kind: 'Realisatie', euros: 90_000, commitmentId: 'M-005', description: 'voorschot Centrum Seksueel Geweld' },
    { id: 'M-007', date: '2024-09-15', code: 'CSG', kind: 'Realisatie', euros: 8_500, description: 'nafactuur extra inzet acute zorg' },
    // OMG 2024: 235.000 committed, settled at 180.000 and closed: afgerekend, 55.000 real room
    { id: 'M-008', date: '2024-01-20', code: 'OMG', kind: 'Verplichting', euros: 235_000, closed: true, description: 'subsidie Omgangshuis 2024, afgerekend' },
    { id: 'M-009', date: '2024-08-30', code: 'OMG', kind: 'Realisatie', euros: 180_000, commitmentId: 'M-008', description: 'vaststelling subsidie Omgangshuis 2024' },
    // ACT 2024: commitments 450.000 + 180.000 + 95.000 and a direct payment of 12.500 = 737.500 besteed
    { id: 'M-010', date: '2024-01-25', code: 'ACT', actionId: 'A-008', kind: 'Verplichting', euros: 450_000, description: 'opdracht trainingen Samen werken aan Veiligheid 2024' },
    { id: 'M-011', date: '2024-06-28', code: 'ACT', actionId: 'A-008', kind: 'Realisatie', euros: 300_000, commitmentId: 'M-010', description: 'factuur trainingen eerste helft 2024' },
    { id: 'M-012', date: '2024-02-01', code: 'ACT', actionId: 'A-012', kind: 'Verplichting', euros: 180_000, description: 'opdracht expertiserol ouderenmishandeling 2024' },
    { id: 'M-013', date: '2024-07-15', code: 'ACT', actionId: 'A-012', kind: 'Realisatie', euros: 90_000, commitmentId: 'M-012', description: 'factuur expertiserol eerste helft 2024' },
    { id: 'M-014', date: '2024-03-01', code: 'ACT', actionId: 'A-005', kind: 'Realisatie', euros: 12_500, description: 'lidmaatschap Augeo 2024' },
    { id: 'M-015', date: '2024-04-10', code: 'ACT', actionId: 'A-007', kind: 'Verplichting', euros: 95_000, description: 'opdracht casussimulaties 2024' },
    { id: 'M-016', date: '2024-09-10', code: 'ACT', actionId: 'A-007', kind: 'Realisatie', euros: 40_000, commitmentId: 'M-015', description: 'factuur casussimulaties voorjaar 2024' },
    // ACT 2025: the 2025 trainings ordered in September 2024
    { id: 'M-017', date: '2024-09-20', year: 2025, code: 'ACT', actionId: 'A-008', kind: 'Verplichting', euros: 450_000, description: 'opdracht trainingen Samen werken aan Veiligheid 2025' },
  ] as DemoLedgerEntry[],
};
// ------------------------------------------------------------------------- end of demo data ---
