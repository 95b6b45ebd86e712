// Namespace import: `import { z }` would pull all of zod into Code.js.
import * as z from 'zod/mini';
import { Cell, cellText, isBlank } from '../sheet/cell';
import { isIsoDay } from './update';
import { Day } from '../values/dates';

/**
 * Which version of an `Acties` row a save in the sidebar started from. A save carries it, and the
 * server refuses the save when the row is no longer that version, so nobody overwrites what someone
 * else wrote meanwhile. The stamp alone is not enough: a project leader who types in the sheet while
 * the edit trigger is off leaves no stamp. So the fields the form edits are compared as well.
 */
export interface ActionVersion {
  /** `Bijgewerkt op` as stampKey reads it; null when blank. */
  updatedAt: string | null;
  status: string;
  deadline: Day | null;
  note: string;
}

/** The fields "Mijn acties" edits, by their sidebar names. */
export const EDITABLE_FIELDS = ['status', 'deadline', 'note'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/**
 * A stamp cell as a comparable string. A Date becomes its instant rounded to the second (ISO, UTC):
 * Sheets stores date-times as fractions of a day, so a value may come back a few milliseconds off
 * what was written, never a second. Typed text is compared as text.
 */
export function stampKey(cell: Cell | undefined): string | null {
  if (cell === undefined || isBlank(cell)) return null;
  if (cell instanceof Date) {
    const t = cell.getTime();
    return isNaN(t) ? 'ongeldige datum' : new Date(Math.round(t / 1000) * 1000).toISOString();
  }
  return cellText(cell).trim();
}

/** The instant to write as `Bijgewerkt op`: whole seconds, so it reads back exactly as stampKey gives it. */
export function stampInstant(now: Date): Date {
  return new Date(Math.round(now.getTime() / 1000) * 1000);
}

const norm = (text: string) => text.trim().toLowerCase();

/** The editable fields whose value differs between two versions (status ignoring case and spaces). */
export function changedFields(base: ActionVersion, current: ActionVersion): EditableField[] {
  const changed: EditableField[] = [];
  if (norm(base.status) !== norm(current.status)) changed.push('status');
  if ((base.deadline ?? null) !== (current.deadline ?? null)) changed.push('deadline');
  if (base.note.trim() !== current.note.trim()) changed.push('note');
  return changed;
}

export type VersionCheck = { same: true } | { same: false; changed: EditableField[]; stampChanged: boolean };

export function compareVersions(base: ActionVersion, current: ActionVersion): VersionCheck {
  const changed = changedFields(base, current);
  const stampChanged = (base.updatedAt ?? null) !== (current.updatedAt ?? null);
  return changed.length === 0 && !stampChanged ? { same: true } : { same: false, changed, stampChanged };
}

const BASE_ERROR = 'De versie van de actie waarvan de wijziging uitgaat ontbreekt of is onleesbaar; vernieuw de zijbalk en probeer het opnieuw.';

const versionSchema = z.strictObject({
  updatedAt: z.nullable(z.string().check(z.maxLength(100))),
  status: z.string().check(z.maxLength(200)),
  deadline: z.nullable(z.string().check(z.refine(isIsoDay))),
  // A cell holds at most 50.000 characters.
  note: z.string().check(z.maxLength(50_000)),
});

/** Validates the version the browser sent; nothing from the browser is trusted. */
export function parseActionVersion(value: unknown): { ok: true; version: ActionVersion } | { ok: false; error: string } {
  const result = versionSchema.safeParse(value);
  return result.success ? { ok: true, version: result.data } : { ok: false, error: BASE_ERROR };
}
