import { columnLetter } from '../../core/sheet/a1';
import { Block, PlannedProtection } from '../../core/rights/protectionPlan';
import { ProtectionPort } from '../../ports/protections';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** A1 of a block; an open end runs to the sheet's last row or column (`A7:7`-style ranges are not allowed in a RangeList). */
function blockA1(b: Block, maxRows: number, maxColumns: number): string {
  const to = b.to ?? maxRows;
  const last = b.lastColumn ?? maxColumns;
  return `${columnLetter(b.firstColumn - 1)}${b.from}:${columnLetter(last - 1)}${to}`;
}

/**
 * Protections over SpreadsheetApp. Each protection gets exactly its planned editors: the editors
 * Sheets copies in by default are removed first (Sheets keeps the owner and the person running it,
 * who is the project leader), then the planned ones are added, and domain-wide editing is switched
 * off. Service calls: a fixed number per sheet and about eight per planned protection, whatever the
 * number of rows (the unprotected blocks of a sheet go in one RangeList).
 */
export class AppsScriptProtections implements ProtectionPort {
  constructor(private readonly spreadsheet: Spreadsheet = SpreadsheetApp.getActive()) {}

  private setEditors(protection: Protection, editors: readonly string[]): void {
    protection.removeEditors(protection.getEditors());
    protection.addEditors([...editors]);
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  }

  replaceProtections(planned: readonly PlannedProtection[], prefix: string): { applied: number; removed: number; skipped: string[] } {
    const sheets = new Map(this.spreadsheet.getSheets().map((s) => [s.getName(), s]));
    // The old range protections, listed before anything new exists.
    const oldRanges: Protection[] = [];
    const sheetProtection = new Map<string, Protection | null>();
    for (const [name, sheet] of sheets) {
      for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) if (p.getDescription().startsWith(prefix)) oldRanges.push(p);
      sheetProtection.set(name, sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? null);
    }
    const skipped: string[] = [];
    let applied = 0;
    const plannedSheets = new Set<string>();
    for (const p of planned) {
      const sheet = sheets.get(p.tab);
      if (!sheet) continue;
      if (p.area.kind === 'sheet') {
        plannedSheets.add(p.tab);
        const existing = sheetProtection.get(p.tab) ?? null;
        if (existing && !existing.getDescription().startsWith(prefix)) {
          skipped.push(p.tab);
          continue;
        }
        const protection = existing ?? sheet.protect();
        protection.setDescription(p.description);
        this.setEditors(protection, p.editors);
        const blocks = p.area.unprotected;
        const ranges = blocks.length ? sheet.getRangeList(blocks.map((b) => blockA1(b, sheet.getMaxRows(), sheet.getMaxColumns()))).getRanges() : [];
        protection.setUnprotectedRanges(ranges);
      } else {
        const a = p.area;
        const range = sheet.getRange(a.from, a.firstColumn, (a.to ?? sheet.getMaxRows()) - a.from + 1, (a.lastColumn ?? sheet.getMaxColumns()) - a.firstColumn + 1);
        const protection = range.protect();
        protection.setDescription(p.description);
        this.setEditors(protection, p.editors);
      }
      applied++;
    }
    // Only now do the old ones go: until here both old and new held.
    for (const p of oldRanges) p.remove();
    let removed = oldRanges.length;
    for (const [name, p] of sheetProtection) {
      if (p && !plannedSheets.has(name) && p.getDescription().startsWith(prefix)) {
        p.remove();
        removed++;
      }
    }
    return { applied, removed, skipped };
  }
}
