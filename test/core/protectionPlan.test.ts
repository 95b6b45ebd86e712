import { Municipality } from '../../src/core/model';
import { PROTECTION_PREFIX, PlannedProtection, planProtections } from '../../src/core/protectionPlan';

const municipalities: Municipality[] = [
  { row: 2, name: 'Tiel', subregion: '', editors: ['a@tiel.nl', 'b@tiel.nl'], notes: '' },
  { row: 3, name: 'Nijmegen', subregion: '', editors: ['a@nijmegen.nl'], notes: '' },
  { row: 4, name: 'Buren', subregion: '', editors: [], notes: '' },
];
const settings = { projectLeader: 'pl@nijmegen.nl', controller: 'c@nijmegen.nl' };
const ALL_TABS = ['Instellingen', 'Gemeenten', 'Actielijnen', 'Acties', 'Begroting', 'Dekking', 'Mutaties', 'Meet-ups', 'Indicatoren', 'Budgetcontrole', 'Herprioritering', 'Controles', 'Logboek', 'Actiesignalen', 'Agenda 2025-Q1', 'Eigen tab'];

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

const actionsPart = (list: PlannedProtection[]) => list.filter((p) => p.tab === 'Acties').map((p) => [p.area.kind === 'rows' ? `${p.area.from}-${p.area.to}` : 'sheet', p.editors.join(' '), p.description]);

describe('planProtections', () => {
  it('protects each municipality’s row runs for its editors and the project leader', () => {
    const plan = planProtections(acties, municipalities, settings, ALL_TABS);
    if (!plan.ok) throw new Error(plan.error);
    expect(actionsPart(plan.protections)).toEqual([
      ['1-1', 'pl@nijmegen.nl', 'Regiomonitor: kopregel Acties'],
      ['2-3', 'pl@nijmegen.nl a@tiel.nl b@tiel.nl', 'Regiomonitor: Acties van Tiel (rijen 2-3)'],
      ['4-4', 'pl@nijmegen.nl a@nijmegen.nl', 'Regiomonitor: Acties van Nijmegen (rij 4)'],
      ['5-5', 'pl@nijmegen.nl a@tiel.nl b@tiel.nl', 'Regiomonitor: Acties van Tiel (rij 5)'],
      ['7-8', 'pl@nijmegen.nl', 'Regiomonitor: Acties van de regio (rijen 7-8)'],
      ['9-9', 'pl@nijmegen.nl', 'Regiomonitor: Acties zonder bekende gemeente (rij 9)'],
      ['10-10', 'pl@nijmegen.nl', 'Regiomonitor: Acties van Buren (rij 10)'],
    ]);
    expect(plan.warnings).toEqual([
      'Acties rij 9: gemeente "Druten" staat niet in Gemeenten; alleen de projectleider kan deze rij bewerken.',
      'Buren heeft geen Editors in Gemeenten; alleen de projectleider kan de acties van Buren bewerken.',
    ]);
  });

  it('protects the other tabs whole, the ledger also for the controller, and leaves unknown tabs alone', () => {
    const plan = planProtections(acties, municipalities, settings, ALL_TABS);
    if (!plan.ok) throw new Error(plan.error);
    const sheets = plan.protections.filter((p) => p.area.kind === 'sheet');
    const byTab = new Map(sheets.map((p) => [p.tab, p.editors]));
    expect(byTab.get('Mutaties')).toEqual(['pl@nijmegen.nl', 'c@nijmegen.nl']);
    for (const tab of ['Instellingen', 'Gemeenten', 'Actielijnen', 'Begroting', 'Dekking', 'Meet-ups', 'Indicatoren', 'Budgetcontrole', 'Herprioritering', 'Controles', 'Actiesignalen', 'Agenda 2025-Q1']) {
      expect([tab, byTab.get(tab)]).toEqual([tab, ['pl@nijmegen.nl']]);
    }
    // Logboek: every editor may append through Mijn acties
    expect(byTab.get('Logboek')).toEqual(['pl@nijmegen.nl', 'c@nijmegen.nl', 'a@tiel.nl', 'b@tiel.nl', 'a@nijmegen.nl']);
    expect(byTab.has('Eigen tab')).toBe(false);
    expect(byTab.has('Acties')).toBe(false);
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
