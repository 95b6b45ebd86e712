import { Filter } from './myActions';
import type { EditableField } from '../src/server/api';
import { ConflictChoice, addDraft, chooseInConflict, isDirty } from './drafts';
import { afterTyping, closeForm, mayLeaveForm, openEditor, readForm, renderMine } from './forms';
import { loadSidebar, makeAgenda, quickStatus, refresh, retry, runCheck, saveAdd, saveEdit, selectRow } from './serverCalls';
import { state } from './state';
import { undo } from './undo';

/**
 * The sidebar: one call on opening (getSidebar), then the user's own actions. Its state is in
 * state.ts, drawn by the render modules (dashboardView.ts, forms.ts); what waits on the server is in
 * serverCalls.ts. This file wires the page's events to them.
 */

document.addEventListener('click', (event) => {
  const target = (event.target as Element).closest<HTMLElement>('button, a');
  if (!target) return;
  const d = target.dataset;
  if (target.classList.contains('skip-link')) {
    // <base target="_top"> would send an in-page link to the host page: move focus ourselves.
    event.preventDefault();
    document.getElementById((target.getAttribute('href') ?? '').slice(1))?.focus();
    return;
  }
  if (target.getAttribute('aria-disabled') === 'true' && target.id !== 'refresh') return;
  if (target.id === 'refresh') void refresh(target as HTMLButtonElement);
  else if (d.retry) void retry(d.retry, target as HTMLButtonElement);
  else if (target.id === 'run-check') void runCheck(target as HTMLButtonElement);
  else if (target.id === 'make-agenda') void makeAgenda(target as HTMLButtonElement);
  else if (d.jump) jumpTo(d.jump);
  else if ('undo' in d) void undo();
  else if (d.open) openEditor(d.open);
  else if ('closeForm' in d) closeForm();
  else if ('addOpen' in d) {
    if (!mayLeaveForm() || !state.mine?.ok) return;
    state.draft = addDraft(state.mine.value.actionLines[0]?.code ?? '');
    renderMine('add-title-input');
  } else if ('clearDeadline' in d && state.draft?.kind === 'edit') {
    readForm();
    state.draft.clearDeadline = true;
    state.draft.deadline = { value: '', incomplete: false };
    delete state.draft.errors.deadline;
    renderMine('edit-clear-deadline');
  } else if ('confirmPast' in d && state.draft) {
    void (state.draft.kind === 'edit' ? saveEdit(true) : saveAdd(true));
  } else if ('cancelPast' in d && state.draft) {
    state.draft.confirmPast = false;
    renderMine(state.draft.kind === 'edit' ? 'edit-deadline' : 'add-deadline');
  } else if (d.conflictChoice && d.field && state.draft?.kind === 'edit') {
    readForm();
    const choice = d.conflictChoice as ConflictChoice;
    state.draft = chooseInConflict(state.draft, d.field as EditableField, choice);
    // "Mijn tekst gebruiken" is the decision to write: it saves; the other choices show the result first.
    if (choice === 'mine' && !state.draft.conflict?.pending.length) void saveEdit(false);
    else renderMine(choice === 'sheet' ? 'edit-save' : `edit-${d.field}`);
  } else if ('keepEditing' in d && state.draft) {
    state.draft.confirmDiscard = false;
    renderMine(state.draft.kind === 'edit' ? 'edit-status' : 'add-title-input');
  } else if ('discard' in d) closeForm();
  else if (d.quickStatus) void quickStatus(target);
  else if (d.tab && d.row) void selectRow(target);
});

/** A tile leads to its details: the heading there takes focus and comes into view. */
function jumpTo(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

document.addEventListener('submit', (event) => {
  const form = event.target as HTMLFormElement;
  event.preventDefault();
  if (form.id === 'editor') void saveEdit(false);
  else if (form.id === 'add-form') void saveAdd(false);
});

/**
 * In a form: Escape closes it (asking first when something changed; focus goes back to what opened
 * it), Enter saves from any field. In the Toelichting Shift+Enter starts a new line.
 */
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  const form = target.closest?.('form.action-form') as HTMLFormElement | null;
  if (!form || !state.draft || event.isComposing) return;
  if (event.key === 'Escape') {
    event.preventDefault();
    readForm();
    if (state.draft.confirmDiscard) {
      state.draft.confirmDiscard = false;
      renderMine(state.draft.kind === 'edit' ? 'edit-status' : 'add-title-input');
    } else if (isDirty(state.draft)) {
      state.draft.confirmDiscard = true;
      renderMine('keep-editing');
    } else closeForm();
  } else if (event.key === 'Enter' && !event.shiftKey && (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) {
    event.preventDefault();
    form.requestSubmit();
  }
});

document.addEventListener('input', (event) => {
  const target = event.target as HTMLElement;
  if (target.closest('.action-form')) afterTyping(target);
});

document.addEventListener('change', (event) => {
  const target = event.target as HTMLInputElement;
  if (target.name === 'filter' && target.type === 'radio') {
    state.filter = target.value as Filter;
    renderMine();
  } else if (target.closest('.action-form')) afterTyping(target);
});

window.addEventListener('beforeunload', (event) => {
  if (state.draft && isDirty(state.draft)) {
    // Closing the sidebar would lose what was typed: the browser asks first.
    event.preventDefault();
    event.returnValue = '';
  }
});

void loadSidebar();
