import type { DashboardData } from '../src/core/dashboard';
import { formatDay } from '../src/core/values/dates';
import { agendaTabName } from '../src/core/agenda/format';
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

/** The agenda made: a link to its tab and to its Doc (where it is printed or mailed), and the text itself. */
export function renderAgenda(agenda: MeetupAgenda, date: string): SafeHtml {
  const tab = agendaTabName(date);
  return html`<div class="agenda">
  <p><strong>${agenda.title}</strong> is gemaakt.</p>
  <div class="buttons">
    <button type="button" class="tonal" id="agenda-tab" data-tab="${tab}" data-row="1">Tabblad ${tab} openen</button>
    ${isDocLink(agenda.docUrl)
      ? html`<a class="link-button" href="${agenda.docUrl}" target="_blank" rel="noopener noreferrer" id="agenda-doc">Openen in Google Docs<span class="visually-hidden"> (nieuw tabblad; daar print of mail je de agenda)</span></a>`
      : ''}
  </div>
  <details><summary>Agenda lezen</summary><div class="agenda-text">${renderAgendaMarkdown(agenda.markdown)}</div></details>
</div>`;
}
