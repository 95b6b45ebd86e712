import { TAB } from '../contract';
import { Findings } from '../../sheet/findings';
import { CoverageEntry } from '../model';
import { WorkbookSnapshot, rowsOf } from '../rowReader';

/** `Dekking`: the money coming in, per year. */
export function parseCoverage(snapshot: WorkbookSnapshot, findings: Findings, tz: string): CoverageEntry[] {
  const coverage: CoverageEntry[] = [];
  for (const r of rowsOf(snapshot, TAB.coverage, ['Jaar', 'Bedrag'], findings, tz)) {
    const year = r.year('Jaar', true);
    const amountCents = r.money('Bedrag', true);
    if (!r.ok || year === null || amountCents === null) continue;
    coverage.push({ row: r.row.rowNumber, year, source: r.text('Bron'), amountCents, note: r.text('Toelichting') });
  }
  return coverage;
}
