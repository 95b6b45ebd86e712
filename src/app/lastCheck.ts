import { Runtime } from '../ports/runtime';

/**
 * When the budget check last wrote its tabs, kept in document properties so everyone's sidebar can
 * say how fresh `Budgetcontrole` is. The dashboard's own figures are computed on every load; this is
 * about the tabs people read and share.
 */
export const LAST_CHECK_PROPERTY = 'regiomonitor.lastCheck';

export function recordCheckRun(runtime: Runtime): void {
  runtime.properties.set({ [LAST_CHECK_PROPERTY]: runtime.now().toISOString() });
}

/** The instant of the last check (ISO, UTC), or null when none was recorded or the value is unreadable. */
export function lastCheckRun(runtime: Runtime): string | null {
  const value = runtime.properties.get(LAST_CHECK_PROPERTY);
  const t = value ? Date.parse(value) : NaN;
  return isNaN(t) ? null : new Date(t).toISOString();
}
