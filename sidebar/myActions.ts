import { MAX_NOTE_LENGTH, MAX_OWNER_LENGTH, MAX_TITLE_LENGTH } from '../src/core/actions/limits';
import { STATUSES, TAB } from '../src/core/workbook/contract';
import { Day, addDays, formatDay } from '../src/core/values/dates';
import type { MyAction, MyActions } from '../src/server/api';
import { AddDraft, Draft, EditDraft, FIELD_LABEL, FieldName, FormMessage, fieldText, isDirty } from './drafts';
import { formatDateTime } from './format';
import { SafeHtml, html } from './html';

/** "Mijn acties" as a working list: sorted by deadline, filtered, one form open at a time. */

export type Filter = 'open' | 'overdue' | 'all';
export const FILTERS: { value: Filter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'overdue', label: 'Over deadline' },
  { value: 'all', label: 'Alle' },
];

/** As in the dashboard's signals (core/actionSignals): 30 days ahead counts as due soon. */
export const DUE_SOON_DAYS = 30;

const CLOSED = new Set(['afgerond', 'geschrapt']);
export const isClosed = (a: MyAction) => CLOSED.has(a.status.trim().toLowerCase());

export type Marker = 'overdue' | 'dueSoon' | null;

/** Past deadline or due within 30 days of the Peildatum; a closed action has neither. */
export function markerOf(action: MyAction, referenceDate: Day): Marker {
  if (isClosed(action) || !action.deadline) return null;
  if (action.deadline < referenceDate) return 'overdue';
  return action.deadline <= addDays(referenceDate, DUE_SOON_DAYS) ? 'dueSoon' : null;
}

/** Soonest deadline first; no deadline last; then by ID as people number them. */
export function sortByDeadline(actions: readonly MyAction[]): MyAction[] {
  return [...actions].sort((a, b) => {
    if (a.deadline !== b.deadline) {
      if (a.deadline === null) return 1;
      if (b.deadline === null) return -1;
      return a.deadline < b.deadline ? -1 : 1;
    }
    return a.id.localeCompare(b.id, 'nl', { numeric: true }) || a.row - b.row;
  });
}

export function matchesFilter(action: MyAction, filter: Filter, referenceDate: Day): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return !isClosed(action);
  return markerOf(action, referenceDate) === 'overdue';
}

/** Stable per row, so focus and forms survive a redraw. */
export const itemKey = (a: MyAction) => `r${a.row}`;

export interface ListState {
  filter: Filter;
  draft: Draft | null;
  /** Row keys whose quick status change is under way. */
  busy: ReadonlySet<string>;
  timeZone: string;
}

function messageView(message: FormMessage | null, id: string): SafeHtml {
  if (!message) return html`<p class="form-message" id="${id}" role="status"></p>`;
  if (message.kind === 'error') {
    return html`<div class="form-message" id="${id}" role="alert"><p class="error">${message.text}</p>${message.detail ? html`<p class="error-detail">${message.detail}</p>` : ''}</div>`;
  }
  return html`<p class="form-message ${message.kind === 'ok' ? 'ok' : ''}" id="${id}" role="status">${message.text}</p>`;
}

const MARKER_TEXT: Record<Exclude<Marker, null>, string> = { overdue: 'Over deadline', dueSoon: 'Binnen 30 dagen' };

function errorAttrs(errors: Partial<Record<FieldName, string>>, field: FieldName, id: string, described: string[]): SafeHtml {
  const ids = errors[field] ? [...described, `${id}-error`] : described;
  return html`${ids.length ? html` aria-describedby="${ids.join(' ')}"` : ''}${errors[field] ? html` aria-invalid="true"` : ''}`;
}

function fieldError(errors: Partial<Record<FieldName, string>>, field: FieldName, id: string): SafeHtml | '' {
  return errors[field] ? html`<p class="field-error" id="${id}-error">${errors[field]}</p>` : '';
}

const counterText = (length: number, max: number) => `${length} van ${max} tekens`;

function statusOptions(current: string): SafeHtml {
  const known = (STATUSES as readonly string[]).includes(current);
  // A status typed outside the list stays selected as it is, so saving a note does not change it.
  return html`${known ? '' : html`<option value="${current}" selected>${current} (ongeldig: kies een status)</option>`}${STATUSES.map((s) => html`<option value="${s}"${s === current ? html` selected` : ''}>${s}</option>`)}`;
}

