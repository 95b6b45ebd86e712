import { TAB } from '../../src/core/workbook/contract';
import { installEditTrigger } from '../../src/server/edits';
import { updateAction } from '../../src/server/myActions';
import { FakeHandles, Value, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { rawSheet } from '../fakes/protectionsExtension';
import { checksAfterBudgetCheck, userEditsActies } from './logbookHelpers';
import { OWNER, PL, TIEL, rightsWorkbook } from './rightsWorkbook';

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installAppsScriptFakes({ activeUserEmail: PL, ownerEmail: OWNER });
  rightsWorkbook(fakes);
  installEditTrigger();
});
afterEach(() => fakes.uninstall());

const userEdits = (a1: string, values: Value[][], oldValue: Value | undefined, user: string) => userEditsActies(fakes, PL, a1, values, oldValue, user);
/** Controles rows about Logboek or rights, as [Tabblad, Rij, Kolom, Probleem-start]. */
const auditChecks = () => checksAfterBudgetCheck(fakes, PL, (r) => r[0] === TAB.log || String(r[4]).includes('buiten de rechten'));

describe('the budget check audits Logboek', () => {
  it('finds nothing in an honest Logboek written by the trigger and by Mijn acties', () => {
    userEdits('I2', [['Afgerond']], 'Loopt', TIEL);
    fakes.__setUser(TIEL, TIEL);
    updateAction('A-004', { toelichting: 'via de zijbalk' });
    userEdits('L2', [['nog een']], '', '');
    expect(auditChecks()).toEqual([]);
    // the sidebar's line was written and keyed by the project leader's check, which catches up first
    expect(__values(fakes.spreadsheet, TAB.log)!.length).toBe(4);
  });

  it('lists a changed earlier line and a deleted one in Controles', () => {
    userEdits('I2', [['Afgerond']], 'Loopt', TIEL);
    userEdits('I5', [['Afgerond']], 'Loopt', TIEL);
    userEdits('L5', [['klaar']], 'oud', TIEL);
    // an official rewrites what they did in line 2, in the sheet
    fakes.counter.uncounted(() => rawSheet(fakes, TAB.log).values.set(1, 5, 'Loopt'));
    expect(auditChecks()).toEqual([[TAB.log, 2, 'Keten (G)', 'Logboek-regel gewijzigd of niet door Reg']]);
    // and deletes the last line
    fakes.counter.uncounted(() => rawSheet(fakes, TAB.log).deleteRow(4));
    // line 2 was changed before it was sealed: lines 3 and 4 were sealed, and 4 is gone
    expect(auditChecks()).toEqual([
      [TAB.log, '', '', 'Logboek telt 1 verzegelde regels, maar e'],
      [TAB.log, 2, 'Keten (G)', 'Logboek-regel gewijzigd of niet door Reg'],
    ]);
  });

  it('lists a value pasted outside the rights until the project leader types it again', () => {
    // Tiel's editor pastes Geraamd into their own row 2 (the paste's old value is unknown: kept)
    userEdits('K2:L2', [[250000, 'zie begroting']], undefined, TIEL);
    expect(auditChecks()).toEqual([[TAB.actions, 2, 'Geraamd (K)', 'Gewijzigd door ambtenaar@tiel.nl buiten ']]);
    userEdits('K2', [[250000]], 250000, PL);
    expect(auditChecks()).toEqual([]);
  });
});
