import type { DashboardData } from '../src/core/dashboard';
import { formatDay } from '../src/core/values/dates';
import { formatDateTime } from './format';
import { renderBudget } from './budget';
import { Failure } from './client';
import { html, setHtml } from './html';
import { agendaMeetup, renderMeetup } from './meetup';
import { renderSignals } from './signals';
import { $, failureView, isBusy, state } from './state';
import { renderSummary } from './summary';

// The dashboard's sections: summary, budget, signals, meet-up, and what the caller's role shows.

const ROLE_TEXT = { projectleider: 'projectleider', controller: 'controller', gemeente: 'ambtenaar', onbekend: 'alleen lezen' } as const;

export function showDashboardSections(visible: boolean): void {
  for (const id of ['summary', 'budget', 'signals', 'meetup']) $(id).hidden = !visible;
}

export function renderRole(data: DashboardData): void {
  const role = data.user.role;
  const runCheck = $<HTMLButtonElement>('run-check');
  runCheck.hidden = !(role === 'projectleider' || role === 'controller');
  const agenda = $<HTMLButtonElement>('make-agenda');
  // Without a planned meet-up there is no agenda to make; the meet-up section says how to plan one.
  const next = agendaMeetup(data);
  agenda.hidden = role !== 'projectleider' || next === null;
  if (!isBusy(agenda) && next) agenda.textContent = `Agenda ${formatDay(next)} maken`;
  const unlisted = role === 'onbekend' && state.mine === null;
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
export function applyPrimaryButton(): void {
  const runCheck = $('run-check');
  runCheck.classList.toggle('filled', state.draft === null);
  runCheck.classList.toggle('tonal', state.draft !== null);
}

export function renderDashboard(data: DashboardData): void {
  state.dashboard = data;
  // The role first: a long e-mail address is what gets cut with …, never the role.
  const role = `${ROLE_TEXT[data.user.role]}${data.user.municipality ? ` ${data.user.municipality}` : ''}`;
  const who = data.user.email ? `${role.charAt(0).toUpperCase()}${role.slice(1)} · ${data.user.email}` : 'Onbekende gebruiker';
  const place = `${data.region || 'Regio'} · peildatum ${formatDay(data.referenceDate)}`;
  // Two lines, each cut with … when too long (the full text is in the title and read out), so the
  // header never grows when the data arrives and nothing below it shifts.
  setHtml($('context'), html`<span class="line-cut" title="${place}">${place}</span><span class="line-cut" title="${who}">${who}</span>`);
  $('summary-title').textContent = `Stand van zaken ${data.year}`;
  $('budget-title').textContent = `Begroting ${data.year}`;
  setHtml($('summary-body'), renderSummary(data));
  $('last-check').textContent = `Laatste budgetcontrole: ${data.lastCheckAt ? formatDateTime(data.lastCheckAt, state.timeZone) : 'nog niet uitgevoerd'}.`;
  setHtml($('budget-body'), renderBudget(data));
  setHtml($('signals-body'), renderSignals(data));
  setHtml($('meetup-body'), renderMeetup(data));
  showDashboardSections(true);
  renderRole(data);
}

export function renderDashboardFailure(failure: Failure): void {
  state.dashboard = null;
  showDashboardSections(false);
  $('summary').hidden = false;
  setHtml($('summary-body'), html`<p>Het dashboard kon niet worden geladen.</p>${failureView(failure, { kind: 'dashboard', label: 'Dashboard opnieuw laden' })}`);
  $('run-check').hidden = true;
  $('make-agenda').hidden = true;
}
