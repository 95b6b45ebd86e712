/**
 * What the shared fake lacks for the protections tests, added from outside so the fake itself stays
 * untouched: `canUserEdit`, whether Sheets would let a person edit a cell, from the active protections.
 */
import { FakeHandles, FakeProtection, FakeRange, FakeSheet, FakeSpreadsheet, __protections } from './spreadsheetApp';

/**
 * `Protection.setUnprotectedRanges` / `getUnprotectedRanges` (sheet protections only, as in Sheets)
 * and `Sheet.getRangeList(a1s).getRanges()`, added to the fake's prototypes so they are counted.
 */
type Unprotected = { unprotected?: FakeRange[] };
interface Wrapper {
  wrap<T extends object>(target: T, type: string): T;
  unwrap<T extends object>(proxy: T): T;
}
const worldOf = (o: object) => (o as unknown as { w: Wrapper }).w;

export function installProtectionExtras(): void {
  const protection = FakeProtection.prototype as FakeProtection & {
    setUnprotectedRanges?: (ranges: FakeRange[]) => FakeProtection;
    getUnprotectedRanges?: () => FakeRange[];
  };
  if (!protection.setUnprotectedRanges) {
    protection.setUnprotectedRanges = function (this: FakeProtection & Unprotected, ranges: FakeRange[]) {
      if (this.area) throw new Error('Unprotected ranges can only be set on a sheet protection.');
      this.unprotected = ranges.map((r) => worldOf(this).unwrap(r));
      return worldOf(this).wrap(this, 'Protection');
    };
    protection.getUnprotectedRanges = function (this: FakeProtection & Unprotected) {
      return (this.unprotected ?? []).map((r) => worldOf(this).wrap(r, 'Range'));
    };
  }
  const sheet = FakeSheet.prototype as FakeSheet & { getRangeList?: (a1s: string[]) => { getRanges(): FakeRange[] } };
  if (!sheet.getRangeList) {
    sheet.getRangeList = function (this: FakeSheet, a1s: string[]) {
      const ranges = a1s.map((a1) => {
        const a = this._parseA1(a1);
        return this._range(a.row, a.column, a.numRows, a.numColumns);
      });
      return worldOf(this).wrap({ getRanges: () => ranges }, 'RangeList');
    };
  }
}
installProtectionExtras();

function covers(area: { row: number; column: number; numRows: number; numColumns: number }, row: number, column: number): boolean {
  return row >= area.row && row < area.row + area.numRows && column >= area.column && column < area.column + area.numColumns;
}

/**
 * True when every active protection covering (row, column) lists `email` as editor, as Sheets
 * decides: a sheet protection does not cover its unprotected ranges; where protections overlap, all
 * must allow. Warning-only protections do not stop anyone.
 */
export function canUserEdit(spreadsheet: FakeSpreadsheet, tab: string, row: number, column: number, email: string): boolean {
  const sheet = spreadsheet.sheets.find((s) => s.name === tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  return __protections(sheet)
    .filter((p) => !p.warningOnly)
    .filter((p) => (p.area ? covers(p.area, row, column) : !((p as Unprotected).unprotected ?? []).some((r) => covers(r, row, column))))
    .every((p) => p.editors.has(email.toLowerCase()));
}

export function rawSheet(fakes: FakeHandles, tab: string): FakeSheet {
  const sheet = fakes.spreadsheet.sheets.find((s) => s.name === tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  return sheet;
}
