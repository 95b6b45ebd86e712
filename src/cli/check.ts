import { promises as fs } from 'fs';
import { LocalWorkbook } from '../adapters/local/workbook';
import { checkAndWrite } from '../app/budgetCheck';
import { Runtime } from '../app/runtime';
import { CheckResult } from '../core/check.types';
import { Day } from '../core/dates';

/** A problem the user can fix (a missing file, a file that is open elsewhere): shown as its Dutch message. */
export class CliError extends Error {}

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
    if (code(error) === 'ENOENT') throw new CliError(`Bestand ${file} bestaat niet.`);
    throw new CliError(`Bestand ${file} kan niet worden gelezen (${code(error) ?? 'onbekende fout'}).`);
  }
  try {
    return await LocalWorkbook.load(file);
  } catch (error) {
    if (code(error) === 'EACCES' || code(error) === 'EPERM') throw new CliError(`Geen leesrechten voor ${file}.`);
    throw new CliError(`Bestand ${file} is geen leesbaar Excel-werkboek (.xlsx).`);
  }
}

export async function saveWorkbook(workbook: LocalWorkbook, file: string): Promise<void> {
  try {
    await workbook.save(file);
  } catch (error) {
    const reason = code(error);
    if (reason === 'ENOENT') throw new CliError(`Kan ${file} niet opslaan: de map bestaat niet.`);
    if (reason === 'EACCES' || reason === 'EPERM' || reason === 'EBUSY') throw new CliError(`Kan ${file} niet opslaan: geen schrijfrechten, of het bestand is geopend in een ander programma.`);
    throw new CliError(`Kan ${file} niet opslaan (${reason ?? 'onbekende fout'}).`);
  }
}
