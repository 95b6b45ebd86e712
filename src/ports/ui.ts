/**
 * Talking with the person at the spreadsheet: dialogs of the menu's functions. Apps Script shows them
 * with SpreadsheetApp.getUi(); tests use the fake's Ui.
 */
export interface Dialogs {
  /** Asks for a line of text: what was typed, or null when cancelled. */
  ask(title: string, question: string): string | null;
  /** A message with an OK button. */
  tell(title: string, message: string): void;
  /** `text` followed by a link, in a dialog that stays open; false where links cannot be shown (then use tell). */
  showLink(title: string, text: string, link: { url: string; label: string }): boolean;
}

/**
 * Moving the user's selection to a row the sidebar points at: a UI act, not data, so not part of the
 * workbook port. False when the tab does not exist.
 */
export type RowSelector = (tab: string, row: number) => boolean;
