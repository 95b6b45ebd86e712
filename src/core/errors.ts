/**
 * Every error a user can see is Dutch. An error that is already written for the user is a
 * DutchError; anything else (a file system error from Node, a Google service error from Apps Script,
 * a bug) is translated by `dutchError`, which keeps the original text apart for support.
 */

/** An error whose message is written for the user, in Dutch. `cause` keeps the technical origin. */
export class DutchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DutchError';
  }
}

export interface DutchErrorText {
  /** One or more Dutch sentences for the user. */
  message: string;
  /** The original, technical text (usually English) for support; null when there is none to add. */
  details: string | null;
}

const DETAILS_LABEL = 'Technische details';

/** The Dutch message, then the original text on a line of its own. */
export function formatDutchError(text: DutchErrorText): string {
  return text.details ? `${text.message}\n${DETAILS_LABEL}: ${text.details}` : text.message;
}

interface SystemError {
  code?: unknown;
  path?: unknown;
  dest?: unknown;
  message?: unknown;
}

const where = (path: unknown) => (typeof path === 'string' && path ? ` ${path}` : '');

/** Node's file system errors, by code: what the user can do about it. */
const SYSTEM_ERRORS: Record<string, (path: string) => string> = {
  ENOENT: (p) => `Het bestand of de map${p} bestaat niet.`,
  EACCES: (p) => `Geen toestemming voor${p || ' dit bestand'}: het is beveiligd of alleen-lezen.`,
  EPERM: (p) => `Geen toestemming voor${p || ' dit bestand'}: het is beveiligd of alleen-lezen.`,
  EEXIST: (p) => `${p ? `Het bestand of de map${p}` : 'Het bestand'} bestaat al.`,
  EISDIR: (p) => `${p ? p.trim() : 'Dit'} is een map, geen bestand.`,
  ENOTDIR: (p) => `Een deel van het pad${p} is geen map.`,
  ENOSPC: () => 'De schijf is vol.',
  EDQUOT: () => 'Je schijfruimte (quotum) is op.',
  EROFS: (p) => `${p ? `${p.trim()} staat` : 'Het bestand staat'} op een schijf die alleen gelezen kan worden.`,
  EBUSY: (p) => `${p ? p.trim() : 'Het bestand'} is in gebruik door een ander programma.`,
  ETXTBSY: (p) => `${p ? p.trim() : 'Het bestand'} is in gebruik door een ander programma.`,
  EMFILE: () => 'Er staan te veel bestanden tegelijk open.',
  ENFILE: () => 'Er staan te veel bestanden tegelijk open.',
  ENAMETOOLONG: () => 'De bestandsnaam is te lang.',
  ELOOP: (p) => `Te veel symbolische koppelingen achter elkaar bij${p}.`,
  EIO: () => 'De schijf gaf een lees- of schrijffout.',
  EXDEV: () => 'Het bestand kan niet naar een andere schijf worden verplaatst.',
  EINVAL: (p) => `Ongeldige bewerking op${p || ' het bestand'}.`,
  ERR_STRING_TOO_LONG: () => 'Het bestand is te groot om te lezen.',
  ERR_FS_FILE_TOO_LARGE: () => 'Het bestand is te groot om te lezen.',
};

/** What a user reads when another run holds the document lock (LockService, and our own runtime). */
export const BUSY_MESSAGE = 'Iemand anders werkt het werkboek op dit moment bij. Probeer het over een paar seconden opnieuw.';

const TOO_LONG = 'De server deed er te lang over. Probeer het over een minuut opnieuw.';

/**
 * The one table of errors we know the meaning of, each with the one Dutch sentence a user reads:
 * Google's services (Apps Script), the JavaScript engine, google.script.run in the browser and
 * exceljs. The server translates with it (publicError, dutchError) and so does the sidebar
 * (sidebar/client.ts describeFailure) for what reaches the browser untranslated. Order matters: the
 * lock comes before the time-out, because LockService's "Lock timeout" is someone else working.
 */
