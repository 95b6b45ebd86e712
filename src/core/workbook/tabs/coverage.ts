import { RESERVE_DRAW_PREFIX, TAB } from '../contract';
import { Findings } from '../../sheet/findings';
import { CoverageEntry } from '../model';
import { WorkbookSnapshot, rowsOf } from '../rowReader';
import { AsOfPeildatum } from '../asOf';

const isReserveDraw = (source: string) => source.toLowerCase().startsWith(RESERVE_DRAW_PREFIX.toLowerCase());

/** `Dekking`: the money coming in, per year; a row dated after the Peildatum is not known yet. */
export function parseCoverage(snapshot: WorkbookSnapshot, findings: Findings, tz: string, asOf: AsOfPeildatum): CoverageEntry[] {
  const coverage: CoverageEntry[] = [];
  for (const r of rowsOf(snapshot, TAB.coverage, ['Jaar', 'Bedrag'], findings, tz)) {
    const year = r.year('Jaar', true);
    const amountCents = r.money('Bedrag', true);
    const date = r.day('Datum', false);
    const source = r.text('Bron');
    const reserveDraw = isReserveDraw(source);
    if (reserveDraw && amountCents !== null && amountCents < 0) {
      r.problem('Bedrag', 'Een onttrekking aan de reserve is een positief bedrag; een storting staat in Jaarafsluiting › Naar reserve');
    }
    if (!r.ok || year === null || amountCents === null || !asOf.admits(r, date, year, false)) continue;
    coverage.push({ row: r.row.rowNumber, year, source, amountCents, note: r.text('Toelichting'), date, reserveDraw });
  }
  return coverage;
}
