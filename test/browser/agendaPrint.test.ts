/**
 * Issue 22: the demo agenda as a project leader prints it from the HTML in Chromium. The agenda
 * proper (header and items 1-8) is one A4 page; each appendix starts a new page. Pages are counted
 * in the PDFs Chromium makes (page.pdf), the agenda printed whole and in parts: if an appendix did
 * not start a new page, the whole would need fewer pages than its parts.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { runDemo } from '../../src/cli/demo';
import { axeViolations, launchChromium, screenshot } from './harness';

jest.setTimeout(120_000);

let browser: Browser;
let page: Page;
let html = '';
let dir = '';

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'regiomonitor-agenda-print-'));
  const demo = await runDemo({ outDir: dir });
  html = await fs.readFile(demo.agenda.htmlFile, 'utf8');
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Pages of the PDF Chromium prints, A4 as the agenda's @page asks, keeping only what `keep` selects. */
async function pages(keep: 'all' | 'page' | 'A' | 'B' | 'C'): Promise<number> {
  await page.setContent(html);
  await page.evaluate((k) => {
    const parts = [...document.querySelectorAll('main > *')];
    for (const el of parts) {
      const appendix = el.matches('section.appendix') ? el.querySelector('h2')?.textContent?.slice(8, 9) : null;
      const onPage = !el.matches('section.appendix');
      const wanted = k === 'all' || (k === 'page' ? onPage : appendix === k);
      if (!wanted) el.remove();
    }
  }, keep);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

describe('the demo agenda printed from its HTML in Chromium', () => {
  it('has the three appendices after the agenda proper', () => {
    expect([...html.matchAll(/<section class="appendix">\n<h2>(Bijlage [ABC])/g)].map((m) => m[1])).toEqual(['Bijlage A', 'Bijlage B', 'Bijlage C']);
  });

  it('prints the agenda proper on one A4 page: one page before Bijlage A', async () => {
    expect(await pages('page')).toBe(1);
  });

  it('starts each appendix on a new page', async () => {
    const [whole, a, b, c] = [await pages('all'), await pages('A'), await pages('B'), await pages('C')];
    expect(whole).toBe(1 + a + b + c);
  });

  it('is accessible: the charts have a text alternative, the tables their headers (axe, WCAG 2.2 AA)', async () => {
    await page.setContent(html);
    await screenshot(page, 'agenda-demo');
    expect(await page.locator('svg[role="img"] > title').count()).toBeGreaterThan(0);
    expect((await axeViolations(page)).violations).toEqual([]);
  });
});
