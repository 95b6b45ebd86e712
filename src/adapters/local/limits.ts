import { columnLetter } from '../../core/sheet/a1';
import { DutchError } from '../../core/errors';
import { XlsxPackage } from './xlsxPackage';

/**
 * How much the local adapter reads. Google Sheets holds at most 10 million cells in a whole
 * spreadsheet, so no workbook exported from it comes near the first two limits; the cell limit keeps
 * exceljs (about 400 bytes and 6 µs per cell) within memory and time on an ordinary laptop.
 */
export const LIMITS = {
  /** The .xlsx file itself. */
  fileBytes: 200 * 1024 * 1024,
  /** All worksheet parts and the shared-string table together, unpacked. */
  sheetXmlBytes: 400 * 1024 * 1024,
  /** Cells written in the file (with a value or only a format), all tabs together. */
  cells: 2_500_000,
  /** Rows × columns up to the last cell holding a value, per tab read: the grid the check works on. */
  gridCells: 10_000_000,
} as const;

export type Limits = { readonly [K in keyof typeof LIMITS]: number };

const number = (n: number) => n.toLocaleString('nl-NL');
const megabytes = (n: number) => `${number(Math.round(n / (1024 * 1024)))} MB`;

/** A workbook or tab beyond what the CLI reads; the message names the limit and what to do. */
export class WorkbookTooLargeError extends DutchError {}

export function tooLargeFile(bytes: number): WorkbookTooLargeError {
  return new WorkbookTooLargeError(
    `Het bestand is te groot voor de CLI: ${megabytes(bytes)}; de grens is ${megabytes(LIMITS.fileBytes)}. ` +
      'Verwijder tabbladen of rijen die niet nodig zijn, of sla het werkboek op zonder afbeeldingen.',
  );
}

/** A tab whose used range (up to its last cell with a value) is larger than the grid limit. */
export function tooLargeTab(tab: string, rows: number, columns: number): WorkbookTooLargeError {
  const last = `${columnLetter(columns - 1)}${rows}`;
  return new WorkbookTooLargeError(
    `Tabblad ${tab} is te groot voor de CLI: er staat een waarde in cel ${last}, dus het gebruikte bereik is ` +
      `${number(rows)} rijen × ${number(columns)} kolommen = ${number(rows * columns)} cellen; de grens is ` +
      `${number(LIMITS.gridCells)} cellen per tabblad. Maak cellen leeg die er niet thuishoren (zoals ${last}) en probeer het opnieuw.`,
  );
}

const CELL_START = Buffer.from('<c');

/**
 * Counts cell elements (`<c ` `<c>` `<c/`, not `<col` or `<cfRule`) in worksheet XML that arrives in
 * chunks. The last two bytes of a chunk carry over, so a tag split between two chunks counts once.
 */
export class CellCounter {
  cells = 0;
  bytes = 0;
  private tail = Buffer.alloc(0);

  add(chunk: Buffer): void {
    this.bytes += chunk.length;
    const data = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    for (let at = data.indexOf(CELL_START); at !== -1 && at + 2 < data.length; at = data.indexOf(CELL_START, at + 2)) {
      const next = data[at + 2];
      if (next === 0x20 || next === 0x3e || next === 0x2f) this.cells++;
    }
    this.tail = Buffer.from(data.subarray(Math.max(0, data.length - 2)));
  }

  /** A new part starts: nothing carries over from the previous one. */
  nextPart(): void {
    this.tail = Buffer.alloc(0);
  }
}

/** The error for a count past a limit, or null while within them. */
export function overLimit(counter: CellCounter, limits: Limits = LIMITS): WorkbookTooLargeError | null {
  if (counter.bytes > limits.sheetXmlBytes) {
    return new WorkbookTooLargeError(`Het werkboek is te groot voor de CLI: de tabbladen met hun teksten (sharedStrings) zijn uitgepakt meer dan ${megabytes(limits.sheetXmlBytes)} groot; de grens is ${megabytes(limits.sheetXmlBytes)}. Verwijder tabbladen of rijen die niet nodig zijn.`);
  }
  if (counter.cells > limits.cells) {
    return new WorkbookTooLargeError(`Het werkboek is te groot voor de CLI: het heeft meer dan ${number(limits.cells)} cellen (met een waarde of een opmaak); de grens is ${number(limits.cells)} cellen. Verwijder rijen, kolommen of tabbladen die niet nodig zijn.`);
  }
  return null;
}

/**
 * Counts the cells and bytes of every worksheet part (and the bytes of the shared-string table) as
 * they stream out of the zip, so a file that is too large is refused before anything builds it in
 * memory. Throws WorkbookTooLargeError.
 */
export async function checkSheetSizes(pkg: XlsxPackage, limits: Limits = LIMITS): Promise<void> {
  // The shared-string table counts too: its texts are what a worksheet's cells point at, and a
  // table of millions of strings costs as much memory as the cells themselves.
  const parts = pkg.entries().filter((e) => /(^|\/)worksheets\/[^/]+\.xml$/.test(e) || /(^|\/)sharedStrings[^/]*\.xml$/.test(e));
  const counter = new CellCounter();
  for (const part of parts) {
    const stream = pkg.stream(part);
    if (!stream) continue;
    counter.nextPart();
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: Error) => {
        failed = true;
        (stream as unknown as { pause(): void }).pause();
        reject(error);
      };
      stream.on('data', (chunk: Buffer) => {
        if (failed) return;
        counter.add(chunk);
        const error = overLimit(counter, limits);
        if (error) fail(error);
      });
      stream.on('end', () => {
        if (!failed) resolve();
      });
      stream.on('error', (error: Error) => {
        if (!failed) reject(error);
      });
    });
  }
}
