import type { DashboardData, SignalItem } from '../src/core/dashboard';
import { SafeHtml, amounts, html } from './html';

/** Long lists stay short at 300 px: the first few, the rest behind a disclosure. */
const VISIBLE = 5;

function itemView(item: SignalItem): SafeHtml {
  return html`<li><button type="button" class="item item-${item.kind}" data-tab="${item.tab}" data-row="${item.row}">
  <span class="item-text">${amounts(item.text)}</span>${item.detail ? html`<span class="item-detail">${amounts(item.detail)}</span>` : ''}
  <span class="visually-hidden"> (toon rij ${item.row} in ${item.tab})</span>
</button></li>`;
}

function group(id: string, title: string, items: SignalItem[], empty: string): SafeHtml {
  const head = items.slice(0, VISIBLE);
  const rest = items.slice(VISIBLE);
  return html`<div class="group" id="${id}">
  <h3 id="${id}-title" tabindex="-1">${title} <span class="count">(${items.length})</span></h3>
  ${items.length === 0 ? html`<p class="muted">${empty}</p>` : html`<ul class="items">${head.map(itemView)}</ul>`}
  ${rest.length ? html`<details><summary>Nog ${rest.length} tonen</summary><ul class="items">${rest.map(itemView)}</ul></details>` : ''}
</div>`;
}

export function renderSignals(data: DashboardData): SafeHtml {
  const s = data.signals;
  const checks = s.checks;
  return html`${group('sig-overruns', 'Overschrijdingen', s.overruns, 'Geen overschrijdingen.')}
${group('sig-threatening', 'Dreigende overschrijdingen', s.threatening, 'Geen dreigende overschrijdingen.')}
${group('sig-proposals', 'Voorstel herprioritering', s.proposals, 'Geen voorstel nodig.')}
${group('sig-overdue', 'Deadline verstreken', s.overdue, 'Geen acties over hun deadline.')}
${group('sig-due', 'Deadline binnen 30 dagen', s.dueSoon, 'Geen deadlines in de komende 30 dagen.')}
<div class="group" id="sig-checks">
  <h3>Controles</h3>
  ${checks.count === 0
    ? html`<p class="muted">Alle ingevulde cellen zijn leesbaar.</p>`
    : html`<button type="button" class="item item-checks" data-tab="${checks.tab}" data-row="${checks.row}"><span class="item-text">${checks.count === 1 ? '1 cel' : `${checks.count} cellen`} kon${checks.count === 1 ? '' : 'den'} niet worden gelezen</span><span class="item-detail">Bekijk ze in het tabblad ${checks.tab}</span></button>`}
</div>`;
}
