import type { DashboardData } from '../src/core/dashboard';
import { formatDay } from '../src/core/values/dates';
import type { MyAction, MyActions, SidebarData } from '../src/server/api';
import { renderBudget } from './budget';
import { Failure, describeFailure, server } from './client';
import {
  AddDraft, DateField, Draft, FormMessage, addDraft, changesOf, editDraft, isDirty, newActionInput, pastDeadline,
  rebaseOnConflict, validate, versionOf,
} from './drafts';
import { formatTime } from './format';
import { SafeHtml, html, setHtml } from './html';
import { agendaMeetup, renderAgenda, renderMeetup } from './meetup';
import { Filter, itemKey, matchesFilter, renderMyActions } from './myActions';
import { renderSignals } from './signals';
import { renderSummary } from './summary';
import { DEFAULT_TIME_ZONE } from '../src/core/values/dates';

/**
 * The sidebar: one call on opening (getSidebar), then the user's own actions. State lives here,
 * the HTML is drawn from it by the render modules; the one open form keeps its typing in `draft`,
 * so a redraw never loses a keystroke.
 */

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

let timeZone = DEFAULT_TIME_ZONE;
let dashboard: DashboardData | null = null;
/** Null: the caller edits no municipality. */
let mine: { ok: true; value: MyActions } | { ok: false; failure: Failure } | null = null;
let filter: Filter = 'open';
let draft: Draft | null = null;
const busyRows = new Set<string>();

const ROLE_TEXT = { projectleider: 'projectleider', controller: 'controller', gemeente: 'ambtenaar', onbekend: 'alleen lezen' } as const;

// ---------------------------------------------------------------------------------------------
// Small helpers

function failureView(failure: Failure, retry?: { kind: string; label: string }): SafeHtml {
  return html`<div class="failure" role="alert"><p class="error">${failure.message}</p>${failure.detail ? html`<p class="error-detail">${failure.detail}</p>` : ''}${retry ? html`<button type="button" class="tonal" data-retry="${retry.kind}">${retry.label}</button>` : ''}</div>`;
}

function showStatus(target: HTMLElement, message: FormMessage | null): void {
  if (!message) {
    target.textContent = '';
    return;
  }
  setHtml(target, message.kind === 'error'
    ? html`<div class="failure" role="alert"><p class="error">${message.text}</p>${message.detail ? html`<p class="error-detail">${message.detail}</p>` : ''}</div>`
    : html`<p class="${message.kind === 'ok' ? 'ok' : ''}">${message.text}</p>`);
}

const errorMessage = (error: unknown): FormMessage => {
  const f = describeFailure(error);
  return { kind: 'error', text: f.message, detail: f.detail };
};

