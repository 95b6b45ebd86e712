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

const KNOWN_FAILURES: { pattern: RegExp; message: string }[] = [
  { pattern: /NetworkError|Failed to fetch|HTTP 0\b/, message: 'Geen verbinding met de server. Controleer de internetverbinding en probeer het opnieuw.' },
  { pattern: /Authori[sz]ation is required|not authori[sz]ed|PERMISSION_DENIED/, message: 'Regiomonitor heeft geen toestemming voor deze handeling. Open het menu Regiomonitor opnieuw en geef toestemming.' },
  { pattern: /protected cell|protected range|beveiligde cel/i, message: 'Dit deel van het werkboek is beveiligd: alleen de projectleider kan het wijzigen.' },
  { pattern: /Exceeded maximum execution time|timed? ?out/i, message: 'De server deed er te lang over. Probeer het over een minuut opnieuw.' },
  { pattern: /Service invoked too many times|Too many simultaneous/i, message: 'Google staat op dit moment niet meer aanvragen toe. Probeer het later opnieuw.' },
  { pattern: /Lock timeout|could not obtain lock|LockService/i, message: 'Iemand anders werkt het werkboek op dit moment bij. Probeer het over een paar seconden opnieuw.' },
];

/** Turns whatever the failure handler received into a sentence for the user. */
export function dutchFailureMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : error && typeof error === 'object' && 'message' in error ? String((error as { message: unknown }).message) : '';
  // Apps Script prefixes thrown errors (`Exception: `, `Error: `, `ScriptError: `); the rest is ours.
  const text = raw.replace(/^(?:\w*(?:Error|Exception):\s*)+/, '').trim();
  for (const known of KNOWN_FAILURES) if (known.pattern.test(raw)) return known.message;
  if (!text) return 'Er ging iets mis op de server, zonder nadere uitleg. Probeer het opnieuw.';
  return text;
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
        reject(new ServerCallError(dutchFailureMessage(error), name, original));
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

export function errorMessage(error: unknown): string {
  return error instanceof ServerCallError ? error.message : dutchFailureMessage(error);
}
