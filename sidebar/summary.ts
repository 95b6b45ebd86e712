import type { DashboardData } from '../src/core/dashboard';
import { euro, formatDateTime } from './format';
import { SafeHtml, amounts, html } from './html';

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/**
 * The decision first: what a project leader needs to know before anything else, in four tiles.
 * Each tile says its state in words; colour only repeats it.
 */
export function renderSummary(data: DashboardData, timeZone: string): SafeHtml {
  const b = data.budget;
  const short = b?.programmeSignal === 'Tekort';
  const programme = !b
    ? html`<span class="tile-value">Geen begroting</span>`
    : short
      ? html`<span class="tile-value">${amounts(`Tekort ${euro(b.shortfallCents)}`)}</span>`
      : html`<span class="tile-value">${b.coverageBalanceCents > 0 ? amounts(`Ruimte ${euro(b.coverageBalanceCents)}`) : 'Sluitend'}</span>`;
  const overruns = data.signals.overruns.length;
  const threats = data.signals.threatening.length;
  const overdue = data.signals.overdue.length;
  return html`<ul class="tiles">
  <li class="tile ${!b ? '' : short ? 'tile-bad' : 'tile-good'}" id="tile-programme"><span class="tile-label">Programma ${data.year}</span>${programme}</li>
  <li class="tile ${overruns + threats ? 'tile-bad' : 'tile-good'}" id="tile-overruns"><span class="tile-label">Budgetsignalen</span><span class="tile-value">${overruns + threats === 0 ? 'Geen' : `${count(overruns, 'overschrijding', 'overschrijdingen')}, ${threats} dreigend`}</span></li>
  <li class="tile ${overdue ? 'tile-warn' : 'tile-good'}" id="tile-overdue"><span class="tile-label">Acties over deadline</span><span class="tile-value">${overdue === 0 ? 'Geen' : count(overdue, 'actie', 'acties')}</span></li>
  <li class="tile" id="tile-check"><span class="tile-label">Laatste budgetcontrole</span><span class="tile-value">${data.lastCheckAt ? formatDateTime(data.lastCheckAt, timeZone) : 'Nog niet uitgevoerd'}</span></li>
</ul>`;
}
