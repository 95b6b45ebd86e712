import { escapeHtml } from '../values/html';
import { formatNumberNl } from '../values/numbers';
import { IndicatorChart } from './types';

/** Colours that stay apart in greyscale print and for the common colour-vision deficiencies. */
const COLOURS = ['#1b5e99', '#e08a1e', '#5a9e3a', '#8a3b8f', '#6b6b6b'];

const WIDTH = 300;
const HEIGHT = 170;
const PAD = { left: 44, right: 8, top: 10, bottom: 40 };

/** A round step for the value axis: 1, 2 or 5 times a power of ten, about three gridlines. */
function step(max: number): number {
  const raw = max / 3 || 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

const fixed = (n: number) => Number(n.toFixed(1));

/**
 * The indicator as grouped columns (a group per year, a column per municipality) in inline SVG: a
 * picture for the eye, with its title and a description for a screen reader; the figures themselves
 * are in the table beside it.
 */
export function renderChartSvg(chart: IndicatorChart): string {
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = Math.max(0, ...values);
  const unit = step(max);
  const top = Math.max(unit, Math.ceil(max / unit) * unit);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number) => fixed(PAD.top + plotH - (v / top) * plotH);
  const group = plotW / Math.max(1, chart.years.length);
  const bar = Math.min(28, (group * 0.8) / Math.max(1, chart.series.length));
  const out: string[] = [
    `<svg class="chart" role="img" aria-labelledby="${chart.id}-t ${chart.id}-d" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg" font-family="Arial, Helvetica, sans-serif" font-size="9">`,
    `<title id="${chart.id}-t">${escapeHtml(chart.title)}</title>`,
    `<desc id="${chart.id}-d">${escapeHtml(chart.description)}</desc>`,
  ];
  for (let v = 0; v <= top; v += unit) {
    out.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ccc" stroke-width="0.5"/>`);
    out.push(`<text x="${PAD.left - 4}" y="${fixed(y(v) + 3)}" text-anchor="end" fill="#333">${formatNumberNl(v)}</text>`);
  }
  chart.years.forEach((year, i) => {
    const start = PAD.left + i * group + (group - bar * chart.series.length) / 2;
    chart.series.forEach((s, k) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      out.push(`<rect x="${fixed(start + k * bar)}" y="${y(v)}" width="${fixed(bar - 1)}" height="${fixed(PAD.top + plotH - y(v))}" fill="${COLOURS[k % COLOURS.length]}"/>`);
    });
    out.push(`<text x="${fixed(PAD.left + i * group + group / 2)}" y="${PAD.top + plotH + 12}" text-anchor="middle" fill="#333">${year}</text>`);
  });
  // Legend in one row under the axis; a single series needs none beyond the title.
  if (chart.series.length > 1) {
    let x = PAD.left;
    chart.series.forEach((s, k) => {
      out.push(`<rect x="${x}" y="${HEIGHT - 12}" width="8" height="8" fill="${COLOURS[k % COLOURS.length]}"/>`);
      out.push(`<text x="${x + 11}" y="${HEIGHT - 4}" fill="#333">${escapeHtml(s.name)}</text>`);
      x += 16 + s.name.length * 5;
    });
  }
  out.push('</svg>');
  return out.join('');
}
