import { Municipality } from '../../../src/core/workbook/model';
import { MAX_MUNICIPAL_RUNS, PROTECTION_PREFIX, PlannedProtection, addressProblems, planProtections } from '../../../src/core/rights/protectionPlan';

const municipalities: Municipality[] = [
  { row: 2, name: 'Tiel', subregion: '', editors: ['a@tiel.nl', 'b@tiel.nl'], notes: '' },
  { row: 3, name: 'Nijmegen', subregion: '', editors: ['a@nijmegen.nl'], notes: '' },
  { row: 4, name: 'Buren', subregion: '', editors: [], notes: '' },
];
const settings = { projectLeader: 'pl@nijmegen.nl', controller: 'c@nijmegen.nl' };
const ALL_TABS = ['Instellingen', 'Gemeenten', 'Actielijnen', 'Acties', 'Begroting', 'Begrotingswijzigingen', 'Dekking', 'Mutaties', 'Jaarafsluiting', 'Reserveverloop', 'Meet-ups', 'Indicatoren', 'Budgetcontrole', 'Herprioritering', 'Controles', 'Logboek', 'Actiesignalen', 'Agenda 2025-Q1', 'Agenda 2025-03-13', 'Agenda 13-03-2025', 'Eigen tab'];

// Gemeente in column B on purpose: rows are found by header, not position.
const acties = [
  ['ID', 'Gemeente', 'Actie', 'Status'],
  ['A-001', 'Tiel', 'a', 'Loopt'], // row 2
  ['A-002', 'tiel', 'b', 'Loopt'], // row 3 (case differs)
  ['A-003', 'Nijmegen', 'c', 'Loopt'], // row 4
  ['A-004', 'Tiel', 'd', 'Loopt'], // row 5: a second Tiel run
  ['', '', '', ''], // row 6: blank, stays open
  ['A-005', 'Regio', 'e', 'Loopt'], // row 7
  ['A-006', 'Regio', 'f', 'Loopt'], // row 8
  ['A-007', 'Druten', 'g', 'Loopt'], // row 9: not in Gemeenten
  ['A-008', 'Buren', 'h', 'Loopt'], // row 10: no editors
];

const actionsPart = (list: PlannedProtection[]) => list.filter((p) => p.tab === 'Acties' && p.area.kind === 'block').map((p) => [p.area.kind === 'block' ? `${p.area.from}-${p.area.to} ${p.area.firstColumn}-${p.area.lastColumn}` : '', p.editors.join(' '), p.description]);

// The contract's columns: E Eigenaar, H Deadline, I Status, L Toelichting, M:N the stamps.
const contractActies = [
  ['ID', 'Actielijn', 'Gemeente', 'Actie', 'Eigenaar', 'Thema', 'Prioriteit', 'Deadline', 'Status', 'Begrotingspost', 'Geraamd', 'Toelichting', 'Bijgewerkt op', 'Bijgewerkt door'],
  ['A-001', 'AL1', 'Tiel', 'a', '', '', '', '', 'Loopt', '', '', '', '', ''], // 2
  ['A-002', 'AL1', 'Tiel', 'b', '', '', '', '', 'Loopt', '', '', '', '', ''], // 3
  ['A-003', 'AL1', 'Regio', 'c', '', '', '', '', 'Loopt', '', '', '', '', ''], // 4
  ['A-004', 'AL1', 'Nijmegen', 'd', '', '', '', '', 'Loopt', '', '', '', '', ''], // 5
];

