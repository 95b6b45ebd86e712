/**
 * Speed as a user of Apps Script feels it: every server call costs ~0.8 s there, simulated here by
 * the preview's latency. With 800 ms per call the first meaningful content (the summary strip, or
 * "Mijn acties" for an official) must be painted within 1.5 s, which leaves 700 ms for everything
 * that is not the network; that budget is what is asserted, next to the number of round trips before
 * the content (one), so a slow shared machine does not pass or fail by luck. Cumulative layout shift
 * (PerformanceObserver 'layout-shift') stays under 0.1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { ARTIFACTS, Session, launchChromium, openSidebar, screenshot } from './harness';
import { OFFICIAL_TEN, PROJECT_LEADER, scenarioWorkbook } from './scenario';

jest.setTimeout(120_000);

const LATENCY_MS = 800;
const FIRST_CONTENT_LIMIT_MS = 1500;

/** Installed before any page script: counts server calls, records layout shifts and the first data paint. */
const MEASURE = `(() => {
  window.__rpc = [];
  const fetch0 = window.fetch.bind(window);
  window.fetch = (input, init) => { window.__rpc.push(String(input)); return fetch0(input, init); };
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: e.startTime });
  }).observe({ type: 'layout-shift', buffered: true });
  new MutationObserver((_, observer) => {
    if (!document.body || !document.body.dataset.loaded) return;
    observer.disconnect();
    const rpc = window.__rpc.slice();
    // Two frames: the first callback runs before that frame is painted.
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__firstContent = { at: performance.now(), rpc }; }));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-loaded'] });
})();`;

interface Measure {
  firstContentMs: number;
  rpcBeforeContent: string[];
  cls: number;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const results: Record<string, Measure[]> = {};
afterAll(() => {
  writeFileSync(join(ARTIFACTS, 'speed.json'), JSON.stringify({ latencyMs: LATENCY_MS, results }, null, 2));
});

async function measure(user: string, contentSelector: string, runs: number): Promise<Measure[]> {
  const out: Measure[] = [];
  let session: Session | null = null;
  try {
    session = await openSidebar(browser, scenarioWorkbook({ moreOfficials: true }), user, { latencyMs: LATENCY_MS });
    const { page } = session;
    // That first, unmeasured load warmed Chromium and the server's code, as benchSidebar does; Apps
    // Script's own cold start is not what the 800 ms stands for.
    await page.addInitScript(MEASURE);
    for (let i = 0; i < runs; i++) {
      await page.reload();
      await page.waitForFunction(() => '__firstContent' in window, undefined, { timeout: 20_000 });
      expect(await page.locator(contentSelector).first().isVisible()).toBe(true);
      // Late shifts count too: wait a second after the content.
      await page.waitForTimeout(1000);
      const m = await page.evaluate(() => {
        const w = window as unknown as { __firstContent: { at: number; rpc: string[] }; __shifts: { value: number }[] };
        return { firstContentMs: Math.round(w.__firstContent.at), rpcBeforeContent: w.__firstContent.rpc.map((u) => new URL(u, location.href).pathname), cls: w.__shifts.reduce((s, e) => s + e.value, 0) };
      });
      out.push(m);
    }
    await screenshot(page, `snelheid-${user.split('@')[0]}`);
  } finally {
    await session?.close();
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test.each([
  ['the project leader', PROJECT_LEADER, '#summary .tiles'],
  ['an official with ten actions', OFFICIAL_TEN, '#my-actions .my-item'],
])('%s: first meaningful content after one round trip, within 1.5 s at 800 ms latency; CLS < 0.1', async (_who, user, selector) => {
  const runs = await measure(user, selector, 3);
  results[user] = runs;
  // One server call before the content: dashboard and Mijn acties come together.
  for (const r of runs) expect(r.rpcBeforeContent).toEqual(['/rpc/getSidebar']);
  // The network took 800 ms of it; the page, the server's work and rendering share the other 700 ms.
  // The median of three loads, so one hiccup of a shared machine neither passes nor fails it.
  const first = median(runs.map((r) => r.firstContentMs));
  expect(first).toBeGreaterThanOrEqual(LATENCY_MS);
  expect(first - LATENCY_MS).toBeLessThan(FIRST_CONTENT_LIMIT_MS - LATENCY_MS);
  for (const r of runs) expect(r.cls).toBeLessThan(0.1);
});
