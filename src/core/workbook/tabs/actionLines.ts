import { TAB } from '../contract';
import { Findings } from '../../sheet/findings';
import { ActionLine } from '../model';
import { WorkbookSnapshot, idKey, reportDuplicates, rowsOf } from '../rowReader';

/** `Actielijnen`: one row per code; `lineCode` resolves a typed code to the tab's spelling. */
export function parseActionLines(snapshot: WorkbookSnapshot, findings: Findings, tz: string): { actionLines: ActionLine[]; lineCode: Map<string, string> } {
  const lineReaders = rowsOf(snapshot, TAB.actionLines, ['Code'], findings, tz);
  const duplicateLines = reportDuplicates(lineReaders, 'Code', 'Actielijn', findings, TAB.actionLines);
  const actionLines: ActionLine[] = [];
  for (const r of lineReaders) {
    const code = r.requiredText('Code');
    if (!r.ok || duplicateLines.has(r)) continue;
    actionLines.push({ row: r.row.rowNumber, code, name: r.text('Actielijn'), effect: r.text('Beoogd effect') });
  }
  return { actionLines, lineCode: new Map(actionLines.map((l) => [idKey(l.code), l.code])) };
}
