import { STATUSES } from '../src/core/contract';
import { formatDay } from '../src/core/dates';
import type { ActionChanges, MyAction, MyActions } from '../src/server/api';
import { SafeHtml, html } from './html';

function actionForm(action: MyAction, index: number): SafeHtml {
  const id = `act-${index}`;
  // A status typed outside the list stays selected as it is, so saving a note does not change it.
  const known = (STATUSES as readonly string[]).includes(action.status);
  const meta = [action.owner && `Eigenaar: ${action.owner}`, action.theme && `Thema: ${action.theme}`, action.priority && `Prioriteit: ${action.priority}`].filter(Boolean).join(' · ');
  return html`<form class="action-form" data-index="${index}" data-id="${action.id}" novalidate>
  <fieldset>
    <legend><span class="code">${action.id}</span> ${action.title}</legend>
    ${meta ? html`<p class="muted small">${meta}</p>` : ''}
    <label for="${id}-status">Status</label>
    <select id="${id}-status" name="status">${known ? '' : html`<option value="${action.status}" selected>${action.status} (ongeldig: kies een status)</option>`}${STATUSES.map((s) => html`<option value="${s}"${s === action.status ? html` selected` : ''}>${s}</option>`)}</select>
    <label for="${id}-deadline">Deadline</label>
    <input type="date" id="${id}-deadline" name="deadline" value="${action.deadline ?? ''}" aria-describedby="${id}-deadline-hint">
    <p class="hint" id="${id}-deadline-hint">Nu: ${action.deadline ? formatDay(action.deadline) : 'geen deadline'}</p>
    <label for="${id}-note">Toelichting</label>
    <textarea id="${id}-note" name="note" rows="3">${action.note}</textarea>
    <button type="submit" class="primary">Opslaan</button>
    <p class="form-message" id="${id}-message" role="status" aria-live="polite">${action.updatedOn ? `Laatst bijgewerkt ${formatDay(action.updatedOn)}${action.updatedBy ? ` door ${action.updatedBy}` : ''}` : ''}</p>
  </fieldset>
</form>`;
}

export function renderMyActions(data: MyActions): SafeHtml {
  const where = data.municipalities.join(', ');
  if (data.actions.length === 0) return html`<p>Er staan geen acties op naam van ${where || 'uw gemeente'}.</p>`;
  return html`<p class="muted">${data.actions.length === 1 ? '1 actie' : `${data.actions.length} acties`} van ${where}.</p>
${data.actions.map(actionForm)}`;
}

/** Reads the form as typed and returns only what differs from what the server last gave. */
export function formChanges(form: HTMLFormElement, known: MyAction): ActionChanges {
  const get = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
  const changes: ActionChanges = {};
  const status = get('status');
  if (status !== known.status) changes.status = status as ActionChanges['status'];
  const deadline = get('deadline').trim();
  if ((deadline || null) !== known.deadline) changes.deadline = deadline || null;
  const note = get('note');
  if (note !== known.note) changes.note = note;
  return changes;
}
