import { LOG_HEAD_KEY } from '../../src/core/logbook/chain';
import { TAB } from '../../src/core/workbook/contract';
import { keyedState, logTrust } from '../../src/core/logbook/trust';
import { LogVerdict, verifyLogbook } from '../../src/core/logbook/verify';
import { FakeHandles, Value, __values } from '../fakes/spreadsheetApp';
import { onChangeInstalled, onEditInstalled } from '../../src/server/edits';
import { runBudgetCheck } from '../../src/server/budget';

/** Logboek judged as the project leader's check judges it: with the key in `owner`'s user properties. */
export function logVerdict(fakes: FakeHandles, owner: string): LogVerdict {
  const keyed = keyedState(fakes.__userProperties(owner).getProperties());
  return verifyLogbook(__values(fakes.spreadsheet, TAB.log), logTrust(keyed, fakes.properties.document.getProperty(LOG_HEAD_KEY)));
}

/**
 * The project leader's trigger runs again (an edit anywhere fires its change trigger): what waits for
 * it (sidebar lines and requests, missed edits) is done, and Logboek is sealed. Whoever was acting
 * before still is afterwards.
 */
export function triggerCatchesUp(fakes: FakeHandles, owner: string): void {
  const [active, effective] = fakes.counter.uncounted(() => [fakes.Session.getActiveUser().getEmail(), fakes.Session.getEffectiveUser().getEmail()]);
  fakes.__setUser(active, owner);
  try {
    onChangeInstalled({ changeType: 'EDIT', source: fakes.spreadsheet } as never);
  } finally {
    fakes.__setUser(active, effective);
  }
}

/**
 * What Sheets does for a user's edit of `Acties`: the values are in the cells, then the trigger of
 * `owner` (the project leader who installed it) gets the event, naming `user` as the editor.
 */
export function userEditsActies(fakes: FakeHandles, owner: string, a1: string, values: Value[][], oldValue: Value | undefined, user: string): void {
  const range = fakes.counter.uncounted(() => fakes.spreadsheet.getSheetByName(TAB.actions)!.getRange(a1));
  fakes.counter.uncounted(() => range.setValues(values));
  const single = values.length === 1 && values[0].length === 1;
  fakes.__setUser(user, owner);
  const e = { range, source: fakes.spreadsheet, user: fakes.counter.uncounted(() => fakes.Session.getActiveUser()), value: single ? values[0][0] : undefined, oldValue: single ? oldValue : undefined };
  fakes.counter.reset();
  onEditInstalled(e as never);
}

/** After a budget check by `who`: the Controles rows `keep` selects, as [Tabblad, Rij, Kolom, start of Probleem]. */
export function checksAfterBudgetCheck(fakes: FakeHandles, who: string, keep: (row: Value[]) => boolean): Value[][] {
  fakes.__setUser(who, who);
  runBudgetCheck();
  return __values(fakes.spreadsheet, TAB.checks)!
    .slice(1)
    .filter(keep)
    .map((r) => [r[0], r[1], r[2], String(r[4]).slice(0, 40)]);
}
