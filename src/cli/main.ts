import { promises as fs } from 'fs';
import * as path from 'path';
import { LocalWorkbook } from '../adapters/local/workbook';
import { localRuntime } from '../adapters/local/runtime';
import { AgendaInputError } from '../app/agenda';
import { setupWorkbook } from '../app/setup';
import { dutchError, formatDutchError } from '../core/errors';
import { agendaCommand } from './agenda';
import { Command, USAGE, UsageError, parseArgs } from './args';
import { CliError, checkSavable, checkWorkbook, loadWorkbook, saveWorkbook } from './check';
import { runDemo } from './demo';
import { regionFromArgument, regionListText } from './region';
import { renderSummary } from './table';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
};

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

async function run(command: Command, io: Io): Promise<number> {
  switch (command.kind) {
    case 'help':
      io.stdout(USAGE);
      return EXIT_OK;

    case 'init': {
      if (!command.file.toLowerCase().endsWith('.xlsx')) throw new UsageError(`De bestandsnaam moet eindigen op .xlsx: ${command.file}`);
      if (await exists(command.file)) throw new CliError(`Bestand ${command.file} bestaat al; het wordt niet overschreven. Kies een andere naam of verwijder het eerst.`);
      const region = await regionFromArgument(command.region);
      const workbook = LocalWorkbook.create();
      const report = setupWorkbook(localRuntime(workbook), region);
      await saveWorkbook(workbook, command.file);
      const seeded = report.seeded.map((s) => `${s.tab} (${s.rows})`).join(', ');
      const { naam, looptijd } = region.region;
      io.stdout(`Werkboek ${command.file} gemaakt ${naam ? `voor ${naam} ${looptijd.start}-${looptijd.eind}` : 'als leeg sjabloon'}.`);
      io.stdout(`Tabbladen: ${workbook.tabNames().join(', ')}.`);
      io.stdout(seeded ? `Ingevuld met de regiogegevens: ${seeded}.` : 'Vul de regiogegevens in de tabbladen in, te beginnen met Instellingen en Gemeenten.');
      return EXIT_OK;
    }

    case 'regio':
      io.stdout(regionListText());
      return EXIT_OK;

    case 'check': {
      const workbook = await loadWorkbook(command.file);
      // A file that cannot be saved is refused before the check runs, not after.
      await checkSavable(command.file);
      const result = checkWorkbook(localRuntime(workbook), command.referenceDate);
      await saveWorkbook(workbook, command.file);
      io.stdout(command.json ? JSON.stringify(result.summary, null, 2) : renderSummary(result));
      return EXIT_OK;
    }

    case 'demo': {
      const { file, result, agenda } = await runDemo({ outDir: command.outDir });
      io.stdout(renderSummary(result));
      io.stdout('');
      io.stdout(`Demowerkboek geschreven: ${file}`);
      io.stdout(`${agenda.title}: ${agenda.markdownFile} en ${agenda.htmlFile}`);
      io.stdout('Let op: de mutaties, de kortingen, het besluit in Begrotingswijzigingen en de planning in dit werkboek zijn FICTIEF (demo); de regiogegevens komen uit de regioaanpak.');
      return EXIT_OK;
    }

    case 'agenda': {
      // Read once up front so a missing or broken file gets the same Dutch message as `check`.
      await loadWorkbook(command.file);
      const outDir = command.outDir ?? path.dirname(command.file);
      const result = await agendaCommand(command.file, command.meetup, outDir);
      io.stdout(`${result.title}`);
      io.stdout(`Geschreven: ${result.markdownFile}`);
      io.stdout(`Geschreven: ${result.htmlFile}`);
      return EXIT_OK;
    }
  }
}

/** Any failure as the CLI shows it: `Fout: ` and a Dutch message, the original text on a second line. */
export function failureText(error: unknown): string {
  return `Fout: ${formatDutchError(dutchError(error))}`;
}

/**
 * The CLI: every failure ends as a Dutch message on stderr and a non-zero exit code, never as a
 * stack trace; users of the CLI are policy officers, not developers. A bad argument (exit 2) comes
 * with the usage; anything else (exit 1) with its technical details on a line of its own.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    return await run(parseArgs(argv), io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof AgendaInputError) {
      io.stderr(`Fout: ${error.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    // A date or quarter that names no meet-up is a bad argument too; the message names the nearest ones.
    if (error instanceof AgendaInputError) {
      io.stderr(failureText(error));
      return EXIT_USAGE;
    }
    io.stderr(failureText(error));
    return EXIT_FAILURE;
  }
}
