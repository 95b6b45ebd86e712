/**
 * Text the add-on writes into a cell must come back as it was meant. Sheets reads a leading `=`, `+`,
 * `-` or `@` as a formula (CSV/formula injection), and strips one leading apostrophe from text written
 * with setValues (it means "this is text"). So text starting with one of those, or with an apostrophe
 * itself (`'s avonds`, `'s-Hertogenbosch`), gets one apostrophe in front; Sheets removes it again and
 * shows the text as typed. Escape each value exactly once, where it is produced.
 */
export function escapeCellText(text: string): string {
  return fitCellText(text.startsWith("'") ? `'${text}` : guardFormula(text));
}

/**
 * The adapters' safety net for text that reaches a cell unescaped: neutralises a formula but leaves
 * text that escapeCellText already produced as it is, so escaping twice never adds a visible apostrophe.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Sheets refuses a cell of more than 50.000 characters. */
export const MAX_CELL_CHARS = 50_000;

/** A text for a generated cell, cut with `…` so the whole write is not refused for one long value. */
export function fitCellText(text: string): string {
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}

/**
 * Text Sheets would turn into a number, date or boolean when written (`12`, `01-02-2025`, `1e5`,
 * `WAAR`).
 */
function mightBecomeNumber(text: string): boolean {
  const t = text.trim();
  if (/^(true|false|waar|onwaar)$/i.test(t)) return true;
  if (!/\d/.test(t)) return false;
  if (/^[\d\s.,:;/%€$£+\-eE()]*$/.test(t)) return true;
  return t.length < 40 && /\b(jan|feb|mrt|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\b/i.test(t);
}

/**
 * Text that must read back exactly as written (a Logboek line, whose hash covers its cells): cut to
 * fit a cell like fitCellText, and text Sheets would read as a number, date or boolean gets a
 * leading apostrophe, so the sheet keeps it as typed. Text already escaped is left as it is.
 */
export function keepAsText(text: string): string {
  const cut = fitCellText(text);
  return !cut.startsWith("'") && mightBecomeNumber(cut) ? `'${cut}` : cut;
}
