import { AgendaInputError } from '../app/agenda';
import { dutchError, formatDutchError } from '../core/errors';
import { closestMatch } from '../core/values/text';
import { Command, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, Io, PROGRAM, UsageError, asksForHelp } from './command';
import { agendaCommand } from './commands/agenda';
import { berapCommand } from './commands/berap';
import { checkCommand } from './commands/check';
import { demoCommand } from './commands/demo';
import { commandHelpText, helpCommand } from './commands/help';
import { initCommand } from './commands/init';
import { regioCommand } from './commands/regio';

/** Every command, in the order `help` shows them. Each one owns its arguments. */
const COMMANDS: readonly Command<unknown>[] = [initCommand, regioCommand, checkCommand, agendaCommand, berapCommand, demoCommand, helpCommand(() => COMMANDS)];

const processIo: Io = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
};

/** The command `word` names; a bad word is a UsageError that says what to type instead. */
function commandNamed(word: string | undefined): Command<unknown> {
  const names = COMMANDS.map((c) => c.name);
  const choose = `Kies ${names.slice(0, -1).join(', ')} of ${names[names.length - 1]}.`;
  if (word === undefined) throw new UsageError(`Geen opdracht opgegeven. ${choose}`);
  const command = COMMANDS.find((c) => c.name === word);
  if (command) return command;
  // `node build/cli.js werkboek.xlsx`: the command word is missing, not wrong.
  if (/\.xlsx$/i.test(word)) throw new UsageError(`"${word}" is geen opdracht: zet de opdracht ervoor, bijvoorbeeld ${PROGRAM} check ${word}.`);
  if (/\.json$/i.test(word)) throw new UsageError(`"${word}" is geen opdracht: een regiobestand gebruik je zo: ${PROGRAM} init BESTAND.xlsx --regio ${word}.`);
  const meant = closestMatch(word, names);
  throw new UsageError(`Onbekende opdracht "${word}"${meant ? ` (bedoel je ${meant}?)` : ''}. ${choose}`);
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const [word, ...rest] = argv;
  if (word === '--help' || word === '-h') return COMMANDS.find((c) => c.name === 'help')!.run({}, io);
  const command = commandNamed(word);
  if (asksForHelp(rest)) {
    io.stdout(commandHelpText(command));
    return EXIT_OK;
  }
  return command.run(command.parse(rest), io);
}

/** Any failure as the CLI shows it: `Fout: ` and a Dutch message, the original text on a second line. */
export function failureText(error: unknown): string {
  return `Fout: ${formatDutchError(dutchError(error))}`;
}

/**
 * The CLI: every failure ends as a Dutch message on stderr and a non-zero exit code, never as a
 * stack trace; users of the CLI are policy officers, not developers. A bad argument (exit 2) is one
 * line that says where `help` explains more; anything else (exit 1) comes with its technical
 * details on a line of its own.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`Fout: ${error.message} Meer uitleg: ${PROGRAM} help${error.command ? ` ${error.command}` : ''}`);
      return EXIT_USAGE;
    }
    // A date or quarter that names no meet-up is a bad argument too; the message names the nearest ones.
    if (error instanceof AgendaInputError) {
      io.stderr(`Fout: ${error.message}`);
      return EXIT_USAGE;
    }
    io.stderr(failureText(error));
    return EXIT_FAILURE;
  }
}
