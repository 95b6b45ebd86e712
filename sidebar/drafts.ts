import { MAX_NOTE_LENGTH, MAX_OWNER_LENGTH, MAX_TITLE_LENGTH } from '../src/core/actions/limits';
import type { Status } from '../src/core/workbook/contract';
import { Day, formatDay } from '../src/core/values/dates';
import type { ActionChanges, ActionVersion, EditableField, MyAction, NewAction } from '../src/server/api';

/**
 * What the user is typing in the one open form of "Mijn acties", kept apart from the DOM so that a
 * refresh can redraw the list without losing a keystroke, and so the rules are testable without a
 * browser. A save never guesses: an incomplete date is refused, clearing is an explicit choice.
 */

export const INCOMPLETE_DATE = 'Vul een volledige datum in, of kies ‘Deadline wissen’.';
export const INCOMPLETE_DATE_NEW = 'Vul een volledige datum in, of laat het veld helemaal leeg.';

export type FieldName = 'status' | 'deadline' | 'note' | 'title' | 'line' | 'owner';
export type FieldErrors = Partial<Record<FieldName, string>>;

export interface FormMessage {
  kind: 'ok' | 'error' | 'info';
  text: string;
  detail?: string | null;
}

/** A date field as the browser reports it: Chromium gives '' for a partly erased date, with badInput set. */
export interface DateField {
  value: string;
  incomplete: boolean;
}

interface DraftCommon {
  deadline: DateField;
  note: string;
  errors: FieldErrors;
  message: FormMessage | null;
  /** A deadline before the Peildatum waits for "Ja, opslaan". */
  confirmPast: boolean;
  saving: boolean;
}

export interface EditDraft extends DraftCommon {
  kind: 'edit';
  /** The row as the server last gave it: the version the save names. */
  base: MyAction;
  status: string;
  /** Set by "Deadline wissen": the only way to clear a deadline. */
  clearDeadline: boolean;
  /** After a refused save: the fields someone else changed, and who. */
  conflict: { changed: EditableField[]; mine: EditableField[]; by: string; at: string | null } | null;
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
  return { ...next, conflict: { changed, mine: mineChanged, by: current.updatedBy, at: current.updatedAt } };
}

/** A field's value as a person reads it, for the conflict box. */
export function fieldText(field: EditableField, action: Pick<MyAction, 'status' | 'deadline' | 'note'>): string {
  if (field === 'status') return action.status;
  if (field === 'deadline') return action.deadline ? formatDay(action.deadline) : 'geen deadline';
  return action.note || '(leeg)';
}

export const FIELD_LABEL: Record<EditableField, string> = { status: 'Status', deadline: 'Deadline', note: 'Toelichting' };
