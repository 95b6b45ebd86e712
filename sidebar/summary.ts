import type { DashboardData } from '../src/core/dashboard';
import { euro } from './format';
import { SafeHtml, amounts, html } from './html';

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** The year's verdict in a few words: `Tekort € 10.000`, `Ruimte € 5.000` or `Sluitend`. */
function verdict(data: DashboardData): string {
  const b = data.budget;
  if (!b) return `Geen begroting voor ${data.year}`;
  if (b.programmeSignal === 'Tekort') return `Tekort ${euro(b.shortfallCents)} in ${b.year}`;
  return b.coverageBalanceCents > 0 ? `Ruimte ${euro(b.coverageBalanceCents)} in ${b.year}` : `Sluitend in ${b.year}`;
}

/** The project leader's next step: whether the proposal covers the shortfall, and a way to open it. */
function leaderStep(data: DashboardData): SafeHtml | '' {
  // Herprioritering is written by the budget check: before the first check the button shows the
  // proposal in the sidebar's signals instead of a tab that does not exist yet.
  const b = data.budget;
  if (!b || b.programmeSignal !== 'Tekort') return '';
  const p = data.programmeProposal;
  if (!p) return html`<p>Er is nog geen voorstel. Draai de budgetcontrole: die maakt het voorstel herprioritering.</p>`;
  return html`<p id="proposal-verdict">${p.covered ? 'Het voorstel herprioritering dekt dit tekort.' : 'Het voorstel herprioritering dekt dit tekort niet helemaal: open het voor wat er nog nodig is.'}</p>
${data.lastCheckAt
    ? html`<button type="button" class="tonal" id="open-proposal" data-tab="${p.tab}" data-row="${p.row}">Voorstel openen</button>`
    : html`<button type="button" class="tonal" id="open-proposal" data-jump="sig-proposals-title">Voorstel openen</button>`}`;
}

/** The controller's figures for the year: raming, dekking, prognose and resultaat. */
function controllerTotals(data: DashboardData): SafeHtml | '' {
  const b = data.budget;
  if (!b) return '';
  return html`<dl class="totals" id="year-totals">
  <div><dt>Raming</dt><dd>${amounts(euro(b.totalEstimateCents))}</dd></div>
  <div><dt>Dekking</dt><dd>${amounts(euro(b.totalCoverageCents))}</dd></div>
  <div><dt>Prognose</dt><dd>${amounts(euro(b.totalForecastCents))}</dd></div>
  <div><dt>Resultaat</dt><dd>${amounts(euro(b.resultCents))}</dd></div>
</dl>`;
}

function tile(id: string, target: string, label: string, value: string, tone: string): SafeHtml {
  return html`<li><button type="button" class="tile ${tone}" id="${id}" data-jump="${target}"><span class="tile-label">${label}</span><span class="tile-value">${value}</span></button></li>`;
}

/**
 * The decision first, then the next step: the year's verdict on a tinted surface; for the project
 * leader whether the proposal covers it (with a button that opens it), for the controller the year's
 * totals. The tiles below jump to their details. Each state is said in words; colour only repeats it.
 */
export function renderSummary(data: DashboardData): SafeHtml {
  const b = data.budget;
  const short = b?.programmeSignal === 'Tekort';
  const role = data.user.role;
  const overruns = data.signals.overruns.length;
  const threats = data.signals.threatening.length;
  const overdue = data.signals.overdue.length;
  const due = data.signals.dueSoon.length;
  return html`<div class="decision ${!b ? '' : short ? 'tone-bad' : 'tone-good'}" id="decision">
  <p class="decision-head">${amounts(verdict(data))}</p>
  ${role === 'projectleider' ? leaderStep(data) : ''}
  ${role === 'controller' ? controllerTotals(data) : ''}
</div>
<ul class="tiles">
  ${tile('tile-signals', 'signals-title', 'Budgetsignalen', overruns + threats === 0 ? 'Geen' : `${count(overruns, 'overschrijding', 'overschrijdingen')}, ${threats} dreigend`, overruns + threats ? 'tone-bad' : 'tone-good')}
  ${tile('tile-overdue', 'sig-overdue-title', 'Acties', overdue + due === 0 ? 'Geen deadline dichtbij' : `${overdue} over deadline, ${due} binnen 30 dagen`, overdue ? 'tone-warn' : 'tone-good')}
</ul>`;
}
