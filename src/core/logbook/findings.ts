import { Cell, Grid, cellText } from '../sheet/cell';
import { A1Range, a1, columnLetter, parseA1 } from '../sheet/a1';
import { ADDON_USER, KEPT_OUTSIDE_RIGHTS } from '../rights/columnRights';
import { Finding } from '../sheet/findings';
import { headerIndex } from '../sheet/headers';
import { formatNumberNl } from '../values/numbers';
import { LogTrust, verifyLogbook } from './verify';

const norm = (text: string) => text.trim().toLowerCase();

/** A flagged block still standing, with what the Logboek said about it. */
interface Flag extends A1Range {
  tab: string;
  line: number;
  at: number;
  value: string;
  by: string;
}

/** `a` without the cells of `b`: up to four blocks, none when `b` covers `a`. */
function subtract(a: Flag, b: A1Range): Flag[] {
  const aBottom = a.row + a.numRows - 1;
  const aRight = a.column + a.numColumns - 1;
  const bBottom = b.row + b.numRows - 1;
  const bRight = b.column + b.numColumns - 1;
  if (b.row > aBottom || bBottom < a.row || b.column > aRight || bRight < a.column) return [a];
  const out: Flag[] = [];
  const piece = (row: number, column: number, lastRow: number, lastColumn: number) => {
    if (lastRow >= row && lastColumn >= column) out.push({ ...a, row, column, numRows: lastRow - row + 1, numColumns: lastColumn - column + 1 });
  };
  piece(a.row, a.column, b.row - 1, aRight); // above
  piece(bBottom + 1, a.column, aBottom, aRight); // below
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(aBottom, bBottom);
  piece(top, a.column, bottom, b.column - 1); // left
  piece(top, bRight + 1, bottom, aRight); // right
  return out;
}

function instant(cell: Cell | undefined): number {
  if (cell instanceof Date) return cell.getTime();
  return typeof cell === 'number' ? cell : NaN;
}

/** At most this many blocks are listed; more would drown `Controles`, and one more line says so. */
export const MAX_FLAG_FINDINGS = 500;

/**
 * Cells an editor changed outside their rights that the edit trigger had to keep (a paste, whose old
 * value Apps Script does not give), as recorded in `Logboek`, one line per cell or per block. Listed
 * until the project leader edits those cells themselves: correcting them, or typing them again to
 * approve them. Only lines the add-on is known to have written count (`verified`, from the chain):
 * a line naming the project leader that someone else wrote approves nothing, and a flag line someone
 * else wrote raises nothing. One pass, each approval taking its cells out of the open blocks.
 */
export function keptOutsideRights(log: Grid | null, verified: readonly boolean[], leader: string, headersOf: (tab: string) => readonly Cell[] | null): Finding[] {
  if (!log || log.length < 2) return [];
  const [time, user, tab, where, oldValue, newValue] = ['Tijdstip', 'Gebruiker', 'Tabblad', 'Cel', 'Oud', 'Nieuw'].map((h) => headerIndex(log[0], h));
  if ([user, tab, where, oldValue, newValue].some((c) => c < 0)) return [];
  let open: Flag[] = [];
  const lastEditor = new Map<string, string>();
  for (let r = 1; r < log.length; r++) {
    if (!verified[r]) continue;
    const line = log[r];
    const who = cellText(line[user]).trim();
    const tabName = cellText(line[tab]).trim();
    const range = parseA1(cellText(line[where]).trim());
    const at = time >= 0 ? instant(line[time]) : NaN;
    if (who === ADDON_USER && cellText(line[newValue]).trim() === KEPT_OUTSIDE_RIGHTS) {
      // the editor's own lines come just before the add-on's; name them
      if (range) open.push({ ...range, tab: tabName, line: r + 1, at, value: cellText(line[oldValue]), by: lastEditor.get(norm(tabName)) ?? 'onbekend' });
    } else if (leader && norm(who) === norm(leader)) {
      if (!range) continue;
      open = open.flatMap((f) => (norm(f.tab) === norm(tabName) && !(at < f.at) ? subtract(f, range) : [f]));
    } else if (who !== ADDON_USER) {
      lastEditor.set(norm(tabName), who);
    }
  }
  open.sort((a, b) => a.tab.localeCompare(b.tab) || a.row - b.row || a.column - b.column);
  const findings = open.slice(0, MAX_FLAG_FINDINGS).map((f) => flagFinding(f, headersOf(f.tab)));
  if (open.length > MAX_FLAG_FINDINGS) {
    findings.push({ tab: open[MAX_FLAG_FINDINGS].tab, row: 0, column: '', value: String(open.length - MAX_FLAG_FINDINGS), problem: `Nog ${formatNumberNl(open.length - MAX_FLAG_FINDINGS)} blokken buiten de rechten gewijzigd en bewaard; zie Logboek.` });
  }
  return findings;
}

function columnName(headers: readonly Cell[] | null, column: number): string {
  const name = headers ? cellText(headers[column - 1] ?? null).trim() : '';
  return name ? `${name} (${columnLetter(column - 1)})` : columnLetter(column - 1);
}

function flagFinding(f: Flag, headers: readonly Cell[] | null): Finding {
  const single = f.numRows === 1 && f.numColumns === 1;
  const last = f.column + f.numColumns - 1;
  const column = f.numColumns === 1 ? columnName(headers, f.column) : `${columnName(headers, f.column)} t/m ${columnName(headers, last)}`;
  const block = single ? '' : ` in ${a1(f.row, f.column)}:${a1(f.row + f.numRows - 1, last)} (${formatNumberNl(f.numRows * f.numColumns)} cellen)`;
  return {
    tab: f.tab,
    row: f.row,
    column,
    value: single ? f.value : '',
    problem: `Gewijzigd door ${f.by} buiten de rechten${block} (Logboek rij ${f.line}): alleen de projectleider mag ${single ? 'deze cel' : 'deze cellen'} wijzigen. De waarde is bewaard; de projectleider past ${single ? 'hem' : 'ze'} aan of typt ${single ? 'hem' : 'ze'} opnieuw om ${single ? 'hem' : 'ze'} goed te keuren.`,
  };
}

/** `Logboek` as the check reads it: its grid and who judges it (see verifyLogbook). */
export interface LogbookInput {
  grid: Grid | null;
  trust: LogTrust;
}

/**
 * The check's findings about `Logboek`: every line that is not what the add-on wrote, and edits
 * outside the rights still standing. `headersOf` gives a tab's header row, to name the column of a cell.
 */
export function logbookFindings(logbook: LogbookInput, leader: string, headersOf: (tab: string) => readonly Cell[] | null): Finding[] {
  const verdict = verifyLogbook(logbook.grid, logbook.trust);
  return [...verdict.findings, ...keptOutsideRights(logbook.grid, verdict.verified, leader, headersOf)];
}
