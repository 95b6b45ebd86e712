import { Cell, Grid, cellText, isBlank } from '../sheet/cell';
import { columnLetter } from '../sheet/a1';
import { Findings } from '../sheet/findings';
import { headerKey } from '../sheet/headers';
import { editDistance } from '../values/text';

/** A data row of a user tab, read by header text so column order and extra columns do not matter. */
export interface TableRow {
  /** The row number a user sees (header row = 1). */
  rowNumber: number;
  get(header: string): Cell;
  /** `Bedrag (G)`: how `Controles` names a column. */
  where(header: string): string;
  has(header: string): boolean;
}

export interface Table {
  tab: string;
  present: boolean;
  /** 0-based column index per header as spelled in the contract; absent headers are missing. */
  columns: Map<string, number>;
  rows: TableRow[];
}

/** One data row; a class, not closures, because a tab can have hundreds of thousands of rows. */
class GridRow implements TableRow {
  constructor(readonly rowNumber: number, private readonly line: Cell[], private readonly columns: Map<string, number>) {}
  get(header: string): Cell {
    const c = this.columns.get(header);
    return c === undefined ? null : (this.line[c] ?? null);
  }
  where(header: string): string {
    const c = this.columns.get(header);
    return c === undefined ? header : `${header} (${columnLetter(c)})`;
  }
  has(header: string): boolean {
    return this.columns.has(header);
  }
}

/** Letters and digits only, without accents: `Geraamd (€)` and `geraamd` compare equal. */
function bare(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '');
}

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * Does a header a user typed look like a contract header: the same but for punctuation or a unit
 * (`Afgesloten?`, `Geraamd (€)`), an abbreviation word by word (`Verpl-ID`), one longer than the
 * other (`Bedrag EUR`), or a typo or two (`Afgeslotn`)?
 */
export function looksLike(typed: string, header: string): boolean {
  const a = bare(typed);
  const b = bare(header);
  if (!a || !b) return false;
  if (a === b) return true;
  if (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a))) return true;
  const x = words(typed);
  const y = words(header);
  if (x.length === y.length && x.length > 1 && x.every((w, i) => w.length >= 2 && (y[i].startsWith(w) || w.startsWith(y[i])))) return true;
  return editDistance(a, b) <= (Math.max(a.length, b.length) >= 8 ? 2 : 1);
}

/**
 * Finds the contract's headers in row 1 (trimmed, case-insensitive). Missing required headers are
 * reported once; rows that are entirely blank are skipped, as users leave gaps. A header that occurs
 * twice, and one that only looks like a missing contract header, are listed: the column it was meant
 * to be is then missing, which would silently change the figures.
 */
export function readTable(
  tab: string, grid: Grid | null, headers: readonly string[], required: readonly string[], findings: Findings, contractHeaders: readonly string[] = headers,
): Table {
  const columns = new Map<string, number>();
  if (!grid) {
    findings.add({ tab, row: 0, column: '', value: '', problem: `Tabblad ${tab} ontbreekt; kies Regiomonitor › Werkboek inrichten.` });
    return { tab, present: false, columns, rows: [] };
  }
  const headerRow = grid[0] ?? [];
  const byName = new Map<string, number[]>();
  headerRow.forEach((cell, index) => {
    const key = headerKey(cell);
    if (key) byName.set(key, [...(byName.get(key) ?? []), index]);
  });
  for (const header of headers) {
    const at = byName.get(headerKey(header));
    if (!at) continue;
    columns.set(header, at[0]);
    if (at.length > 1) {
      const letters = at.map(columnLetter);
      findings.add({
        tab, row: 1, column: `${header} (${letters[1]})`, value: cellText(headerRow[at[1]]),
        problem: `Kolom ${header} staat ${at.length} keer in de kopregel (${letters.join(', ')}); alleen ${letters[0]} wordt gelezen`,
      });
    }
  }
  const known = new Set(headers.map((h) => headerKey(h)));
  const missingContract = contractHeaders.filter((h) => !columns.has(h));
  headerRow.forEach((cell, index) => {
    const typed = cellText(cell).trim();
    if (!typed || known.has(headerKey(typed))) return;
    const meant = missingContract.find((h) => looksLike(typed, h));
    if (!meant) return;
    findings.add({
      tab, row: 1, column: `${typed} (${columnLetter(index)})`, value: typed,
      problem: `Kolom "${typed}" lijkt op ${meant}, maar heet anders, dus ontbreekt ${meant}; hernoem de kolom naar ${meant}`,
    });
  });
  const missing = required.filter((h) => !columns.has(h));
  for (const header of missing) {
    findings.add({ tab, row: 1, column: header, value: '', problem: `Kolom ${header} ontbreekt in de kopregel; de rijen van dit tabblad tellen niet mee.` });
  }
  const rows: TableRow[] = [];
  if (missing.length) {
    findings.skipped.push({ tab, columns: missing });
    return { tab, present: true, columns, rows };
  }
  const used = [...columns.values()];
  for (let r = 1; r < grid.length; r++) {
    const line = grid[r];
    if (used.every((c) => isBlank(line[c]))) continue;
    rows.push(new GridRow(r + 1, line, columns));
  }
  return { tab, present: true, columns, rows };
}
