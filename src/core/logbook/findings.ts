import { Cell, Grid, cellText } from '../sheet/cell';
import { columnLetter, columnNumber } from '../sheet/a1';
import { ADDON_USER, KEPT_OUTSIDE_RIGHTS } from '../rights/columnRights';
import { Finding } from '../sheet/findings';
import { ChainHead, verifyLog } from './chain';
import { headerIndex } from '../sheet/headers';

const norm = (text: string) => text.trim().toLowerCase();

/**
 * Cells an editor changed outside their rights that the edit trigger had to keep (a paste, whose old
 * value Apps Script does not give), as recorded in `Logboek`. Listed until the project leader edits
 * that cell themselves: correcting it, or typing it again to approve it.
 */
export function keptOutsideRights(log: Grid | null, leader: string, headersOf: (tab: string) => readonly Cell[] | null): Finding[] {
  if (!log || log.length < 2) return [];
  const [user, tab, where, oldValue, newValue] = ['Gebruiker', 'Tabblad', 'Cel', 'Oud', 'Nieuw'].map((h) => headerIndex(log[0], h));
  if ([user, tab, where, oldValue, newValue].some((c) => c < 0)) return [];
  const open = new Map<string, { line: number; tab: string; cell: string; value: string; by: string }>();
  for (let r = 1; r < log.length; r++) {
    const line = log[r];
    const key = `${norm(cellText(line[tab]))}|${norm(cellText(line[where]))}`;
    const who = cellText(line[user]).trim();
    if (who === ADDON_USER && cellText(line[newValue]).trim() === KEPT_OUTSIDE_RIGHTS) {
      // the editor's own line comes just before the add-on's; name them
      const editor = [...log.slice(1, r)].reverse().find((l) => `${norm(cellText(l[tab]))}|${norm(cellText(l[where]))}` === key && cellText(l[user]).trim() !== ADDON_USER);
      open.set(key, { line: r + 1, tab: cellText(line[tab]).trim(), cell: cellText(line[where]).trim(), value: cellText(line[oldValue]), by: editor ? cellText(editor[user]).trim() : 'onbekend' });
    } else if (leader && norm(who) === norm(leader)) {
      open.delete(key);
    }
  }
  return [...open.values()].map((o) => {
    const m = /^([A-Z]+)(\d+)$/.exec(o.cell.toUpperCase());
    const headers = headersOf(o.tab);
    const columnIndex = m ? columnNumber(m[1]) - 1 : -1;
    const name = columnIndex >= 0 && headers ? cellText(headers[columnIndex] ?? null).trim() : '';
    return {
      tab: o.tab,
      row: m ? Number(m[2]) : 0,
      column: m ? (name ? `${name} (${columnLetter(columnIndex)})` : m[1]) : '',
      value: o.value,
      problem: `Gewijzigd door ${o.by} buiten de rechten (Logboek rij ${o.line}): alleen de projectleider mag deze cel wijzigen. De waarde is bewaard; de projectleider past hem aan of typt hem opnieuw om hem goed te keuren.`,
    };
  });
}

/**
 * The check's findings about `Logboek`: breaks in its hash chain, and edits outside the rights still
 * standing. `headersOf` gives a tab's header row, to name the column of a cell.
 */
export function logbookFindings(log: Grid | null, head: ChainHead, leader: string, headersOf: (tab: string) => readonly Cell[] | null): Finding[] {
  return [...verifyLog(log, head), ...keptOutsideRights(log, leader, headersOf)];
}
