import { Cell, Grid } from '../sheet/cell';
import { parseA1 } from '../sheet/a1';
import { headerIndex, headerKey } from '../sheet/headers';
import { parseDay } from '../values/dates';
import { TAB } from '../workbook/contract';
import { Action } from '../workbook/model';
import { idKey } from '../workbook/rowReader';

/**
 * How often each action's Deadline was moved later, as `Logboek` recorded it: a line on `Acties`
 * in the Deadline column of the action's row whose old and new values are both days, the new one
 * later. The Logboek names cells, not IDs, so a row that was moved since counts on its new action;
 * the proposal only says "al N keer uitgesteld", it decides nothing by it.
 */
export function deferralCounts(log: Grid | null, actionsHeader: readonly Cell[] | null, actions: readonly Action[], timeZone: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!log || log.length < 2 || !actionsHeader) return counts;
  const deadlineColumn = headerIndex(actionsHeader, 'Deadline') + 1;
  if (deadlineColumn === 0) return counts;
  const at = (h: string) => log[0].findIndex((c) => headerKey(c) === headerKey(h));
  const [tab, cell, oldValue, newValue] = ['Tabblad', 'Cel', 'Oud', 'Nieuw'].map(at);
  if ([tab, cell, oldValue, newValue].some((i) => i < 0)) return counts;
  const byRow = new Map(actions.map((a) => [a.row, a]));
  for (let r = 1; r < log.length; r++) {
    const line = log[r];
    if (headerKey(line[tab]) !== headerKey(TAB.actions)) continue;
    const range = parseA1(String(line[cell] ?? ''));
    if (!range || range.column !== deadlineColumn || range.numRows !== 1 || range.numColumns !== 1) continue;
    const action = byRow.get(range.row);
    const before = parseDay(line[oldValue], timeZone);
    const after = parseDay(line[newValue], timeZone);
    if (!action || before.kind !== 'ok' || after.kind !== 'ok' || after.day <= before.day) continue;
    counts.set(idKey(action.id), (counts.get(idKey(action.id)) ?? 0) + 1);
  }
  return counts;
}