describe('planProtections', () => {
  it('protects each municipality’s row runs over its own columns only, for its editors and the project leader', () => {
    const plan = planProtections(acties, municipalities, settings, ALL_TABS);
    if (!plan.ok) throw new Error(plan.error);
    // only Status (D) is an official column in this sheet
    expect(actionsPart(plan.protections)).toEqual([
      ['2-3 4-4', 'pl@nijmegen.nl a@tiel.nl b@tiel.nl', 'Regiomonitor: Acties van Tiel (rijen 2-3)'],
      ['4-4 4-4', 'pl@nijmegen.nl a@nijmegen.nl', 'Regiomonitor: Acties van Nijmegen (rij 4)'],
      ['5-5 4-4', 'pl@nijmegen.nl a@tiel.nl b@tiel.nl', 'Regiomonitor: Acties van Tiel (rij 5)'],
      ['10-10 4-4', 'pl@nijmegen.nl', 'Regiomonitor: Acties van Buren (rij 10)'],
    ]);
    const sheet = plan.protections.find((p) => p.tab === 'Acties' && p.area.kind === 'sheet')!;
    expect(sheet.editors).toEqual(['pl@nijmegen.nl']);
    // regional rows 7-8 and Druten (9) get nothing: the sheet protection keeps them the leader's;
    // nothing below the data is open (issue 21: a row an official pasted there counted with its money)
    expect(sheet.area).toEqual({
      kind: 'sheet',
      unprotected: [
        { from: 2, to: 3, firstColumn: 4, lastColumn: 4 },
        { from: 4, to: 4, firstColumn: 4, lastColumn: 4 },
        { from: 5, to: 5, firstColumn: 4, lastColumn: 4 },
        { from: 10, to: 10, firstColumn: 4, lastColumn: 4 },
      ],
    });
    expect(plan.warnings).toEqual([
      'Acties rij 9: gemeente "Druten" staat niet in Gemeenten; alleen de projectleider kan deze rij bewerken.',
      'Buren heeft geen Editors in Gemeenten; alleen de projectleider kan de acties van Buren bewerken.',
    ]);
  });

  it('opens Eigenaar, Deadline, Status, Toelichting and the stamps in three column groups; one protection per run spans them', () => {
    const plan = planProtections(contractActies, municipalities, settings, ['Acties']);
    if (!plan.ok) throw new Error(plan.error);
    const sheet = plan.protections.find((p) => p.area.kind === 'sheet')!;
    expect(sheet.area.kind === 'sheet' && sheet.area.unprotected).toEqual([
      { from: 2, to: 3, firstColumn: 5, lastColumn: 5 },
      { from: 2, to: 3, firstColumn: 8, lastColumn: 9 },
      { from: 2, to: 3, firstColumn: 12, lastColumn: 14 },
      { from: 5, to: 5, firstColumn: 5, lastColumn: 5 },
      { from: 5, to: 5, firstColumn: 8, lastColumn: 9 },
      { from: 5, to: 5, firstColumn: 12, lastColumn: 14 },
    ]);
    expect(actionsPart(plan.protections)).toEqual([
      ['2-3 5-14', 'pl@nijmegen.nl a@tiel.nl b@tiel.nl', 'Regiomonitor: Acties van Tiel (rijen 2-3)'],
      ['5-5 5-14', 'pl@nijmegen.nl a@nijmegen.nl', 'Regiomonitor: Acties van Nijmegen (rij 5)'],
    ]);
  });

  it('refuses rows so mixed that the protections would not fit in one run, before anything changes', () => {
    const mixed = [contractActies[0], ...Array.from({ length: 2 * (MAX_MUNICIPAL_RUNS + 1) }, (_, i) => [`A-${i}`, 'AL1', i % 2 ? 'Tiel' : 'Nijmegen', 'x', '', '', '', '', 'Loopt', '', '', '', '', ''])];
    const plan = planProtections(mixed, municipalities, settings, ['Acties']);
    expect(plan).toEqual({ ok: false, error: expect.stringContaining(`vraagt ${2 * (MAX_MUNICIPAL_RUNS + 1)} aparte beveiligingen`) });
    const sorted = [mixed[0], ...mixed.slice(1).sort((a, b) => String(a[2]).localeCompare(String(b[2])))];
    const ok = planProtections(sorted, municipalities, settings, ['Acties']);
    expect(ok.ok && ok.protections.length).toBe(3); // the sheet, Nijmegen, Tiel
  });

  it('lists every address Sheets would refuse, in Dutch', () => {
    expect(
      addressProblems({
        projectLeader: 'pl@nijmegen.nl',
        controller: 'controller nijmegen',
        editors: [
          { municipality: 'Tiel', row: 2, text: 'a@tiel.nl, b@tiel' },
          { municipality: 'Buren', row: 3, text: 'Jan <jan@buren.nl>; ok@buren.nl' },
        ],
      }),
    ).toEqual([
      'Instellingen › Controller: "controller nijmegen" is geen e-mailadres',
      'Gemeenten rij 2 (Tiel) › Editors: "b@tiel" is geen e-mailadres',
      'Gemeenten rij 3 (Buren) › Editors: "Jan" is geen e-mailadres',
      'Gemeenten rij 3 (Buren) › Editors: "<jan@buren.nl>" is geen e-mailadres',
    ]);
  });

  it('protects the other tabs whole, the ledger also for the controller, and leaves unknown tabs alone', () => {
    const plan = planProtections(acties, municipalities, settings, ALL_TABS);
    if (!plan.ok) throw new Error(plan.error);
    const sheets = plan.protections.filter((p) => p.area.kind === 'sheet');
    const byTab = new Map(sheets.map((p) => [p.tab, p.editors]));
    // the P&C tabs are the controller's too: the ledger, the decided budget changes, the adopted accounts
    for (const tab of ['Mutaties', 'Begrotingswijzigingen', 'Jaarafsluiting']) expect([tab, byTab.get(tab)]).toEqual([tab, ['pl@nijmegen.nl', 'c@nijmegen.nl']]);
    for (const tab of ['Reserveverloop', 'Instellingen', 'Gemeenten', 'Actielijnen', 'Begroting', 'Dekking', 'Meet-ups', 'Indicatoren', 'Budgetcontrole', 'Herprioritering', 'Controles', 'Actiesignalen', 'Agenda 2025-Q1', 'Agenda 2025-03-13']) {
      expect([tab, byTab.get(tab)]).toEqual([tab, ['pl@nijmegen.nl']]);
    }
    // Logboek and the row copy: only the project leader's trigger writes them; the sidebar's lines wait for it
    expect(byTab.get('Logboek')).toEqual(['pl@nijmegen.nl']);
    // A tab a user named like an agenda, but not in the add-on's spelling, is theirs.
    expect(byTab.has('Eigen tab')).toBe(false);
    expect(byTab.has('Agenda 13-03-2025')).toBe(false);
    expect(byTab.get('Acties')).toEqual(['pl@nijmegen.nl']);
  });

  it('protects Actielijst for the project leader, who keeps the meet-up\'s decisions (it was open to every editor)', () => {
    const plan = planProtections(acties, municipalities, settings, [...ALL_TABS, 'Actielijst']);
    if (!plan.ok) throw new Error(plan.error);
    const byTab = new Map(plan.protections.filter((p) => p.area.kind === 'sheet').map((p) => [p.tab, p.editors]));
    expect(byTab.get('Actielijst')).toEqual(['pl@nijmegen.nl']);
  });

  it('protects a berap tab for the project leader and the controller, who types its Toelichting', () => {
    const plan = planProtections(acties, municipalities, settings, [...ALL_TABS, 'Berap 2024-10-01', 'Berap oud']);
    if (!plan.ok) throw new Error(plan.error);
    const byTab = new Map(plan.protections.filter((p) => p.area.kind === 'sheet').map((p) => [p.tab, p]));
    expect(byTab.get('Berap 2024-10-01')?.editors).toEqual(['pl@nijmegen.nl', 'c@nijmegen.nl']);
    expect(byTab.get('Berap 2024-10-01')?.description).toBe(`${PROTECTION_PREFIX}Berap 2024-10-01 (projectleider en controller)`);
    expect(byTab.has('Berap oud')).toBe(false);
  });

  it('never plans a protection without the project leader, and every description has the prefix', () => {
    const plan = planProtections(acties, municipalities, settings, ALL_TABS);
    if (!plan.ok) throw new Error(plan.error);
    for (const p of plan.protections) {
      expect(p.editors).toContain('pl@nijmegen.nl');
      expect(p.description.startsWith(PROTECTION_PREFIX)).toBe(true);
    }
  });

  it('plans nothing and explains why when Projectleider is blank', () => {
    const plan = planProtections(acties, municipalities, { projectLeader: ' ', controller: 'c@nijmegen.nl' }, ALL_TABS);
    expect(plan).toEqual({ ok: false, error: expect.stringContaining('Projectleider het e-mailadres van de projectleider in') });
  });

  it('refuses when Acties has no Gemeente column, and skips absent tabs', () => {
    expect(planProtections([['ID', 'Actie'], ['A-1', 'x']], municipalities, settings, ['Acties']).ok).toBe(false);
    const plan = planProtections(null, municipalities, settings, ['Begroting']);
    expect(plan.ok && plan.protections.map((p) => p.tab)).toEqual(['Begroting']);
  });
});
