import { parseMeetupChoice } from '../core/agenda/choice';
import { Day, parseDay } from '../core/values/dates';

export type Command =
  | { kind: 'help' }
  | { kind: 'init'; file: string; region?: string }
  | { kind: 'regio' }
  | { kind: 'check'; file: string; referenceDate?: Day; json: boolean }
  | { kind: 'demo'; outDir: string }
  | { kind: 'agenda'; file: string; meetup: string; outDir?: string };

/** A mistake in how the CLI was called: shown as a Dutch message with the usage, never as a stack trace. */
export class UsageError extends Error {}

export const DEFAULT_DEMO_DIR = 'out';

export const USAGE = [
  'Gebruik:',
  '  node build/cli.js init BESTAND.xlsx [--regio gelderland-zuid|sjabloon|EIGEN.json]',
  '      Maakt een nieuw werkboek voor een regio (standaard Gelderland Zuid 2021-2025);',
  '      sjabloon geeft een leeg werkboek, EIGEN.json een eigen regiobestand.',
  '  node build/cli.js regio',
  '      Toont de ingebouwde regio\'s.',
  '  node build/cli.js check BESTAND.xlsx [--peildatum JJJJ-MM-DD] [--json]',
  '      Voert de budgetcontrole uit, schrijft Budgetcontrole, Herprioritering en Controles',
  '      terug in het bestand en toont de samenvatting (met --json: als JSON).',
  `  node build/cli.js demo [--out MAP]`,
  `      Bouwt het demowerkboek met fictieve mutaties in MAP (standaard ${DEFAULT_DEMO_DIR}/).`,
  '  node build/cli.js agenda BESTAND.xlsx JJJJ-MM-DD|JJJJ-Qn [--out MAP]',
  '      Schrijft de agenda van de meet-up op die datum (of de eerste in dat kwartaal) als',
  '      agenda-JJJJ-MM-DD.md en .html (standaard naast het werkboek). Het werkboek blijft ongewijzigd.',
  '  node build/cli.js help',
  '      Toont deze hulp.',
].join('\n');

interface Spec {
  positional: number;
  /** What the positional arguments are, for the message when some are missing. */
  expects?: string;
  flags: Record<string, 'boolean' | 'value'>;
}

const SPECS: Record<Command['kind'], Spec> = {
  help: { positional: 0, flags: {} },
  init: { positional: 1, expects: 'een bestandsnaam (BESTAND.xlsx)', flags: { '--regio': 'value' } },
  regio: { positional: 0, flags: {} },
  check: { positional: 1, expects: 'een bestandsnaam (BESTAND.xlsx)', flags: { '--peildatum': 'value', '--json': 'boolean' } },
  demo: { positional: 0, flags: { '--out': 'value' } },
  agenda: { positional: 2, expects: 'een bestandsnaam en de datum van een meet-up (BESTAND.xlsx JJJJ-MM-DD of JJJJ-Qn)', flags: { '--out': 'value' } },
};

const isCommand = (word: string): word is Command['kind'] => Object.prototype.hasOwnProperty.call(SPECS, word);

/** Reads `--peildatum`: ISO `2024-10-01`, or the Dutch `01-10-2024` people also type. */
export function parseReferenceDate(text: string): Day {
  const read = parseDay(text, 'UTC');
  if (read.kind !== 'ok') throw new UsageError(`Ongeldige --peildatum "${text}": gebruik JJJJ-MM-DD, bijvoorbeeld 2024-10-01.`);
  return read.day;
}

export function parseArgs(argv: readonly string[]): Command {
  const [word, ...rest] = argv;
  if (word === undefined) throw new UsageError('Geen opdracht opgegeven.');
  if (word === '--help' || word === '-h') return { kind: 'help' };
  if (!isCommand(word)) throw new UsageError(`Onbekende opdracht "${word}".`);
  const spec = SPECS[word];
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      const kind = spec.flags[name];
      if (!kind) throw new UsageError(`Onbekende optie ${name} bij "${word}".`);
      if (flags.has(name)) throw new UsageError(`Optie ${name} staat er twee keer.`);
      if (kind === 'boolean') {
        if (eq !== -1) throw new UsageError(`Optie ${name} heeft geen waarde.`);
        flags.set(name, true);
      } else {
        const value = eq !== -1 ? arg.slice(eq + 1) : rest[++i];
        if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) throw new UsageError(`Optie ${name} mist een waarde.`);
        flags.set(name, value);
      }
    } else {
      positional.push(arg);
    }
  }
  if (positional.length > spec.positional) throw new UsageError(`Te veel argumenten bij "${word}": ${positional.slice(spec.positional).join(' ')}`);
  if (positional.length < spec.positional) throw new UsageError(`"${word}" verwacht ${spec.expects}.`);
  const value = (name: string) => flags.get(name) as string | undefined;

  switch (word) {
    case 'help':
      return { kind: 'help' };
    case 'init': {
      const region = value('--regio');
      return { kind: 'init', file: positional[0], ...(region !== undefined ? { region } : {}) };
    }
    case 'regio':
      return { kind: 'regio' };
    case 'check': {
      const date = value('--peildatum');
      return { kind: 'check', file: positional[0], json: flags.has('--json'), ...(date !== undefined ? { referenceDate: parseReferenceDate(date) } : {}) };
    }
    case 'demo':
      return { kind: 'demo', outDir: value('--out') ?? DEFAULT_DEMO_DIR };
    case 'agenda': {
      // A date or quarter that cannot be read is a bad argument (exit 2), found before the file is opened.
      const outDir = value('--out');
      if (!parseMeetupChoice(positional[1])) throw new UsageError(`"${positional[1]}" is geen datum of kwartaal: gebruik JJJJ-MM-DD (bijvoorbeeld 2024-09-12) of JJJJ-Qn.`);
      return { kind: 'agenda', file: positional[0], meetup: positional[1], ...(outDir !== undefined ? { outDir } : {}) };
    }
  }
}
