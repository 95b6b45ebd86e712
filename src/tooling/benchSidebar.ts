/**
 * Sidebar benchmarks for `npm run bench`: the size of build/Sidebar.html (limit 150 KB) and the time
 * from navigation to the first frame painted with the dashboard's data, in real Chromium against
 * the preview server over the demo workbook (so the real server functions answer).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { demoWorkbook, startPreview } from './preview';

export const SIDEBAR_LIMIT_BYTES = 150 * 1024;
/** What Apps Script adds to every google.script.run call, roughly. */
export const APPS_SCRIPT_LATENCY_MS = 800;
/** The first paint with data at APPS_SCRIPT_LATENCY_MS per call should come within this. */
export const FIRST_PAINT_LIMIT_MS = 1500;

export interface SidebarBench {
  sidebarFile: string;
  sidebarBytes: number;
  withinLimit: boolean;
  /** Null when Chromium is not installed; `skipped` then says why. */
  firstPaintWithDataMs: { median: number; min: number; max: number; runs: number } | null;
  /** First contentful paint (the headings, before data), median. */
  firstContentfulPaintMs: number | null;
  /** First paint with data when every server call takes APPS_SCRIPT_LATENCY_MS, median; null when skipped. */
  firstPaintWithLatencyMs: number | null;
  skipped?: string;
}

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

function defaultSidebarFile(): string {
  const candidates = [join(__dirname, 'Sidebar.html'), join(__dirname, '..', '..', 'build', 'Sidebar.html'), join(process.cwd(), 'build', 'Sidebar.html')];
  return candidates.find((f) => existsSync(f)) ?? candidates[candidates.length - 1];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Records, inside the page, when the dashboard's data is in the DOM and the frame after that has
 * been painted (two animation frames later: the first runs before that frame's paint).
 */
const MEASURE_SCRIPT = `(() => {
  const done = () => requestAnimationFrame(() => requestAnimationFrame(() => { window.__dataPaint = performance.now(); }));
  new MutationObserver((_, observer) => {
    if (document.body && document.body.dataset.loaded) { observer.disconnect(); done(); }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-loaded'] });
})();`;

export async function benchSidebar(options: { runs?: number; sidebarFile?: string } = {}): Promise<SidebarBench> {
  const sidebarFile = options.sidebarFile ?? defaultSidebarFile();
  if (!existsSync(sidebarFile)) throw new Error(`${sidebarFile} ontbreekt: voer eerst npm run build uit.`);
  const sidebarBytes = statSync(sidebarFile).size;
  const base = { sidebarFile, sidebarBytes, withinLimit: sidebarBytes <= SIDEBAR_LIMIT_BYTES };
  const executablePath = findChromium();
  if (!executablePath) return { ...base, firstPaintWithDataMs: null, firstContentfulPaintMs: null, firstPaintWithLatencyMs: null, skipped: 'Chromium ontbreekt (apt-get install chromium of CHROMIUM_PATH)' };

  const runs = options.runs ?? 7;
  const { workbook, people } = demoWorkbook();
  const preview = await startPreview({ workbook, userEmail: people.projectLeader, sidebarHtml: readFileSync(sidebarFile, 'utf8') });
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const dataPaint: number[] = [];
  const contentful: number[] = [];
  const withLatency: number[] = [];
  try {
    // One unmeasured load warms Chromium and the server's first parse; the last three run with
    // Apps Script's latency.
    for (let i = 0; i <= runs + 3; i++) {
      preview.setLatency(i > runs ? APPS_SCRIPT_LATENCY_MS : 0);
      const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
      await page.addInitScript(MEASURE_SCRIPT);
      await page.goto(preview.sidebarUrl);
      await page.waitForFunction(() => typeof (window as unknown as { __dataPaint?: number }).__dataPaint === 'number');
      const timing = await page.evaluate(() => ({
        dataPaint: (window as unknown as { __dataPaint: number }).__dataPaint,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        loaded: document.body.dataset.loaded,
      }));
      await page.close();
      if (timing.loaded !== 'dashboard') throw new Error('Het dashboard laadde niet in de preview.');
      if (i === 0) continue;
      if (i > runs) {
        withLatency.push(timing.dataPaint);
        continue;
      }
      dataPaint.push(timing.dataPaint);
      if (timing.fcp !== null) contentful.push(timing.fcp);
    }
  } finally {
    await browser.close();
    await preview.close();
  }
  return {
    ...base,
    firstPaintWithDataMs: { median: round(median(dataPaint)), min: round(Math.min(...dataPaint)), max: round(Math.max(...dataPaint)), runs },
    firstContentfulPaintMs: contentful.length ? round(median(contentful)) : null,
    firstPaintWithLatencyMs: round(median(withLatency)),
  };
}

/** One line per figure, for bench.ts's report. */
export function formatSidebarBench(bench: SidebarBench): string[] {
  const lines = [`Sidebar.html: ${(bench.sidebarBytes / 1024).toFixed(1)} KB (grens ${SIDEBAR_LIMIT_BYTES / 1024} KB)${bench.withinLimit ? '' : ' TE GROOT'}`];
  if (bench.firstPaintWithDataMs) {
    const t = bench.firstPaintWithDataMs;
    lines.push(`Zijbalk eerste beeld met gegevens (demo, Chromium): mediaan ${t.median} ms (min ${t.min}, max ${t.max}, ${t.runs} keer)`);
    if (bench.firstContentfulPaintMs !== null) lines.push(`Zijbalk first contentful paint: mediaan ${bench.firstContentfulPaintMs} ms`);
    if (bench.firstPaintWithLatencyMs !== null) {
      const over = bench.firstPaintWithLatencyMs > FIRST_PAINT_LIMIT_MS ? ' BOVEN DE GRENS' : '';
      lines.push(`Zijbalk eerste beeld met gegevens bij ${APPS_SCRIPT_LATENCY_MS} ms per serveraanroep: mediaan ${bench.firstPaintWithLatencyMs} ms (grens ${FIRST_PAINT_LIMIT_MS} ms)${over}`);
    }
  } else {
    lines.push(`Zijbalk eerste beeld: overgeslagen (${bench.skipped})`);
  }
  return lines;
}

if (/[\\/]benchSidebar\.[jt]s$/.test(process.argv[1] ?? '')) {
  benchSidebar().then((b) => console.log(formatSidebarBench(b).join('\n')), (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
