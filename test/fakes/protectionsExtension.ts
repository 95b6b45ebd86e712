/**
 * What the shared fake lacks for the protections and edit tests, added from outside so the fake
 * itself stays untouched:
 * - `Sheet.appendRow` (real Apps Script has it; the edit handler uses it for one Logboek row). It is
 *   a prototype method, so the fake's proxy counts it like any other call. The raw rows handed to it
 *   are recorded, because the fake strips a leading apostrophe just as Sheets does, which would hide
 *   whether the add-on escaped a formula.
 * - `canUserEdit`: whether Sheets would let a person edit a cell, from the active protections.
 */
import { FakeHandles, FakeSheet, FakeSpreadsheet, __protections } from './spreadsheetApp';

export const appendedRaw: unknown[][] = [];

type WithAppendRow = FakeSheet & { appendRow?: (row: unknown[]) => FakeSheet };

export function installAppendRow(): void {
  const proto = FakeSheet.prototype as WithAppendRow;
  if (proto.appendRow) return;
  proto.appendRow = function appendRow(this: FakeSheet, row: unknown[]): FakeSheet {
    appendedRaw.push([...row]);
    const at = this._lastRow() + 1;
    if (at > this.maxRows) this.maxRows = at;
    if (row.length > this.maxColumns) this.maxColumns = row.length;
    row.forEach((v, c) => this._setValue(at - 1, c, v));
    return this;
  };
}

/**
 * True when every active protection covering (row, column) lists `email` as editor, as Sheets
 * decides. Warning-only protections do not stop anyone.
 */
export function canUserEdit(spreadsheet: FakeSpreadsheet, tab: string, row: number, column: number, email: string): boolean {
  const sheet = spreadsheet.sheets.find((s) => s.name === tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  return __protections(sheet)
    .filter((p) => !p.warningOnly)
    .filter((p) => !p.area || (row >= p.area.row && row < p.area.row + p.area.numRows && column >= p.area.column && column < p.area.column + p.area.numColumns))
    .every((p) => p.editors.has(email.toLowerCase()));
}

export function rawSheet(fakes: FakeHandles, tab: string): FakeSheet {
  const sheet = fakes.spreadsheet.sheets.find((s) => s.name === tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  return sheet;
}
