import { closestMatch } from '../../core/values/text';
import { Command, EXIT_OK, PROGRAM, UsageError } from '../command';
import { readArguments } from '../options';

export interface HelpArgs {
  command?: string;
}

type AnyCommand = Command<unknown>;

const indent = (lines: readonly string[], by: string) => lines.map((l) => `${by}${l}`);

function usageOf(command: AnyCommand): string[] {
  return [...command.synopsis.map((s) => `  ${PROGRAM} ${s}`), ...indent(command.description, '      ')];
}

/** Every command in short: what `help` prints. */
export function overviewText(commands: readonly AnyCommand[]): string {
  return [
    'Gebruik:',
    ...commands.flatMap(usageOf),
    '',
    `Meer over één opdracht: ${PROGRAM} help OPDRACHT (of OPDRACHT --help).`,
    'Afsluitcode: 0 klaar, 1 een probleem met een bestand, 2 een fout in de opdracht zelf.',
  ].join('\n');
}

/** One command in full: its usage, then each option and argument. */
export function commandHelpText(command: AnyCommand): string {
  return ['Gebruik:', ...usageOf(command), ...(command.details?.length ? ['', ...indent(command.details, '  ')] : [])].join('\n');
}

/** The command `help [OPDRACHT]`; it lists the commands it is given, itself included. */
export function helpCommand(commands: () => readonly AnyCommand[]): Command<HelpArgs> {
  return {
    name: 'help',
    synopsis: ['help [OPDRACHT]'],
    description: ['Toont deze hulp, of alles over één opdracht.'],
    parse(argv) {
      const args = readArguments({ command: 'help', options: {}, positionals: 0, optionalPositionals: 1 }, argv);
      const [command] = args.positionals;
      return command !== undefined ? { command } : {};
    },
    async run(args, io) {
      if (args.command === undefined) {
        io.stdout(overviewText(commands()));
        return EXIT_OK;
      }
      const all = commands();
      const command = all.find((c) => c.name === args.command);
      if (!command) {
        const meant = closestMatch(args.command, all.map((c) => c.name));
        throw new UsageError(`Onbekende opdracht "${args.command}"${meant ? ` (bedoel je ${meant}?)` : ''}. Opdrachten: ${all.map((c) => c.name).join(', ')}.`, 'help');
      }
      io.stdout(commandHelpText(command));
      return EXIT_OK;
    },
  };
}
