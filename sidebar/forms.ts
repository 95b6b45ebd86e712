import type { MyAction } from '../src/server/api';
import { applyPrimaryButton } from './dashboardView';
import { AddDraft, DateField, Draft, editDraft, isDirty, pastDeadline, readDateText, validate } from './drafts';
import { deadlineHint } from './formViews';
import { setHtml } from './html';
import { itemKey, renderMyActions } from './myActions';
import { $, busyRows, failureView, showStatus, state } from './state';

// "Mijn acties": the list and the one open form (edit or add), its fields, checks and errors.

/**
 * Redraws "Mijn acties". Focus goes to the first of `focus` that exists after the redraw; without
 * it, back to the element (same id, same caret) that had it, so typing is never interrupted.
 */
export function renderMine(focus?: string | string[]): void {
  const section = $('my-actions');
  section.hidden = state.mine === null;
  applyPrimaryButton();
  if (!state.mine) return;
  const active = document.activeElement as HTMLElement | null;
  const previous = active && section.contains(active) ? active.id : '';
  const selection = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? [active.selectionStart, active.selectionEnd] : null;
  const body = $('my-actions-body');
  if (!state.mine.ok) {
    setHtml(body, failureView(state.mine.failure, { kind: 'my-actions', label: 'Mijn acties opnieuw laden' }));
  } else {
    const pastDay = state.draft?.confirmPast ? pastDeadline(state.draft, state.mine.value.referenceDate) : null;
    setHtml(body, renderMyActions(state.mine.value, { filter: state.filter, draft: state.draft, busy: busyRows, timeZone: state.timeZone }, pastDay));
  }
  if (focus !== undefined) {
    const target = (Array.isArray(focus) ? focus : [focus]).map((id) => document.getElementById(id)).find((el) => el);
    target?.focus();
    return;
  }
  const again = previous ? document.getElementById(previous) : null;
  if (!again) return;
  again.focus({ preventScroll: true });
  if (selection && (again instanceof HTMLTextAreaElement || (again instanceof HTMLInputElement && again.type === 'text'))) {
    again.setSelectionRange(selection[0], selection[1]);
  }
}

export function replaceAction(action: MyAction): void {
  if (!state.mine?.ok) return;
  const list = state.mine.value.actions;
  const at = list.findIndex((a) => a.id === action.id);
  if (at >= 0) list[at] = action;
  else list.push(action);
}

export function dateField(input: HTMLInputElement): DateField {
  return readDateText(input.value);
}

/** Copies what is in the open form into the draft; keystrokes never wait for a redraw. */
export function readForm(): void {
  const form = state.draft?.kind === 'edit' ? document.getElementById('editor') : document.getElementById('add-form');
  if (!state.draft || !(form instanceof HTMLFormElement)) return;
  const field = <T extends HTMLElement>(name: string) => form.elements.namedItem(name) as T | null;
  const deadline = field<HTMLInputElement>('deadline');
  if (deadline) {
    const next = dateField(deadline);
    if (state.draft.kind === 'edit' && (next.value || next.incomplete)) state.draft.clearDeadline = false;
    state.draft.deadline = next;
  }
  state.draft.note = field<HTMLTextAreaElement>('note')?.value ?? state.draft.note;
  if (state.draft.kind === 'edit') {
    state.draft.status = field<HTMLSelectElement>('status')?.value ?? state.draft.status;
  } else {
    state.draft.title = field<HTMLInputElement>('title')?.value ?? state.draft.title;
    state.draft.owner = field<HTMLInputElement>('owner')?.value ?? state.draft.owner;
    state.draft.line = field<HTMLSelectElement>('line')?.value ?? state.draft.line;
    state.draft.status = (field<HTMLSelectElement>('status')?.value ?? state.draft.status) as AddDraft['status'];
  }
}

