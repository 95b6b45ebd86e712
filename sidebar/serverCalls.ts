import type { MyAction, SidebarData } from '../src/server/api';
import { describeFailure, server } from './client';
import { renderDashboard, renderDashboardFailure } from './dashboardView';
import { CONFLICT_PENDING, changesOf, editDraft, isDirty, newActionInput, rebaseOnConflict, versionOf } from './drafts';
import { formatTime } from './format';
import { formIsValid, pastDeadlineConfirmed, renderMine, replaceAction } from './forms';
import { html, setHtml } from './html';
import { agendaMeetup, renderAgenda } from './meetup';
import { itemKey, matchesFilter } from './myActions';
import { offerUndo } from './undo';
import { $, announce, busyRows, errorMessage, failureView, isBusy, nowTime, setBusy, showStatus, state } from './state';

// Everything that waits on the server: saving, loading and refreshing, and the dashboard's buttons.

export async function saveEdit(confirmed: boolean): Promise<void> {
  const d = state.draft;
  if (!d || d.kind !== 'edit' || d.saving || !state.mine?.ok) return;
  if (!formIsValid(d)) return;
  if (d.conflict?.pending.length) {
    // A stale save never overwrites without a choice: both texts stay until the user picks one.
    d.message = { kind: 'info', text: CONFLICT_PENDING(d.conflict.pending) };
    renderMine('edit-conflict');
    return;
  }
  const changes = changesOf(d);
  if (Object.keys(changes).length === 0) {
    d.message = { kind: 'info', text: 'Er is niets gewijzigd.' };
    renderMine();
    return;
  }
  if (!pastDeadlineConfirmed(d, confirmed, state.mine.value.referenceDate)) return;
  d.saving = true;
  d.message = { kind: 'info', text: 'Wijziging wordt opgeslagen…' };
  renderMine('edit-save');
  try {
    const result = await server.updateAction(d.base.id, changes, versionOf(d.base));
    replaceAction(result.action);
    if (result.saved) {
      // The form shows the row as the server now has it, never what the browser remembers.
      offerUndo(d.base, changes, result.action);
      state.draft = { ...editDraft(result.action), message: { kind: 'ok', text: `Opgeslagen om ${nowTime()}.`, undo: true } };
      announce(`${result.action.id} is opgeslagen.`);
      void refreshDashboard();
    } else {
      state.draft = rebaseOnConflict(d, result.action, result.changed);
      announce(`${d.base.id} is niet opgeslagen: de actie is intussen gewijzigd.`);
    }
  } catch (error) {
    d.saving = false;
    d.message = errorMessage(error);
  }
  renderMine('edit-save');
}

export async function saveAdd(confirmed: boolean): Promise<void> {
  const d = state.draft;
  if (!d || d.kind !== 'add' || d.saving || !state.mine?.ok) return;
  if (!formIsValid(d)) return;
  if (!pastDeadlineConfirmed(d, confirmed, state.mine.value.referenceDate)) return;
  d.saving = true;
  d.message = { kind: 'info', text: 'Actie wordt toegevoegd…' };
  renderMine('add-save');
  try {
    // A request, not a row: the project leader's trigger adds it (ID, row) when it next runs.
    const result = await server.addAction(newActionInput(d));
    state.draft = null;
    const known = new Set(state.mine.value.actions.map(itemKey));
    showStatus($('my-actions-status'), { kind: 'ok', text: result.message });
    announce(result.message);
    renderMine('add-open');
    await reloadAfterRequest(result.action, known);
  } catch (error) {
    d.saving = false;
    d.message = errorMessage(error);
    renderMine('add-save');
  }
}

/**
 * After "Actie toevoegen": one getSidebar brings the list and the signals. When the trigger has
 * already run (in the preview, after every call) the new action is there: it is shown and focused.
 */
async function reloadAfterRequest(requested: MyAction, known: Set<string>): Promise<void> {
  try {
    applySidebar(await server.getSidebar());
  } catch (error) {
    showStatus($('signals-status'), { ...errorMessage(error), text: `De lijst is niet bijgewerkt. ${describeFailure(error).message}` });
    return;
  }
  if (!state.mine?.ok) return;
  const referenceDate = state.mine.value.referenceDate;
  const added = state.mine.value.actions.find((a) => !known.has(itemKey(a)) && a.title === requested.title);
  if (!added) return;
  if (!matchesFilter(added, state.filter, referenceDate)) state.filter = 'all';
  renderMine(`open-${itemKey(added)}`);
}

