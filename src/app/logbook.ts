import { Grid } from '../core/sheet/cell';
import { LAYOUT, TAB } from '../core/workbook/contract';
import { LOG_HEAD_KEY, chainLines, readHead, writeHead } from '../core/logbook/chain';
import { Runtime } from '../ports/runtime';

/**
 * Appends lines to `Logboek` through the workbook port, each with its `Keten`, continuing the chain
 * from the head in the document properties. Call it holding the document lock. The edit trigger has
 * its own SpreadsheetApp version of this (adapters/appsscript/logbookSheet.ts), with the same core.
 */
export function appendLogLines(runtime: Runtime, rows: Grid): void {
  if (rows.length === 0) return;
  const wb = runtime.workbook;
  const head = readHead(runtime.properties.get(LOG_HEAD_KEY));
  if (!wb.tabNames().includes(TAB.log)) wb.createTab(TAB.log, LAYOUT[TAB.log]);
  else if (head.lines === 0) wb.repairTab(TAB.log, LAYOUT[TAB.log]); // a Logboek from before the chain gets `Keten`
  const chained = chainLines(head, rows);
  wb.appendRows(TAB.log, chained.rows);
  runtime.properties.set({ [LOG_HEAD_KEY]: writeHead(chained.head) });
}
