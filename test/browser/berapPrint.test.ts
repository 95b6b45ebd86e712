/**
 * Issue 20: the berap's HTML as a controller prints it, in real Chromium: A4 landscape, numbers
 * right aligned, the table within the page width, the chart drawn with its text alternative.
 */
import { Browser } from 'playwright-core';
import { renderBerapHtml } from '../../src/core/budget/berap/html';
import { makeBerap } from '../core/budget/berap/fixture';
import { launchChromium } from './harness';

jest.setTimeout(60_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('prints on A4 landscape with right-aligned amounts, and the chart is an image with a name', async () => {
  const page = await browser.newPage();
  await page.setContent(renderBerapHtml(makeBerap(null, true)));
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  // A4 landscape: 297 × 210 mm = 841,9 × 595,3 pt
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!;
  expect(Math.round(Number(box[1]))).toBe(842);
  expect(Math.round(Number(box[2]))).toBe(595);

  const amounts = await page.$$eval('td.num', (cells) => cells.map((c) => getComputedStyle(c).textAlign));
  expect(amounts.length).toBeGreaterThan(0);
  expect(new Set(amounts)).toEqual(new Set(['right']));
  // the table fits the printable width, 297 mm − 2 × 12 mm margins ≈ 1032 CSS px, without overflow
  await page.setViewportSize({ width: 1032, height: 700 });
  const table = await page.$eval('table', (t) => ({ width: t.getBoundingClientRect().width, scroll: t.scrollWidth, page: document.documentElement.scrollWidth }));
  expect(table.width).toBeLessThanOrEqual(1032);
  expect(table.scroll).toBeLessThanOrEqual(Math.ceil(table.width));
  expect(table.page).toBeLessThanOrEqual(1032);

  const chart = await page.$eval('svg[role="img"]', (svg) => ({
    name: svg.getAttribute('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '),
    bars: svg.querySelectorAll('rect').length,
  }));
  expect(chart.name).toContain('Raming en prognose per begrotingspost');
  expect(chart.name).toContain('Post B: raming € 100.000, prognose € 115.000');
  expect(chart.bars).toBe(4 * 2 + 2);
  expect(await page.textContent('.banner')).toMatch(/^FICTIEF/);
  await page.close();
});
