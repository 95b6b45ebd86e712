import { STATUSES, TAB } from '../src/core/workbook/contract';
import { Day, addDays, formatDay } from '../src/core/values/dates';
import type { MyAction, MyActions } from '../src/server/api';
import { Draft, EditDraft } from './drafts';
import { addFormView, editorView } from './formViews';
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
const MARKER_TEXT: Record<Exclude<Marker, null>, string> = { overdue: 'Over deadline', dueSoon: 'Binnen 30 dagen' };

/** Stable per row, so focus and forms survive a redraw. */
export const itemKey = (a: MyAction) => `r${a.row}`;

export interface ListState {
  filter: Filter;
  draft: Draft | null;
  /** Row keys whose quick status change is under way. */
  busy: ReadonlySet<string>;
  timeZone: string;
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
${list}
<p class="small muted" id="my-actions-count">${data.actions.length === 1 ? '1 actie' : `${data.actions.length} acties`} van ${where}, gesorteerd op deadline (peildatum ${formatDay(ref)}).</p>
${data.ownMunicipality
    ? adding
      ? addFormView(adding, data, ref, pastDay)
      : html`<button type="button" class="tonal" id="add-open" data-add-open>Actie toevoegen</button>`
    : ''}`;
}
