import { Grid } from '../sheet/cell';
import { TabLayout } from '../workbook/contract';
import { formatDay } from '../values/dates';
import { escapeCellText } from '../sheet/escape';
import { formatEuroRounded } from '../values/money';
import { appendixRef, sectionHeading } from './format';
import { Agenda } from './types';

export const AGENDA_HEADERS = ['Nr', 'Onderdeel', 'Omschrijving', 'Eigenaar', 'Bedrag', 'Datum'] as const;

/**
 * Every column is text: `2.3` must not become a number, and amounts and dates are already written
 * the Dutch way, so the sheet's locale cannot reformat them.
 */
export const AGENDA_LAYOUT: TabLayout = {
  headers: AGENDA_HEADERS,
  formats: { Nr: 'text', Onderdeel: 'text', Omschrijving: 'text', Eigenaar: 'text', Bedrag: 'text', Datum: 'text' },
};

/** The agenda as rows of the tab `Agenda JJJJ-MM-DD` (header excluded): one line per row, headings on their own rows. */
export function renderRows(agenda: Agenda): Grid {
  const rows: Grid = [];
  const push = (nr: string, part: string, text: string, owner = '', amount = '', date = '') =>
    rows.push([nr, part, text, owner, amount, date].map(escapeCellText));
  push('', 'Agenda', agenda.title, '', '', formatDay(agenda.date));
  if (agenda.banner) push('', 'FICTIEF', agenda.banner);
  for (const f of agenda.header) push('', '', `${f.label}: ${f.value}`);
  for (const section of agenda.sections) {
    const ref = appendixRef(section);
    push(String(section.number), sectionHeading(section).replace(/^\d+\. /, ''), ref ? `Details: ${ref}` : '');
    for (const line of section.lines) push('', '', line);
    for (const r of section.table?.rows ?? []) push('', '', r.summary);
    for (let i = 1; i <= section.fillIn; i++) push('', '', `${i}.`);
  }
  for (const appendix of agenda.appendices) {
    push('', appendix.title, '');
    for (const b of appendix.blocks) {
      if (b.heading) push('', b.level === 1 ? b.heading : `› ${b.heading}`, '');
      for (const note of b.notes) push('', '', note);
      for (const r of b.table?.rows ?? []) push('', '', r.summary);
      for (const item of b.items) {
        push(item.number, '', item.text, item.owner, item.amountCents === null ? '' : formatEuroRounded(item.amountCents), item.date ? formatDay(item.date) : '');
        for (const d of item.details) push('', '', `• ${d}`);
      }
    }
  }
  return rows;
}
