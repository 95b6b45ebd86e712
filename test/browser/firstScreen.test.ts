/**
 * Issue 23: each role's first screen at 300×600 holds its decision and its next step, and at 200%
 * zoom (150 CSS px) nothing scrolls sideways, no word breaks in the middle and axe stays at zero.
 * Figures from test/browser/scenario.ts: Tekort € 10.000 (raming 200.000 − dekking 190.000), the
 * programme proposal covers it (Herprioritering row 4), prognose 197.000, resultaat 190.000 − 197.000.
 */
import { Page } from 'playwright-core';
import { TAB } from '../../src/core/workbook/contract';
import { Session, axeViolations, openSidebar, screenshot, useChromium } from './harness';
import { CONTROLLER, OFFICIAL_TEN, PROJECT_LEADER, scenarioWorkbook } from './scenario';
import { plain } from './reading';

jest.setTimeout(60_000);

const chromium = useChromium();
const FOLD = 600;

async function open(user: string, width = 300): Promise<Session> {
  const session = await openSidebar(chromium.browser, scenarioWorkbook({ moreOfficials: true }), user);
  await session.page.setViewportSize({ width, height: FOLD });
  return session;
}

/** The bottom edge of an element, in page pixels from the top. */
const bottom = async (page: Page, selector: string) => {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return Math.round(box.y + box.height);
};

describe('the first screen at 300×600', () => {
  test('project leader: the shortfall, whether the proposal covers it, and a button that opens it', async () => {
    const { page, preview } = await open(PROJECT_LEADER);
    await screenshot(page, 'eerste-scherm-projectleider-300');
    expect(plain(await page.locator('#decision').innerText())).toBe('Tekort € 10.000 in 2025\nHet voorstel herprioritering dekt dit tekort.\nVoorstel openen');
    const y = await bottom(page, '#open-proposal');
    console.log(`projectleider: "Voorstel openen" ends at y=${y}`);
    expect(y).toBeLessThanOrEqual(FOLD);
    // Before any budget check there is no Herprioritering tab: the button shows the proposal here.
    await page.getByRole('button', { name: 'Voorstel openen' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sig-proposals-title');
    // After a check it selects the programme proposal in Herprioritering (row 4: VT's and PRE's come first).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('#run-check').click();
    await page.locator('#budget-status', { hasText: 'Budgetcontrole uitgevoerd' }).waitFor();
    await page.getByRole('button', { name: 'Voorstel openen' }).click();
    await page.locator('#summary-status', { hasText: 'Rij 4 in Herprioritering is geselecteerd.' }).waitFor();
    expect(preview.selections).toEqual([{ tab: TAB.reprioritisation, row: 4 }]);
    // Signals come before the budget rows.
    expect(await page.locator('main > section:not([hidden])').evaluateAll((els) => els.map((e) => e.id))).toEqual(['summary', 'signals', 'budget', 'meetup']);
  });

  test('controller: the year\'s raming, dekking, prognose and resultaat', async () => {
    const { page } = await open(CONTROLLER);
    await screenshot(page, 'eerste-scherm-controller-300');
    expect(plain(await page.locator('#year-totals').innerText())).toBe('Raming\n€ 200.000\nDekking\n€ 190.000\nPrognose\n€ 197.000\nResultaat\n-€ 7.000');
    const y = await bottom(page, '#year-totals');
    console.log(`controller: totals end at y=${y}`);
    expect(y).toBeLessThanOrEqual(FOLD);
  });

  test('official: what is over its deadline and what is due', async () => {
    const { page } = await open(OFFICIAL_TEN);
    await page.locator('body[data-actions=loaded]').waitFor();
    await screenshot(page, 'eerste-scherm-ambtenaar-300');
    // Zuiderdal: over deadline, A-013 and A-014 within 30 days of 15-06-2025.
    const y = await bottom(page, 'li.my-item[data-id="A-014"]');
    console.log(`ambtenaar: the last due action ends at y=${y}`);
    expect(y).toBeLessThanOrEqual(FOLD);
    expect(plain(await page.locator('li.my-item[data-id="A-011"] .item-meta').innerText())).toBe('Over deadline 01-04-2025 · Loopt');
    // The role is not cut off in the header.
    expect(await page.locator('#context').innerText()).toContain('Ambtenaar Zuiderdal');
  });

  test('tiles lead to their details', async () => {
    const { page } = await open(PROJECT_LEADER);
    await page.locator('#tile-signals').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('signals-title');
    await page.locator('#tile-overdue').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sig-overdue-title');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  test('one loading state and no second title', async () => {
    const session = await openSidebar(chromium.browser, scenarioWorkbook(), PROJECT_LEADER, { latencyMs: 1500, noWait: true });
    await session.page.locator('#loading').waitFor();
    expect(await session.page.getByText('Gegevens laden…').count()).toBe(1);
    expect(await session.page.locator('h1').count()).toBe(0);
  });
});

/**
 * Words broken across lines: a text node whose line boxes split inside a word. A word wider than its
 * whole box cannot be kept whole without sideways scrolling (WCAG 1.4.10 puts reflow first): that one
 * may be split and is left out.
 */
async function midWordBreaks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const ruler = document.createElement('canvas').getContext('2d')!;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const el = node.parentElement;
      if (!el || !el.offsetParent || el.closest('.visually-hidden, .line-cut, .table-wrap')) continue;
      const range = document.createRange();
      for (const word of text.matchAll(/[\p{L}\d]{2,}/gu)) {
        range.setStart(node, word.index!);
        range.setEnd(node, word.index! + word[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        ruler.font = getComputedStyle(el).font;
        if (tops.size > 1 && ruler.measureText(word[0]).width < el.getBoundingClientRect().width) found.push(word[0]);
      }
    }
    return found;
  });
}

describe('at 200% zoom: 150 CSS px', () => {
  for (const [user, name] of [[PROJECT_LEADER, 'projectleider'], [CONTROLLER, 'controller'], [OFFICIAL_TEN, 'ambtenaar']] as const) {
    test(`${name}: no sideways scroll, no word broken in the middle, axe finds nothing`, async () => {
      const { page } = await open(user, 150);
      await page.locator('body[data-loaded=dashboard]').waitFor();
      await screenshot(page, `zoom-200-${name}-150`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(150);
      expect(await midWordBreaks(page)).toEqual([]);
      const axe = await axeViolations(page);
      expect(axe.violations).toEqual([]);
      expect(axe.rulesPassed).toBeGreaterThan(10);
    });
  }

  test('the edit form stays usable: every field at least 80 px wide, "Deadline wissen" in view', async () => {
    const { page } = await open(OFFICIAL_TEN, 150);
    await page.locator('body[data-actions=loaded]').waitFor();
    await page.locator('li.my-item[data-id="A-013"] .item-open').click();
    await screenshot(page, 'zoom-200-bewerken-150');
    for (const id of ['edit-status', 'edit-deadline', 'edit-note', 'edit-save']) {
      const box = (await page.locator(`#${id}`).boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(80);
      expect(box.x + box.width).toBeLessThanOrEqual(150);
    }
    const clear = (await page.locator('#edit-clear-deadline').boundingBox())!;
    expect(clear.x + clear.width).toBeLessThanOrEqual(150);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(150);
    expect(await midWordBreaks(page)).toEqual([]);
    expect((await axeViolations(page)).violations).toEqual([]);
  });
});
