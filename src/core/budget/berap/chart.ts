import { escapeHtml } from '../../values/html';
import { Cents } from '../../values/money';
import { euro } from './format';
import { Berap } from './types';

export interface ChartBar {
  label: string;
  estimateCents: Cents;
  forecastCents: Cents;
}

/** The chart's data: Raming and Prognose per budget line (the programme rows would dwarf the lines). */
export function chartBars(berap: Berap): ChartBar[] {
  return berap.rows
    .filter((r) => r.kind === 'line')
    .map((r) => ({ label: r.name || r.code, estimateCents: r.estimateCents ?? 0, forecastCents: r.forecastCents ?? 0 }));
}

export const CHART_TITLE = 'Raming en prognose per begrotingspost';

/** The chart as words, for screen readers and for anyone who cannot see the bars. */
export function chartDescription(bars: readonly ChartBar[]): string {
  if (!bars.length) return 'Geen begrotingsposten in dit jaar.';
  return bars.map((b) => `${b.label}: raming ${euro(b.estimateCents)}, prognose ${euro(b.forecastCents)}`).join('; ') + '.';
}

const RAMING_COLOUR = '#5b7fa6';
const PROGNOSE_COLOUR = '#d9822b';

/**
 * A horizontal grouped bar chart as inline SVG: no script, no external file, so it prints and
 * survives being pasted. Bars start at zero; a negative figure draws no bar but keeps its label.
 */
export function chartSvg(berap: Berap, idPrefix = 'berap-chart'): string {
  const bars = chartBars(berap);
  const labelWidth = 230;
  const plotWidth = 380;
  const valueWidth = 90;
  const group = 30;
  const top = 28;
  const height = top + bars.length * group + 10;
  const width = labelWidth + plotWidth + valueWidth;
  const max = Math.max(1, ...bars.flatMap((b) => [b.estimateCents, b.forecastCents]));
  const length = (cents: Cents) => Math.max(0, Math.round((cents / max) * plotWidth));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="Arial, Helvetica, sans-serif" font-size="11">`,
    `<title id="${idPrefix}-title">${escapeHtml(CHART_TITLE)}</title>`,
    `<desc id="${idPrefix}-desc">${escapeHtml(chartDescription(bars))}</desc>`,
    `<rect x="${labelWidth}" y="6" width="10" height="10" fill="${RAMING_COLOUR}"/><text x="${labelWidth + 14}" y="15">Raming</text>`,
    `<rect x="${labelWidth + 80}" y="6" width="10" height="10" fill="${PROGNOSE_COLOUR}"/><text x="${labelWidth + 94}" y="15">Prognose</text>`,
  ];
  bars.forEach((b, i) => {
    const y = top + i * group;
    out.push(
      `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(b.label.length > 38 ? `${b.label.slice(0, 37)}…` : b.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 2}" width="${length(b.estimateCents)}" height="11" fill="${RAMING_COLOUR}"/>`,
      `<rect x="${labelWidth}" y="${y + 14}" width="${length(b.forecastCents)}" height="11" fill="${PROGNOSE_COLOUR}"/>`,
      `<text x="${labelWidth + length(b.estimateCents) + 4}" y="${y + 11}">${escapeHtml(euro(b.estimateCents))}</text>`,
      `<text x="${labelWidth + length(b.forecastCents) + 4}" y="${y + 23}">${escapeHtml(euro(b.forecastCents))}</text>`,
    );
  });
  out.push(`<line x1="${labelWidth}" y1="${top}" x2="${labelWidth}" y2="${height - 6}" stroke="#888"/>`, '</svg>');
  return out.join('\n');
}
