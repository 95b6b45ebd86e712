import { columnLetter } from '../../core/sheet/a1';
import { Block, PlannedProtection } from '../../core/rights/protectionPlan';
import { ProtectionPort } from '../../ports/protections';
import { SheetDirectory } from './sheetDirectory';
import { GridBox, ProtectionState, readProtectionStates, sheetsApi } from './sheetsApi';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** A1 of a block; an open end runs to the sheet's last row or column (`A7:7`-style ranges are not allowed in a RangeList). */
function blockA1(b: Block, maxRows: number, maxColumns: number): string {
  const to = b.to ?? maxRows;
  const last = b.lastColumn ?? maxColumns;
  return `${columnLetter(b.firstColumn - 1)}${b.from}:${columnLetter(last - 1)}${to}`;
}

function blockBox(b: Block, maxRows: number, maxColumns: number): GridBox {
  return { startRow: b.from - 1, endRow: b.to ?? maxRows, startColumn: b.firstColumn - 1, endColumn: b.lastColumn ?? maxColumns };
}

const boxKey = (b: GridBox) => `${b.startRow}:${b.endRow}:${b.startColumn}:${b.endColumn}`;
const key = (tab: string, description: string) => `${tab}\u0000${description}`;

/**
 * True when the protection already stands exactly as planned: the same area and unprotected blocks,
 * the planned editors and nobody else but the owner (Sheets keeps the owner on every protection),
 * no domain-wide edit right, not a mere warning.
 */
function inPlace(p: PlannedProtection, s: ProtectionState, owner: () => string): boolean {
  if (s.domainEdit || s.warningOnly) return false;
  const planned = new Set(p.editors);
  if (!p.editors.every((e) => s.users.includes(e))) return false;
  // The owner is asked only when someone beyond the planned editors is on it (two calls).
  if (s.users.some((u) => !planned.has(u) && u !== owner())) return false;
  if (p.area.kind === 'sheet') {
    if (s.range !== null) return false;
    const want = p.area.unprotected.map((b) => boxKey(blockBox(b, s.maxRows, s.maxColumns))).sort();
    const have = s.unprotected.map(boxKey).sort();
    return want.length === have.length && want.every((k, i) => k === have[i]);
  }
  return s.range !== null && boxKey(s.range) === boxKey(blockBox(p.area, s.maxRows, s.maxColumns));
}

/**
 * Protections over SpreadsheetApp. Each protection gets exactly its planned editors: the editors
 * Sheets copies in by default are removed first (Sheets keeps the owner and the person running it,
 * who is the project leader), then the planned ones are added, and domain-wide editing is switched
 * off. A sheet's size and protections are read once per sheet.
 *
 * With the Sheets advanced service, one call first shows every protection with its editors; a
 * protection of ours that already stands exactly as planned is left as it is, so running it again
 * over unchanged data costs a fixed handful of calls instead of about eight per protection.
 */
export class AppsScriptProtections implements ProtectionPort {
  private readonly tabs: SheetDirectory;
  constructor(private readonly spreadsheet: Spreadsheet = SpreadsheetApp.getActive()) {
    this.tabs = new SheetDirectory(spreadsheet);
  }

  private owner: string | null = null;
  private readonly ownerEmail = () => (this.owner ??= (this.spreadsheet.getOwner()?.getEmail() ?? '').toLowerCase());

  private setEditors(protection: Protection, editors: readonly string[]): void {
    protection.removeEditors(protection.getEditors());
    protection.addEditors([...editors]);
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  }

  /** Own protections (by description) that stand as planned, each found exactly once on its tab. */
  private standing(planned: readonly PlannedProtection[], prefix: string): { kept: Set<string>; strays: number } | null {
    const api = sheetsApi();
    if (!api) return null;
    let all: ProtectionState[];
    try {
      all = readProtectionStates(api, this.spreadsheet.getId());
    } catch {
      return null; // the service refused: every protection is put in place through SpreadsheetApp
    }
    const states = all.filter((s) => s.description.startsWith(prefix));
    const byKey = new Map<string, ProtectionState[]>();
    for (const s of states) byKey.set(key(s.tab, s.description), [...(byKey.get(key(s.tab, s.description)) ?? []), s]);
    const ownerEmail = this.ownerEmail;
    const kept = new Set<string>();
    for (const p of planned) {
      const found = byKey.get(key(p.tab, p.description)) ?? [];
      if (found.length === 1 && inPlace(p, found[0], ownerEmail)) kept.add(key(p.tab, p.description));
    }
    return { kept, strays: states.filter((s) => !kept.has(key(s.tab, s.description))).length };
  }

