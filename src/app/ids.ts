import { PropertyStore } from '../ports/properties';
import { Grid } from '../core/sheet/cell';
import { TAB } from '../core/workbook/contract';
import { ID_FORMATS, IdKind, assignIds, readCounter } from '../core/workbook/ids';
import { WorkbookSnapshot } from '../core/workbook/rowReader';
import { Runtime } from '../ports/runtime';
import { originalDeadlineWrites } from '../core/actions/originalDeadline';
import { midnightIn } from '../core/values/dates';

export interface IdReport {
  /** IDs given, per tab. */
  assigned: { tab: string; ids: string[] }[];
}

const KINDS: { kind: IdKind; tab: typeof TAB.actions | typeof TAB.ledger }[] = [
  { kind: 'action', tab: TAB.actions },
  { kind: 'ledger', tab: TAB.ledger },
];

/**
 * Gives every row of `Acties` and `Mutaties` typed without `ID` the next free one, writing only
 * those ID cells, and patches `snapshot` in place so the check that follows sees the new IDs without
 * reading the tabs again. Call it holding the document lock: two runs must not hand out one number.
 */
export function assignMissingIds(runtime: Runtime, store: PropertyStore, snapshot: WorkbookSnapshot): IdReport {
  const report: IdReport = { assigned: [] };
  const stored = store.getAll();
  const updates: Record<string, string> = {};
  for (const { kind, tab } of KINDS) {
    const grid: Grid | null | undefined = snapshot[tab];
    if (!grid) continue;
    const { propertyKey } = ID_FORMATS[kind];
    const issued = readCounter(stored[propertyKey]);
    const { writes, highest } = assignIds(kind, grid, issued);
    if (highest !== issued) updates[propertyKey] = String(highest);
    if (writes.length === 0) continue;
    runtime.workbook.writeCells(tab, writes.map((w) => ({ row: w.row, column: w.column, value: w.id })));
    for (const w of writes) {
      const line = grid[w.row - 1];
      while (line.length < w.column) line.push('');
      line[w.column - 1] = w.id;
    }
    report.assigned.push({ tab, ids: writes.map((w) => w.id) });
  }
  const changed = Object.entries(updates).filter(([k, v]) => stored[k] !== v);
  if (changed.length) store.set(Object.fromEntries(changed));
  return report;
}

/**
 * Fills each blank `Oorspronkelijke deadline` with the action's Deadline, writing only those cells
 * and patching `snapshot` so the check that follows reads them. Under the document lock, like IDs.
 */
export function fillOriginalDeadlines(runtime: Runtime, snapshot: WorkbookSnapshot): number {
  const grid = snapshot[TAB.actions];
  const writes = originalDeadlineWrites(grid, runtime.workbook.timeZone);
  if (!grid || writes.length === 0) return 0;
  const cells = writes.map((w) => ({ row: w.row, column: w.column, value: midnightIn(w.day, runtime.workbook.timeZone) }));
  runtime.workbook.writeCells(TAB.actions, cells);
  for (const c of cells) {
    const line = grid[c.row - 1];
    while (line.length < c.column) line.push('');
    line[c.column - 1] = c.value;
  }
  return writes.length;
}
