import type { DashboardData } from '../src/core/dashboard';
import { formatDay } from '../src/core/values/dates';
import type { MeetupAgenda } from '../src/server/api';
import { renderAgendaMarkdown } from './agendaText';
import { SafeHtml, html } from './html';

/** The meet-up whose agenda the button makes: the next one, by date (a region may meet twice a quarter). */
export function agendaMeetup(data: DashboardData): string | null {
  return data.meetup ? data.meetup.date : null;
}

export function renderMeetup(data: DashboardData): SafeHtml {
  const m = data.meetup;
  if (!m) {
    return html`<p>Er staat geen meet-up gepland na ${formatDay(data.referenceDate)}. Voeg er een toe in het tabblad Meet-ups.</p>`;
  }
  return html`<dl class="meetup-facts">
  <div><dt>Volgende meet-up</dt><dd><button type="button" class="text-button" data-tab="${m.tab}" data-row="${m.row}">${formatDay(m.date)}<span class="visually-hidden">: toon de meet-up in het tabblad ${m.tab}</span></button></dd></div>
  <div><dt>Thema</dt><dd>${m.theme || 'nog geen thema gekozen'}</dd></div>
</dl>`;
}

/** Only a Google Docs link is offered as a link; anything else is shown as text. */
export function isDocLink(url: string | undefined): url is string {
  return typeof url === 'string' && /^https:\/\/docs\.google\.com\//.test(url);
}

export function renderAgenda(agenda: MeetupAgenda): SafeHtml {
  return html`<div class="agenda">
  <p><strong>${agenda.title}</strong> is gemaakt en staat ook als tabblad in het werkboek.</p>
  ${isDocLink(agenda.docUrl)
    ? html`<p><a href="${agenda.docUrl}" target="_blank" rel="noopener noreferrer" id="agenda-doc">Agenda openen in Google Docs</a></p>`
    : ''}
  <details><summary>Agenda lezen</summary><div class="agenda-text">${renderAgendaMarkdown(agenda.markdown)}</div></details>
</div>`;
}
