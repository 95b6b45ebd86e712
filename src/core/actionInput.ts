// Namespace import: `import { z }` would pull all of zod into Code.js.
import * as z from 'zod/mini';
import { MAX_NOTE_LENGTH, MAX_OWNER_LENGTH, MAX_TITLE_LENGTH } from './actionLimits';
import { STATUSES, Status } from './contract';
import { isIsoDay } from './actionUpdate';
import { Day } from './dates';

/**
 * What an official fills in to add a local action of their own municipality. `Gemeente` is not
 * asked: the server sets it. Amounts (`Begrotingspost`, `Geraamd`) are the project leader's.
 */
export interface NewActionInput {
  actie: string;
  actielijn: string;
  eigenaar?: string;
  deadline?: Day | null;
  toelichting?: string;
  status?: Status;
}

const text = (what: string, max: number) =>
  z.string({ error: `${what} moet tekst zijn.` }).check(z.maxLength(max, `${what} is te lang (hoogstens ${max} tekens).`));

const newActionSchema = z.strictObject(
  {
    actie: text('Actie', MAX_TITLE_LENGTH).check(z.refine((t) => t.trim() !== '', 'Vul de actie in.')),
    actielijn: text('Actielijn', 50).check(z.refine((t) => t.trim() !== '', 'Kies een actielijn.')),
    eigenaar: z.optional(text('Eigenaar', MAX_OWNER_LENGTH)),
    deadline: z.optional(z.nullable(z.string({ error: 'Deadline moet een datum zijn (jjjj-mm-dd) of leeg.' }).check(
      z.refine((t) => t === '' || isIsoDay(t), 'Deadline is geen geldige datum (jjjj-mm-dd), of die dag bestaat niet.'),
    ))),
    toelichting: z.optional(text('Toelichting', MAX_NOTE_LENGTH)),
    status: z.optional(z.enum(STATUSES, { error: `Onbekende status; kies uit: ${STATUSES.join(', ')}.` })),
  },
  { error: 'Een nieuwe actie moet een object zijn met actie, actielijn en eventueel eigenaar, deadline, toelichting en status.' },
);

export type NewActionRequest = { ok: true; action: Required<Omit<NewActionInput, 'deadline'>> & { deadline: Day | null } } | { ok: false; error: string };

/** Validates what the browser sent; trims text, fills defaults (no deadline, `Niet gestart`). */
export function parseNewAction(input: unknown): NewActionRequest {
  const result = newActionSchema.safeParse(input);
  if (!result.success) {
    const messages = result.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `Bij een nieuwe actie vul je alleen actie, actielijn, eigenaar, deadline, toelichting en status in, niet: ${issue.keys.join(', ')}.`
        : issue.message,
    );
    return { ok: false, error: [...new Set(messages)].join(' ') };
  }
  const d = result.data;
  return {
    ok: true,
    action: {
      actie: d.actie.trim(),
      actielijn: d.actielijn.trim(),
      eigenaar: (d.eigenaar ?? '').trim(),
      deadline: d.deadline ? d.deadline : null,
      toelichting: (d.toelichting ?? '').trim(),
      status: d.status ?? 'Niet gestart',
    },
  };
}
