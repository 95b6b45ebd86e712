import type { DashboardBudget, DashboardData, DashboardLine } from '../src/core/dashboard';
import type { Signal } from '../src/core/contract';
import { formatEuro, formatEuroRounded } from '../src/core/money';
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

/** Share of `scale` as a percentage with one decimal, clamped to the bar. */
export function percentOf(cents: number, scale: number): number {
  if (scale <= 0 || cents <= 0) return 0;
  return Math.min(100, Math.round((cents / scale) * 1000) / 10);
}

export function signalBadge(signal: Signal): SafeHtml {
  return html`<span class="badge ${SIGNAL_CLASS[signal]}"><span aria-hidden="true">${SIGNAL_MARK[signal]} </span>${signal}</span>`;
}

function lineView(line: DashboardLine): SafeHtml {
  // The bar's full width is the largest of the three, so an overrun sticks out past the Raming mark.
  const scale = Math.max(line.estimateCents, line.spentCents, line.forecastCents);
  const label = `Besteed ${formatEuroRounded(line.spentCents)}, prognose ${formatEuroRounded(line.forecastCents)}, raming ${formatEuroRounded(line.estimateCents)}: ${line.signal}`;
  return html`<li class="line ${SIGNAL_CLASS[line.signal]}" data-code="${line.code}">
  <div class="line-head">
    <button type="button" class="link" data-tab="${line.tab}" data-row="${line.row}" title="Toon ${line.code} in ${line.tab}"><span class="code">${line.code}</span> ${line.name}${line.character === 'Wettelijk' ? html` <span class="muted">(wettelijk)</span>` : ''}</button>
    ${signalBadge(line.signal)}
  </div>
  <div class="bar" role="img" aria-label="${label}">
    <span class="bar-forecast" data-width="${percentOf(line.forecastCents, scale)}"></span>
    <span class="bar-spent" data-width="${percentOf(line.spentCents, scale)}"></span>
    <span class="bar-estimate" data-left="${percentOf(line.estimateCents, scale)}"></span>
  </div>
  <dl class="figures">
    <div><dt>Besteed</dt><dd class="spent">${amounts(formatEuroRounded(line.spentCents))}</dd></div>
    <div><dt>Prognose</dt><dd class="forecast">${amounts(formatEuroRounded(line.forecastCents))}</dd></div>
    <div><dt>Raming</dt><dd class="estimate">${amounts(formatEuroRounded(line.estimateCents))}</dd></div>
  </dl>
</li>`;
}

function programmeView(budget: DashboardBudget): SafeHtml {
  const short = budget.programmeSignal === 'Tekort';
  return html`<div class="programme ${short ? 'sig-over' : 'sig-ok'}" id="programme">
  <h3>Programma ${budget.year} tegen dekking</h3>
  <dl class="totals">
    <div><dt>Totaal raming</dt><dd>${amounts(formatEuro(budget.totalEstimateCents))}</dd></div>
    <div><dt>Totaal dekking</dt><dd>${amounts(formatEuro(budget.totalCoverageCents))}</dd></div>
    <div><dt>Totaal prognose</dt><dd>${amounts(formatEuro(budget.totalForecastCents))}</dd></div>
  </dl>
  ${short
    ? html`<p class="verdict"><strong>Tekort: ${amounts(formatEuro(budget.shortfallCents))}</strong>. De DU VO is taakstellend: geen gemeente legt geld bij, dus dit is alleen met herprioriteren op te lossen.</p>`
    : html`<p class="verdict"><strong>Geen tekort</strong>: de dekking is voldoende${budget.coverageBalanceCents > 0 ? html` (ruimte ${amounts(formatEuro(budget.coverageBalanceCents))})` : ' (precies sluitend)'}.</p>`}
</div>`;
}

export function renderBudget(data: DashboardData): SafeHtml {
  const budget = data.budget;
  if (!budget) return html`<p>Begroting heeft geen regels voor ${data.year}.</p>`;
  return html`<p class="legend" aria-hidden="true"><span class="key key-spent"></span> Besteed <span class="key key-forecast"></span> Prognose <span class="key key-estimate"></span> Raming</p>
<ul class="lines" aria-label="Begrotingsposten ${budget.year}">${budget.lines.map(lineView)}</ul>
${programmeView(budget)}`;
}

/** Bar geometry goes through the CSSOM, not style attributes, so a strict style-src CSP allows it. */
export function applyBarGeometry(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-width]').forEach((el) => { el.style.width = `${el.dataset.width}%`; });
  root.querySelectorAll<HTMLElement>('[data-left]').forEach((el) => { el.style.left = `${el.dataset.left}%`; });
}
