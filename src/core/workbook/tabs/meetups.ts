import { Cell, cellText } from '../../sheet/cell';
import { TAB } from '../contract';
import { Findings } from '../../sheet/findings';
import { timeOfDay } from '../../values/dates';
import { Meetup } from '../model';
import { WorkbookSnapshot, rowsOf } from '../rowReader';

/** `Meet-ups`, by date. */
export function parseMeetups(snapshot: WorkbookSnapshot, findings: Findings, tz: string): Meetup[] {
  const meetups: Meetup[] = [];
  for (const r of rowsOf(snapshot, TAB.meetups, ['Datum'], findings, tz)) {
    const date = r.day('Datum', true);
    if (!r.ok || date === null) continue;
    meetups.push({
      row: r.row.rowNumber,
      date,
      theme: r.text('Thema'),
      partners: r.text('Netwerkpartners').split(/[;\n]+/).map((p) => p.trim()).filter(Boolean),
      goodExamples: r.text('Goede voorbeelden'),
      notes: r.text('Notities'),
      time: timeText(r.row.get('Tijd'), tz),
      place: r.text('Locatie'),
      chair: r.text('Voorzitter'),
      minuteTaker: r.text('Notulist'),
    });
  }
  return meetups.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
}

/** `Tijd` as typed (`13.30-16.00 uur`), or a time cell (Sheets: a Date on 30-12-1899; a fraction of a day) as `13:30`. */
function timeText(cell: Cell, tz: string): string {
  if (cell instanceof Date) return isNaN(cell.getTime()) ? '' : timeOfDay(cell, tz);
  if (typeof cell === 'number' && cell >= 0 && cell < 1) {
    const minutes = Math.round(cell * 24 * 60);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  return cellText(cell).trim();
}
