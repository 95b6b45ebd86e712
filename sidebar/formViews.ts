import { MAX_NOTE_LENGTH, MAX_OWNER_LENGTH, MAX_TITLE_LENGTH } from '../src/core/actions/limits';
import { STATUSES } from '../src/core/workbook/contract';
import { Day, formatDay } from '../src/core/values/dates';
import type { EditableField, MyActions } from '../src/server/api';
import { AddDraft, EditDraft, FIELD_LABEL, FieldName, FormMessage, changesOf, dateText, fieldText, isDirty } from './drafts';
import { formatDateTime } from './format';
import { SafeHtml, html } from './html';

// The one open form of "Mijn acties": editing an action, or adding one; and the conflict box.

function messageView(message: FormMessage | null, id: string): SafeHtml {
  if (!message) return html`<p class="form-message" id="${id}" role="status"></p>`;
  if (message.kind === 'error') {
    return html`<div class="form-message" id="${id}" role="alert"><p class="error">${message.text}</p>${message.detail ? html`<p class="error-detail">${message.detail}</p>` : ''}</div>`;
  }
  return html`<p class="form-message ${message.kind === 'ok' ? 'ok' : ''}" id="${id}" role="status" tabindex="-1">${message.text}${message.undo ? html` <button type="button" class="text-button" data-undo>Ongedaan maken</button>` : ''}</p>`;
}

function errorAttrs(errors: Partial<Record<FieldName, string>>, field: FieldName, id: string, described: string[]): SafeHtml {
  const ids = errors[field] ? [...described, `${id}-error`] : described;
  return html`${ids.length ? html` aria-describedby="${ids.join(' ')}"` : ''}${errors[field] ? html` aria-invalid="true"` : ''}`;
}

function fieldError(errors: Partial<Record<FieldName, string>>, field: FieldName, id: string): SafeHtml | '' {
  return errors[field] ? html`<p class="field-error" id="${id}-error">${errors[field]}</p>` : '';
}

const counterText = (length: number, max: number) => `${length} van ${max} tekens`;

/** Toelichting with its counter, the same in both forms; `prefix` keeps the ids apart. */
function noteField(prefix: 'edit' | 'add', note: string, e: Partial<Record<FieldName, string>>): SafeHtml {
  const id = `${prefix}-note`;
  return html`<label for="${id}">Toelichting <span class="required">(Enter slaat op, Shift+Enter: nieuwe regel)</span></label>
    <textarea id="${id}" name="note" rows="3" maxlength="${MAX_NOTE_LENGTH}"${errorAttrs(e, 'note', id, [`${id}-count`])}>${note}</textarea>
    <p class="counter" id="${id}-count" data-max="${MAX_NOTE_LENGTH}">${counterText(note.length, MAX_NOTE_LENGTH)}</p>
    ${fieldError(e, 'note', id)}`;
}

function statusOptions(current: string): SafeHtml {
  const known = (STATUSES as readonly string[]).includes(current);
  // A status typed outside the list stays selected as it is, so saving a note does not change it.
  return html`${known ? '' : html`<option value="${current}" selected>${current} (ongeldig: kies een status)</option>`}${STATUSES.map((s) => html`<option value="${s}"${s === current ? html` selected` : ''}>${s}</option>`)}`;
}

const CHOICES: Record<EditableField, [string, string]> = {
  note: ['Tekst uit het blad houden', 'Mijn tekst gebruiken'],
  status: ['Status uit het blad houden', 'Mijn status gebruiken'],
  deadline: ['Deadline uit het blad houden', 'Mijn deadline gebruiken'],
};

function conflictChoices(field: EditableField): SafeHtml {
  const [sheet, mine] = CHOICES[field];
  return html`<div class="buttons conflict-choices" role="group" aria-label="Kies wat blijft">
  <button type="button" class="tonal" data-conflict-choice="sheet" data-field="${field}">${sheet}</button>
  <button type="button" class="tonal" data-conflict-choice="mine" data-field="${field}">${mine}</button>
  ${field === 'note' ? html`<button type="button" class="tonal" data-conflict-choice="merge" data-field="${field}">Beide samenvoegen</button>` : ''}
</div>`;
}

