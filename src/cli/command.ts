/**
 * What every CLI command is: its usage and Dutch description for `help`, a parser that owns its
 * arguments (through `readArguments`, on `node:util` parseArgs), and the work itself.
 */

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** How users start the CLI; every message that names a command uses it. */
export const PROGRAM = 'node build/cli.js';

/**
 * A mistake in how the CLI was called (exit 2): one Dutch line, followed by where `help` explains
 * the command it is about, never the whole usage.
 */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}

export interface Command<A> {
  name: string;
  /** The forms of the call after PROGRAM: `check BESTAND.xlsx [--peildatum JJJJ-MM-DD] [--json]`. */
  synopsis: readonly string[];
  /** Dutch: what it does, for the overview. */
  description: readonly string[];
  /** Dutch: each option and argument explained, for `help COMMAND`. */
  details?: readonly string[];
  /** Reads the arguments after the command word; throws a UsageError in Dutch. */
  parse(argv: readonly string[]): A;
  run(args: A, io: Io): Promise<number>;
}

/** Whether `argv` asks for help (`-h`, `--help`) before any `--`. */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
