import { Grid, isBlank } from '../sheet/cell';
import { headerIndex } from '../sheet/headers';
import { Day, parseDay } from '../values/dates';

export const ORIGINAL_DEADLINE = 'Oorspronkelijke deadline';

export interface OriginalDeadlineWrite {
  /** 1-based, as the user sees it. */
  row: number;
  column: number;
  day: Day;
}

/**
 * `Acties › Oorspronkelijke deadline` is filled once, with the first Deadline the add-on sees, and
 * never changed: a deferral chain stays visible (contract: Acties). Rows whose Deadline cannot be
 * read, and a sheet without the column (an older workbook until Werkboek inrichten), give nothing.
 */
export function originalDeadlineWrites(actions: Grid | null | undefined, timeZone: string): OriginalDeadlineWrite[] {
  if (!actions || actions.length < 2) return [];
  const deadline = headerIndex(actions[0], 'Deadline');
  const original = headerIndex(actions[0], ORIGINAL_DEADLINE);
  if (deadline < 0 || original < 0) return [];
  const writes: OriginalDeadlineWrite[] = [];
  for (let r = 1; r < actions.length; r++) {
    const line = actions[r];
    if (!isBlank(line[original] ?? null)) continue;
    const read = parseDay(line[deadline] ?? null, timeZone);
    if (read.kind === 'ok') writes.push({ row: r + 1, column: original + 1, day: read.day });
  }
  return writes;
}
