// Namespace import: `import { z }` would pull all of zod into Code.js.
import * as z from 'zod/mini';
import { STATUSES, Status } from '../workbook/contract';
import { Day, isValidDay } from '../values/dates';
import { MAX_NOTE_LENGTH, MAX_OWNER_LENGTH, MAX_TITLE_LENGTH } from './limits';

/**
 * What an official may give for a new action ("Actie toevoegen"). Deliberately no `Begrotingspost`,
 * `Geraamd` or `Prioriteit`: money and priorities are the project leader's, who fills them in later.
 * `gemeente` only chooses among the caller's own municipalities (an editor of two); the server decides.
 */
export interface NewAction {
  actie: string;
  actielijn: string;
  eigenaar?: string;
  thema?: string;
  /** ISO day; '' or absent: no deadline. */
  deadline?: Day | '';
  status?: Status;
  toelichting?: string;
  gemeente?: string;
}

const ALLOWED = ['actie', 'actielijn', 'eigenaar', 'thema', 'deadline', 'status', 'toelichting', 'gemeente'];
const MAX_TEXT = 300;

const text = (label: string, max: number) =>
  z.string({ error: `${label} moet tekst zijn.` }).check(z.maxLength(max, `${label} is te lang (hoogstens ${max} tekens).`));

const required = (label: string, max = MAX_TEXT) => text(label, max).check(z.refine((t) => t.trim() !== '', `${label} ontbreekt.`));

function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!m && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export const newActionSchema = z.strictObject(
  {
    actie: required('Actie', MAX_TITLE_LENGTH),
    actielijn: required('Actielijn'),
    eigenaar: z.optional(text('Eigenaar', MAX_OWNER_LENGTH)),
    thema: z.optional(text('Thema', MAX_TEXT)),
    deadline: z.optional(
      z.nullable(z.string({ error: 'Deadline moet een datum zijn (jjjj-mm-dd) of leeg.' }).check(z.refine((t) => t === '' || isIsoDay(t), 'Deadline is geen geldige datum (jjjj-mm-dd), of die dag bestaat niet.'))),
    ),
    status: z.optional(z.enum(STATUSES, { error: `Onbekende status; kies uit: ${STATUSES.join(', ')}.` })),
    toelichting: z.optional(text('Toelichting', MAX_NOTE_LENGTH)),
    gemeente: z.optional(text('Gemeente', MAX_TEXT)),
  },
  { error: 'Een nieuwe actie moet een object zijn met ten minste actie en actielijn.' },
);

export type NewActionRequest = { ok: true; action: NewAction } | { ok: false; error: string };

/** Validates what the browser sent for a new action; every problem in one Dutch sentence each. */
export function parseNewAction(input: unknown): NewActionRequest {
  const result = newActionSchema.safeParse(input);
  if (!result.success) {
    const messages = result.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') return `Een nieuwe actie kan alleen ${ALLOWED.join(', ')} hebben, niet: ${issue.keys.join(', ')}. Begrotingspost, Geraamd en Prioriteit vult de projectleider in.`;
      if (issue.code === 'invalid_type' && issue.path.length === 0) return 'Een nieuwe actie moet een object zijn met ten minste actie en actielijn.';
      if (issue.code === 'invalid_type' && issue.input === undefined) return `${String(issue.path[0]).replace(/^./, (c) => c.toUpperCase())} ontbreekt.`;
      return issue.message;
    });
    return { ok: false, error: [...new Set(messages)].join(' ') };
  }
  const d = result.data;
  const action: NewAction = { actie: d.actie.trim(), actielijn: d.actielijn.trim() };
  if (d.eigenaar?.trim()) action.eigenaar = d.eigenaar.trim();
  if (d.thema?.trim()) action.thema = d.thema.trim();
  if (d.deadline) action.deadline = d.deadline;
  if (d.status) action.status = d.status;
  if (d.toelichting?.trim()) action.toelichting = d.toelichting;
  if (d.gemeente?.trim()) action.gemeente = d.gemeente.trim();
  return { ok: true, action };
}
