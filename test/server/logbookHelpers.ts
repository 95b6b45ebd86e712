import { LOG_HEAD_KEY } from '../../src/core/logbook/chain';
import { TAB } from '../../src/core/workbook/contract';
import { keyedState, logTrust } from '../../src/core/logbook/trust';
import { LogVerdict, verifyLogbook } from '../../src/core/logbook/verify';
import { FakeHandles, __values } from '../fakes/spreadsheetApp';
import { onChangeInstalled } from '../../src/server/edits';

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