export async function quickStatus(button: HTMLElement): Promise<void> {
  if (!state.mine?.ok) return;
  const key = button.dataset.key ?? '';
  const status = button.dataset.quickStatus ?? '';
  const action = state.mine.value.actions.find((a) => itemKey(a) === key);
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
      const hidden = !matchesFilter(result.action, state.filter, state.mine.value.referenceDate);
      offerUndo(action, { status: status as MyAction['status'] }, result.action);
      showStatus(status$, { kind: 'ok', text: `${action.id} staat nu op ${result.action.status}${hidden ? '; de actie valt nu buiten het filter' : ''}.`, undo: true });
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

// Loading

export function applySidebar(data: SidebarData): void {
  state.timeZone = data.timeZone || state.timeZone;
  if (data.myActions === null) state.mine = null;
  else if (data.myActions.ok) state.mine = { ok: true, value: data.myActions.value };
  else state.mine = { ok: false, failure: describeFailure(data.myActions.message, 'getSidebar') };

  // The open form survives a refresh. Untouched, it shows the row as it now is; with changes, it keeps
  // them and the version they started from, so a save over someone else's change is refused.
  if (state.draft?.kind === 'edit' && state.mine?.ok && !state.draft.saving && !isDirty(state.draft)) {
    const base = state.draft.base;
    const current = state.mine.value.actions.find((a) => a.id === base.id);
    state.draft = current ? { ...editDraft(current), message: state.draft.message } : null;
  }
  if (!state.mine?.ok && state.draft) state.draft = null;

  if (data.dashboard.ok) renderDashboard(data.dashboard.value);
  else renderDashboardFailure(describeFailure(data.dashboard.message, 'getSidebar'));
  renderMine();
  $('updated').textContent = `Bijgewerkt om ${formatTime(data.loadedAt, state.timeZone)}`;
  $('refresh').hidden = false;
  document.body.dataset.loaded = data.dashboard.ok ? 'dashboard' : 'error';
  if (state.mine) document.body.dataset.actions = state.mine.ok ? 'loaded' : 'error';
}

export async function loadSidebar(): Promise<void> {
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
    if (!state.dashboard) {
      $('context').textContent = 'Niet geladen.';
      document.body.dataset.loaded = 'error';
    }
    $('refresh').hidden = false;
  } finally {
    $('loading').hidden = true;
    $('main').setAttribute('aria-busy', 'false');
  }
}

export async function refresh(button: HTMLButtonElement): Promise<void> {
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
export async function refreshDashboard(): Promise<void> {
  try {
    renderDashboard(await server.getDashboard());
  } catch (error) {
    showStatus($('signals-status'), { ...errorMessage(error), text: `De signalen zijn niet bijgewerkt. ${describeFailure(error).message}` });
  }
}

export async function retry(kind: string, button: HTMLButtonElement): Promise<void> {
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
      state.mine = { ok: true, value: await server.getMyActions() };
      document.body.dataset.actions = 'loaded';
    } catch (error) {
      state.mine = { ok: false, failure: describeFailure(error) };
    }
    renderMine('my-actions-title');
  } else {
    await loadSidebar();
  }
}

// Dashboard actions

export async function runCheck(button: HTMLButtonElement): Promise<void> {
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

export async function makeAgenda(button: HTMLButtonElement): Promise<void> {
  const next = state.dashboard ? agendaMeetup(state.dashboard) : null;
  if (isBusy(button) || !next) return;
  const idle = button.textContent ?? '';
  setBusy(button, true, 'Agenda wordt gemaakt…', idle);
  showStatus($('meetup-status'), null);
  $('agenda-result').textContent = '';
  try {
    setHtml($('agenda-result'), renderAgenda(await server.generateMeetupAgenda(next), next));
  } catch (error) {
    showStatus($('meetup-status'), errorMessage(error));
  } finally {
    setBusy(button, false, '', idle);
  }
}

export async function selectRow(button: HTMLElement): Promise<void> {
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
