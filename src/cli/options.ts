import { ParseArgsConfig, parseArgs } from 'node:util';
import { closestMatch, joinDutch } from '../core/values/text';
import { UsageError } from './command';
import { readDay } from './dayArgument';
import { Day } from '../core/values/dates';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The arguments one command takes. */
export interface ArgumentSpec {
  command: string;
  options: Options;
  /** How many positional arguments the command needs, and how many more it may take. */
  positionals: number;
  optionalPositionals?: number;
  /** What the positional arguments are: `een bestandsnaam (BESTAND.xlsx)`. */
  expects?: string;
}

export interface Arguments {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];
type OptionToken = Extract<Token, { kind: 'option' }>;

const optionNames = (options: Options) => Object.keys(options).map((o) => `--${o}`);

/** What is wrong with one option token in Dutch, or null when it is fine. */
function optionProblem(spec: ArgumentSpec, token: OptionToken, argv: readonly string[]): string | null {
  const raw = argv[token.index] ?? token.rawName;
  const option = spec.options[token.name];
  const where = `bij "${spec.command}"`;
  if (!option) {
    // `-out` is read as -o -u -t; say what was typed, and that long options take two dashes.
    const typed = raw.split('=')[0];
    if (/^-[^-]/.test(typed) && spec.options[typed.slice(1)]) return `Onbekende optie ${typed} ${where}: schrijf --${typed.slice(1)}, met twee streepjes.`;
    const known = optionNames(spec.options);
    const meant = closestMatch(typed.replace(/^-+/, ''), Object.keys(spec.options));
    if (meant) return `Onbekende optie ${typed} ${where} (bedoel je --${meant}?).`;
    return known.length ? `Onbekende optie ${typed} ${where}; "${spec.command}" kent ${joinDutch(known)}.` : `Onbekende optie ${typed}: "${spec.command}" heeft geen opties.`;
  }
  const name = `--${token.name}`;
  if (option.type === 'boolean') return token.inlineValue ? `Optie ${name} heeft geen waarde: schrijf alleen ${name}.` : null;
  if (token.value === undefined || token.value.trim() === '') return `Optie ${name} mist een waarde.`;
  if (!token.inlineValue && token.value.startsWith('-')) return `Optie ${name} mist een waarde: ${token.value} is een optie.`;
  return null;
}

/**
 * A command's arguments, parsed by `node:util` parseArgs (strict: unknown options and missing values
 * are errors). Every error is one Dutch sentence that names the argument; an option given twice is
 * an error too, since the second would silently win.
 */
export function readArguments(spec: ArgumentSpec, argv: readonly string[]): Arguments {
  const config = { args: [...argv], options: spec.options, allowPositionals: true, tokens: true } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config & { strict: true }>>;
  try {
    parsed = parseArgs({ ...config, strict: true });
  } catch (error) {
    // The strict parser decides; a lenient pass over the same arguments finds the culprit to name.
    const tokens = parseArgs({ ...config, strict: false }).tokens;
    const problem = tokens.flatMap((t) => (t.kind === 'option' ? [optionProblem(spec, t, argv)] : [])).find((p) => p !== null);
    throw new UsageError(problem ?? `De argumenten van "${spec.command}" kloppen niet: ${(error as Error).message}`, spec.command);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`Optie --${token.name} staat er twee keer.`, spec.command);
    seen.add(token.name);
    const problem = optionProblem(spec, token, argv);
    if (problem) throw new UsageError(problem, spec.command);
  }
  const { positionals } = parsed;
  const most = spec.positionals + (spec.optionalPositionals ?? 0);
  if (positionals.length > most) throw new UsageError(`Te veel argumenten bij "${spec.command}": ${positionals.slice(most).join(' ')}.`, spec.command);
  if (positionals.length < spec.positionals) throw new UsageError(`"${spec.command}" verwacht ${spec.expects ?? `${spec.positionals} argumenten`}.`, spec.command);
  return { values: parsed.values as Arguments['values'], positionals };
}

/** The value of a string option, or undefined when it was not given. */
export function stringOption(args: Arguments, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** `--peildatum` as a day, undefined when not given; a day that cannot be read is a usage error of `command`. */
export function referenceDateOption(args: Arguments, command: string): Day | undefined {
  const date = stringOption(args, 'peildatum');
  if (date === undefined) return undefined;
  const read = readDay(date);
  if ('problem' in read) throw new UsageError(`--peildatum ${read.problem}`, command);
  return read.day;
}
