import type { DashboardData } from '../src/core/dashboard';
import { formatDay } from '../src/core/dates';
import type { MyAction } from '../src/server/api';
import { applyBarGeometry, renderBudget } from './budget';
import { errorMessage, server } from './client';
import { html, setHtml } from './html';
import { agendaQuarter, renderAgenda, renderMeetup } from './meetup';
import { formChanges, renderMyActions } from './myActions';
import { renderSignals } from './signals';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

let current: DashboardData | null = null;
let myActions: MyAction[] = [];

const ROLE_TEXT = { projectleider: 'projectleider', controller: 'controller', gemeente: 'gemeente', onbekend: 'lezer' } as const;

/** Shows a server failure where the user was looking; failures are never swallowed. */
function showError(target: HTMLElement, error: unknown): void {
  setHtml(target, html`<span class="error" role="alert">${errorMessage(error)}</span>`);
}

function setBusy(button: HTMLButtonElement, busy: boolean, busyText: string, idleText: string): void {
  // aria-disabled keeps the button focusable while busy, so keyboard focus is not lost.
  button.setAttribute('aria-disabled', String(busy));
  button.setAttribute('aria-busy', String(busy));
  button.textContent = busy ? busyText : idleText;
}

function isBusy(button: HTMLElement): boolean {
  return button.getAttribute('aria-busy') === 'true';
}

function renderDashboard(data: DashboardData): void {
  current = data;
  const who = data.user.email ? `${data.user.email} (${ROLE_TEXT[data.user.role]}${data.user.municipality ? `, ${data.user.municipality}` : ''})` : 'onbekende gebruiker';
  setHtml($('context'), html`${data.region || 'Regio'} · peildatum ${formatDay(data.referenceDate)} · ${who}`);
  const budget = $('budget-body');
  setHtml(budget, renderBudget(data));
  applyBarGeometry(budget);
  setHtml($('signals-body'), renderSignals(data));
  setHtml($('meetup-body'), renderMeetup(data));
  const agendaButton = $<HTMLButtonElement>('make-agenda');
  agendaButton.hidden = false;
  agendaButton.textContent = `Agenda ${agendaQuarter(data)} maken`;
  for (const id of ['budget-body', 'signals-body', 'meetup-body']) $(id).setAttribute('aria-busy', 'false');
  const mine = $('my-actions');
  mine.hidden = data.user.municipality === null;
  // An official comes for their own actions: put them first. The check rewrites tabs only the
  // project leader may edit, so an official does not get that button.
  if (!mine.hidden && mine.previousElementSibling !== $('notice')) $('notice').after(mine);
  $('run-check').hidden = data.user.role === 'gemeente';
  document.body.dataset.loaded = 'dashboard';
}

async function loadDashboard(): Promise<void> {
  try {
    renderDashboard(await server.getDashboard());
  } catch (error) {
    // One message with a way out, instead of the same error in every section.
    setHtml($('notice'), html`<span class="error" role="alert">Het dashboard kon niet worden geladen. ${errorMessage(error)}</span>
<button type="button" id="reload" class="secondary">Opnieuw laden</button>`);
    for (const id of ['budget-body', 'signals-body', 'meetup-body']) {
      setHtml($(id), html`<p class="muted">Niet geladen.</p>`);
      $(id).setAttribute('aria-busy', 'false');
    }
    $('context').textContent = 'Het dashboard kon niet worden geladen.';
    document.body.dataset.loaded = 'error';
    return;
  }
  if (current?.user.municipality) await loadMyActions();
}

async function loadMyActions(): Promise<void> {
  const body = $('my-actions-body');
  try {
    const data = await server.getMyActions();
    myActions = data.actions;
    setHtml(body, renderMyActions(data));
  } catch (error) {
    showError(body, error);
  }
  body.setAttribute('aria-busy', 'false');
  document.body.dataset.actions = 'loaded';
}

async function runCheck(button: HTMLButtonElement): Promise<void> {
  if (isBusy(button)) return;
  const status = $('check-status');
  const idle = button.textContent ?? '';
  setBusy(button, true, 'Budgetcontrole loopt…', idle);
  status.textContent = '';
  try {
    const summary = await server.runBudgetCheck();
    renderDashboard(await server.getDashboard());
    setHtml(status, html`<span class="ok">Budgetcontrole uitgevoerd: ${summary.message}.</span>`);
  } catch (error) {
    showError(status, error);
  } finally {
    setBusy(button, false, '', idle);
  }
}

async function makeAgenda(button: HTMLButtonElement): Promise<void> {
  if (isBusy(button) || !current) return;
  const result = $('agenda-result');
  const idle = button.textContent ?? '';
  setBusy(button, true, 'Agenda wordt gemaakt…', idle);
  result.textContent = '';
  try {
    setHtml(result, renderAgenda(await server.generateMeetupAgenda(agendaQuarter(current))));
  } catch (error) {
    showError(result, error);
  } finally {
    setBusy(button, false, '', idle);
  }
}

async function selectRow(button: HTMLElement): Promise<void> {
  const tab = button.dataset.tab ?? '';
  const row = Number(button.dataset.row);
  const notice = $('notice');
  notice.textContent = `Rij ${row} in ${tab} selecteren…`;
  try {
    await server.selectRow(tab, row);
    notice.textContent = `Rij ${row} in ${tab} is geselecteerd.`;
  } catch (error) {
    showError(notice, error);
  }
}

async function saveAction(form: HTMLFormElement): Promise<void> {
  const index = Number(form.dataset.index);
  const known = myActions[index];
  const message = form.querySelector<HTMLElement>('.form-message')!;
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  if (!known || isBusy(button)) return;
  const changes = formChanges(form, known);
  if (Object.keys(changes).length === 0) {
    message.textContent = 'Er is niets gewijzigd.';
    return;
  }
  setBusy(button, true, 'Opslaan…', 'Opslaan');
  message.textContent = 'Wijziging wordt opgeslagen…';
  try {
    const { action } = await server.updateAction(known.id, changes, { updatedAt: known.updatedAt, status: known.status, deadline: known.deadline, note: known.note });
    myActions[index] = action;
    message.textContent = `Opgeslagen${action.updatedOn ? ` op ${formatDay(action.updatedOn)}` : ''}.`;
    const hint = form.querySelector<HTMLElement>('.hint');
    if (hint) hint.textContent = `Nu: ${action.deadline ? formatDay(action.deadline) : 'geen deadline'}`;
    // Deadlines and statuses feed the signals: refresh them, leaving the forms as they are.
    server.getDashboard().then(renderDashboard, (error) => showError($('notice'), error));
  } catch (error) {
    // The form keeps exactly what the user typed; only the message changes.
    showError(message, error);
  } finally {
    setBusy(button, false, '', 'Opslaan');
  }
}

document.addEventListener('click', (event) => {
  const target = (event.target as Element).closest<HTMLElement>('button, a');
  if (!target) return;
  if (target.id === 'run-check') void runCheck(target as HTMLButtonElement);
  else if (target.id === 'reload') {
    setHtml($('notice'), html`Opnieuw laden…`);
    void loadDashboard().then(() => { if (document.body.dataset.loaded === 'dashboard') $('notice').textContent = ''; });
  }
  else if (target.id === 'make-agenda') void makeAgenda(target as HTMLButtonElement);
  else if (target.dataset.tab && target.dataset.row) void selectRow(target);
});

document.addEventListener('submit', (event) => {
  const form = event.target as HTMLFormElement;
  if (!form.classList.contains('action-form')) return;
  event.preventDefault();
  void saveAction(form);
});

void loadDashboard();
