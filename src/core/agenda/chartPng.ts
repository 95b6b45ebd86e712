import { IndicatorChart } from './types';

// The indicator chart as a PNG for the Google Doc, drawn here rather than by a service: a Doc cannot
// show SVG, and the Charts service would cost a dozen calls per chart. Bars and gridlines only; the
// title is the heading above it and the figures are in the table beside it.

const COLOURS: [number, number, number][] = [[0x1b, 0x5e, 0x99], [0xe0, 0x8a, 0x1e], [0x5a, 0x9e, 0x3a], [0x8a, 0x3b, 0x8f], [0x6b, 0x6b, 0x6b]];
const GRID: [number, number, number] = [0xcc, 0xcc, 0xcc];
const AXIS: [number, number, number] = [0x33, 0x33, 0x33];
export const PNG_WIDTH = 300;
export const PNG_HEIGHT = 150;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function chunk(type: string, data: Uint8Array): number[] {
  const typed = new Uint8Array([...type].map((c) => c.charCodeAt(0)).concat([...data]));
  return [...u32(data.length), ...typed, ...u32(crc32(typed))];
}

/** zlib with stored (uncompressed) blocks: a small chart stays small enough, and no library is needed. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const out: number[] = [0x78, 0x01];
  for (let i = 0; i < raw.length || i === 0; i += 65535) {
    const part = raw.subarray(i, Math.min(raw.length, i + 65535));
    const last = i + 65535 >= raw.length ? 1 : 0;
    out.push(last, part.length & 0xff, part.length >>> 8, ~part.length & 0xff, (~part.length >>> 8) & 0xff, ...part);
    if (!raw.length) break;
  }
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  out.push(...u32(((b << 16) | a) >>> 0));
  return new Uint8Array(out);
}

/** The chart's bars on a white canvas, as PNG bytes (RGB, 8 bits). */
export function renderChartPng(chart: IndicatorChart): Uint8Array {
  const [w, h] = [PNG_WIDTH, PNG_HEIGHT];
  const pixels = new Uint8Array(w * h * 3).fill(0xff);
  const fill = (x0: number, y0: number, x1: number, y1: number, [r, g, b]: [number, number, number]) => {
    for (let y = Math.max(0, Math.round(y0)); y < Math.min(h, Math.round(y1)); y++) {
      for (let x = Math.max(0, Math.round(x0)); x < Math.min(w, Math.round(x1)); x++) pixels.set([r, g, b], (y * w + x) * 3);
    }
  };
  const pad = { left: 8, right: 8, top: 8, bottom: 8 };
  const plotH = h - pad.top - pad.bottom;
  const plotW = w - pad.left - pad.right;
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const top = Math.max(1, ...values) * 1.1;
  for (let i = 1; i <= 3; i++) fill(pad.left, pad.top + (plotH * i) / 4, w - pad.right, pad.top + (plotH * i) / 4 + 1, GRID);
  const group = plotW / Math.max(1, chart.years.length);
  const bar = Math.min(40, (group * 0.8) / Math.max(1, chart.series.length));
  chart.years.forEach((_, i) => {
    const start = pad.left + i * group + (group - bar * chart.series.length) / 2;
    chart.series.forEach((s, k) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      fill(start + k * bar, pad.top + plotH - (v / top) * plotH, start + (k + 1) * bar - 2, pad.top + plotH, COLOURS[k % COLOURS.length]);
    });
  });
  fill(pad.left, pad.top + plotH, w - pad.right, pad.top + plotH + 1, AXIS);
  const raw = new Uint8Array(h * (1 + w * 3));
  for (let y = 0; y < h; y++) raw.set(pixels.subarray(y * w * 3, (y + 1) * w * 3), y * (1 + w * 3) + 1);
  const header = new Uint8Array([...u32(w), ...u32(h), 8, 2, 0, 0, 0]);
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', header), ...chunk('IDAT', zlibStored(raw)), ...chunk('IEND', new Uint8Array())]);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without a service call (Apps Script has no btoa). */
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
  }
  return out;
}

/** The chart as an `<img>` for the Doc's import: the PNG inline, the description as its alternative text. */
export function chartImageHtml(chart: IndicatorChart): string {
  const alt = chart.description.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<img src="data:image/png;base64,${base64(renderChartPng(chart))}" width="${PNG_WIDTH}" height="${PNG_HEIGHT}" alt="${alt}">`;
}
