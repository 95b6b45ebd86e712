import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';
import { WorkbookPort } from '../../src/ports/workbook';
import { Preview, startPreview } from '../../src/tooling/preview';
import { buildSidebarHtml } from './buildSidebar';

export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');
export const SIDEBAR_WIDTH = 300;

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium ontbreekt: apt-get install -y chromium, of zet CHROMIUM_PATH.');
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=nl-NL'],
  });
}

let sidebarHtml: Promise<string> | null = null;
/** Built once per test file, from the current sources. */
export function sidebar(): Promise<string> {
  sidebarHtml ??= buildSidebarHtml();
  return sidebarHtml;
}

export interface Session {
  preview: Preview;
  page: Page;
  /** Every message the page logged as an error, and every request that left 127.0.0.1. */
  problems: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Simulated latency per server call (the preview's `latencyMs`). */
  latencyMs?: number;
  /** Do not wait for the data: for tests of the loading state. */
  noWait?: boolean;
}

/** Starts the preview over `workbook` and opens the sidebar at the Sheets sidebar's width. */
export async function openSidebar(browser: Browser, workbook: WorkbookPort, userEmail = '', options: OpenOptions = {}): Promise<Session> {
  const preview = await startPreview({ workbook, userEmail, sidebarHtml: await sidebar(), latencyMs: options.latencyMs });
  const context = await browser.newContext({ viewport: { width: SIDEBAR_WIDTH, height: 900 }, locale: 'nl-NL' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith(preview.url)) problems.push(`external request: ${r.url()}`); });
  let closed = false;
  const session: Session = {
    preview,
    page,
    problems,
    close: async () => {
      if (closed) return;
      closed = true;
      openSessions.delete(session);
      await context.close();
      await preview.close();
    },
  };
  openSessions.add(session);
  await page.goto(preview.sidebarUrl);
  if (!options.noWait) await page.waitForSelector('body[data-loaded]');
  return session;
}

const openSessions = new Set<Session>();

/** Set by test/browser/environment.cjs: the jest worker's one Chromium, launched on first use. */
type SharedChromium = () => Promise<Browser>;
const sharedChromium = (globalThis as { __regiomonitorSharedChromium?: SharedChromium }).__regiomonitorSharedChromium;

/**
 * The jest worker's Chromium (one per worker, shared by its browser test files, closed when the
 * worker exits), and every sidebar opened in a test closed after it. Registers the jest hooks; call
 * it once at the top of a test file and open sidebars with `openSidebar(chromium.browser, …)`.
 * Outside the browser project's environment it launches a Chromium of its own for the file.
 */
export function useChromium(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  let own = false;
  beforeAll(async () => {
    own = !sharedChromium;
    browser = sharedChromium ? await sharedChromium() : await launchChromium();
  });
  afterAll(async () => {
    if (own) await browser?.close();
  });
  afterEach(async () => {
    const open = [...openSessions];
    openSessions.clear();
    await Promise.all(open.map((s) => s.close()));
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('Chromium is not started yet: use it inside a test.');
      return browser;
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  passes: unknown[];
}

/** The rule sets of WCAG 2.2 level A and AA, as axe-core tags them. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core in the page as it is now, with the WCAG 2.2 A/AA rules; returns every violation,
 * whatever its impact, readably, and how many rules passed (to show that axe really ran).
 */
export async function axeViolations(page: Page): Promise<{ violations: string[]; rulesPassed: number }> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: readFileSync(join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') });
  }
  const result = await page.evaluate((tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_TAGS);
  return {
    violations: result.violations.map((v) => `${v.impact ?? 'onbekend'} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    rulesPassed: result.passes.length,
  };
}
