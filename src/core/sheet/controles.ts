import { Grid } from './cell';
import { CONSEQUENCE, NO_PROBLEMS, USER_TABS } from '../workbook/contract';
import { escapeCellText } from './escape';
import { columnNumber } from './a1';
import { Finding, isWarning } from './findings';
import { formatNumberNl } from '../values/numbers';

const text = (value: string): string => escapeCellText(value);

/** Position of a `Controles` column such as `Bedrag (G)`: by the letter a user sees. */
function columnOrder(column: string): number {
  if (!column) return -1;
  const letters = /\(([A-Z]+)\)$/.exec(column)?.[1];
  if (!letters) return Number.MAX_SAFE_INTEGER;
  return columnNumber(letters);
}

function tabOrder(tab: string): number {
  const index = (USER_TABS as readonly string[]).indexOf(tab);
  return index === -1 ? USER_TABS.length : index;
}

/**
 * More than anyone reads, and a tab of junk gives hundreds of thousands: the rest is summed up in a
 * last row, so `Controles` stays well within Sheets' 10 million cells for the whole spreadsheet.
 */
export const MAX_CHECK_ROWS = 50_000;

/** `Controles`: every finding, in the order the user walks the workbook (tab, row, column). */
export function checkRows(findings: readonly Finding[]): Grid {
  // Sort keys once per finding, not once per comparison: a tab of junk gives hundreds of thousands.
  const sorted = findings
    .map((f, index) => ({ f, index, tab: tabOrder(f.tab), column: columnOrder(f.column) }))
    .sort((a, b) =>
      a.tab - b.tab ||
      (a.f.tab < b.f.tab ? -1 : a.f.tab > b.f.tab ? 1 : 0) ||
      a.f.row - b.f.row ||
      a.column - b.column ||
      (a.f.column < b.f.column ? -1 : a.f.column > b.f.column ? 1 : 0) ||
      a.index - b.index);
  const shown = sorted.length > MAX_CHECK_ROWS ? sorted.slice(0, MAX_CHECK_ROWS - 1) : sorted;
  const rows: Grid = shown.map(({ f }) => [
    text(f.tab), f.row === 0 ? '' : f.row, text(f.column), text(f.value), text(f.problem), isWarning(f) ? CONSEQUENCE.warning : CONSEQUENCE.error,
  ]);
  if (shown.length < sorted.length) {
    const rest = sorted.length - shown.length;
    rows.push(['', '', '', '', `Nog ${formatNumberNl(rest)} controles niet getoond: los eerst de bovenstaande op en voer de budgetcontrole opnieuw uit.`, '']);
  }
  // An empty tab under a header reads as "did it run at all?": say it in words.
  if (rows.length === 0) rows.push(['', '', '', '', NO_PROBLEMS, '']);
  return rows;
}
