import { Cell, Grid } from '../../sheet/cell';
import { escapeCellText } from '../../sheet/escape';
import { Day } from '../../values/dates';
import { Cents, centsToSheet } from '../../values/money';
import { NO, TabLayout, YES } from '../../workbook/contract';
import { Berap, BerapRow } from './types';

export const BERAP_HEADERS = [
  'Code', 'Begrotingspost', 'Karakter', 'Primitief', 'Wijzigingen', 'Raming', 'Realisatie', 'Open verplichtingen', 'Prognose',
  'Afwijking', 'Afwijking %', 'V/N', 'Vorige prognose', 'Mutatie', 'Toelichting verplicht', 'Toelichting', 'Voorstel',
] as const;

const MONEY_HEADERS = ['Primitief', 'Wijzigingen', 'Raming', 'Realisatie', 'Open verplichtingen', 'Prognose', 'Afwijking', 'Vorige prognose', 'Mutatie'] as const;

export const BERAP_LAYOUT: TabLayout = {
  headers: BERAP_HEADERS,
  formats: { ...Object.fromEntries(MONEY_HEADERS.map((h) => [h, 'money'])), 'Afwijking %': 'percent', Code: 'text', Toelichting: 'text' },
  // Where a text is required, the controller sees it at a glance.
  highlights: [{ kind: 'valueEquals', header: 'Toelichting verplicht', value: YES, background: '#fce5cd' }],
};

/** Tab of the berap at `referenceDate` (contract: `Berap JJJJ-MM-DD`). */
export const berapTabName = (referenceDate: Day) => `Berap ${referenceDate}`;

/** Tab names that are a berap: `Berap 2024-10-01`. */
export const BERAP_TAB = /^Berap (\d{4}-\d{2}-\d{2})$/;

/** The row above the texts whose line no longer exists: a heading, no Code, so it is never read back as one. */
export const ORPHANS_HEADING = 'Toelichtingen bij regels die op deze peildatum niet (meer) bestaan';
export const ORPHAN_NAME = '(geen regel op deze peildatum; toelichting bewaard)';

const money = (cents: Cents | null): Cell => (cents === null ? '' : centsToSheet(cents));
const text = (value: string): Cell => escapeCellText(value);

function rowCells(r: BerapRow): Cell[] {
  return [
    text(r.code), text(r.name), text(r.character), money(r.primitiveCents), money(r.changesCents), money(r.estimateCents), money(r.realisedCents),
    money(r.obligoCents), money(r.forecastCents), money(r.deviationCents), r.deviationShare === null ? '' : r.deviationShare, r.sign,
    money(r.previousForecastCents), money(r.mutationCents), r.explanationRequired === null ? '' : r.explanationRequired ? YES : NO,
    text(r.explanation), text(r.proposal),
  ];
}

const width = BERAP_HEADERS.length;
const at = (header: (typeof BERAP_HEADERS)[number]) => BERAP_HEADERS.indexOf(header);

function sparse(values: Partial<Record<(typeof BERAP_HEADERS)[number], Cell>>): Cell[] {
  const cells: Cell[] = new Array(width).fill('');
  for (const [header, value] of Object.entries(values)) cells[at(header as (typeof BERAP_HEADERS)[number])] = value;
  return cells;
}

/**
 * The tab's rows (header excluded): the table, then the texts of lines that are gone (each with its
 * Code, so the next remake reads it back and a returning line gets its text again), then the
 * FICTIEF banner where the workbook holds demo data.
 */
export function renderBerapRows(berap: Berap): Grid {
  const rows: Grid = berap.rows.map(rowCells);
  if (berap.orphans.length) {
    rows.push(sparse({}), sparse({ Begrotingspost: text(ORPHANS_HEADING) }));
    for (const o of berap.orphans) rows.push(sparse({ Code: text(o.code), Begrotingspost: ORPHAN_NAME, Toelichting: text(o.explanation) }));
  }
  if (berap.banner) rows.push(sparse({}), sparse({ Begrotingspost: text(berap.banner) }));
  return rows;
}
