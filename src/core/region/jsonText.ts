/**
 * The text of a region file, which people write by hand: where JSON.parse gives up, say in Dutch on
 * which line and column, and what the usual cause there is (a comma after the last element, a
 * comment, single quotes, a thousands separator).
 */

export class JsonTextError extends Error {
  constructor(readonly line: number, readonly column: number, readonly reason: string) {
    super(`fout op regel ${line}, kolom ${column}: ${reason}`);
  }
}

class Stop {
  constructor(readonly offset: number, readonly reason: string) {}
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Walks the text as JSON and stops at the first thing JSON does not allow. */
function findProblem(text: string): Stop | null {
  let i = 0;
  const stop = (reason: string, at = i) => {
    throw new Stop(at, reason);
  };
  const skip = () => {
    while (i < text.length && WHITESPACE.has(text[i])) i++;
  };
  const unexpected = () => {
    if (i >= text.length) stop('het bestand houdt halverwege op; er ontbreekt een } of ]');
    if (text.startsWith('//', i) || text.startsWith('/*', i)) stop('JSON kent geen commentaar; zet een toelichting in een "_about"-sleutel');
    if (text[i] === "'") stop('tekst staat tussen dubbele aanhalingstekens ("), niet tussen enkele');
    stop(`onverwacht teken ${text[i]}`);
  };
  const string = () => {
    const start = i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\n') stop('een " ontbreekt aan het einde van deze tekst', start);
      if (c < ' ') stop('een tab of ander stuurteken in een tekst; schrijf \\t of haal het weg');
      if (c === '\\') {
        if (!ESCAPES.has(text[i + 1])) stop(`\\${text[i + 1] ?? ''} is geen geldige code in een tekst; schrijf een \\ als \\\\`);
        i += 2;
      } else i++;
    }
    stop('een " ontbreekt aan het einde van deze tekst', start);
  };
  const number = () => {
    const start = i;
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) stop('geen geldig getal');
    i += m![0].length;
    if (text[i] === '.' || (text[i] === ',' && /^\d{3}/.test(text.slice(i + 1, i + 4)))) {
      stop('schrijf een getal zonder scheidingstekens voor duizendtallen en met een punt voor decimalen, zoals 1500000 of 1500000.50', start);
    }
  };
  const sequence = (close: '}' | ']', element: () => void) => {
    i++;
    skip();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      element();
      skip();
      if (text[i] === close) {
        i++;
        return;
      }
      if (text[i] !== ',') {
        if (i < text.length && !text.startsWith('/', i)) stop(`een komma ontbreekt vóór dit element, of een ${close} ervoor`);
        unexpected();
      }
      i++;
      skip();
      if (text[i] === '}' || text[i] === ']') stop('een komma na het laatste element van een lijst of object; haal die komma weg');
    }
  };
  const value = (): void => {
    skip();
    const c = text[i];
    if (c === '{') {
      return sequence('}', () => {
        skip();
        if (text[i] !== '"') {
          if (/[A-Za-z_]/.test(text[i] ?? '')) stop('zet een sleutel tussen dubbele aanhalingstekens, zoals "naam"');
          unexpected();
        }
        string();
        skip();
        if (text[i] !== ':') stop('na een sleutel komt een dubbele punt');
        i++;
        value();
      });
    }
    if (c === '[') return sequence(']', value);
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    unexpected();
  };
  try {
    value();
    skip();
    if (i < text.length) stop('na het einde van de JSON staat nog tekst');
    return null;
  } catch (e) {
    if (e instanceof Stop) return e;
    throw e;
  }
}

/** Line and column (both from 1) of an offset in `text`. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * Parses the text of a region file. A byte order mark (Windows Notepad writes one) is dropped.
 * Throws a JsonTextError naming line, column and the likely cause.
 */
export function parseJsonText(text: string): unknown {
  const clean = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(clean);
  } catch (error) {
    const problem = findProblem(clean);
    if (!problem) throw new JsonTextError(1, 1, (error as Error).message);
    const { line, column } = position(clean, problem.offset);
    throw new JsonTextError(line, column, problem.reason);
  }
}
