import { knownErrorText } from '../src/core/errors';
import type { ServerApi, ServerFunctionName } from '../src/server/api';

/**
 * The one way the sidebar talks to the server: google.script.run wrapped in promises, typed by
 * ServerApi. A failure always becomes a `ServerCallError` with a Dutch message a user can read;
 * nothing is swallowed.
 */
export class ServerCallError extends Error {
  constructor(message: string, readonly functionName: string, readonly original: string) {
    super(message);
    this.name = 'ServerCallError';
  }
}

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

function scriptRunner(): ScriptRunner | null {
  const g = (globalThis as unknown as { google?: { script?: { run?: ScriptRunner } } }).google;
  return g?.script?.run ?? null;
}

/** Words that occur in Dutch sentences and hardly in English ones, and the other way round. */
const DUTCH_WORDS = /(?:^|[^\p{L}])(de|het|een|niet|geen|bij|je|jouw|kan|kunt|moet|bestaat|ontbreekt|staat|werkboek|tabblad|kolom|actie|opnieuw|alleen|wordt|voor|naar|deze|dit|dat|wijzigen|gemeente|hoort|kies|vraag|vul|projectleider|moeten|zijn)(?=[^\p{L}]|$)/iu;
const ENGLISH_WORDS = /(?:^|[^\p{L}])(the|cannot|could|not|undefined|null|function|properties|property|reading|failed|missing|perhaps|you|don't|have|access|invoked|document|error|exception|unable|please|was|were|with|while|unexpected)(?=[^\p{L}]|$)/iu;
/** Document and script IDs: long runs of letters, digits, `-` and `_`. */
const LONG_ID = /[A-Za-z0-9_-]{25,}/;

/** A readable Dutch sentence of our own server, as opposed to a technical message from Google or JavaScript. */
export function isDutchSentence(text: string): boolean {
  return DUTCH_WORDS.test(text) && !ENGLISH_WORDS.test(text) && !LONG_ID.test(text);
}

/** A short, stable code for a technical message, so a report can be matched without showing it. */
export function failureCode(raw: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < raw.length; i++) hash = Math.imul(hash ^ raw.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).toUpperCase().padStart(8, '0').slice(0, 6);
}

export const UNKNOWN_FAILURE = 'Er ging iets mis op de server. Probeer het opnieuw; gaat het weer mis, geef de details hieronder dan door aan de projectleider.';

/** What a user reads about a failure: a Dutch sentence, and for an unknown failure a details line. */
export interface Failure {
  message: string;
  /** Only for failures we cannot explain: server function and a code, never the raw text. */
  detail: string | null;
}

function rawText(error: unknown): string {
  if (error instanceof ServerCallError) return error.original;
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return '';
}

/** Turns whatever the failure handler received into something for the user; see Failure. */
export function describeFailure(error: unknown, functionName = error instanceof ServerCallError ? error.functionName : ''): Failure {
  const raw = rawText(error);
  // The server translated a Google or engine error itself (core/errors.ts publicError): its Dutch
  // sentence is shown, the technical line with its document IDs only in the console.
  const [sentence, technical] = raw.split(/\nTechnische details: /);
  if (technical !== undefined) {
    if (typeof console !== 'undefined') console.warn(`Regiomonitor: ${functionName || 'server'} mislukte (code ${failureCode(technical)}): ${technical}`);
    return { message: sentence.replace(/^(?:\w*(?:Error|Exception):\s*)+/, '').trim(), detail: `Details: ${functionName ? `${functionName}, ` : ''}foutcode ${failureCode(technical)}` };
  }
  // Apps Script prefixes thrown errors (`Exception: `, `Error: `, `ScriptError: `); the rest is ours.
  const text = raw.replace(/^(?:\w*(?:Error|Exception):\s*)+/, '').trim();
  // Our own Dutch first: a sentence of ours may mention what a Google error pattern looks for (`beveiligd`).
  if (text && isDutchSentence(text)) return { message: text, detail: null };
  const known = knownErrorText(text);
  if (known) return { message: known, detail: null };
  if (raw && typeof console !== 'undefined') console.warn(`Regiomonitor: ${functionName || 'server'} mislukte (code ${failureCode(raw)}): ${raw}`);
  return { message: UNKNOWN_FAILURE, detail: `Details: ${functionName ? `${functionName}, ` : ''}foutcode ${raw ? failureCode(raw) : 'leeg'}` };
}

/** The failure as one Dutch sentence (without the details line). */
export function dutchFailureMessage(error: unknown): string {
  return describeFailure(error).message;
}

export function callServer<K extends ServerFunctionName>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const run = scriptRunner();
    if (!run) {
      reject(new ServerCallError('Deze pagina draait niet in Google Sheets: de server is niet bereikbaar.', name, 'google.script.run ontbreekt'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => {
        const original = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
        reject(new ServerCallError(describeFailure(original, name).message, name, original));
      });
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new ServerCallError(`De serverfunctie ${name} bestaat niet.`, name, 'unknown function'));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/** The server, as the sidebar sees it: one typed method per public function. */
export const server: { [K in ServerFunctionName]: (...args: Parameters<ServerApi[K]>) => Promise<ReturnType<ServerApi[K]>> } = {
  getSidebar: (...args) => callServer('getSidebar', ...args),
  getDashboard: (...args) => callServer('getDashboard', ...args),
  runBudgetCheck: (...args) => callServer('runBudgetCheck', ...args),
  getMyActions: (...args) => callServer('getMyActions', ...args),
  updateAction: (...args) => callServer('updateAction', ...args),
  addAction: (...args) => callServer('addAction', ...args),
  generateMeetupAgenda: (...args) => callServer('generateMeetupAgenda', ...args),
  selectRow: (...args) => callServer('selectRow', ...args),
};


