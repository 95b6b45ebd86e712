import { Grid } from '../../core/sheet/cell';
import { HEADERS, TAB } from '../../core/workbook/contract';
import { LogLine } from '../../core/logbook/keyed';
import { LogbookPort } from '../../ports/logbook';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// `Logboek` over SpreadsheetApp, in the contract's column order with `Keten` seventh.

const WIDTH = HEADERS[TAB.log].length;

/** Logboek, made with its header row when it is not there (someone deleted it). */
export function logSheet(spreadsheet: Spreadsheet): Sheet {
  const log = spreadsheet.getSheetByName(TAB.log);
  if (log) return log;
  const made = spreadsheet.insertSheet(TAB.log);
  made.getRange(1, 1, 1, WIDTH).setValues([[...HEADERS[TAB.log]]]);
  return made;
}

/**
 * Appends lines whose `Keten` is made, one `appendRow` each: Sheets appends a row as one step, so
 * the edit trigger appends without the document lock and two appends never land in one row. Every
 * writer of Logboek appends this way, also under the lock, since a trigger may append meanwhile.
 */
export function appendLines(sheet: Sheet, lines: Grid): void {
  for (const line of lines) sheet.appendRow(line as unknown[]);
}

export function readLines(sheet: Sheet, from: number, to: number): LogLine[] {
  const first = Math.max(2, from);
  if (to < first) return [];
  return (sheet.getRange(first, 1, to - first + 1, WIDTH).getValues() as LogLine['cells'][]).map((v, i) => ({ row: first + i, cells: v.slice(0, WIDTH - 1), keten: v[WIDTH - 1] }));
}

/** Rewrites `Keten` cells, one write per run of adjacent rows. */
export function writeKeten(sheet: Sheet, writes: readonly { row: number; keten: string }[]): void {
  let start = 0;
  for (let i = 1; i <= writes.length; i++) {
    if (i < writes.length && writes[i].row === writes[i - 1].row + 1) continue;
    const run = writes.slice(start, i);
    if (run.length) sheet.getRange(run[0].row, WIDTH, run.length, 1).setValues(run.map((w) => [w.keten]));
    start = i;
  }
}

/** The Logboek port over this spreadsheet; the sheet is looked up once, when first needed. */
export function appsScriptLogbook(spreadsheet: Spreadsheet): LogbookPort {
  let sheet: Sheet | null = null;
  const log = () => (sheet ??= logSheet(spreadsheet));
  return {
    lastRow: () => log().getLastRow(),
    lines: (from, to) => readLines(log(), from, to),
    append: (lines) => appendLines(log(), lines),
    writeKeten: (writes) => writeKeten(log(), writes),
  };
}
