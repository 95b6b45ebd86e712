import type { DashboardBudget, DashboardData, DashboardLine, LineTrend } from '../src/core/dashboard';
import type { Character, Signal } from '../src/core/workbook/contract';
import { formatDay } from '../src/core/values/dates';
import { euro, formatShare } from './format';
import { SafeHtml, amounts, html } from './html';

/** CSS class per signal; the signal's name is always printed too, so colour is never the only carrier. */
export const SIGNAL_CLASS: Record<Signal, string> = {
  OK: 'sig-ok',
  'Let op': 'sig-warn',
  'Dreigende overschrijding': 'sig-threat',
  Overschrijding: 'sig-over',
};

const SIGNAL_MARK: Record<Signal, string> = {
  OK: '✓',
  'Let op': '!',
  'Dreigende overschrijding': '▲',
  Overschrijding: '✕',
};

/** Short enough for one row at 300 px; the full name is in the details and the sheet. */
const SIGNAL_SHORT: Record<Signal, string> = {
  OK: 'OK',
  'Let op': 'Let op',
  'Dreigende overschrijding': 'Dreigend',
  Overschrijding: 'Overschrijding',
};

export function signalBadge(signal: Signal, short = false): SafeHtml {
  const text = short ? SIGNAL_SHORT[signal] : signal;
  return html`<span class="badge ${SIGNAL_CLASS[signal]}"><span aria-hidden="true">${SIGNAL_MARK[signal]} </span>${text}${text !== signal ? html`<span class="visually-hidden"> (${signal})</span>` : ''}</span>`;
}

/** The Prognose's move since the previous meet-up: up is more expected cost. */
export function trendView(trend: LineTrend | null): SafeHtml | '' {
  if (!trend) return '';
  const delta = trend.forecastDeltaCents;
  const since = formatDay(trend.sinceDate);
  if (delta === 0) return html`<span class="trend trend-flat"><span aria-hidden="true">= </span>prognose gelijk sinds ${since}</span>`;
  const up = delta > 0;
  return html`<span class="trend ${up ? 'trend-up' : 'trend-down'}"><span aria-hidden="true">${up ? '▲' : '▼'} </span>${amounts(`prognose ${up ? '+' : '−'}${euro(Math.abs(delta))} sinds ${since}`)}</span>`;
}

/** What the line's Karakter means for its figures, in one sentence. */
const CHARACTER_NOTE: Record<Character, string> = {
  Wettelijk: 'Wettelijke taak: de prognose is minstens de raming. ',
  Vast: 'Vaste subsidie: de prognose is minstens de raming, tot de subsidie is afgerekend. ',
  Flexibel: '',
};

/** A share of the Raming as a bar width: 0..100, with room past the Raming up to 125% shown as over. */
const width = (share: number) => Math.max(0, Math.min(100, Math.round((share / 1.25) * 100)));

/**
 * Uitputting and Prognose against the Raming in one bar: the filled part is Besteed, the tick is the
 * Prognose, the dashed line the Raming. The numbers are written next to it, so it reads without colour.
 */
export function lineBar(line: DashboardLine): SafeHtml | '' {
  if (!line.estimateCents) return '';
  const forecast = line.forecastCents / line.estimateCents;
  return html`<span class="bar-row"><span class="bar" aria-hidden="true"><span class="bar-spent${(line.utilisation ?? 0) > 1 ? ' is-over' : ''}" style="width: ${width(line.utilisation ?? 0)}%"></span><span class="bar-estimate" style="left: ${width(1)}%"></span><span class="bar-forecast" style="left: ${width(forecast)}%"></span></span><span class="bar-text">prognose ${formatShare(forecast)}</span></span>`;
}

function lineView(line: DashboardLine): SafeHtml {
  return html`<li class="line ${SIGNAL_CLASS[line.signal]}" data-code="${line.code}">
<details>
  <summary><span class="line-name"><span class="code">${line.code}</span> ${line.name}</span><span class="line-facts">${signalBadge(line.signal, true)}<span class="share">${formatShare(line.utilisation)}<span class="visually-hidden"> besteed</span></span></span>${lineBar(line)}${trendView(line.trend)}</summary>
  <dl class="figures">
    <div><dt>Besteed</dt><dd class="spent">${amounts(euro(line.spentCents))}</dd></div>
    <div><dt>Prognose</dt><dd class="forecast">${amounts(euro(line.forecastCents))}</dd></div>
    <div><dt>Raming</dt><dd class="estimate">${amounts(euro(line.estimateCents))}</dd></div>
    <div><dt>Saldo</dt><dd class="balance">${amounts(euro(line.balanceCents))}</dd></div>
  </dl>
  <p class="small muted">${CHARACTER_NOTE[line.character]}Uitputting is Besteed gedeeld door Raming; in de balk is het gevulde deel Besteed, het streepje de Prognose en de stippellijn de Raming.</p>
  <button type="button" class="text-button" data-tab="${line.tab}" data-row="${line.row}">Toon ${line.code} in ${line.tab}</button>
</details>
</li>`;
}

function programmeView(budget: DashboardBudget): SafeHtml {
  const short = budget.programmeSignal === 'Tekort';
  return html`<div class="programme ${short ? 'sig-over' : 'sig-ok'}" id="programme">
  ${short
    ? html`<p class="verdict"><strong>${amounts(`Tekort ${euro(budget.shortfallCents)}`)}</strong> in ${budget.year}. De DU VO is taakstellend: geen gemeente legt geld bij, dus alleen herprioriteren lost dit op.</p>`
    : html`<p class="verdict"><strong>Geen tekort</strong> in ${budget.year}${budget.coverageBalanceCents > 0 ? html`: ruimte ${amounts(euro(budget.coverageBalanceCents))}` : ': precies sluitend'}.</p>`}
  <dl class="totals">
    <div><dt>Totaal raming</dt><dd>${amounts(euro(budget.totalEstimateCents))}</dd></div>
    <div><dt>Totaal dekking</dt><dd>${amounts(euro(budget.totalCoverageCents))}</dd></div>
    <div><dt>Totaal prognose</dt><dd>${amounts(euro(budget.totalForecastCents))}</dd></div>
    <div><dt>Resultaat</dt><dd>${amounts(euro(budget.resultCents))}</dd></div>
  </dl>
</div>`;
}

export function renderBudget(data: DashboardData): SafeHtml {
  const budget = data.budget;
  if (!budget) return html`<p>Het tabblad Begroting heeft geen regels voor ${data.year}.</p>`;
  return html`<p class="small muted">Per post: signaal, uitputting en prognose tegen de raming. Open een post voor de bedragen.</p>
<ul class="lines" aria-label="Begrotingsposten ${budget.year}">${budget.lines.map(lineView)}</ul>
${programmeView(budget)}`;
}
