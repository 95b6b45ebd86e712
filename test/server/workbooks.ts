import { midnightIn } from '../../src/core/values/dates';
import { FakeHandles, Value, __setValuesRaw, __values } from '../fakes/spreadsheetApp';

/** A date cell as Sheets' getValues returns it: a Date at midnight in the fake sheet's zone. */
export const sheetDate = (iso: string): Date => midnightIn(iso, 'Europe/Amsterdam');

/** Puts hand-made tabs (header row first) into the fake spreadsheet, bypassing the counter. */
export function fillWorkbook(fakes: FakeHandles, tabs: Record<string, unknown[][]>): void {
  fakes.counter.uncounted(() => {
    for (const [name, rows] of Object.entries(tabs)) {
      const sheet = fakes.spreadsheet.getSheetByName(name) ?? fakes.spreadsheet.insertSheet(name);
      __setValuesRaw(sheet, 1, 1, rows);
    }
  });
}

/** Every tab's used range, by name: to compare a whole workbook before and after. */
export function allValues(fakes: FakeHandles): Record<string, Value[][]> {
  const out: Record<string, Value[][]> = {};
  for (const sheet of fakes.spreadsheet.sheets) out[sheet.name] = __values(fakes.spreadsheet, sheet.name)!;
  return out;
}

/** The data rows of a tab as records by header, to find figures whatever the column order. */
export function records(fakes: FakeHandles, tab: string): Record<string, Value>[] {
  const [header, ...rows] = __values(fakes.spreadsheet, tab)!;
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}