function conflictView(draft: EditDraft, timeZone: string): SafeHtml | '' {
  const c = draft.conflict;
  if (!c) return '';
  const who = [c.by && `door ${c.by}`, c.at && `op ${formatDateTime(c.at, timeZone)}`].filter(Boolean).join(' ');
  return html`<div class="conflict" id="edit-conflict" role="alert">
  <p><strong>Niet opgeslagen:</strong> deze actie is intussen gewijzigd${who ? ` ${who}` : ''}. Je invoer staat nog in het formulier.</p>
  ${c.changed.length
    ? html`<ul>${c.changed.map((f) => html`<li><strong>${FIELD_LABEL[f]}</strong>: in het blad nu “${fieldText(f, draft.base)}”${c.mine.includes(f) ? html`; jouw invoer staat in het formulier` : html`; overgenomen in het formulier`}</li>`)}</ul>`
    : html`<p>De velden hieronder zijn daarbij niet veranderd.</p>`}
  <p>Controleer het formulier en kies opnieuw Opslaan.</p>
</div>`;
}

function confirmPastView(day: Day | null, referenceDate: Day): SafeHtml | '' {
  if (!day) return '';
  return html`<div class="confirm" role="alert" id="confirm-past">
  <p>De deadline ${formatDay(day)} ligt vóór de peildatum ${formatDay(referenceDate)}. Klopt dat?</p>
  <div class="buttons"><button type="button" class="tonal" data-confirm-past>Ja, opslaan</button><button type="button" class="text-button" data-cancel-past>Datum aanpassen</button></div>
</div>`;
}

export function editorView(draft: EditDraft, referenceDate: Day, pastDay: Day | null, timeZone: string): SafeHtml {
  const a = draft.base;
  const e = draft.errors;
  const dirty = isDirty(draft);
  const deadlineHint = draft.clearDeadline
    ? 'Wordt gewist bij opslaan.'
    : `In het blad: ${a.deadline ? formatDay(a.deadline) : 'geen deadline'}.`;
  const meta = [a.owner && `Eigenaar: ${a.owner}`, a.theme && `Thema: ${a.theme}`, a.priority && `Prioriteit: ${a.priority}`].filter(Boolean).join(' · ');
  return html`<form class="action-form" id="editor" data-id="${a.id}" novalidate aria-labelledby="edit-title">
  <div class="form-head"><h3 id="edit-title">${a.id} bewerken</h3><span class="unsaved" id="edit-unsaved"${dirty ? '' : html` hidden`}>Niet opgeslagen</span></div>
  ${meta ? html`<p class="small muted">${meta}</p>` : ''}
  ${conflictView(draft, timeZone)}
  <fieldset class="fields"${draft.saving ? html` disabled` : ''}>
    <legend class="visually-hidden">Gegevens van ${a.id}</legend>
    <label for="edit-status">Status</label>
    <select id="edit-status" name="status"${errorAttrs(e, 'status', 'edit-status', [])}>${statusOptions(draft.status)}</select>
    <label for="edit-deadline">Deadline</label>
    <div class="date-row">
      <input type="date" id="edit-deadline" name="deadline" value="${draft.deadline.incomplete ? '' : draft.deadline.value}"${errorAttrs(e, 'deadline', 'edit-deadline', ['edit-deadline-hint'])}>
      <button type="button" class="text-button" id="edit-clear-deadline" data-clear-deadline${a.deadline === null && !draft.deadline.value ? html` hidden` : ''}>Deadline wissen</button>
    </div>
    <p class="hint" id="edit-deadline-hint">${deadlineHint}</p>
    ${fieldError(e, 'deadline', 'edit-deadline')}
    <label for="edit-note">Toelichting</label>
    <textarea id="edit-note" name="note" rows="3" maxlength="${MAX_NOTE_LENGTH}"${errorAttrs(e, 'note', 'edit-note', ['edit-note-count'])}>${draft.note}</textarea>
    <p class="counter" id="edit-note-count" data-max="${MAX_NOTE_LENGTH}">${counterText(draft.note.length, MAX_NOTE_LENGTH)}</p>
    ${fieldError(e, 'note', 'edit-note')}
  </fieldset>
  ${confirmPastView(pastDay, referenceDate)}
  <div class="buttons">
    <button type="submit" class="filled" id="edit-save" aria-disabled="${String(draft.saving)}" aria-busy="${String(draft.saving)}">${draft.saving ? 'Opslaan…' : 'Opslaan'}</button>
    <button type="button" class="text-button" data-close-form aria-disabled="${String(draft.saving)}">${dirty ? 'Annuleren' : 'Sluiten'}</button>
  </div>
  ${messageView(draft.message, 'edit-message')}
</form>`;
}

