/**
 * The Sheets advanced service reads what SpreadsheetApp reads: the same check over the same workbook
 * writes the same tabs, and the sidebar shows the same data, with the service enabled or not. Dates
 * (the ledger's, Logboek's instants keyed in its chain, Prognoseverloop's Peildatum) are the part
 * that could go wrong: the service gives them as serial numbers on the sheet's wall clock.
 */
import { TAB } from '../../src/core/workbook/contract';
import { applyProtections, getSidebar, runBudgetCheck } from '../../src/server/index';
import { __protections, __setValuesRaw, __sortRows } from '../fakes/spreadsheetApp';
import { workbookWithActions, workbookWithLedger } from '../../src/tooling/benchWorkbooks';
import { serialToDate } from '../../src/adapters/appsscript/sheetsApi';
import { serialOf } from '../fakes/sheetsApi';
import { allValues, records } from './workbooks';

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

describe('applyProtections with the Sheets service', () => {
  type Shape = { tab: string; description: string; area: unknown; editors: string[]; unprotected: unknown[]; domainEdit: boolean };
  const shapes = (fakes: ReturnType<typeof workbookWithActions>['fakes']): Shape[] =>
    fakes.spreadsheet.sheets.flatMap((sheet) =>
      __protections(sheet).map((p) => ({
        tab: sheet.name,
        description: p.description,
        area: p.area,
        editors: [...p.editors].sort(),
        unprotected: ((p as unknown as { unprotected?: { row: number; column: number; numRows: number; numColumns: number }[] }).unprotected ?? []).map((r) => [r.row, r.column, r.numRows, r.numColumns]),
        domainEdit: p.domainEdit,
      })),
    ).sort((a, b) => `${a.tab}${a.description}`.localeCompare(`${b.tab}${b.description}`));

  const protectedTwice = (sheetsApi: boolean, between: (fakes: ReturnType<typeof workbookWithActions>['fakes']) => void) => {
    const { fakes } = workbookWithActions('sorted', { sheetsApi });
    try {
      applyProtections();
      fakes.counter.uncounted(() => between(fakes));
      const report = applyProtections();
      return { report, shapes: shapes(fakes) };
    } finally {
      fakes.uninstall();
    }
  };

  const reverse = (fakes: ReturnType<typeof workbookWithActions>['fakes']) => {
    const sheet = fakes.spreadsheet.getSheetByName(TAB.actions)!;
    const column = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as unknown[]).indexOf('Gemeente');
    __sortRows(sheet, (a, b) => String(b[column]).localeCompare(String(a[column])));
  };

  test('leaves the same protections and reports the same, whether rows moved or not', () => {
    for (const between of [() => undefined, reverse]) {
      const plain = protectedTwice(false, between);
      const api = protectedTwice(true, between);
      expect(api.report).toEqual(plain.report);
      expect(api.shapes).toEqual(plain.shapes);
      expect(api.shapes.length).toBe(15 + 19); // one per municipality's rows, one per tab (Actielijst the 19th)
    }
  });

  test('puts back a standing protection someone widened by hand', () => {
    let municipal = '';
    const widened = (fakes: ReturnType<typeof workbookWithActions>['fakes']) => {
      const p = __protections(fakes.spreadsheet.sheets.find((s) => s.name === TAB.actions)!).find((x) => x.area !== null)!;
      municipal = p.description;
      p.editors.add('indringer@elders.invalid');
    };
    const { shapes: after } = protectedTwice(true, widened);
    const { shapes: plain } = protectedTwice(true, () => undefined);
    expect(after.find((s) => s.description === municipal)!.editors).not.toContain('indringer@elders.invalid');
    expect(after).toEqual(plain);
  });
});

test('what was read before the lock is read again inside it: another user\'s change meanwhile counts', () => {
  const fakes = workbookWithLedger(300);
  try {
    const seen: { batchedBefore: boolean; lockedBefore: boolean }[] = [];
    const before = fakes.counter.count('Sheets.Spreadsheets.Values.batchGet');
    let appendedRow = 0;
    // Another execution adds a ledger row with an unreadable amount after the check's first batch
    // read (the people tabs, for the rights) and before it takes the lock.
    const meanwhile = () => {
      seen.push({ batchedBefore: fakes.counter.count('Sheets.Spreadsheets.Values.batchGet') - before >= 2, lockedBefore: fakes.locks.document.held });
      fakes.counter.uncounted(() => {
        const sheet = fakes.spreadsheet.getSheetByName(TAB.ledger)!;
        const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
        appendedRow = sheet.getLastRow() + 1;
        __setValuesRaw(sheet, appendedRow, 1, [header.map((h) => ({ ID: 'LATER-1', Jaar: 2023, Code: 'ACT', Soort: 'Realisatie', Bedrag: 'twintig' } as Record<string, unknown>)[h] ?? '')]);
      });
    };
    fakes.__executions.run('budget check', () => void runBudgetCheck(), [{ at: 6, name: 'another user', run: meanwhile }]);
    expect(seen).toEqual([{ batchedBefore: true, lockedBefore: false }]);
    const checks = records(fakes, TAB.checks);
    expect(checks.some((c) => c.Tabblad === TAB.ledger && c.Rij === appendedRow && c.Waarde === 'twintig')).toBe(true);
  } finally {
    fakes.uninstall();
  }
});

test('when the service refuses (its scope not granted yet), the check reads through SpreadsheetApp', () => {
  const plain = checked(false);
  const fakes = workbookWithLedger(300);
  const holder = globalThis as { Sheets?: unknown };
  const installed = holder.Sheets;
  try {
    const refuse = () => {
      throw new Error('GoogleJsonResponseException: Request had insufficient authentication scopes.');
    };
    holder.Sheets = { Spreadsheets: { get: refuse, Values: { batchGet: refuse } } };
    fakes.counter.reset();
    const summary = runBudgetCheck();
    expect(fakes.counter.count('Range.getValues')).toBeGreaterThan(0);
    expect(summary).toEqual(plain.summary);
    expect(allValues(fakes)).toEqual(plain.values);
  } finally {
    holder.Sheets = installed;
    fakes.uninstall();
  }
});
