import { PropertyStore } from '../../ports/properties';

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