function conflictView(draft: EditDraft, timeZone: string): SafeHtml | '' {
  const c = draft.conflict;
  if (!c) return '';
  const who = [c.by && `door ${c.by}`, c.at && `op ${formatDateTime(c.at, timeZone)}`].filter(Boolean).join(' ');
  const line = (f: EditableField) => {
    const sheet = html`<strong>${FIELD_LABEL[f]}</strong>: in het blad nu “${fieldText(f, draft.base)}”`;
    if (!c.mine.includes(f)) return html`<li>${sheet}; overgenomen in het formulier</li>`;
    if (!c.pending.includes(f)) return html`<li>${sheet}; je keuze staat in het formulier</li>`;
    return html`<li>${sheet}; jouw invoer staat in het formulier${conflictChoices(f)}</li>`;
  };
  return html`<div class="conflict" id="edit-conflict" role="alert" tabindex="-1">
  <p><strong>Niet opgeslagen:</strong> deze actie is intussen gewijzigd${who ? ` ${who}` : ''}. Je invoer staat nog in het formulier.</p>
  ${c.changed.length ? html`<ul>${c.changed.map(line)}</ul>` : html`<p>De velden hieronder zijn daarbij niet veranderd.</p>`}
  <p>${c.pending.length ? 'Kies wat blijft; tot dan wordt niets opgeslagen.' : 'Controleer het formulier en kies opnieuw Opslaan.'}</p>
</div>`;
}

/** Under the deadline: what the sheet has, and once the user typed another date, old and new. */
export function deadlineHint(draft: EditDraft): string {
  const old = draft.base.deadline ? formatDay(draft.base.deadline) : 'geen deadline';
  if (draft.clearDeadline) return 'Wordt gewist bij opslaan.';
  const next = changesOf(draft).deadline;
  if (next) return `${old} wordt ${formatDay(next)}.`;
  return `In het blad: ${old}.`;
}

function confirmDiscardView(draft: AddDraft | EditDraft): SafeHtml | '' {
  if (!draft.confirmDiscard) return '';
  return html`<div class="confirm" role="alert" id="confirm-discard">
  <p>Je wijzigingen zijn nog niet opgeslagen. Wil je ze weggooien?</p>
  <div class="buttons"><button type="button" class="tonal" id="keep-editing" data-keep-editing>Verder bewerken</button><button type="button" class="text-button" data-discard>Weggooien</button></div>
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
      <input type="text" id="edit-deadline" name="deadline" autocomplete="off" placeholder="dd-mm-jjjj" size="10" value="${dateText(draft.deadline)}"${errorAttrs(e, 'deadline', 'edit-deadline', ['edit-deadline-hint'])}>
      <button type="button" class="text-button" id="edit-clear-deadline" data-clear-deadline${a.deadline === null && !draft.deadline.value ? html` hidden` : ''}>Deadline wissen</button>
    </div>
    <p class="hint" id="edit-deadline-hint">${deadlineHint(draft)}</p>
    ${fieldError(e, 'deadline', 'edit-deadline')}
    ${noteField('edit', draft.note, e)}
  </fieldset>
  ${confirmPastView(pastDay, referenceDate)}${confirmDiscardView(draft)}
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
    <input type="text" id="add-deadline" name="deadline" autocomplete="off" placeholder="dd-mm-jjjj" size="10" value="${dateText(draft.deadline)}"${errorAttrs(e, 'deadline', 'add-deadline', ['add-deadline-hint'])}>
    <p class="hint" id="add-deadline-hint">dd-mm-jjjj, of leeg voor geen deadline.</p>
    ${fieldError(e, 'deadline', 'add-deadline')}
    <label for="add-status">Status</label>
    <select id="add-status" name="status">${statusOptions(draft.status)}</select>
    ${noteField('add', draft.note, e)}
  </fieldset>
  ${confirmPastView(pastDay, referenceDate)}${confirmDiscardView(draft)}
  <div class="buttons">
    <button type="submit" class="filled" id="add-save" aria-disabled="${String(draft.saving)}" aria-busy="${String(draft.saving)}">${draft.saving ? 'Toevoegen…' : 'Toevoegen'}</button>
    <button type="button" class="text-button" data-close-form aria-disabled="${String(draft.saving)}">Annuleren</button>
  </div>
  ${messageView(draft.message, 'add-message')}
</form>`;
}

