import { TAB } from '../contract';
import { Findings } from '../../sheet/findings';
import { Day, formatDay } from '../../values/dates';
import { YearClosing } from '../model';
import { WorkbookSnapshot, rowsOf } from '../rowReader';

/**
 * `Jaarafsluiting`: the years whose accounts (jaarrekening) were adopted, with the part of the
 * result put into the reserve. Optional: an older workbook has none, and then no year is
 * vastgesteld. A row adopted after the Peildatum is not an error; that year is simply not
 * vastgesteld yet at the Peildatum.
 */
export function parseYearClosings(snapshot: WorkbookSnapshot, findings: Findings, tz: string, referenceDate: Day, budgetYears: ReadonlySet<number>): YearClosing[] {
  if (!snapshot[TAB.yearClosing]) return [];
  const closings: YearClosing[] = [];
  const seen = new Map<number, number>();
  for (const r of rowsOf(snapshot, TAB.yearClosing, ['Jaar', 'Vastgesteld op'], findings, tz)) {
    const year = r.year('Jaar', true);
    const adoptedOn = r.day('Vastgesteld op', true);
    const toReserveCents = r.money('Naar reserve', false) ?? 0;
    if (toReserveCents < 0) r.problem('Naar reserve', 'Naar reserve mag niet negatief zijn; een onttrekking is een regel in Dekking (Bron: Onttrekking reserve)');
    if (year !== null && !budgetYears.has(year)) r.problem('Jaar', `Begroting heeft geen regels voor ${year}`);
    if (year !== null && adoptedOn !== null && adoptedOn <= `${year}-12-31`) {
      r.problem('Vastgesteld op', `${formatDay(adoptedOn)} ligt niet na ${year}: een jaarrekening wordt na afloop van het jaar vastgesteld`);
    }
    if (year !== null && r.ok) {
      const first = seen.get(year);
      if (first !== undefined) r.problem('Jaar', `Jaarafsluiting ${year} staat er vaker (eerst in rij ${first}); alleen de eerste telt`);
      else seen.set(year, r.row.rowNumber);
    }
    if (!r.ok || year === null || adoptedOn === null || adoptedOn > referenceDate) continue;
    closings.push({ row: r.row.rowNumber, year, adoptedOn, decision: r.text('Besluit'), toReserveCents, note: r.text('Toelichting') });
  }
  return closings;
}
