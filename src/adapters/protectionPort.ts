import { PlannedProtection } from '../core/protectionPlan';

/**
 * Sheet protections, which the workbook port does not cover: only `Rechten per gemeente toepassen`
 * needs them. Implemented over SpreadsheetApp in appsscript/protections.ts.
 */
export interface ProtectionPort {
  /**
   * Puts `planned` in place of the add-on's own protections (description starts with `prefix`),
   * each with exactly its editors and no domain-wide edit right. Safe at every step: the new range
   * protections are made before the old ones go, and a sheet's own protection is narrowed before it
   * is widened, so a failure halfway leaves the sheet at least as protected as before.
   * A sheet protection someone made by hand is left alone; its tab is named in `skipped`.
   */
  replaceProtections(planned: readonly PlannedProtection[], prefix: string): { applied: number; removed: number; skipped: string[] };
}

/**
 * Document-scoped key/value storage (Apps Script's document properties): the ID counters and the
 * edit handler's cached header positions live here, shared by everyone working in the sheet.
 */
export interface PropertyStore {
  get(key: string): string | null;
  /** Every stored property in one read. */
  getAll(): Record<string, string>;
  set(values: Record<string, string>): void;
  delete(key: string): void;
}

/** In memory: local runs and tests. */
export class MemoryPropertyStore implements PropertyStore {
  readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  getAll(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
  set(values: Record<string, string>): void {
    for (const [k, v] of Object.entries(values)) this.values.set(k, v);
  }
  delete(key: string): void {
    this.values.delete(key);
  }
}