/** After typing: the unsaved mark, the counters, and errors that are now fixed. No redraw. */
export function afterTyping(target: HTMLElement): void {
  if (!state.draft) return;
  readForm();
  const prefix = state.draft.kind === 'edit' ? 'edit' : 'add';
  const dirty = isDirty(state.draft);
  const mark = document.getElementById(`${prefix}-unsaved`);
  if (mark) mark.hidden = !dirty;
  const close = document.querySelector<HTMLElement>('.action-form [data-close-form]');
  if (close && state.draft.kind === 'edit') close.textContent = dirty ? 'Annuleren' : 'Sluiten';
  const hint = document.getElementById('edit-deadline-hint');
  if (hint && state.draft.kind === 'edit') hint.textContent = deadlineHint(state.draft);
  const counter = document.getElementById(`${target.id}-count`);
  if (counter && 'value' in target) counter.textContent = `${String((target as HTMLInputElement).value).length} van ${counter.dataset.max} tekens`;
  const stillWrong = validate(state.draft);
  const fixed = Object.keys(state.draft.errors).filter((f) => !(f in stillWrong));
  if (fixed.length) {
    for (const f of fixed) delete state.draft.errors[f as keyof typeof state.draft.errors];
    showFieldErrors(state.draft);
    target.focus();
  }
}

export function openEditor(key: string): void {
  if (!state.mine?.ok) return;
  const action = state.mine.value.actions.find((a) => itemKey(a) === key);
  if (!action) return;
  if (state.draft?.kind === 'edit' && itemKey(state.draft.base) === key) {
    closeForm();
    return;
  }
  if (!mayLeaveForm()) return;
  state.draft = editDraft(action);
  renderMine('edit-status');
}

/** One form at a time: an open form with unsaved changes is not closed behind the user's back. */
export function mayLeaveForm(): boolean {
  if (!state.draft) return true;
  if (state.draft.saving) return false;
  if (!isDirty(state.draft)) return true;
  const what = state.draft.kind === 'edit' ? state.draft.base.id : 'de nieuwe actie';
  state.draft.message = { kind: 'info', text: `Sla eerst je wijzigingen in ${what} op, of kies Annuleren.` };
  renderMine(state.draft.kind === 'edit' ? 'edit-save' : 'add-save');
  return false;
}

export function closeForm(): void {
  if (!state.draft || state.draft.saving) return;
  const back = state.draft.kind === 'edit' ? `open-${itemKey(state.draft.base)}` : 'add-open';
  state.draft = null;
  renderMine(back);
}

const FIELD_IDS: Record<string, string> = {
  'edit:status': 'edit-status', 'edit:deadline': 'edit-deadline', 'edit:note': 'edit-note',
  'add:title': 'add-title-input', 'add:line': 'add-line', 'add:owner': 'add-owner', 'add:deadline': 'add-deadline', 'add:note': 'add-note',
};

/**
 * Shows the draft's field errors in the form as it is, without a redraw: a half-typed date cannot be
 * put back into a date field, so the field the user is looking at must stay the one they typed in.
 * Each error is tied to its field (aria-invalid, aria-describedby), and focus goes to the first.
 */
export function showFieldErrors(d: Draft): void {
  let first: HTMLElement | null = null;
  for (const [key, id] of Object.entries(FIELD_IDS)) {
    const [kind, field] = key.split(':');
    const input = document.getElementById(id);
    if (kind !== d.kind || !input) continue;
    const message = d.errors[field as keyof typeof d.errors];
    const errorId = `${id}-error`;
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== errorId);
    document.getElementById(errorId)?.remove();
    if (message) {
      const after = document.getElementById(`${id}-count`) ?? document.getElementById(`${id}-hint`) ?? (input.parentElement?.classList.contains('date-row') ? input.parentElement : input);
      const p = document.createElement('p');
      p.className = 'field-error';
      p.id = errorId;
      p.textContent = message;
      after.after(p);
      described.push(errorId);
      input.setAttribute('aria-invalid', 'true');
      first ??= input;
    } else {
      input.removeAttribute('aria-invalid');
    }
    if (described.length) input.setAttribute('aria-describedby', described.join(' '));
    else input.removeAttribute('aria-describedby');
  }
  showStatus($(d.kind === 'edit' ? 'edit-message' : 'add-message'), d.message);
  first?.focus();
}

/** The form's fields read and checked: false when they show an error instead. */
export function formIsValid(d: Draft): boolean {
  readForm();
  d.errors = validate(d);
  d.message = null;
  if (!Object.keys(d.errors).length) return true;
  showFieldErrors(d);
  return false;
}

/** A deadline in the past is saved only after the user confirms it; false while that question is open. */
export function pastDeadlineConfirmed(d: Draft, confirmed: boolean, referenceDate: string): boolean {
  if (!confirmed && pastDeadline(d, referenceDate)) {
    d.confirmPast = true;
    renderMine();
    document.querySelector<HTMLElement>('[data-confirm-past]')?.focus();
    return false;
  }
  d.confirmPast = false;
  return true;
}
