/**
 * What makes the sidebar feel fast in Apps Script, where every server call costs ~0.8 s (simulated
 * here by the preview's latency): the first meaningful content (the summary strip, or "Mijn acties"
 * for an official) comes after one round trip, and nothing jumps when it arrives (cumulative layout
 * shift, PerformanceObserver 'layout-shift', under 0.1). Neither depends on how busy the machine is.
 * How long it takes is a benchmark, not a test: `npm run bench` (src/tooling/benchSidebar.ts)
 * reports the first paint with data at 800 ms per call against its 1.5 s budget.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, Session, openSidebar, screenshot, useChromium } from './harness';
import { OFFICIAL_TEN, PROJECT_LEADER, scenarioWorkbook } from './scenario';

jest.setTimeout(120_000);

const LATENCY_MS = 800;

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

const chromium = useChromium();

const results: Record<string, Measure[]> = {};
afterAll(() => {
  writeFileSync(join(ARTIFACTS, 'speed.json'), JSON.stringify({ latencyMs: LATENCY_MS, results }, null, 2));
});

async function measure(user: string, contentSelector: string, runs: number): Promise<Measure[]> {
  const out: Measure[] = [];
  let session: Session | null = null;
  try {
    session = await openSidebar(chromium.browser, scenarioWorkbook({ moreOfficials: true }), user, { latencyMs: LATENCY_MS });
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

test.each([
  ['the project leader', PROJECT_LEADER, '#summary .tiles'],
  ['an official with ten actions', OFFICIAL_TEN, '#my-actions .my-item'],
])('%s: first meaningful content after one round trip at 800 ms latency; CLS < 0.1', async (_who, user, selector) => {
  const runs = await measure(user, selector, 2);
  results[user] = runs;
  // One server call before the content: dashboard and Mijn acties come together.
  for (const r of runs) expect(r.rpcBeforeContent).toEqual(['/rpc/getSidebar']);
  // The content waited for that call: it cannot come before the latency (a lower bound, so a slow
  // machine never fails it).
  for (const r of runs) expect(r.firstContentMs).toBeGreaterThanOrEqual(LATENCY_MS);
  for (const r of runs) expect(r.cls).toBeLessThan(0.1);
});
