import ExcelJS from 'exceljs';
import { generatedSheets, keepDrawings } from './generatedSheets';
import { CellPatch, XlsxValue, patchCells } from './sheetXml';
import { StyleSheet } from './styles';
import { NUMBER_FORMAT } from './tabLayout';
import { setPrintTitles } from './printSetup';
import { XlsxPackage } from './xlsxPackage';

// Saving a loaded workbook: its original file, with only what the add-on wrote patched in.

/** The file a workbook was loaded from, kept so that a save changes only what the add-on wrote. */
export interface Source {
  pkg: XlsxPackage;
  /** The worksheet part of each tab in the file, by tab name. */
  parts: Map<string, string>;
  date1904: boolean;
}

export async function openSource(data: Uint8Array): Promise<Source> {
  const pkg = await XlsxPackage.open(data);
  const parts = new Map((await pkg.sheets()).filter((s) => s.worksheet).map((s) => [s.name, s.part]));
  return { pkg, parts, date1904: await pkg.date1904() };
}

/**
 * The loaded file with only the add-on's changes in it: the tabs it rewrote whole (`rewritten`,
 * generated through exceljs) and the cells it wrote into a user's tab (`patches`).
 */
export async function patchedFile(book: ExcelJS.Workbook, source: Source, rewrittenTabs: ReadonlySet<string>, patches: ReadonlyMap<string, CellPatch[]>): Promise<Buffer> {
  const { pkg } = source;
  const stylesPart = await pkg.stylesPart();
  const styles = StyleSheet.parse(stylesPart ? await pkg.text(stylesPart) : null);
  let existingChanged = false;

  const rewritten = [...rewrittenTabs].filter((name) => book.getWorksheet(name));
  for (const [name, xml] of await generatedSheets(rewritten.map((n) => book.getWorksheet(n)!), styles, source.date1904)) {
    const part = source.parts.get(name);
    if (part) {
      pkg.set(part, keepDrawings((await pkg.text(part)) ?? '', xml));
      existingChanged = true;
    } else {
      await pkg.addWorksheet(name, xml);
    }
  }

  const titles = new Map(rewritten.flatMap((name) => {
    const rows = book.getWorksheet(name)!.pageSetup?.printTitlesRow;
    return rows ? [[name, rows] as const] : [];
  }));
  await setPrintTitles(pkg, titles);

  const dateStyle = (current: number | undefined, value: XlsxValue) => {
    if (value.kind !== 'date' || styles.isDateStyle(current)) return current;
    return styles.withNumberFormat(current, Number.isInteger(value.serial) ? NUMBER_FORMAT.date : NUMBER_FORMAT.datetime);
  };
  for (const [name, cells] of patches) {
    if (rewrittenTabs.has(name)) continue;
    const part = source.parts.get(name)!;
    pkg.set(part, patchCells((await pkg.text(part))!, cells, dateStyle));
    existingChanged = true;
  }

  if (styles.changed) {
    if (stylesPart) pkg.set(stylesPart, styles.serialise());
    else await pkg.addStylesPart(styles.serialise());
  }
  // Excel's list of formula cells would no longer match; it rebuilds it when it is absent.
  if (existingChanged) await pkg.dropCalcChain();
  return pkg.toBuffer();
}
