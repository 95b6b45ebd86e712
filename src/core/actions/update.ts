// Namespace import: `import { z }` would pull all of zod (every locale, ~540 KB) into Code.js.
import * as z from 'zod/mini';
import { STATUSES, Status } from '../workbook/contract';
import { Day, isValidDay } from '../values/dates';
import { MAX_NOTE_LENGTH } from './limits';

export { MAX_NOTE_LENGTH };

/**
 * What `updateAction(id, changes)` may change: an official's own progress, never amounts or owners.
 * The schema also accepts the sidebar API's spelling (src/server/api.ts): `note` for `toelichting`
 * and `deadline: null` to clear.
 */
export interface ActionChanges {
  status?: Status;
  toelichting?: string;
  /** ISO day, or '' to clear the deadline. */
  deadline?: Day | '';
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` naming a day that exists. */
export function isIsoDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  return !!m && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

const statusSchema = z.enum(STATUSES, { error: `Onbekende status; kies uit: ${STATUSES.join(', ')}.` });

export const actionChangesSchema = z.strictObject(
  {
    status: z.optional(statusSchema),
    toelichting: z.optional(
      z.string({ error: 'Toelichting moet tekst zijn.' }).check(z.maxLength(MAX_NOTE_LENGTH, `Toelichting is te lang (hoogstens ${MAX_NOTE_LENGTH} tekens).`)),
    ),
    /** The sidebar's name for `toelichting` (src/server/api.ts); one of the two, not both. */
    note: z.optional(z.string({ error: 'Toelichting moet tekst zijn.' }).check(z.maxLength(MAX_NOTE_LENGTH, `Toelichting is te lang (hoogstens ${MAX_NOTE_LENGTH} tekens).`))),
    /** '' or null clears the deadline. */
    deadline: z.optional(
      z.nullable(
        z.string({ error: 'Deadline moet een datum zijn (jjjj-mm-dd) of leeg.' }).check(
          z.refine((text) => text === '' || isIsoDay(text), 'Deadline is geen geldige datum (jjjj-mm-dd), of die dag bestaat niet.'),
        ),
      ),
    ),
  },
  { error: 'De wijzigingen moeten een object zijn met status, toelichting en/of deadline.' },
);

export const actionIdSchema = z.string({ error: 'Actie-ID ontbreekt.' }).check(
  z.refine((text) => text.trim() !== '', 'Actie-ID ontbreekt.'),
  z.maxLength(50, 'Actie-ID is te lang.'),
);

export type ActionUpdateRequest = { ok: true; id: string; changes: ActionChanges } | { ok: false; error: string };

function dutch(issues: readonly z.core.$ZodIssue[], rootTypeMessage?: string): string {
  return issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return `Alleen status, toelichting en deadline kunnen worden gewijzigd, niet: ${issue.keys.join(', ')}.`;
      }
      if (rootTypeMessage && issue.code === 'invalid_type' && issue.path.length === 0) {
        return rootTypeMessage;
      }
      return issue.message;
    })
    .join(' ');
}

/**
 * Validates what the client sent. Everything arrives from the browser, so nothing is trusted: the
 * ID must be text, the changes an object with only the allowed fields, at least one of them.
 */
export function parseActionUpdate(id: unknown, changes: unknown): ActionUpdateRequest {
  const idResult = actionIdSchema.safeParse(id);
  if (!idResult.success) return { ok: false, error: dutch(idResult.error.issues) };
  const changesResult = actionChangesSchema.safeParse(changes);
  if (!changesResult.success) return { ok: false, error: dutch(changesResult.error.issues, 'De wijzigingen moeten een object zijn met status, toelichting en/of deadline.') };
  const parsed = changesResult.data;
  const clean: ActionChanges = {};
  if (parsed.status !== undefined) clean.status = parsed.status;
  if (parsed.toelichting !== undefined && parsed.note !== undefined) return { ok: false, error: 'Geef de toelichting één keer op (toelichting of note), niet beide.' };
  const note = parsed.toelichting ?? parsed.note;
  if (note !== undefined) clean.toelichting = note;
  if (parsed.deadline !== undefined) clean.deadline = parsed.deadline ?? '';
  if (Object.keys(clean).length === 0) return { ok: false, error: 'Er is niets om te wijzigen: geef een status, toelichting of deadline.' };
  return { ok: true, id: idResult.data.trim(), changes: clean };
}
