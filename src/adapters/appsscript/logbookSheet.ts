import { Grid } from '../../core/sheet/cell';
import { HEADERS, TAB } from '../../core/workbook/contract';
import { LOG_HEAD_KEY, chainLines, readHead, writeHead } from '../../core/logbook/chain';

export /**
 * Appends lines to `Logboek` with their `Keten`, continuing the chain from its head in the document
 * properties (read with the others, written back by the caller). Runs under the document lock.
 */
function appendChained(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, rows: Grid, stored: Record<string, string>, toStore: Record<string, string>): void {
  if (rows.length === 0) return;
  let log = spreadsheet.getSheetByName(TAB.log);
  const head = readHead(toStore[LOG_HEAD_KEY] ?? stored[LOG_HEAD_KEY]);
  if (!log) {
    log = spreadsheet.insertSheet(TAB.log);
    log.getRange(1, 1, 1, HEADERS[TAB.log].length).setValues([[...HEADERS[TAB.log]]]);
  } else if (head.lines === 0) {
    // The first chained line: a Logboek from before the chain gets its `Keten` header.
    log.getRange(1, HEADERS[TAB.log].length).setValue(HEADERS[TAB.log][HEADERS[TAB.log].length - 1]);
  }
  const chained = chainLines(head, rows);
  const last = log.getLastRow();
  if (last + rows.length > log.getMaxRows()) log.insertRowsAfter(log.getMaxRows(), last + rows.length - log.getMaxRows());
  log.getRange(last + 1, 1, chained.rows.length, chained.rows[0].length).setValues(chained.rows as unknown[][]);
  toStore[LOG_HEAD_KEY] = writeHead(chained.head);
}
