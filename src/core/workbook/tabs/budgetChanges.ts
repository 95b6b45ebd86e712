import { TAB } from '../contract';
import { Findings } from '../../sheet/findings';
import { BudgetChange } from '../model';
import { WorkbookSnapshot, idKey, rowsOf, shown } from '../rowReader';
import { AsOfPeildatum } from '../asOf';

/** `Begrotingswijzigingen`: decided changes per line-year; one that points at no line-year counts nowhere, so it is listed. */
export function parseBudgetChanges(snapshot: WorkbookSnapshot, findings: Findings, tz: string, canonicalCode: Map<string, string>, lineYears: Set<string>, asOf: AsOfPeildatum): BudgetChange[] {
  // An older workbook has no such tab yet: nothing was decided, and `Werkboek inrichten` adds it.
  if (!snapshot[TAB.budgetChanges]) return [];
  const changes: BudgetChange[] = [];
  for (const r of rowsOf(snapshot, TAB.budgetChanges, ['Jaar', 'Code', 'Bedrag'], findings, tz)) {
    const date = r.day('Datum', false);
    const year = r.year('Jaar', true);
    const codeText = r.requiredText('Code');
    const amountCents = r.money('Bedrag', true);
    const code = canonicalCode.get(idKey(codeText));
    if (codeText && !code) r.problem('Code', `Begrotingspost ${shown(codeText)} staat niet in Begroting`);
    else if (code && year !== null && !lineYears.has(`${year}|${idKey(code)}`)) r.problem('Code', `Begroting heeft geen regel ${code} voor ${year}`);
    if (!r.ok || year === null || amountCents === null || !code || !asOf.admits(r, date, year, true)) continue;
    changes.push({ row: r.row.rowNumber, date, year, code, amountCents, decision: r.text('Besluit'), note: r.text('Toelichting') });
  }
  return changes;
}
