import { TAB } from '../../src/core/contract';
import { applyProtections } from '../../src/server/protections';
import { FakeHandles, Value, __protections, __sortRows, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { canUserEdit, rawSheet } from '../fakes/protectionsExtension';
import { COL, CONTROLLER, NIJMEGEN, OWNER, PL, TIEL, rightsWorkbook } from './rightsWorkbook';

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installAppsScriptFakes({ activeUserEmail: PL, ownerEmail: OWNER });
  rightsWorkbook(fakes);
});
afterEach(() => fakes.uninstall());

const can = (email: string, tab: string, row: number, column = 1) => canUserEdit(fakes.spreadsheet, tab, row, column, email);
const acties = () => rawSheet(fakes, TAB.actions);
const gemeente = (row: number) => String(acties().values.get(row - 1, COL.Gemeente - 1));

describe('applyProtections', () => {
  it("lets Tiel's editor edit Tiel rows only, and the project leader everything", () => {
    applyProtections();
    // rows 2 and 5 are Tiel, 3 and 6 Nijmegen, 4 Regio
    expect([2, 3, 4, 5, 6].map((r) => can(TIEL, TAB.actions, r, COL.Status))).toEqual([true, false, false, true, false]);
    expect([2, 3, 4, 5, 6].map((r) => can(NIJMEGEN, TAB.actions, r, COL.Status))).toEqual([false, true, false, false, true]);
    expect([1, 2, 3, 4, 5, 6].every((r) => can(PL, TAB.actions, r, COL.Status))).toBe(true);
    // header row: project leader only
    expect(can(TIEL, TAB.actions, 1)).toBe(false);
    // a second Tiel editor listed after a comma
    expect(can('collega@tiel.nl', TAB.actions, 2)).toBe(true);
    // a new blank row stays open so officials can add actions
    expect(can(TIEL, TAB.actions, 7)).toBe(true);
  });

  it('gives the budget tabs to the project leader and Mutaties also to the controller', () => {
    applyProtections();
    for (const tab of [TAB.settings, TAB.municipalities, TAB.actionLines, TAB.budget]) {
      expect([tab, can(TIEL, tab, 2), can(CONTROLLER, tab, 2), can(PL, tab, 2)]).toEqual([tab, false, false, true]);
    }
    expect([can(CONTROLLER, TAB.ledger, 2), can(PL, TAB.ledger, 2), can(TIEL, TAB.ledger, 2)]).toEqual([true, true, false]);
    // Logboek: Mijn acties appends to it as the official
    expect(can(TIEL, TAB.log, 2)).toBe(true);
  });

  it('names the municipality in every description', () => {
    applyProtections();
    const descriptions = __protections(acties()).map((p) => p.description).sort();
    expect(descriptions).toEqual([
      'Regiomonitor: Acties van Nijmegen (rij 3)',
      'Regiomonitor: Acties van Nijmegen (rij 6)',
      'Regiomonitor: Acties van Tiel (rij 2)',
      'Regiomonitor: Acties van Tiel (rij 5)',
      'Regiomonitor: Acties van de regio (rij 4)',
      'Regiomonitor: kopregel Acties',
    ]);
  });

  it('keeps every row protected for the right municipality after sorting and re-applying', () => {
    applyProtections();
    // sort by Gemeente descending: Tiel, Tiel, Regio, Nijmegen, Nijmegen
    __sortRows(acties(), (a: Value[], b: Value[]) => String(b[COL.Gemeente - 1]).localeCompare(String(a[COL.Gemeente - 1])));
    expect([2, 3, 4, 5, 6].map(gemeente)).toEqual(['Tiel', 'Tiel', 'Regio', 'Nijmegen', 'Nijmegen']);
    // before re-applying, the old protections sit on the old positions: Tiel cannot edit its own row 3
    expect(can(TIEL, TAB.actions, 3)).toBe(false);

    const report = applyProtections();
    for (let row = 2; row <= 6; row++) {
      const owner = gemeente(row);
      expect([row, owner, can(TIEL, TAB.actions, row), can(NIJMEGEN, TAB.actions, row), can(PL, TAB.actions, row)]).toEqual([
        row, owner, owner === 'Tiel', owner === 'Nijmegen', true,
      ]);
    }
    // now one run per owner: Tiel 2-3, Regio 4, Nijmegen 5-6, plus the header
    expect(__protections(acties()).map((p) => p.description).sort()).toEqual([
      'Regiomonitor: Acties van Nijmegen (rijen 5-6)',
      'Regiomonitor: Acties van Tiel (rijen 2-3)',
      'Regiomonitor: Acties van de regio (rij 4)',
      'Regiomonitor: kopregel Acties',
    ]);
    // the first run's 12 are replaced: 6 in Acties + Instellingen, Gemeenten, Actielijnen, Begroting, Mutaties, Logboek
    expect(report.removed).toBe(12);
  });

  it('replaces only its own protections and leaves those made by hand alone', () => {
    const own = fakes.counter.uncounted(() => acties().protect().setDescription('Eigen bescherming kolom K'));
    applyProtections();
    const first = __protections(acties()).length;
    const second = applyProtections();
    // 6 of ours in Acties + 1 by hand; re-running does not pile up
    expect(first).toBe(7);
    expect(__protections(acties())).toHaveLength(7);
    expect(__protections(acties()).some((p) => p.description === 'Eigen bescherming kolom K')).toBe(true);
    expect(own.getDescription()).toBe('Eigen bescherming kolom K');
    // removed on the second run: 6 in Acties + Mutaties, Instellingen, Gemeenten, Actielijnen, Begroting, Logboek = 12
    expect(second.removed).toBe(12);
  });

  it('refuses when Projectleider is blank, and when someone else runs it', () => {
    fakes.counter.uncounted(() => rawSheet(fakes, TAB.settings).values.set(2, 1, ''));
    // nobody named: only the owner acts as project leader, and even they get no protections yet
    expect(() => applyProtections()).toThrow(/nog geen Projectleider ingevuld/);
    fakes.__setUser(OWNER);
    expect(() => applyProtections()).toThrow(/Vul eerst in Instellingen bij Projectleider/);
    expect(__protections(acties())).toHaveLength(0);

    rightsWorkbook(fakes);
    fakes.__setUser(TIEL);
    expect(() => applyProtections()).toThrow(/Alleen de projectleider \(projectleider@nijmegen.nl\)/);
    expect(__protections(acties())).toHaveLength(0);
  });
});
