/**
 * Issue 10: a leading apostrophe is kept. Sheets strips one from text written with setValues, so text
 * such as `'s avonds` comes back as typed only when it is escaped exactly once on its way to a cell.
 */
import { TAB } from '../../src/core/workbook/contract';
import { updateAction } from '../../src/server/myActions';
import { FakeHandles, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { rawSheet } from '../fakes/protectionsExtension';
import { COL, OWNER, PL, TIEL, rightsWorkbook } from './rightsWorkbook';
import { installEditTrigger } from '../../src/server/edits';
import { triggerCatchesUp } from './logbookHelpers';

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installAppsScriptFakes({ activeUserEmail: PL, ownerEmail: OWNER });
  rightsWorkbook(fakes);
  installEditTrigger();
  fakes.__setUser(TIEL);
});
afterEach(() => fakes.uninstall());

test("Mijn acties: a Toelichting starting with an apostrophe reads as typed in Acties and in Logboek", () => {
  for (const typed of ["'s avonds in 's-Hertogenbosch", '=IMPORTRANGE("x")']) {
    const result = updateAction('A-004', { toelichting: typed });
    // row 5 is A-004
    expect(rawSheet(fakes, TAB.actions).values.get(4, COL.Toelichting - 1)).toBe(typed);
    expect(result.action.note).toBe(typed);
    // the line waits for the project leader's trigger, which keys it
    triggerCatchesUp(fakes, PL);
    const log = __values(fakes.spreadsheet, TAB.log)!;
    expect(log[log.length - 1][5]).toBe(typed);
  }
});
