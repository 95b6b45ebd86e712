import { MAX_ENTRY_CHARS, MAX_WAITING, MAX_WAITING_PER_USER, REQUEST_PREFIX, Request, encodeRequest, requestKey, requesterTag } from '../core/logbook/queue';
import { Runtime } from '../ports/runtime';

/** What an official reads when the project leader's triggers have not run for a long while. */
export const QUEUE_FULL_MESSAGE = 'Er wachten al te veel wijzigingen op de trigger van de projectleider; probeer het later opnieuw, of vraag de projectleider de budgetcontrole te draaien.';

function fits(request: Request): string {
  let text = encodeRequest(request);
  if (text.length <= MAX_ENTRY_CHARS || request.kind !== 'log') return text;
  // A long Toelichting is cut in the queued line (it stands whole in the sheet): a property holds 9 KB.
  const share = Math.floor(MAX_ENTRY_CHARS / Math.max(1, request.lines.length * 3));
  const cut = { ...request, lines: request.lines.map((l) => l.map((c) => (typeof c === 'string' && c.length > share ? `${c.slice(0, share - 1)}…` : c))) };
  text = encodeRequest(cut);
  return text;
}

/**
 * Puts a request in the document properties for the project leader's executions (core/logbook/queue.ts):
 * "Actie toevoegen", or the Logboek lines of a "Mijn acties" save, which the official's own execution
 * cannot key. One property per request, so two users at once never overwrite each other.
 */
export function queueRequest(runtime: Runtime, request: Request, at: Date): void {
  const waiting = Object.keys(runtime.properties.getAll()).filter((k) => k.startsWith(REQUEST_PREFIX));
  const tag = `.${requesterTag(request.by)}`;
  if (waiting.length >= MAX_WAITING || waiting.filter((k) => k.endsWith(tag)).length >= MAX_WAITING_PER_USER) throw new Error(QUEUE_FULL_MESSAGE);
  runtime.properties.set({ [requestKey(at, request.by)]: fits(request) });
}
