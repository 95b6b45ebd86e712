import { promises as fs } from 'fs';
import * as path from 'path';
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

/** Files people take for a workbook, by extension: what they are, and how to get an .xlsx from them. */
const OTHER_FORMATS: Record<string, string> = {
  csv: 'een CSV-bestand',
  tsv: 'een tekstbestand met tabs',
  txt: 'een tekstbestand',
  ods: 'een OpenDocument-werkblad (.ods)',
  fods: 'een OpenDocument-werkblad (.fods)',
  xls: 'een Excel-bestand in het oude formaat (.xls)',
  numbers: 'een Numbers-bestand',
};

/** Where a spreadsheet program saves as .xlsx; the ODS hint names LibreOffice's own menu. */
const SAVE_AS_XLSX = 'Open het werkboek in Google Sheets, Excel of LibreOffice en sla het op als .xlsx (Excel-werkmap).';
const SAVE_ODS_AS_XLSX = 'Open het in LibreOffice en sla het op als .xlsx: Bestand › Opslaan als › Excel 2007-365 (.xlsx).';

function notAWorkbook(file: string, kind: string): CliError {
  return new CliError(`${file} is ${kind}, geen Excel-werkboek. ${kind.includes('OpenDocument') ? SAVE_ODS_AS_XLSX : SAVE_AS_XLSX}`);
}

/**
 * What a file that exceljs cannot read is, from its first bytes: an OpenDocument zip names its
 * mimetype first and uncompressed, an old .xls is an OLE compound file, and a CSV is plain text.
 */
async function sniffOtherFormat(file: string): Promise<string | null> {
  let head: Buffer;
  try {
    const handle = await fs.open(file, 'r');
    try {
      const buffer = Buffer.alloc(512);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
  const text = head.toString('latin1');
  if (text.startsWith('PK') && text.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return OTHER_FORMATS.ods;
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return OTHER_FORMATS.xls;
  if (head.length > 0 && !head.includes(0) && /[;,\t]/.test(text) && text.includes('\n')) return OTHER_FORMATS.csv;
  return null;
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(() => true, () => false);
}

export async function loadWorkbook(file: string): Promise<LocalWorkbook> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new CliError(`${file} is geen bestand.`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (code(error) === 'ENOENT') {
      // `check regio` for regio.xlsx: name the file that is there.
      const meant = !path.extname(file) && (await exists(`${file}.xlsx`)) ? ` Bedoel je ${file}.xlsx?` : '';
      throw new CliError(`Bestand ${file} bestaat niet.${meant}`, { cause: error });
    }
    throw new CliError(`Bestand ${file} kan niet worden gelezen.`, { cause: error });
  }
  const other = OTHER_FORMATS[path.extname(file).slice(1).toLowerCase()];
  if (other) throw notAWorkbook(file, other);
  // A save of this file that was killed half way left a temp file: it goes now.
  await removeStaleTemps(file);
  try {
    // Cells as the zip streams, not exceljs's model of each one: a big ledger fits in memory.
    return await LocalWorkbook.load(file, { cells: 'streamed' });
  } catch (error) {
    if (error instanceof WorkbookTooLargeError) throw error;
    if (code(error) === 'EACCES' || code(error) === 'EPERM') throw new CliError(`Geen leesrechten voor ${file}.`, { cause: error });
    const sniffed = await sniffOtherFormat(file);
    if (sniffed) throw notAWorkbook(file, sniffed);
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
