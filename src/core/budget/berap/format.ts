import { formatDay } from '../../values/dates';
import { Cents, formatEuroRounded } from '../../values/money';
import { Berap, BerapRow } from './types';

/**
 * What the documents (Markdown, HTML, Doc) show of the berap: the figures in whole euros, and per
 * line its explanation and proposal below the table, so the table fits an A4 page.
 */
export const DOCUMENT_HEADERS = [
  'Begrotingspost', 'Primitief', 'Wijzigingen', 'Raming', 'Realisatie', 'Open verpl.', 'Prognose', 'Afwijking', '%', 'V/N', 'Vorige prognose', 'Mutatie',
] as const;

/** Which document columns are numbers (right aligned). */
export const NUMERIC_COLUMN = DOCUMENT_HEADERS.map((h) => h !== 'Begrotingspost' && h !== 'V/N');

export const euro = (cents: Cents | null) => (cents === null ? '' : formatEuroRounded(cents));

/** `-12,5%`: one decimal, Dutch comma. */
export function percent(share: number | null): string {
  if (share === null) return '';
  const tenths = Math.round(share * 1000);
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)},${abs % 10}%`;
}

/** `Veilig Thuis (VT)`, the programme rows by their name only. */
export const rowLabel = (r: BerapRow) => (r.kind === 'line' ? `${r.name} (${r.code})` : r.name);

export function documentCells(r: BerapRow): string[] {
  return [
    rowLabel(r), euro(r.primitiveCents), euro(r.changesCents), euro(r.estimateCents), euro(r.realisedCents), euro(r.obligoCents), euro(r.forecastCents),
    euro(r.deviationCents), percent(r.deviationShare), r.sign, euro(r.previousForecastCents), euro(r.mutationCents),
  ];
}

/** `afwijking € -60.000 N (-12,0%)`: how a deviation is named in the texts and in Controles. */
export function deviationPhrase(r: Pick<BerapRow, 'deviationCents' | 'deviationShare' | 'sign'>): string {
  if (r.deviationCents === null) return '';
  const share = r.deviationShare === null ? '' : ` (${percent(r.deviationShare)})`;
  return `afwijking ${euro(r.deviationCents)}${r.sign ? ` ${r.sign}` : ''}${share}`;
}

/** The lines the text part discusses: those with a deviation, a text or a proposal. */
export const discussedRows = (berap: Berap) =>
  berap.rows.filter((r) => r.explanationRequired || r.explanation.trim() || r.proposal || (r.kind === 'total' && r.deviationCents));

export const MISSING_EXPLANATION = 'Toelichting ontbreekt (verplicht: afwijking boven de drempel).';

/** The lines under the title: Peildatum, year and phase, thresholds, where `Vorige prognose` comes from. */
export function introLines(berap: Berap): string[] {
  const pct = `${berap.thresholdBasisPoints / 100}%`.replace('.', ',');
  return [
    `Peildatum ${formatDay(berap.referenceDate)}; begrotingsjaar ${berap.year} (${berap.phase}). Bedragen in hele euro's.`,
    `Afwijking = raming − prognose: V is voordeel, N is nadeel. Een toelichting is verplicht bij een afwijking van ${euro(berap.thresholdCents)} of meer, of van ${pct} van de raming of meer.`,
    berap.previousDate
      ? `Vorige prognose: de prognose op de vorige peildatum in Prognoseverloop, ${formatDay(berap.previousDate)}.`
      : 'Vorige prognose: Prognoseverloop heeft geen eerdere peildatum voor dit jaar.',
  ];
}
