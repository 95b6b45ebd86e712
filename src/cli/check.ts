import { promises as fs } from 'fs';
import { WorkbookTooLargeError } from '../adapters/local/limits';
import { SaveRefusedError, assertWritable, removeStaleTemps } from '../adapters/local/safeWrite';
import { LocalWorkbook } from '../adapters/local/workbook';
import { checkAndWrite } from '../app/budgetCheck';
import { Runtime } from '../ports/runtime';
import { CheckResult } from '../core/check';
import { Day } from '../core/values/dates';
import { DutchError } from '../core/errors';

/**
 * A problem the user can fix (a missing file, a file that is open elsewhere): shown as its Dutch
 * message, with the technical cause on a second line when there is one.
 */
export class CliError extends DutchError {}

/** The budget check with `--peildatum` winning over `Peildatum`; the same service as the menu item. */
export function checkWorkbook(runtime: Runtime, referenceDate?: Day): CheckResult {
  return checkAndWrite(runtime, { referenceDate });
}

const code = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

export async function loadWorkbook(file: string): Promise<LocalWorkbook> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new CliError(`${file} is geen bestand.`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (code(error) === 'ENOENT') throw new CliError(`Bestand ${file} bestaat niet.`, { cause: error });
    throw new CliError(`Bestand ${file} kan niet worden gelezen.`, { cause: error });
  }
  // A save of this file that was killed half way left a temp file: it goes now.
  await removeStaleTemps(file);
  try {
    return await LocalWorkbook.load(file);
  } catch (error) {
    if (error instanceof WorkbookTooLargeError) throw error;
    if (code(error) === 'EACCES' || code(error) === 'EPERM') throw new CliError(`Geen leesrechten voor ${file}.`, { cause: error });
    throw new CliError(`Bestand ${file} is geen leesbaar Excel-werkboek (.xlsx).`, { cause: error });
  }
}

/** Refuses, before any work, a file that cannot be saved: read-only, or in a folder one may not write. */
export async function checkSavable(file: string): Promise<void> {
  try {
    await assertWritable(file);
  } catch (error) {
    if (error instanceof DutchError) throw error;
    throw new CliError(`Kan ${file} niet opslaan.`, { cause: error });
  }
}

export async function saveWorkbook(workbook: LocalWorkbook, file: string): Promise<void> {
  try {
    await workbook.save(file);
  } catch (error) {
    if (error instanceof SaveRefusedError || error instanceof DutchError) throw error;
    const reason = code(error);
    if (reason === 'ENOENT') throw new CliError(`Kan ${file} niet opslaan: de map bestaat niet.`, { cause: error });
    if (reason === 'EACCES' || reason === 'EPERM' || reason === 'EBUSY') {
      throw new CliError(`Kan ${file} niet opslaan: geen schrijfrechten, of het bestand is geopend in een ander programma.`, { cause: error });
    }
    if (reason === 'ENOSPC' || reason === 'EDQUOT') throw new CliError(`Kan ${file} niet opslaan: de schijf is vol. Het bestand is niet veranderd.`, { cause: error });
    throw new CliError(`Kan ${file} niet opslaan. Het bestand is niet veranderd.`, { cause: error });
  }
}

/** Makes a folder for output, saying in Dutch what is wrong when that cannot be done. */
export async function makeFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (error) {
    if (code(error) === 'EEXIST' || code(error) === 'ENOTDIR') throw new CliError(`Kan de map ${folder} niet maken: er staat al een bestand met die naam.`, { cause: error });
    throw new CliError(`Kan de map ${folder} niet maken.`, { cause: error });
  }
}
