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
