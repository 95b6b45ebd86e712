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

/** English messages of Google's services (Apps Script) and of the JavaScript engine, by pattern. */
const MESSAGES: [RegExp, string][] = [
  [/Service Spreadsheets failed while accessing document/i, 'Google Spreadsheets kon het werkboek op dit moment niet lezen of bijwerken. Probeer het over een paar minuten opnieuw.'],
  [/Service Documents failed while accessing document/i, 'Google Documenten kon het agendadocument op dit moment niet openen of bijwerken. Probeer het over een paar minuten opnieuw.'],
  [/Service invoked too many times|too many times for one day/i, 'De dagelijkse limiet van Google voor deze handeling is bereikt. Probeer het morgen opnieuw.'],
  [/Exceeded maximum execution time/i, 'De handeling duurde te lang: Google stopt een script na zes minuten. Probeer het opnieuw; wat al klaar was, blijft staan.'],
  [/protected cell|protected range|protected sheet|beveiligd/i, 'Een beveiligd bereik verhindert deze wijziging. Vraag de projectleider om het te doen of om rechten.'],
  [/(You do not have|You don't have|have no) (the )?permission|Access denied|PERMISSION_DENIED/i, 'Je hebt geen toestemming voor deze handeling of dit document.'],
  [/Authorization is required|requires authorization|not authorized/i, 'Regiomonitor heeft je toestemming nodig. Kies het menu opnieuw en geef toestemming.'],
  [/Lock timeout|too many LockService operations|Could not obtain lock|Timeout waiting for lock/i, 'Iemand anders werkt op dit moment in het werkboek. Probeer het over een minuut opnieuw.'],
  [/above the limit of \d+ cells|increase the number of cells in the workbook above/i, 'Het werkboek zou groter worden dan Google Sheets toestaat (10 miljoen cellen). Maak eerst ruimte, bijvoorbeeld door lege rijen of tabbladen te verwijderen.'],
  [/coordinates of the range are outside the dimensions|Range not found|The number of (rows|columns) in the (data|range) does not match/i, 'Het werkboek veranderde tijdens de handeling (rijen of kolommen toegevoegd of verwijderd). Probeer het opnieuw.'],
  [/Document .* is missing|has been deleted|Bad value|Invalid argument: id/i, 'Het document bestaat niet (meer) of is verplaatst.'],
  [/Limit Exceeded: Email|Email quota/i, 'De dagelijkse limiet van Google voor e-mails is bereikt. Probeer het morgen opnieuw.'],
  [/Service unavailable|Service error|Internal error|Backend Error|server error|We're sorry/i, 'Een dienst van Google gaf een tijdelijke fout. Probeer het over een paar minuten opnieuw.'],
  [/Invalid string length|Array buffer allocation failed|heap out of memory|Maximum call stack size exceeded/i, 'Het werkboek is te groot om te verwerken.'],
  [/Corrupted zip|End of data reached|Can't find end of central directory|is this a zip file/i, 'Het bestand is geen leesbaar Excel-werkboek (.xlsx).'],
];

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
  // Apps Script prefixes service errors with "Exception: ".
  const bare = original.replace(/^Exception:\s*/, '');
  for (const [pattern, message] of MESSAGES) if (pattern.test(bare)) return { message, details: original };
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
  const bare = text.replace(/^Exception:\s*/, '');
  const known = MESSAGES.find(([pattern]) => pattern.test(bare));
  if (!known && !engine) return error;
  return new Error(formatDutchError({ message: known ? known[1] : 'Er ging iets onverwachts mis.', details: text || null }));
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
