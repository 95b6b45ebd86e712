/**
 * Text the add-on writes into a cell must never become a formula: a leading `=`, `+`, `-` or `@`
 * (CSV/formula injection) is neutralised with an apostrophe, which Sheets shows as plain text.
 */
export function escapeCellText(text: string): string {
  return fitCellText(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Sheets refuses a cell of more than 50.000 characters. */
export const MAX_CELL_CHARS = 50_000;

/** A text for a generated cell, cut with `…` so the whole write is not refused for one long value. */
export function fitCellText(text: string): string {
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}