export function addFormView(draft: AddDraft, data: MyActions, referenceDate: Day, pastDay: Day | null): SafeHtml {
  const e = draft.errors;
  return html`<form class="action-form" id="add-form" novalidate aria-labelledby="add-title">
  <div class="form-head"><h3 id="add-title">Actie toevoegen</h3><span class="unsaved" id="add-unsaved"${isDirty(draft) ? '' : html` hidden`}>Niet opgeslagen</span></div>
  <p class="small muted">Een lokale actie van ${data.ownMunicipality}. Begrotingspost en bedrag vult de projectleider in.</p>
  <fieldset class="fields"${draft.saving ? html` disabled` : ''}>
    <legend class="visually-hidden">Nieuwe actie van ${data.ownMunicipality}</legend>
    <label for="add-title-input">Actie <span class="required">(verplicht)</span></label>
    <input type="text" id="add-title-input" name="title" maxlength="${MAX_TITLE_LENGTH}" value="${draft.title}" autocomplete="off"${errorAttrs(e, 'title', 'add-title-input', ['add-title-input-count'])}>
    <p class="counter" id="add-title-input-count" data-max="${MAX_TITLE_LENGTH}">${counterText(draft.title.length, MAX_TITLE_LENGTH)}</p>
    ${fieldError(e, 'title', 'add-title-input')}
    <label for="add-line">Actielijn</label>
    <select id="add-line" name="line"${errorAttrs(e, 'line', 'add-line', [])}>${data.actionLines.map((l) => html`<option value="${l.code}"${l.code === draft.line ? html` selected` : ''}>${l.code} ${l.name}</option>`)}</select>
    ${fieldError(e, 'line', 'add-line')}
    <label for="add-owner">Eigenaar</label>
    <input type="text" id="add-owner" name="owner" maxlength="${MAX_OWNER_LENGTH}" value="${draft.owner}" autocomplete="organization"${errorAttrs(e, 'owner', 'add-owner', [])}>
    ${fieldError(e, 'owner', 'add-owner')}
    <label for="add-deadline">Deadline</label>
    <input type="date" id="add-deadline" name="deadline" value="${draft.deadline.incomplete ? '' : draft.deadline.value}"${errorAttrs(e, 'deadline', 'add-deadline', [])}>
    ${fieldError(e, 'deadline', 'add-deadline')}
    <label for="add-status">Status</label>
    <select id="add-status" name="status">${statusOptions(draft.status)}</select>
    <label for="add-note">Toelichting</label>
    <textarea id="add-note" name="note" rows="3" maxlength="${MAX_NOTE_LENGTH}"${errorAttrs(e, 'note', 'add-note', ['add-note-count'])}>${draft.note}</textarea>
    <p class="counter" id="add-note-count" data-max="${MAX_NOTE_LENGTH}">${counterText(draft.note.length, MAX_NOTE_LENGTH)}</p>
    ${fieldError(e, 'note', 'add-note')}
  </fieldset>
  ${confirmPastView(pastDay, referenceDate)}
  <div class="buttons">
    <button type="submit" class="filled" id="add-save" aria-disabled="${String(draft.saving)}" aria-busy="${String(draft.saving)}">${draft.saving ? 'Toevoegen…' : 'Toevoegen'}</button>
    <button type="button" class="text-button" data-close-form aria-disabled="${String(draft.saving)}">Annuleren</button>
  </div>
  ${messageView(draft.message, 'add-message')}
</form>`;
}

