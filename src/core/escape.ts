/**
 * Text the add-on writes into a cell must never become a formula: a leading `=`, `+`, `-` or `@`
 * (CSV/formula injection) is neutralised with an apostrophe, which Sheets shows as plain text.
 */
export function escapeCellText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
