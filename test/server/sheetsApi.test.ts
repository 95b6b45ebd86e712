/**
 * The Sheets advanced service reads what SpreadsheetApp reads: the same check over the same workbook
 * writes the same tabs, and the sidebar shows the same data, with the service enabled or not. Dates
 * (the ledger's, Logboek's instants keyed in its chain, Prognoseverloop's Peildatum) are the part
 * that could go wrong: the service gives them as serial numbers on the sheet's wall clock.
 */
import { TAB } from '../../src/core/workbook/contract';
import { getSidebar, runBudgetCheck } from '../../src/server/index';
import { workbookWithActions, workbookWithLedger } from '../../src/tooling/benchWorkbooks';
import { serialToDate } from '../../src/adapters/appsscript/sheetsApi';
import { serialOf } from '../fakes/sheetsApi';
import { allValues } from './workbooks';

function checked(sheetsApi: boolean) {
  const fakes = workbookWithLedger(300, { sheetsApi });
  try {
    fakes.counter.reset();
    const summary = runBudgetCheck();
    return { summary, values: allValues(fakes), usedApi: fakes.counter.count('Sheets.Spreadsheets.Values.batchGet') > 0 };
  } finally {
    fakes.uninstall();
  }
}

test('the budget check writes the same workbook with the Sheets service as without', () => {
  const plain = checked(false);
  const api = checked(true);
  expect([plain.usedApi, api.usedApi]).toEqual([false, true]);
  expect(api.summary).toEqual(plain.summary);
  expect(Object.keys(api.values)).toEqual(Object.keys(plain.values));
  for (const tab of Object.keys(plain.values)) expect([tab, api.values[tab]]).toEqual([tab, plain.values[tab]]);
  // and there was something to compare: Logboek's keyed lines and the Prognoseverloop snapshots
  expect(plain.values[TAB.forecastHistory].length).toBeGreaterThan(2);
});

test('the sidebar shows the same with the Sheets service as without', () => {
  const shown = (sheetsApi: boolean) => {
    const { fakes, official } = workbookWithActions('sorted', { sheetsApi });
    try {
      runBudgetCheck();
      fakes.__setUser(official);
      const { loadedAt: _, ...data } = getSidebar();
      // when the check ran differs between the two workbooks; nothing else may
      if (data.dashboard.ok) data.dashboard.value.lastCheckAt = null;
      return data;
    } finally {
      fakes.uninstall();
    }
  };
  const api = shown(true);
  expect(api.myActions?.ok && api.myActions.value.actions.length).toBeGreaterThan(0);
  expect(api).toEqual(shown(false));
});

test('a serial number reads back as the instant it was written, across daylight saving time', () => {
  const zone = 'Europe/Amsterdam';
  // 30 March 2025 02:00 CET became 03:00 CEST; 26 October 03:00 CEST became 02:00 CET. A sheet keeps
  // wall-clock time, so 02:30 on 26 October is one cell value for two instants; those are left out.
  const instants = ['2025-03-29T23:00:00.000Z', '2025-03-30T00:30:00.000Z', '2025-03-30T01:30:00.000Z', '2025-10-25T23:30:00.000Z', '2025-10-26T02:30:15.250Z', '2021-06-15T12:34:56.789Z'];
  const memo = new Map<number, number>();
  for (const iso of instants) expect(serialToDate(serialOf(new Date(iso), zone), zone, memo).toISOString()).toBe(iso);
  // Midnight of 15-03-2025 in Amsterdam is serial 45731 (1 January 1900 is 2, Sheets' day zero 30-12-1899).
  expect(serialOf(new Date('2025-03-14T23:00:00.000Z'), zone)).toBe(45731);
});
