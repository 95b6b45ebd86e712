import { PlannedProtection } from '../core/protectionPlan';

/**
 * Sheet protections, which the workbook port does not cover: only `Rechten per gemeente toepassen`
 * needs them. Implemented over SpreadsheetApp in appsscript/protections.ts.
 */
export interface ProtectionPort {
  /** Removes every protection (range or sheet) whose description starts with `prefix`; returns how many. */
  removeProtections(prefix: string): number;
  /** Creates the protections, each with exactly the given editors and no domain-wide edit right. */
  addProtections(protections: readonly PlannedProtection[]): void;
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
