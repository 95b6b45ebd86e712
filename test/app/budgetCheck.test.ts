import { MemoryPropertyStore } from '../../src/adapters/local/properties';
import { localRuntime } from '../../src/adapters/local/runtime';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { budgetCheck, checkAndWrite } from '../../src/app/budgetCheck';
import { LAYOUT, TAB, USER_TABS } from '../../src/core/workbook/contract';
import { LOG_HEAD_KEY, writeHead } from '../../src/core/logbook/chain';

/**
 * A workbook whose `Mutaties` lacks `Soort` (so the tab is left out of the figures), and whose
 * Logboek chain cannot be checked: the document properties say 2 chained lines were written, but
 * there is no Logboek at all. Both must reach the one summary.
 */
function skippedLedgerAndBrokenLogbook() {
  const wb = LocalWorkbook.create('Europe/Amsterdam');
  for (const tab of USER_TABS) {
    const layout = LAYOUT[tab];
    wb.createTab(tab, tab === TAB.ledger ? { ...layout, headers: layout.headers.filter((h) => h !== 'Soort') } : layout);
  }
  wb.appendRows(TAB.settings, [['Regio', 'Testregio'], ['Startjaar', 2021], ['Eindjaar', 2021]]);
  wb.appendRows(TAB.budget, [[2021, 'ACT', 'Activiteiten', 1000]]);
  const properties = new MemoryPropertyStore();
  properties.set({ [LOG_HEAD_KEY]: writeHead({ lines: 2, hash: 'abc' }) });
  return localRuntime(wb, { today: '2021-06-01', properties });
}

describe('the budget check summary', () => {
  it('says first that Mutaties was left out, also when Logboek has findings (the skippedTabs bug)', () => {
    const summary = budgetCheck(skippedLedgerAndBrokenLogbook());
    // Findings: `Kolom Soort ontbreekt` (Mutaties) and `Logboek mist de kolommen …` (the chain of 2
    // lines has no Logboek to be checked against): 2 controles.
    expect(summary.skippedTabs).toEqual([TAB.ledger]);
    expect(summary.checks).toBe(2);
    expect(summary.message).toMatch(/^Mutaties mist de kolom Soort: geen enkele mutatie is meegeteld; 2021 \(lopend\): .*; 2 meldingen in Controles/);
  });

  it('counts the Logboek findings in Controles and in the summary alike', () => {
    const result = checkAndWrite(skippedLedgerAndBrokenLogbook());
    expect(result.outputs.Controles.map((r) => r[0])).toEqual([TAB.ledger, TAB.log]);
    expect(result.findings).toHaveLength(result.summary.checks);
  });
});
