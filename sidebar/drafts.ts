import { MAX_NOTE_LENGTH, MAX_OWNER_LENGTH, MAX_TITLE_LENGTH } from '../src/core/actions/limits';
import type { Status } from '../src/core/workbook/contract';
import { Day, formatDay, parseDay } from '../src/core/values/dates';
import type { ActionChanges, ActionVersion, EditableField, MyAction, NewAction } from '../src/server/api';

/**
 * What the user is typing in the one open form of "Mijn acties", kept apart from the DOM so that a
 * refresh can redraw the list without losing a keystroke, and so the rules are testable without a
 * browser. A save never guesses: an incomplete date is refused, clearing is an explicit choice.
 */

export const INCOMPLETE_DATE = 'Vul een volledige, bestaande datum in (dd-mm-jjjj), of kies ‘Deadline wissen’.';
export const INCOMPLETE_DATE_NEW = 'Vul een volledige, bestaande datum in (dd-mm-jjjj), of laat het veld leeg.';

export type FieldName = 'status' | 'deadline' | 'note' | 'title' | 'line' | 'owner';
export type FieldErrors = Partial<Record<FieldName, string>>;

export interface FormMessage {
  kind: 'ok' | 'error' | 'info';
  text: string;
  detail?: string | null;
  /** Offers "Ongedaan maken" next to the message (sidebar/undo.ts). */
  undo?: boolean;
}

/**
 * A date field as the user typed it. It is a text field read by our own parser: a browser's date
 * field completes a half-typed date when it loses focus (`150` became 01-12-2025), so what the
 * browser reports can never be trusted to be what the user meant.
 */
export interface DateField {
  /** The day typed, or '' when the field is empty or cannot be read. */
  value: string;
  /** Something is typed that is not a complete, existing date. */
  incomplete: boolean;
  /** The text as typed; absent: the day written as dd-mm-jjjj. */
  text?: string;
}

/** Reads a typed date: dd-mm-jjjj (also with / or .) or jjjj-mm-dd, and only a day that exists. */
export function readDateText(text: string): DateField {
  const read = parseDay(text, 'UTC');
  if (read.kind === 'blank') return { value: '', incomplete: false, text };
  if (read.kind === 'ok') return { value: read.day, incomplete: false, text };
  return { value: '', incomplete: true, text };
}

export const dateText = (field: DateField): string => field.text ?? (field.value ? formatDay(field.value) : '');

interface DraftCommon {
  deadline: DateField;
  note: string;
  errors: FieldErrors;
  message: FormMessage | null;
  /** A deadline before the Peildatum waits for "Ja, opslaan". */
  confirmPast: boolean;
  /** Escape on a form with changes: the question whether to throw them away is open. */
  confirmDiscard?: boolean;
  saving: boolean;
}

export interface EditDraft extends DraftCommon {
  kind: 'edit';
  /** The row as the server last gave it: the version the save names. */
  base: MyAction;
  status: string;
  /** Set by "Deadline wissen": the only way to clear a deadline. */
  clearDeadline: boolean;
  /**
   * After a refused save: the fields someone else changed, and who. `pending`: the fields both
   * changed; nothing is saved until the user has chosen for each (sheet, mine or both).
   */
  conflict: { changed: EditableField[]; mine: EditableField[]; pending: EditableField[]; by: string; at: string | null } | null;
}

export interface AddDraft extends DraftCommon {
  kind: 'add';
  title: string;
  line: string;
  owner: string;
  status: Status;
}

export type Draft = EditDraft | AddDraft;

export function editDraft(action: MyAction): EditDraft {
  return {
    kind: 'edit',
    base: action,
    status: action.status,
    deadline: { value: action.deadline ?? '', incomplete: false },
    clearDeadline: false,
    note: action.note,
    errors: {},
    message: null,
    confirmPast: false,
    saving: false,
    conflict: null,
  };
}

export function addDraft(firstLine: string): AddDraft {
  return { kind: 'add', title: '', line: firstLine, owner: '', status: 'Niet gestart', deadline: { value: '', incomplete: false }, note: '', errors: {}, message: null, confirmPast: false, saving: false };
}

export function versionOf(action: MyAction): ActionVersion {
  return { updatedAt: action.updatedAt, status: action.status, deadline: action.deadline, note: action.note };
}

/** The deadline the form means, or 'incomplete' when it cannot be read as one. */
export function intendedDeadline(draft: EditDraft): Day | null | 'incomplete' {
  if (draft.deadline.incomplete) return 'incomplete';
  if (draft.clearDeadline) return null;
  if (draft.deadline.value) return draft.deadline.value;
  // An emptied field is not a decision to clear: that is what "Deadline wissen" is for.
  return draft.base.deadline === null ? null : 'incomplete';
}

/** Only what differs from the version the form started from. */
export function changesOf(draft: EditDraft): ActionChanges {
  const changes: ActionChanges = {};
  if (draft.status !== draft.base.status) changes.status = draft.status as Status;
  const deadline = intendedDeadline(draft);
  if (deadline !== 'incomplete' && deadline !== draft.base.deadline) changes.deadline = deadline;
  if (draft.note !== draft.base.note) changes.note = draft.note;
  return changes;
}

