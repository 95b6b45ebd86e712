import { TAB } from '../../src/core/workbook/contract';
import { applyProtections } from '../../src/server/protections';
import { FakeHandles, FakeProtection, Value, __protections, __sortRows, installAppsScriptFakes } from '../fakes/spreadsheetApp';
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
const OFFICIAL = ['Eigenaar', 'Deadline', 'Status', 'Toelichting'];
const LEADER_ONLY = ['ID', 'Actielijn', 'Gemeente', 'Actie', 'Thema', 'Prioriteit', 'Begrotingspost', 'Geraamd'];
/** Everything Sheets would let `email` edit in an Acties row, by header. */
const editable = (email: string, row: number) => Object.keys(COL).filter((h) => can(email, TAB.actions, row, COL[h]));

describe('applyProtections', () => {
  it("lets Tiel's editor change only Status, Deadline, Eigenaar, Toelichting (and the stamps the sidebar writes) in Tiel rows", () => {
    applyProtections();
    // rows 2 and 5 are Tiel, 3 and 6 Nijmegen, 4 Regio
    expect(editable(TIEL, 2).sort()).toEqual([...OFFICIAL, 'Bijgewerkt op', 'Bijgewerkt door'].sort());
    expect(editable(TIEL, 5).sort()).toEqual(editable(TIEL, 2).sort());
    for (const row of [3, 4, 6]) expect([row, editable(TIEL, row)]).toEqual([row, []]);
    expect(editable(NIJMEGEN, 3).sort()).toEqual(editable(TIEL, 2).sort());
    // the findings of issue 9: ID, Gemeente, Geraamd, Prioriteit, Begrotingspost of their own row
    for (const h of LEADER_ONLY) expect([h, can(TIEL, TAB.actions, 2, COL[h])]).toEqual([h, false]);
    // the project leader edits everything, the header row included
    for (const row of [1, 2, 3, 4, 5, 6]) expect(editable(PL, row)).toHaveLength(14);
    expect(can(TIEL, TAB.actions, 1, COL.Status)).toBe(false);
    expect(can('collega@tiel.nl', TAB.actions, 2, COL.Status)).toBe(true);
    // below the data nothing is open to officials: "Actie toevoegen" asks the project leader's trigger
    for (const h of Object.keys(COL)) expect([h, can(TIEL, TAB.actions, 7, COL[h])]).toEqual([h, false]);
    expect(can(PL, TAB.actions, 7, COL.Geraamd)).toBe(true);
  });

  it('gives the budget tabs to the project leader and Mutaties also to the controller', () => {
    applyProtections();
    for (const tab of [TAB.settings, TAB.municipalities, TAB.actionLines, TAB.budget]) {
      expect([tab, can(TIEL, tab, 2), can(CONTROLLER, tab, 2), can(PL, tab, 2)]).toEqual([tab, false, false, true]);
    }
    expect([can(CONTROLLER, TAB.ledger, 2), can(PL, TAB.ledger, 2), can(TIEL, TAB.ledger, 2)]).toEqual([true, true, false]);
    // Logboek: only the project leader's trigger writes it; Mijn acties leaves its lines for that trigger
    expect([can(TIEL, TAB.log, 2), can(CONTROLLER, TAB.log, 2), can(PL, TAB.log, 2)]).toEqual([false, false, true]);
  });

  it('uses one protection per run of a municipality, not per row', () => {
    applyProtections();
    const descriptions = __protections(acties()).map((p) => p.description).sort();
    expect(descriptions).toEqual([
      'Regiomonitor: Acties (projectleider; per gemeente alleen Eigenaar, Deadline, Status, Toelichting)',
      'Regiomonitor: Acties van Nijmegen (rij 3)',
      'Regiomonitor: Acties van Nijmegen (rij 6)',
      'Regiomonitor: Acties van Tiel (rij 2)',
      'Regiomonitor: Acties van Tiel (rij 5)',
    ]);
  });

  it('keeps every row protected for the right municipality after sorting and re-applying', () => {
    applyProtections();
    __sortRows(acties(), (a: Value[], b: Value[]) => String(b[COL.Gemeente - 1]).localeCompare(String(a[COL.Gemeente - 1])));
    expect([2, 3, 4, 5, 6].map(gemeente)).toEqual(['Tiel', 'Tiel', 'Regio', 'Nijmegen', 'Nijmegen']);
    // before re-applying, the old protections sit on the old positions: Tiel cannot edit its own row 3
    expect(can(TIEL, TAB.actions, 3, COL.Status)).toBe(false);

    const report = applyProtections();
    for (let row = 2; row <= 6; row++) {
      const owner = gemeente(row);
      expect([row, owner, can(TIEL, TAB.actions, row, COL.Status), can(NIJMEGEN, TAB.actions, row, COL.Status), can(PL, TAB.actions, row, COL.Status)]).toEqual([
        row, owner, owner === 'Tiel', owner === 'Nijmegen', true,
      ]);
    }
    expect(__protections(acties()).map((p) => p.description).sort()).toEqual([
      'Regiomonitor: Acties (projectleider; per gemeente alleen Eigenaar, Deadline, Status, Toelichting)',
      'Regiomonitor: Acties van Nijmegen (rijen 5-6)',
      'Regiomonitor: Acties van Tiel (rijen 2-3)',
    ]);
    // the 4 old run protections are replaced; sheet protections are updated in place
    expect(report.removed).toBe(4);
  });

  it('replaces only its own protections and leaves those made by hand alone', () => {
    const own = fakes.counter.uncounted(() => acties().getRange('K2:K6').protect().setDescription('Eigen bescherming kolom K'));
    applyProtections();
    const first = __protections(acties()).length;
    const second = applyProtections();
    expect(first).toBe(6);
    expect(__protections(acties())).toHaveLength(6);
    expect(own.getDescription()).toBe('Eigen bescherming kolom K');
    expect(second.removed).toBe(4);
  });

  it('refuses a bad address with a Dutch list before changing anything', () => {
    fakes.counter.uncounted(() => rawSheet(fakes, TAB.municipalities).values.set(1, 2, `${TIEL}, collega@tiel, Jan Jansen`));
    expect(() => applyProtections()).toThrow(
      'De rechten zijn niet toegepast; er is niets gewijzigd. Verbeter eerst deze adressen:\n' +
        '- Gemeenten rij 2 (Tiel) › Editors: "collega@tiel" is geen e-mailadres\n' +
        '- Gemeenten rij 2 (Tiel) › Editors: "Jan" is geen e-mailadres\n' +
        '- Gemeenten rij 2 (Tiel) › Editors: "Jansen" is geen e-mailadres',
    );
    expect(fakes.spreadsheet.sheets.flatMap((s) => __protections(s))).toHaveLength(0);
  });

  it('leaves the sheet at least as protected as before when it fails halfway', () => {
    applyProtections();
    const before = [2, 3, 4, 5, 6].map((r) => [editable(TIEL, r), editable(NIJMEGEN, r)]);
    // rows move, then Sheets fails on the 8th protection of the next run
    __sortRows(acties(), (a: Value[], b: Value[]) => String(b[COL.Gemeente - 1]).localeCompare(String(a[COL.Gemeente - 1])));
    const original = FakeProtection.prototype.addEditors;
    let calls = 0;
    FakeProtection.prototype.addEditors = function (users: string[]) {
      if (++calls === 8) throw new Error('Service Spreadsheets failed while accessing document');
      return original.call(this, users);
    };
    try {
      expect(() => applyProtections()).toThrow(/Service Spreadsheets failed/);
    } finally {
      FakeProtection.prototype.addEditors = original;
    }
    // every cell an official could not edit before, they still cannot
    const after = [2, 3, 4, 5, 6].map((r) => [editable(TIEL, r), editable(NIJMEGEN, r)]);
    after.forEach((pair, i) => pair.forEach((cells, j) => expect(cells.every((h) => before[i][j].includes(h))).toBe(true)));
    for (const h of LEADER_ONLY) for (const r of [2, 3, 4, 5, 6]) expect(can(TIEL, TAB.actions, r, COL[h])).toBe(false);
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