export const KNOWN_ERRORS: readonly { pattern: RegExp; message: string }[] = [
  { pattern: /Lock timeout|too many LockService operations|Could not obtain lock|Timeout waiting for lock|LockService/i, message: BUSY_MESSAGE },
  { pattern: /Service Spreadsheets failed while accessing document/i, message: 'Google Spreadsheets kon het werkboek op dit moment niet lezen of bijwerken. Probeer het over een paar minuten opnieuw.' },
  { pattern: /Service Documents failed while accessing document/i, message: 'Google Documenten kon het agendadocument op dit moment niet openen of bijwerken. Probeer het over een paar minuten opnieuw.' },
  { pattern: /too many times for one day/i, message: 'De dagelijkse limiet van Google voor deze handeling is bereikt. Probeer het morgen opnieuw.' },
  { pattern: /Service invoked too many times|Too many simultaneous/i, message: 'Google staat op dit moment niet meer aanvragen toe. Probeer het later opnieuw.' },
  { pattern: /Exceeded maximum execution time/i, message: TOO_LONG },
  { pattern: /protected cell|protected range|protected sheet|beveiligd/i, message: 'Dit deel van het werkboek is beveiligd: alleen de projectleider kan het wijzigen.' },
  { pattern: /(You do not have|You don't have|have no) (the )?permission|Access denied|PERMISSION_DENIED/i, message: 'Je hebt geen toestemming voor deze handeling of dit document.' },
  { pattern: /Authori[sz]ation is required|requires authori[sz]ation|not authori[sz]ed/i, message: 'Regiomonitor heeft geen toestemming voor deze handeling. Open het menu Regiomonitor opnieuw en geef toestemming.' },
  { pattern: /above the limit of \d+ cells|increase the number of cells in the workbook above/i, message: 'Het werkboek zou groter worden dan Google Sheets toestaat (10 miljoen cellen). Maak eerst ruimte, bijvoorbeeld door lege rijen of tabbladen te verwijderen.' },
  { pattern: /coordinates of the range are outside the dimensions|Range not found|The number of (rows|columns) in the (data|range) does not match/i, message: 'Het werkboek veranderde tijdens de handeling (rijen of kolommen toegevoegd of verwijderd). Probeer het opnieuw.' },
  { pattern: /Document .* is missing|has been deleted|Bad value|Invalid argument: id/i, message: 'Het document bestaat niet (meer) of is verplaatst.' },
  { pattern: /Limit Exceeded: Email|Email quota/i, message: 'De dagelijkse limiet van Google voor e-mails is bereikt. Probeer het morgen opnieuw.' },
  { pattern: /Service unavailable|Service error|Internal error|Backend Error|server error|We're sorry/i, message: 'Een dienst van Google gaf een tijdelijke fout. Probeer het over een paar minuten opnieuw.' },
  { pattern: /NetworkError|Failed to fetch|HTTP 0\b/, message: 'Geen verbinding met de server. Controleer de internetverbinding en probeer het opnieuw.' },
  { pattern: /Invalid string length|Array buffer allocation failed|heap out of memory|Maximum call stack size exceeded/i, message: 'Het werkboek is te groot om te verwerken.' },
  { pattern: /Corrupted zip|End of data reached|Can't find end of central directory|is this a zip file/i, message: 'Het bestand is geen leesbaar Excel-werkboek (.xlsx).' },
  // Any other time-out (a service that timed out) reads as the script's own.
  { pattern: /timed? ?out/i, message: TOO_LONG },
];

/** The Dutch sentence for an error we know (see KNOWN_ERRORS); null for any other. Apps Script's `Exception: ` prefix is ignored. */
export function knownErrorText(text: string): string | null {
  const bare = text.replace(/^Exception:\s*/, '');
  return KNOWN_ERRORS.find((known) => known.pattern.test(bare))?.message ?? null;
}

const textOf = (error: unknown): string => {
  if (typeof error === 'string') return error;
  // Not `instanceof Error`: an error from another realm (a vm context, a test runner) is not one.
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message === 'string') return message;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
};

/**
 * An error as the user reads it: a Dutch message and the original text for support. A DutchError
 * speaks for itself (its cause, if any, becomes the details); Node's file errors and Google's
 * service errors are translated; anything else is an unexpected error, its text kept as details.
 */
export function dutchError(error: unknown): DutchErrorText {
  if (error instanceof DutchError) {
    const cause = (error as { cause?: unknown }).cause;
    return { message: error.message, details: cause === undefined ? null : textOf(cause) };
  }
  const original = textOf(error).trim();
  const system = (error ?? {}) as SystemError;
  if (typeof system.code === 'string' && SYSTEM_ERRORS[system.code]) {
    return { message: SYSTEM_ERRORS[system.code](where(system.path)), details: original || system.code };
  }
  const known = knownErrorText(original);
  if (known) return { message: known, details: original };
  if (typeof system.code === 'string') return { message: `Er ging iets mis met een bestand (${system.code}).`, details: original };
  return { message: 'Er ging iets onverwachts mis.', details: original || null };
}

/** Words our own Dutch messages use and Google's English ones do not. */
const READS_DUTCH = /(?:^|[^\p{L}])(de|het|een|niet|geen|je|kan|kon|bestaat|ontbreekt|werkboek|tabblad|alleen|voor|naar|projectleider)(?=[^\p{L}]|$)/iu;
const ENGINE_ERRORS = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'URIError', 'EvalError']);

/**
 * What a public Apps Script function throws. Our own errors are Dutch already and pass as they are.
 * A Google service error (English, with a document ID) or an engine error (a bug) becomes a Dutch
 * sentence, with the original on a `Technische details` line for support; the sidebar keeps that
 * line out of sight, a menu dialog shows it under the sentence.
 */
export function publicError(error: unknown): unknown {
  if (error instanceof DutchError) return new Error(formatDutchError(dutchError(error)));
  const text = textOf(error).trim();
  const engine = typeof (error as { name?: unknown } | null)?.name === 'string' && ENGINE_ERRORS.has((error as { name: string }).name);
  if (!engine && READS_DUTCH.test(text)) return error;
  const known = knownErrorText(text);
  if (!known && !engine) return error;
  return new Error(formatDutchError({ message: known ?? 'Er ging iets onverwachts mis.', details: text || null }));
}

/** A public function whose failures reach the user in Dutch (see publicError). */
export function inDutch<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return function (this: unknown, ...args: A): R {
    try {
      return fn.apply(this, args);
    } catch (error) {
      throw publicError(error);
    }
  };
}
