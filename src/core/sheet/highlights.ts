import { Cell } from './cell';
import { columnLetter } from './a1';
import { Highlight } from '../workbook/contract';
import { headerKey } from './headers';

/**
 * Every formula the add-on writes into a conditional-format rule ends with this clause. It is always
 * true (N of a text is 0 in Sheets and Excel) and tells a rule the add-on made from one a user made:
 * the add-on replaces its own rules on every setup, whatever columns or colours they had, and leaves
 * the user's alone. A user reading the rule sees where it comes from.
 */
export const HIGHLIGHT_MARK = 'N("Regiomonitor")=0';
const MARK_PATTERN = /N\(\s*"Regiomonitor"\s*\)\s*=\s*0/i;

/** A highlight placed on the tab's current columns. */
export interface HighlightRule {
  /** 1-based columns coloured from row 2 down. */
  range: { fromColumn: number; toColumn: number };
  /**
   * Formula for the range's top-left cell (row 2), with `$` on the columns so every cell of a row
   * reads the same columns. English function names and `,` separators: Apps Script and the xlsx
   * file format both take formulas independent of the spreadsheet's locale.
   */
  formula: string;
  background: string;
  /** What the formula means, with its headers found at these 1-based columns. */
  highlight: Highlight;
  columns: Readonly<Record<string, number>>;
}

/** A text literal inside a formula. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Places highlights on the columns the header row has now: users may reorder columns, so nothing
 * assumes the contract's order. A highlight whose header is missing from the tab is left out.
 */
export function highlightFormulas(highlights: readonly Highlight[], headerRow: readonly Cell[]): HighlightRule[] {
  const position = new Map<string, number>();
  headerRow.forEach((h, i) => {
    const key = headerKey(h);
    if (key && !position.has(key)) position.set(key, i + 1);
  });
  const width = headerRow.length;
  const ref = (column: number) => `$${columnLetter(column - 1)}2`;
  const rules: HighlightRule[] = [];
  for (const highlight of highlights) {
    if (highlight.kind === 'valueEquals') {
      const column = position.get(headerKey(highlight.header));
      if (!column) continue;
      rules.push({
        range: { fromColumn: column, toColumn: column },
        formula: `=AND(TRIM(${ref(column)})=${literal(highlight.value)},${HIGHLIGHT_MARK})`,
        background: highlight.background,
        highlight,
        columns: { [highlight.header]: column },
      });
    } else {
      const deadline = position.get(headerKey(highlight.deadline));
      const status = position.get(headerKey(highlight.status));
      if (!deadline || !status) continue;
      // A deadline typed as text is not a date: text never compares below a number, so it stays uncoloured
      // (Controles reports it).
      const open = highlight.doneValues.map((v) => `TRIM(${ref(status)})<>${literal(v)}`);
      rules.push({
        range: { fromColumn: 1, toColumn: width },
        formula: `=AND(${[`${ref(deadline)}<>""`, `${ref(deadline)}<TODAY()`, ...open, HIGHLIGHT_MARK].join(',')})`,
        background: highlight.background,
        highlight,
        columns: { [highlight.deadline]: deadline, [highlight.status]: status },
      });
    }
  }
  return rules;
}

/** Whether a conditional-format formula is one the add-on wrote (with or without the leading `=`). */
export function isHighlightFormula(formula: string): boolean {
  return MARK_PATTERN.test(formula);
}
