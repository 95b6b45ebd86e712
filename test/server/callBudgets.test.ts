/**
 * Service-call budgets of issue 24: what a user waits for in Apps Script, where each call costs 10 to
 * 100 ms. Counted through the SpreadsheetApp fake over the bench's workbooks (src/tooling/callFigures.ts),
 * so `npm run bench` prints the figures asserted here.
 *
 * The budgets come from the issue: the check at most 40 calls at any size (about 2 s at 50 ms a call),
 * opening the sidebar 15, `Rechten per gemeente toepassen` at 500 sorted actions 250, one edit 15.
 * `Berap maken` (issue 20's follow-up): 40 made again; the first time 72 (see below).
 * Measured with the Sheets advanced service the manifest enables (test/server/sheetsApi.test.ts shows
 * it reads what SpreadsheetApp reads).
 */
import { berapCalls, budgetCheckCalls, editCalls, protectionCalls, sidebarCalls } from '../../src/tooling/callFigures';

describe('the budget check', () => {
  const small = budgetCheckCalls(2_000);
  const large = budgetCheckCalls(20_000);

  test('costs the same at 2.000 and 20.000 ledger rows', () => {
    expect(large.breakdown).toEqual(small.breakdown);
  });

  test('costs at most 40 service calls', () => {
    expect(small.calls).toBeLessThanOrEqual(40);
  });

  test('reads the tabs in a fixed number of calls and writes each generated tab in one', () => {
    // Before the lock, for the rights: metadata and the people tabs (1 + 2). Inside it, read again, as
    // another user may have changed them meanwhile: metadata, every user and generated tab (1 + 2),
    // Logboek on its own (2).
    expect([small.breakdown['Sheets.Spreadsheets.get'], small.breakdown['Sheets.Spreadsheets.Values.batchGet']]).toEqual([2, 6]);
    expect([small.breakdown['Sheet.getName'], small.breakdown['Sheet.getDataRange'], small.breakdown['Range.getValues']]).toEqual([undefined, undefined, undefined]);
    // 6 generated tabs, each one setValues; their layout did not change, so no formats, widths or frozen rows
    expect(small.breakdown['Range.setValues']).toBe(6);
    expect([small.breakdown['Range.setNumberFormat'], small.breakdown['Sheet.setFrozenRows'], small.breakdown['Sheet.setColumnWidths']]).toEqual([undefined, undefined, undefined]);
  });
});

describe('opening the sidebar', () => {
  const figures = sidebarCalls();

  test('is measured for the four roles', () => {
    expect(figures).toHaveLength(4);
  });

  test.each(figures.map((f) => [f.action, f] as const))('%s costs at most 15 service calls', (_, f) => {
    expect(f.calls).toBeLessThanOrEqual(15);
  });
});

describe('applyProtections at 500 actions sorted by municipality, replacing its own', () => {
  const { first, again, moved: f } = protectionCalls();

  test('the rows moved, so every municipality\'s protection was replaced', () => {
    // 15 municipalities, one run of rows each: the first time each run gets a new protection. With
    // the order reversed, the 8th municipality (rows 236-268, 33 actions, the middle of 500) stays
    // where it was; the other 14 runs moved and are replaced. Run again over the same rows, nothing
    // is made or removed.
    expect(first.breakdown['Range.protect']).toBe(15);
    expect([f.breakdown['Range.protect'], f.breakdown['Protection.remove']]).toEqual([14, 14]);
    expect(again.breakdown['Range.protect'] ?? 0).toBe(0);
  });

  test('run again over the same rows it costs a fixed handful of calls', () => {
    expect(again.calls).toBeLessThanOrEqual(25);
  });

  test('reads each sheet\'s size and protections once', () => {
    // setup's 12 user tabs (Actielijst is the 12th), Logboek and its hidden row copy, the 6 generated tabs
    expect(f.sheets).toBe(12 + 2 + 6);
    expect(f.breakdown['Sheet.getMaxRows'] ?? 0).toBeLessThanOrEqual(f.sheets);
    expect(f.breakdown['Sheet.getMaxColumns'] ?? 0).toBeLessThanOrEqual(f.sheets);
    expect(f.breakdown['Sheet.getName'] ?? 0).toBeLessThanOrEqual(f.sheets);
    // two kinds, range and sheet protections: one read of each per sheet
    expect(f.breakdown['Sheet.getProtections'] ?? 0).toBeLessThanOrEqual(2 * f.sheets);
  });

  test('costs at most 250 service calls', () => {
    expect(f.calls).toBeLessThanOrEqual(250);
  });
});

describe('one edit by an official through the trigger', () => {
  test('costs at most 15 service calls', () => {
    expect(editCalls().calls).toBeLessThanOrEqual(15);
  });
});

describe('Berap maken at 2.000 ledger rows', () => {
  const { first, again } = berapCalls();

  test('made again costs at most 40 service calls (was 70; 160 without the advanced services)', () => {
    expect(again.calls).toBeLessThanOrEqual(40);
  });

  test('made again: one read of all tabs, one write per tab, no layout, the chart and the protection left standing, the Doc in one upload', () => {
    // metadata before the lock and again inside it (another user may have changed sizes meanwhile),
    // protections once; the people tabs before the lock (2), then the batch with the berap tab (2)
    expect([again.breakdown['Sheets.Spreadsheets.get'], again.breakdown['Sheets.Spreadsheets.Values.batchGet']]).toEqual([3, 4]);
    // the berap tab and Prognoseverloop
    expect(again.breakdown['Range.setValues']).toBe(2);
    const none = ['Range.setNumberFormat', 'Range.setNumberFormats', 'Sheet.setFrozenRows', 'Sheet.setColumnWidths', 'Sheet.setConditionalFormatRules', 'Sheet.insertChart', 'Sheet.removeChart', 'Sheet.protect', 'Protection.addEditors', 'Body.appendParagraph'];
    expect(none.map((m) => again.breakdown[m] ?? 0)).toEqual(none.map(() => 0));
    expect([again.breakdown['Drive.Files.update'], again.breakdown['Drive.Files.create'] ?? 0]).toEqual([1, 0]);
  });

  test('the first time costs at most 74 service calls (was 132)', () => {
    // What a new tab needs once and a remake does not: the tab inserted and sized (4), its layout
    // (bold header, frozen row, money widths 2, formats in one call per run of formatted columns:
    // Code, Primitief..Afwijking %, Vorige prognose..Mutatie, Toelichting = 4 runs, 8 calls, the
    // highlight 8), its protection (6) and the chart (14).
    // Reading again inside the lock what was read before it costs 2 more (72 without).
    expect(first.calls).toBeLessThanOrEqual(74);
    expect(first.breakdown['Range.setNumberFormat'] + first.breakdown['Range.setNumberFormats']).toBe(4);
    expect([first.breakdown['Sheet.protect'], first.breakdown['Sheet.insertChart'], first.breakdown['Drive.Files.create']]).toEqual([1, 1, 1]);
  });
});