function quickStatus(action: MyAction, busy: boolean): SafeHtml {
  return html`<details class="quick" data-quick="${action.id}">
  <summary>Status wijzigen<span class="visually-hidden"> van ${action.id}</span></summary>
  <div class="quick-options" role="group" aria-label="Nieuwe status van ${action.id}">
    ${STATUSES.map((s) => html`<button type="button" class="chip" data-quick-status="${s}" data-id="${action.id}" data-key="${itemKey(action)}"${s === action.status ? html` aria-current="true"` : ''} aria-disabled="${String(busy)}">${s}</button>`)}
  </div>
</details>`;
}

function itemView(action: MyAction, state: ListState, referenceDate: Day, pastDay: Day | null): SafeHtml {
  const key = itemKey(action);
  const marker = markerOf(action, referenceDate);
  const open = state.draft?.kind === 'edit' && state.draft.base.row === action.row;
  const busy = state.busy.has(key);
  const deadline = action.deadline ? formatDay(action.deadline) : 'geen deadline';
  return html`<li class="my-item${open ? ' is-open' : ''}${marker ? ` is-${marker}` : ''}" data-id="${action.id}" data-key="${key}">
  <button type="button" class="item-open" id="open-${key}" data-open="${key}" aria-expanded="${String(open)}"${open ? html` aria-controls="editor"` : ''}><span class="code">${action.id}</span> ${action.title || '(zonder titel)'}</button>
  <p class="item-meta">${marker ? html`<span class="mark mark-${marker}">${MARKER_TEXT[marker]}</span> ` : ''}<span>${deadline}</span> · <span class="item-status">${action.status}</span></p>
  ${open ? '' : html`<div class="item-tools">${quickStatus(action, busy)}<button type="button" class="text-button" data-tab="${TAB.actions}" data-row="${action.row}">Toon in blad<span class="visually-hidden"> (${action.id})</span></button></div>`}
  ${open ? editorView(state.draft as EditDraft, referenceDate, pastDay, state.timeZone) : ''}
</li>`;
}

/** The whole section body; `pastDay` is the deadline waiting for confirmation, if any. */
export function renderMyActions(data: MyActions, state: ListState, pastDay: Day | null = null): SafeHtml {
  const where = data.municipalities.join(', ') || 'je gemeente';
  const ref = data.referenceDate;
  const sorted = sortByDeadline(data.actions);
  const counts = Object.fromEntries(FILTERS.map((f) => [f.value, sorted.filter((a) => matchesFilter(a, f.value, ref)).length])) as Record<Filter, number>;
  // The action being edited stays in view whatever the filter, so saving "Afgerond" does not hide the form.
  const openRow = state.draft?.kind === 'edit' ? state.draft.base.row : -1;
  const shown = sorted.filter((a) => a.row === openRow || matchesFilter(a, state.filter, ref));
  const adding = state.draft?.kind === 'add' ? state.draft : null;

  const list = data.actions.length === 0
    ? html`<p class="empty">Er staan nog geen acties op naam van ${where}.${data.ownMunicipality ? ' Voeg er een toe met ‘Actie toevoegen’.' : ''}</p>`
    : shown.length === 0
      ? html`<p class="empty">${state.filter === 'overdue' ? 'Geen acties over hun deadline.' : 'Geen open acties.'} Kies ‘Alle’ om alle ${data.actions.length} acties te zien.</p>`
      : html`<ul class="my-list" aria-label="Acties van ${where}, op deadline">${shown.map((a) => itemView(a, state, ref, openRow === a.row ? pastDay : null))}</ul>`;

  return html`${data.actions.length
    ? html`<fieldset class="filter"><legend>Toon</legend>${FILTERS.map((f) => html`<label><input type="radio" name="filter" id="filter-${f.value}" value="${f.value}"${f.value === state.filter ? html` checked` : ''}>${f.label} (${counts[f.value]})</label>`)}</fieldset>`
    : ''}
<p class="small muted" id="my-actions-count">${data.actions.length === 1 ? '1 actie' : `${data.actions.length} acties`} van ${where}, gesorteerd op deadline (peildatum ${formatDay(ref)}).</p>
${list}
${data.ownMunicipality
    ? adding
      ? addFormView(adding, data, ref, pastDay)
      : html`<button type="button" class="tonal" id="add-open" data-add-open>Actie toevoegen</button>`
    : ''}`;
}