export function isDirty(draft: Draft): boolean {
  if (draft.kind === 'add') {
    return !!(draft.title.trim() || draft.owner.trim() || draft.note.trim() || draft.deadline.value || draft.deadline.incomplete || draft.status !== 'Niet gestart');
  }
  return intendedDeadline(draft) === 'incomplete' || Object.keys(changesOf(draft)).length > 0;
}

function lengthError(label: string, text: string, max: number): string | undefined {
  return text.length > max ? `${label} is te lang: ${text.length} tekens, hoogstens ${max}.` : undefined;
}

/** Errors per field, in Dutch, before anything is sent. */
export function validate(draft: Draft): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: FieldName, message: string | undefined) => {
    if (message) errors[field] = message;
  };
  if (draft.kind === 'edit') {
    if (intendedDeadline(draft) === 'incomplete') errors.deadline = INCOMPLETE_DATE;
  } else {
    if (draft.deadline.incomplete) errors.deadline = INCOMPLETE_DATE_NEW;
    set('title', draft.title.trim() ? lengthError('De actie', draft.title, MAX_TITLE_LENGTH) : 'Vul de actie in.');
    if (!draft.line) errors.line = 'Kies een actielijn.';
    set('owner', lengthError('Eigenaar', draft.owner, MAX_OWNER_LENGTH));
  }
  set('note', lengthError('De toelichting', draft.note, MAX_NOTE_LENGTH));
  return errors;
}

/** The new deadline when it lies before the Peildatum (so the user is asked first), else null. */
export function pastDeadline(draft: Draft, referenceDate: Day): Day | null {
  const deadline = draft.kind === 'edit' ? changesOf(draft).deadline : draft.deadline.value || null;
  return deadline && deadline < referenceDate ? deadline : null;
}

export function newActionInput(draft: AddDraft): NewAction {
  const input: NewAction = { actie: draft.title.trim(), actielijn: draft.line, status: draft.status };
  if (draft.owner.trim()) input.eigenaar = draft.owner.trim();
  if (draft.deadline.value) input.deadline = draft.deadline.value;
  if (draft.note.trim()) input.toelichting = draft.note.trim();
  return input;
}

/**
 * After a refused save: the form now starts from the row as it is. What the user changed stays as
 * they typed it; a field only someone else changed takes the new value, so the next save does not
 * send an old one back.
 */
export function rebaseOnConflict(draft: EditDraft, current: MyAction, changed: EditableField[]): EditDraft {
  const mine = changesOf(draft);
  const keepDeadline = 'deadline' in mine || draft.clearDeadline || draft.deadline.incomplete;
  const next: EditDraft = {
    ...draft,
    base: current,
    status: 'status' in mine ? draft.status : current.status,
    deadline: keepDeadline ? draft.deadline : { value: current.deadline ?? '', incomplete: false },
    clearDeadline: keepDeadline && draft.clearDeadline,
    note: 'note' in mine ? draft.note : current.note,
    confirmPast: false,
    saving: false,
    message: null,
  };
  const mineChanged = changed.filter((f) => (f === 'status' ? 'status' in mine : f === 'deadline' ? keepDeadline : 'note' in mine));
  return { ...next, conflict: { changed, mine: mineChanged, pending: mineChanged, by: current.updatedBy, at: current.updatedAt } };
}

export type ConflictChoice = 'sheet' | 'mine' | 'merge';

/**
 * The user's choice for a field both changed: the sheet's value back into the form, theirs kept, or
 * (for the Toelichting) both texts, the sheet's first. Only a choice clears the field from `pending`.
 */
export function chooseInConflict(draft: EditDraft, field: EditableField, choice: ConflictChoice): EditDraft {
  if (!draft.conflict?.pending.includes(field)) return draft;
  const next: EditDraft = { ...draft, conflict: { ...draft.conflict, pending: draft.conflict.pending.filter((f) => f !== field) }, message: null };
  const base = draft.base;
  if (choice === 'sheet') {
    if (field === 'status') next.status = base.status;
    else if (field === 'deadline') {
      next.deadline = { value: base.deadline ?? '', incomplete: false };
      next.clearDeadline = false;
    } else next.note = base.note;
  } else if (choice === 'merge' && field === 'note') {
    next.note = [base.note.trim(), draft.note.trim()].filter(Boolean).join('\n');
  }
  return next;
}

export const CONFLICT_PENDING = (fields: EditableField[]) =>
  `Kies eerst wat er met ${fields.map((f) => FIELD_LABEL[f]).join(' en ')} gebeurt: de tekst uit het blad houden, je eigen tekst gebruiken of beide samenvoegen. Tot dan wordt niets opgeslagen.`;

/** A field's value as a person reads it, for the conflict box. */
export function fieldText(field: EditableField, action: Pick<MyAction, 'status' | 'deadline' | 'note'>): string {
  if (field === 'status') return action.status;
  if (field === 'deadline') return action.deadline ? formatDay(action.deadline) : 'geen deadline';
  return action.note || '(leeg)';
}

export const FIELD_LABEL: Record<EditableField, string> = { status: 'Status', deadline: 'Deadline', note: 'Toelichting' };