function announce(text: string): void {
  // Emptied first, so the same sentence twice is still read out.
  const region = $('announce');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

function setBusy(button: HTMLButtonElement, busy: boolean, busyText: string, idleText: string): void {
  // aria-disabled keeps the button focusable while busy, so keyboard focus is not lost.
  button.setAttribute('aria-disabled', String(busy));
  button.setAttribute('aria-busy', String(busy));
  button.textContent = busy ? busyText : idleText;
}

const isBusy = (button: Element) => button.getAttribute('aria-busy') === 'true' || button.getAttribute('aria-disabled') === 'true';

const nowTime = () => formatTime(new Date().toISOString(), timeZone);

// ---------------------------------------------------------------------------------------------
// Dashboard sections

function showDashboardSections(visible: boolean): void {
  for (const id of ['summary', 'budget', 'signals', 'meetup']) $(id).hidden = !visible;
}

function renderRole(data: DashboardData): void {
  const role = data.user.role;
  const runCheck = $<HTMLButtonElement>('run-check');
  runCheck.hidden = !(role === 'projectleider' || role === 'controller');
  const agenda = $<HTMLButtonElement>('make-agenda');
  // Without a planned meet-up there is no agenda to make; the meet-up section says how to plan one.
  const next = agendaMeetup(data);
  agenda.hidden = role !== 'projectleider' || next === null;
  if (!isBusy(agenda) && next) agenda.textContent = `Agenda ${formatDay(next)} maken`;
  const unlisted = role === 'onbekend' && mine === null;
  $('access').hidden = !unlisted;
  if (unlisted) {
    const leader = data.projectLeader ? ` (${data.projectLeader})` : '';
    setHtml($('access-body'), data.user.email
      ? html`<p>Je e-mailadres ${data.user.email} staat nog niet in dit werkboek. Vraag de projectleider${leader} het toe te voegen bij je gemeente in het tabblad Gemeenten, kolom Editors. Tot dan kun je hier alleen meekijken.</p>`
      : html`<p>Google geeft je e-mailadres niet door, dus Regiomonitor weet niet wie je bent. Log in met het account dat de projectleider${leader} in het tabblad Gemeenten heeft gezet. Tot dan kun je hier alleen meekijken.</p>`);
  }
  applyPrimaryButton();
}

/** One filled button per view: while a form is open, its Opslaan is the one. */
function applyPrimaryButton(): void {
  const runCheck = $('run-check');
  runCheck.classList.toggle('filled', draft === null);
  runCheck.classList.toggle('tonal', draft !== null);
}

function renderDashboard(data: DashboardData): void {
  dashboard = data;
  const who = data.user.email ? `${data.user.email} · ${ROLE_TEXT[data.user.role]}${data.user.municipality ? `, ${data.user.municipality}` : ''}` : 'onbekende gebruiker';
  const place = `${data.region || 'Regio'} · peildatum ${formatDay(data.referenceDate)}`;
  // Two fixed lines, cut with … when too long (the full text is in the title and read out), so the
  // header never grows when the data arrives and nothing below it shifts.
  setHtml($('context'), html`<span class="line-cut" title="${place}">${place}</span><span class="line-cut" title="${who}">${who}</span>`);
  $('summary-title').textContent = `Stand van zaken ${data.year}`;
  $('budget-title').textContent = `Begroting ${data.year}`;
  setHtml($('summary-body'), renderSummary(data, timeZone));
  setHtml($('budget-body'), renderBudget(data));
  setHtml($('signals-body'), renderSignals(data));
  setHtml($('meetup-body'), renderMeetup(data));
  showDashboardSections(true);
  renderRole(data);
}

function renderDashboardFailure(failure: Failure): void {
  dashboard = null;
  showDashboardSections(false);
  $('summary').hidden = false;
  setHtml($('summary-body'), html`<p>Het dashboard kon niet worden geladen.</p>${failureView(failure, { kind: 'dashboard', label: 'Dashboard opnieuw laden' })}`);
  $('run-check').hidden = true;
  $('make-agenda').hidden = true;
}

// ---------------------------------------------------------------------------------------------
// Mijn acties

/**
 * Redraws "Mijn acties". Focus goes to the first of `focus` that exists after the redraw; without
 * it, back to the element (same id, same caret) that had it, so typing is never interrupted.
 */
function renderMine(focus?: string | string[]): void {
  const section = $('my-actions');
  section.hidden = mine === null;
  applyPrimaryButton();
  if (!mine) return;
  const active = document.activeElement as HTMLElement | null;
  const previous = active && section.contains(active) ? active.id : '';
  const selection = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? [active.selectionStart, active.selectionEnd] : null;
  const body = $('my-actions-body');
  if (!mine.ok) {
    setHtml(body, failureView(mine.failure, { kind: 'my-actions', label: 'Mijn acties opnieuw laden' }));
  } else {
    const pastDay = draft?.confirmPast ? pastDeadline(draft, mine.value.referenceDate) : null;
    setHtml(body, renderMyActions(mine.value, { filter, draft, busy: busyRows, timeZone }, pastDay));
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

function replaceAction(action: MyAction): void {
  if (!mine?.ok) return;
  const list = mine.value.actions;
  const at = list.findIndex((a) => a.id === action.id);
  if (at >= 0) list[at] = action;
  else list.push(action);
}

function dateField(input: HTMLInputElement): DateField {
  return { value: input.value, incomplete: input.validity.badInput };
}

/** Copies what is in the open form into the draft; keystrokes never wait for a redraw. */
function readForm(): void {
  const form = draft?.kind === 'edit' ? document.getElementById('editor') : document.getElementById('add-form');
  if (!draft || !(form instanceof HTMLFormElement)) return;
  const field = <T extends HTMLElement>(name: string) => form.elements.namedItem(name) as T | null;
  const deadline = field<HTMLInputElement>('deadline');
  if (deadline) {
    const next = dateField(deadline);
    if (draft.kind === 'edit' && (next.value || next.incomplete)) draft.clearDeadline = false;
    draft.deadline = next;
  }
  draft.note = field<HTMLTextAreaElement>('note')?.value ?? draft.note;
  if (draft.kind === 'edit') {
    draft.status = field<HTMLSelectElement>('status')?.value ?? draft.status;
  } else {
    draft.title = field<HTMLInputElement>('title')?.value ?? draft.title;
    draft.owner = field<HTMLInputElement>('owner')?.value ?? draft.owner;
    draft.line = field<HTMLSelectElement>('line')?.value ?? draft.line;
    draft.status = (field<HTMLSelectElement>('status')?.value ?? draft.status) as AddDraft['status'];
  }
}

/** After typing: the unsaved mark, the counters, and errors that are now fixed. No redraw. */
function afterTyping(target: HTMLElement): void {
  if (!draft) return;
  readForm();
  const prefix = draft.kind === 'edit' ? 'edit' : 'add';
  const dirty = isDirty(draft);
  const mark = document.getElementById(`${prefix}-unsaved`);
  if (mark) mark.hidden = !dirty;
  const close = document.querySelector<HTMLElement>('.action-form [data-close-form]');
  if (close && draft.kind === 'edit') close.textContent = dirty ? 'Annuleren' : 'Sluiten';
  const counter = document.getElementById(`${target.id}-count`);
  if (counter && 'value' in target) counter.textContent = `${String((target as HTMLInputElement).value).length} van ${counter.dataset.max} tekens`;
  const stillWrong = validate(draft);
  const fixed = Object.keys(draft.errors).filter((f) => !(f in stillWrong));
  if (fixed.length) {
    for (const f of fixed) delete draft.errors[f as keyof typeof draft.errors];
    showFieldErrors(draft);
    target.focus();
  }
}

function openEditor(key: string): void {
  if (!mine?.ok) return;
  const action = mine.value.actions.find((a) => itemKey(a) === key);
  if (!action) return;
  if (draft?.kind === 'edit' && itemKey(draft.base) === key) {
    closeForm();
    return;
  }
  if (!mayLeaveForm()) return;
  draft = editDraft(action);
  renderMine('edit-status');
}

/** One form at a time: an open form with unsaved changes is not closed behind the user's back. */
function mayLeaveForm(): boolean {
  if (!draft) return true;
  if (draft.saving) return false;
  if (!isDirty(draft)) return true;
  const what = draft.kind === 'edit' ? draft.base.id : 'de nieuwe actie';
  draft.message = { kind: 'info', text: `Sla eerst je wijzigingen in ${what} op, of kies Annuleren.` };
  renderMine(draft.kind === 'edit' ? 'edit-save' : 'add-save');
  return false;
}

function closeForm(): void {
  if (!draft || draft.saving) return;
  const back = draft.kind === 'edit' ? `open-${itemKey(draft.base)}` : 'add-open';
  draft = null;
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
function showFieldErrors(d: Draft): void {
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
function formIsValid(d: Draft): boolean {
  readForm();
  d.errors = validate(d);
  d.message = null;
  if (!Object.keys(d.errors).length) return true;
  showFieldErrors(d);
  return false;
}

/** A deadline in the past is saved only after the user confirms it; false while that question is open. */
function pastDeadlineConfirmed(d: Draft, confirmed: boolean, referenceDate: string): boolean {
  if (!confirmed && pastDeadline(d, referenceDate)) {
    d.confirmPast = true;
    renderMine();
    document.querySelector<HTMLElement>('[data-confirm-past]')?.focus();
    return false;
  }
  d.confirmPast = false;
  return true;
}

async function saveEdit(confirmed: boolean): Promise<void> {
  const d = draft;
  if (!d || d.kind !== 'edit' || d.saving || !mine?.ok) return;
  if (!formIsValid(d)) return;
  const changes = changesOf(d);
  if (Object.keys(changes).length === 0) {
    d.message = { kind: 'info', text: 'Er is niets gewijzigd.' };
    renderMine();
    return;
  }
  if (!pastDeadlineConfirmed(d, confirmed, mine.value.referenceDate)) return;
  d.saving = true;
  d.message = { kind: 'info', text: 'Wijziging wordt opgeslagen…' };
  renderMine('edit-save');
  try {
    const result = await server.updateAction(d.base.id, changes, versionOf(d.base));
    replaceAction(result.action);
    if (result.saved) {
      // The form shows the row as the server now has it, never what the browser remembers.
      draft = { ...editDraft(result.action), message: { kind: 'ok', text: `Opgeslagen om ${nowTime()}.` } };
      announce(`${result.action.id} is opgeslagen.`);
      void refreshDashboard();
    } else {
      draft = rebaseOnConflict(d, result.action, result.changed);
      announce(`${d.base.id} is niet opgeslagen: de actie is intussen gewijzigd.`);
    }
  } catch (error) {
    d.saving = false;
    d.message = errorMessage(error);
  }
  renderMine('edit-save');
}

async function saveAdd(confirmed: boolean): Promise<void> {
  const d = draft;
  if (!d || d.kind !== 'add' || d.saving || !mine?.ok) return;
  if (!formIsValid(d)) return;
  if (!pastDeadlineConfirmed(d, confirmed, mine.value.referenceDate)) return;
  d.saving = true;
  d.message = { kind: 'info', text: 'Actie wordt toegevoegd…' };
  renderMine('add-save');
  try {
    const { action: added } = await server.addAction(newActionInput(d));
    replaceAction(added);
    draft = null;
    if (!matchesFilter(added, filter, mine.value.referenceDate)) filter = 'all';
    showStatus($('my-actions-status'), { kind: 'ok', text: `${added.id} ${added.title} is toegevoegd.` });
    announce(`${added.id} is toegevoegd.`);
    renderMine(`open-${itemKey(added)}`);
    void refreshDashboard();
  } catch (error) {
    d.saving = false;
    d.message = errorMessage(error);
    renderMine('add-save');
  }
}

async function quickStatus(button: HTMLElement): Promise<void> {
  if (!mine?.ok) return;
  const key = button.dataset.key ?? '';
  const status = button.dataset.quickStatus ?? '';
  const action = mine.value.actions.find((a) => itemKey(a) === key);
  if (!action || busyRows.has(key)) return;
  if (action.status === status) {
    button.closest('details')?.removeAttribute('open');
    return;
  }
  const status$ = $('my-actions-status');
  busyRows.add(key);
  showStatus(status$, { kind: 'info', text: `Status van ${action.id} wordt opgeslagen…` });
  // The chosen status button is redrawn inside a closed list: focus waits on the action itself.
  renderMine(`open-${key}`);
  try {
    const result = await server.updateAction(action.id, { status: status as MyAction['status'] }, versionOf(action));
    replaceAction(result.action);
    if (result.saved) {
      const hidden = !matchesFilter(result.action, filter, mine.value.referenceDate);
      showStatus(status$, { kind: 'ok', text: `${action.id} staat nu op ${result.action.status}${hidden ? '; de actie valt nu buiten het filter' : ''}.` });
      void refreshDashboard();
    } else {
      showStatus(status$, { kind: 'error', text: `Niet opgeslagen: ${action.id} is intussen gewijzigd. De lijst toont nu de actuele stand; kies de status opnieuw als dat nog nodig is.` });
    }
  } catch (error) {
    showStatus(status$, errorMessage(error));
  } finally {
    busyRows.delete(key);
  }
  // A done action may leave the list (filter "open"): focus then goes to the list's heading.
  renderMine([`open-${key}`, 'my-actions-title']);
}

// ---------------------------------------------------------------------------------------------
// Loading

function applySidebar(data: SidebarData): void {
  timeZone = data.timeZone || timeZone;
  if (data.myActions === null) mine = null;
  else if (data.myActions.ok) mine = { ok: true, value: data.myActions.value };
  else mine = { ok: false, failure: describeFailure(data.myActions.message, 'getSidebar') };

  // The open form survives a refresh. Untouched, it shows the row as it now is; with changes, it keeps
  // them and the version they started from, so a save over someone else's change is refused.
  if (draft?.kind === 'edit' && mine?.ok && !draft.saving && !isDirty(draft)) {
    const base = draft.base;
    const current = mine.value.actions.find((a) => a.id === base.id);
    draft = current ? { ...editDraft(current), message: draft.message } : null;
  }
  if (!mine?.ok && draft) draft = null;

  if (data.dashboard.ok) renderDashboard(data.dashboard.value);
  else renderDashboardFailure(describeFailure(data.dashboard.message, 'getSidebar'));
  renderMine();
  $('updated').textContent = `Bijgewerkt om ${formatTime(data.loadedAt, timeZone)}`;
  $('refresh').hidden = false;
  document.body.dataset.loaded = data.dashboard.ok ? 'dashboard' : 'error';
  if (mine) document.body.dataset.actions = mine.ok ? 'loaded' : 'error';
}

async function loadSidebar(): Promise<void> {
  $('main').setAttribute('aria-busy', 'true');
  try {
    const data = await server.getSidebar();
    $('load-error').hidden = true;
    applySidebar(data);
  } catch (error) {
    const failure = describeFailure(error);
    const box = $('load-error');
    box.hidden = false;
    setHtml(box, html`<p>De zijbalk kon niet worden geladen.</p>${failureView(failure, { kind: 'all', label: 'Opnieuw laden' })}`);
    if (!dashboard) {
      $('context').textContent = 'Niet geladen.';
      document.body.dataset.loaded = 'error';
    }
    $('refresh').hidden = false;
  } finally {
    $('loading').hidden = true;
    $('main').setAttribute('aria-busy', 'false');
  }
}

async function refresh(button: HTMLButtonElement): Promise<void> {
  if (isBusy(button)) return;
  setBusy(button, true, 'Vernieuwen…', 'Vernieuwen');
  const before = $('updated').textContent;
  $('updated').textContent = 'Gegevens worden vernieuwd…';
  await loadSidebar();
  if ($('updated').textContent === 'Gegevens worden vernieuwd…') $('updated').textContent = before;
  setBusy(button, false, '', 'Vernieuwen');
  if ($('load-error').hidden) announce(`Gegevens vernieuwd om ${nowTime()}.`);
}

/** Signals follow deadlines and statuses: after a save, the dashboard is fetched again. */
async function refreshDashboard(): Promise<void> {
  try {
    renderDashboard(await server.getDashboard());
  } catch (error) {
    showStatus($('signals-status'), { ...errorMessage(error), text: `De signalen zijn niet bijgewerkt. ${describeFailure(error).message}` });
  }
}

async function retry(kind: string, button: HTMLButtonElement): Promise<void> {
  if (isBusy(button)) return;
  setBusy(button, true, 'Bezig…', button.textContent ?? '');
  if (kind === 'dashboard') {
    try {
      renderDashboard(await server.getDashboard());
      document.body.dataset.loaded = 'dashboard';
      $('summary-title').focus();
    } catch (error) {
      renderDashboardFailure(describeFailure(error));
    }
  } else if (kind === 'my-actions') {
    try {
      mine = { ok: true, value: await server.getMyActions() };
      document.body.dataset.actions = 'loaded';
    } catch (error) {
      mine = { ok: false, failure: describeFailure(error) };
    }
    renderMine('my-actions-title');
  } else {
    await loadSidebar();
  }
}

// ---------------------------------------------------------------------------------------------
// Dashboard actions

async function runCheck(button: HTMLButtonElement): Promise<void> {
  if (isBusy(button)) return;
  const status = $('budget-status');
  setBusy(button, true, 'Budgetcontrole loopt…', 'Budget controleren');
  showStatus(status, { kind: 'info', text: 'De budgetcontrole loopt…' });
  try {
    const summary = await server.runBudgetCheck();
    showStatus(status, { kind: 'ok', text: `Budgetcontrole uitgevoerd: ${summary.message}.` });
    await refreshDashboard();
  } catch (error) {
    showStatus(status, errorMessage(error));
  } finally {
    setBusy(button, false, '', 'Budget controleren');
  }
}

async function makeAgenda(button: HTMLButtonElement): Promise<void> {
  const next = dashboard ? agendaMeetup(dashboard) : null;
  if (isBusy(button) || !next) return;
  const idle = button.textContent ?? '';
  setBusy(button, true, 'Agenda wordt gemaakt…', idle);
  showStatus($('meetup-status'), null);
  $('agenda-result').textContent = '';
  try {
    setHtml($('agenda-result'), renderAgenda(await server.generateMeetupAgenda(next)));
  } catch (error) {
    showStatus($('meetup-status'), errorMessage(error));
  } finally {
    setBusy(button, false, '', idle);
  }
}

async function selectRow(button: HTMLElement): Promise<void> {
  const tab = button.dataset.tab ?? '';
  const row = Number(button.dataset.row);
  const section = button.closest('section');
  const status = (section && document.getElementById(`${section.id}-status`)) || $('signals-status');
  showStatus(status, { kind: 'info', text: `Rij ${row} in ${tab} selecteren…` });
  try {
    await server.selectRow(tab, row);
    showStatus(status, { kind: 'ok', text: `Rij ${row} in ${tab} is geselecteerd.` });
  } catch (error) {
    showStatus(status, errorMessage(error));
  }
}

// ---------------------------------------------------------------------------------------------
// Events

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
  else if (d.open) openEditor(d.open);
  else if ('closeForm' in d) closeForm();
  else if ('addOpen' in d) {
    if (!mayLeaveForm() || !mine?.ok) return;
    draft = addDraft(mine.value.actionLines[0]?.code ?? '');
    renderMine('add-title-input');
  } else if ('clearDeadline' in d && draft?.kind === 'edit') {
    readForm();
    draft.clearDeadline = true;
    draft.deadline = { value: '', incomplete: false };
    delete draft.errors.deadline;
    renderMine('edit-clear-deadline');
  } else if ('confirmPast' in d && draft) {
    void (draft.kind === 'edit' ? saveEdit(true) : saveAdd(true));
  } else if ('cancelPast' in d && draft) {
    draft.confirmPast = false;
    renderMine(draft.kind === 'edit' ? 'edit-deadline' : 'add-deadline');
  } else if (d.quickStatus) void quickStatus(target);
  else if (d.tab && d.row) void selectRow(target);
});

document.addEventListener('submit', (event) => {
  const form = event.target as HTMLFormElement;
  event.preventDefault();
  if (form.id === 'editor') void saveEdit(false);
  else if (form.id === 'add-form') void saveAdd(false);
});

document.addEventListener('input', (event) => {
  const target = event.target as HTMLElement;
  if (target.closest('.action-form')) afterTyping(target);
});

document.addEventListener('change', (event) => {
  const target = event.target as HTMLInputElement;
  if (target.name === 'filter' && target.type === 'radio') {
    filter = target.value as Filter;
    renderMine();
  } else if (target.closest('.action-form')) afterTyping(target);
});

window.addEventListener('beforeunload', (event) => {
  if (draft && isDirty(draft)) {
    // Closing the sidebar would lose what was typed: the browser asks first.
    event.preventDefault();
    event.returnValue = '';
  }
});

void loadSidebar();