  replaceProtections(planned: readonly PlannedProtection[], prefix: string): { applied: number; removed: number; skipped: string[] } {
    const standing = this.standing(planned, prefix);
    const kept = standing?.kept ?? new Set<string>();
    // Nothing to change: every planned protection stands and no other of ours is left over.
    if (standing && standing.strays === 0 && planned.every((p) => kept.has(key(p.tab, p.description)))) {
      // As the full path counts them: each range protection replaced, sheet protections reused.
      return { applied: planned.length, removed: planned.filter((p) => p.area.kind === 'block').length, skipped: [] };
    }
    const names = this.tabs.names();
    const sheetOf = (name: string) => this.tabs.sheet(name);
    const sizes = new Map<string, { maxRows: number; maxColumns: number }>();
    const sizeOf = (name: string) => {
      let size = sizes.get(name) ?? this.tabs.knownSize(name);
      if (!size) size = { maxRows: sheetOf(name).getMaxRows(), maxColumns: sheetOf(name).getMaxColumns() };
      sizes.set(name, size);
      return size;
    };
    // The old range protections, listed before anything new exists; the standing ones stay.
    const oldRanges: Protection[] = [];
    const sheetProtection = new Map<string, { protection: Protection; description: string } | null>();
    let keptCount = 0;
    for (const name of names) {
      const sheet = sheetOf(name);
      for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
        const description = p.getDescription();
        if (!description.startsWith(prefix)) continue;
        if (kept.has(key(name, description))) keptCount++;
        else oldRanges.push(p);
      }
      const own = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? null;
      sheetProtection.set(name, own ? { protection: own, description: own.getDescription() } : null);
    }
    const skipped: string[] = [];
    let applied = 0;
    const plannedSheets = new Set<string>();
    for (const p of planned) {
      if (!names.includes(p.tab)) continue;
      const sheet = sheetOf(p.tab);
      if (p.area.kind === 'sheet') plannedSheets.add(p.tab);
      if (kept.has(key(p.tab, p.description))) {
        applied++;
        continue;
      }
      if (p.area.kind === 'sheet') {
        const existing = sheetProtection.get(p.tab) ?? null;
        if (existing && !existing.description.startsWith(prefix)) {
          skipped.push(p.tab);
          continue;
        }
        const protection = existing?.protection ?? sheet.protect();
        if (existing?.description !== p.description) protection.setDescription(p.description);
        this.setEditors(protection, p.editors);
        const blocks = p.area.unprotected;
        // A fresh protection has no unprotected ranges; one of ours may have had some.
        if (blocks.length || existing) {
          const { maxRows, maxColumns } = sizeOf(p.tab);
          const ranges = blocks.length ? sheet.getRangeList(blocks.map((b) => blockA1(b, maxRows, maxColumns))).getRanges() : [];
          protection.setUnprotectedRanges(ranges);
        }
      } else {
        const a = p.area;
        const size = a.to === null || a.lastColumn === null ? sizeOf(p.tab) : null;
        const range = sheet.getRange(a.from, a.firstColumn, (a.to ?? size!.maxRows) - a.from + 1, (a.lastColumn ?? size!.maxColumns) - a.firstColumn + 1);
        const protection = range.protect();
        protection.setDescription(p.description);
        this.setEditors(protection, p.editors);
      }
      applied++;
    }
    // Only now do the old ones go: until here both old and new held.
    for (const p of oldRanges) p.remove();
    let removed = oldRanges.length + keptCount;
    for (const [name, own] of sheetProtection) {
      if (own && !plannedSheets.has(name) && own.description.startsWith(prefix)) {
        own.protection.remove();
        removed++;
      }
    }
    return { applied, removed, skipped };
  }

  /**
   * `Berap maken` protects the tab it made at once, instead of leaving it open until the rights are
   * applied again. With the Sheets advanced service one call shows whether it already stands as
   * planned (a remade berap): then nothing changes.
   */
  protectTab(p: PlannedProtection, prefix: string): 'kept' | 'applied' | 'skipped' {
    if (p.area.kind !== 'sheet' || p.area.unprotected.length) throw new Error('protectTab: only a whole sheet');
    const api = sheetsApi();
    let unprotectedTab = false;
    if (api) {
      const states = readProtectionStates(api, this.spreadsheet.getId()).filter((s) => s.tab === p.tab && s.range === null);
      if (states.length === 1 && states[0].description === p.description && inPlace(p, states[0], this.ownerEmail)) return 'kept';
      unprotectedTab = states.length === 0;
    }
    const sheet = this.spreadsheet.getSheetByName(p.tab);
    if (!sheet) return 'skipped';
    const existing = unprotectedTab ? null : (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? null);
    const description = existing?.getDescription() ?? null;
    if (existing && !description!.startsWith(prefix)) return 'skipped';
    const protection = existing ?? sheet.protect();
    if (description !== p.description) protection.setDescription(p.description);
    this.setEditors(protection, p.editors);
    return 'applied';
  }
}
