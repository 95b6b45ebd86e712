/** Reading what a browser test left behind: the sheet's rows and the page's text. */
import { TAB } from '../../src/core/workbook/contract';
import { Session } from './harness';

/** The `Acties` row of an ID as the preview's workbook now holds it, by header. */
export function actionRow(s: Session, id: string): Record<string, unknown> {
  const grid = s.preview.workbook.readTab(TAB.actions)!;
  const headers = grid[0].map(String);
  const row = grid.find((r) => r[0] === id)!;
  return Object.fromEntries(headers.map((h, i) => [h, row[i]]));
}

/** A Date cell as its ISO day; anything else as it is. */
export const isoDay = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/** innerText with no-break spaces as spaces and blank lines folded, as a reader sees it. */
export const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\n+/g, '\n');
