import { Cell, Grid } from '../core/sheet/cell';
import { HEADERS, TAB } from '../core/workbook/contract';

/**
 * `rows` fictional payments spread over the budget lines of `budget` (the Begroting tab with its
 * header), as the benchmarks feed them: a date in every row, `Jaar` in every other row. `date` makes
 * the cell a Date the way the target holds it (UTC in an .xlsx, midnight in the sheet's zone in Sheets);
 * `blank` is what an empty cell reads as there (null in exceljs, '' in Sheets).
 */
export function fictionalPayments(budget: Grid, rows: number, date: (year: number, month: number, day: number) => Date, blank: null | ''): Cell[][] {
  const [budgetHeader, ...lines] = budget;
  const lineOf = lines.map((r) => ({ year: Number(r[budgetHeader.indexOf('Jaar')]), code: String(r[budgetHeader.indexOf('Code')]) }));
  const header = HEADERS[TAB.ledger];
  return Array.from({ length: rows }, (_, i) => {
    const line = lineOf[i % lineOf.length];
    const record: Record<string, Cell> = {
      ID: `BENCH-${i + 1}`,
      Datum: date(line.year, (i % 12) + 1, (i % 28) + 1),
      Jaar: i % 2 ? line.year : blank,
      Code: line.code,
      Soort: 'Realisatie',
      Bedrag: 10 + (i % 90),
      Omschrijving: `fictieve betaling ${i % 1000} (benchmark)`,
    };
    return header.map((h) => record[h] ?? blank);
  });
}
