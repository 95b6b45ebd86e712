import type { DashboardData } from '../src/core/dashboard';
import type { MyActions } from '../src/server/api';
import { DEFAULT_TIME_ZONE } from '../src/core/values/dates';
import { Failure, describeFailure } from './client';
import { Draft, FormMessage } from './drafts';
import { formatTime } from './format';
import { SafeHtml, html, setHtml } from './html';
import { Filter } from './myActions';

/**
 * The sidebar's state, the one place it lives: the HTML is drawn from it by the render modules; the
 * one open form keeps its typing in `draft`, so a redraw never loses a keystroke.
 */
export const state: {
  timeZone: string;
  dashboard: DashboardData | null;
  /** Null: the caller edits no municipality. */
  mine: { ok: true; value: MyActions } | { ok: false; failure: Failure } | null;
  filter: Filter;
  draft: Draft | null;
} = { timeZone: DEFAULT_TIME_ZONE, dashboard: null, mine: null, filter: 'open', draft: null };

/** Actions whose quick status change is on its way to the server. */
export const busyRows = new Set<string>();

export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export function failureView(failure: Failure, retry?: { kind: string; label: string }): SafeHtml {
  return html`<div class="failure" role="alert"><p class="error">${failure.message}</p>${failure.detail ? html`<p class="error-detail">${failure.detail}</p>` : ''}${retry ? html`<button type="button" class="tonal" data-retry="${retry.kind}">${retry.label}</button>` : ''}</div>`;
}

export function showStatus(target: HTMLElement, message: FormMessage | null): void {
  if (!message) {
    target.textContent = '';
    return;
  }
  setHtml(target, message.kind === 'error'
    ? html`<div class="failure" role="alert"><p class="error">${message.text}</p>${message.detail ? html`<p class="error-detail">${message.detail}</p>` : ''}</div>`
    : html`<p class="${message.kind === 'ok' ? 'ok' : ''}">${message.text}${message.undo ? html` <button type="button" class="text-button" data-undo>Ongedaan maken</button>` : ''}</p>`);
}

export const errorMessage = (error: unknown): FormMessage => {
  const f = describeFailure(error);
  return { kind: 'error', text: f.message, detail: f.detail };
};

export function announce(text: string): void {
  // Emptied first, so the same sentence twice is still read out.
  const region = $('announce');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

export function setBusy(button: HTMLButtonElement, busy: boolean, busyText: string, idleText: string): void {
  // aria-disabled keeps the button focusable while busy, so keyboard focus is not lost.
  button.setAttribute('aria-disabled', String(busy));
  button.setAttribute('aria-busy', String(busy));
  button.textContent = busy ? busyText : idleText;
}

export const isBusy = (button: Element) => button.getAttribute('aria-busy') === 'true' || button.getAttribute('aria-disabled') === 'true';

export const nowTime = () => formatTime(new Date().toISOString(), state.timeZone);
