/**
 * Text the add-on writes into a cell must come back as it was meant. Sheets reads a leading `=`, `+`,
 * `-` or `@` as a formula (CSV/formula injection), and strips one leading apostrophe from text written
 * with setValues (it means "this is text"). So text starting with one of those, or with an apostrophe
 * itself (`'s avonds`, `'s-Hertogenbosch`), gets one apostrophe in front; Sheets removes it again and
 * shows the text as typed. Escape each value exactly once, where it is produced.
 */
export function escapeCellText(text: string): string {
  return text.startsWith("'") ? `'${text}` : guardFormula(text);
}

/**
 * The adapters' safety net for text that reaches a cell unescaped: neutralises a formula but leaves
 * text that escapeCellText already produced as it is, so escaping twice never adds a visible apostrophe.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
