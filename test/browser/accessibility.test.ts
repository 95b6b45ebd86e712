/**
 * Accessibility in real Chromium at 300 px: axe-core with the WCAG 2.2 A/AA rules reports no
 * violation, of any impact, in every state of the sidebar; and everything works from the keyboard.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { TAB } from '../../src/core/workbook/contract';
import { ARTIFACTS, Session, axeViolations, useChromium, openSidebar, screenshot } from './harness';
import { CONTROLLER, OFFICIAL, OFFICIAL_NONE, OFFICIAL_TEN, PROJECT_LEADER, UNLISTED, scenarioWorkbook } from './scenario';

jest.setTimeout(90_000);

const chromium = useChromium();
let session: Session | null = null;

/** Per state: how many axe rules passed and the violations; written to test-artifacts/axe.json. */
const report: Record<string, { rulesPassed: number; violations: string[] }> = {};
afterAll(() => {
  writeFileSync(join(ARTIFACTS, 'axe.json'), JSON.stringify(report, null, 2));
});

async function audit(page: Page, state: string): Promise<void> {
  await screenshot(page, `axe-${state}`);
  const result = await axeViolations(page);
  report[state] = result;
  // axe really ran: dozens of rules passed.
  expect(result.rulesPassed).toBeGreaterThan(15);
  expect({ state, violations: result.violations }).toEqual({ state, violations: [] });
}

async function official(user: string, latencyMs = 0): Promise<Page> {
  session = await openSidebar(chromium.browser, scenarioWorkbook({ moreOfficials: true }), user, { latencyMs });
  await session.page.locator('body[data-actions=loaded]').waitFor();
  return session.page;
}

describe('axe-core, WCAG 2.2 A and AA, no violations', () => {
  test('the audit is not vacuous: it finds violations planted in the page', async () => {
    session = await openSidebar(chromium.browser, scenarioWorkbook(), PROJECT_LEADER);
    await session.page.evaluate(() => {
      document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="data:,"><p style="color:#ccc">grijs op wit</p><input type="text">');
    });
    const { violations } = await axeViolations(session.page);
    expect(violations.map((v) => v.split(':')[0])).toEqual(expect.arrayContaining(['critical image-alt', 'serious color-contrast', 'critical label']));
  });

  test('loading', async () => {
    session = await openSidebar(chromium.browser, scenarioWorkbook(), PROJECT_LEADER, { latencyMs: 5000, noWait: true });
    await session.page.locator('#loading').waitFor();
    await audit(session.page, 'laden');
    expect(await session.page.locator('body').getAttribute('data-loaded')).toBeNull();
  });

  test('data, for each role', async () => {
    session = await openSidebar(chromium.browser, scenarioWorkbook({ moreOfficials: true }), PROJECT_LEADER);
    const { page } = session;
    // Open a budget line and an agenda too, so their contents are audited.
    await page.locator('li.line[data-code="VT"] summary').click();
    await page.locator('#make-agenda').click();
    await page.locator('#agenda-result .agenda').waitFor();
    await page.locator('#agenda-result summary').click();
    await audit(page, 'gegevens-projectleider');
    for (const [user, state] of [[CONTROLLER, 'gegevens-controller'], [UNLISTED, 'gegevens-onbekend'], [OFFICIAL_TEN, 'gegevens-ambtenaar']] as const) {
      session.preview.setUserEmail(user);
      await page.reload();
      await page.locator('body[data-loaded=dashboard]').waitFor();
      if (user === OFFICIAL_TEN) await page.locator('li.my-item[data-id="A-013"] .quick summary').click();
      await audit(page, state);
    }
  });

  test('empty', async () => {
    const page = await official(OFFICIAL_NONE);
    await audit(page, 'leeg');
  });

  test('error', async () => {
    const workbook = scenarioWorkbook();
    const broken = Object.create(workbook) as typeof workbook;
    broken.readTab = () => {
      throw new Error('Exception: Service Spreadsheets timed out while accessing document');
    };
    session = await openSidebar(chromium.browser, broken, OFFICIAL);
    await audit(session.page, 'fout');
  });

  test('editing: an open form with unsaved changes, an inline error and the past-deadline question', async () => {
    const page = await official(OFFICIAL);
    await page.locator('li.my-item[data-id="A-003"] .item-open').click();
    await page.locator('#edit-note').fill('Werkgroep gestart');
    await page.locator('#edit-deadline').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.locator('#edit-save').click();
    await page.locator('#edit-deadline-error').waitFor();
    await audit(page, 'bewerken-fout');
    await page.locator('#edit-deadline').fill('2025-05-01');
    await page.locator('#edit-save').click();
    await page.locator('#confirm-past').waitFor();
    await audit(page, 'bewerken-bevestigen');
    await page.locator('[data-cancel-past]').click();
    await page.locator('[data-close-form]').click();
    await page.locator('#add-open').click();
    await page.locator('#add-save').click();
    await page.locator('#add-title-input-error').waitFor();
    await audit(page, 'toevoegen-fout');
  });

  test('conflict', async () => {
    const page = await official(OFFICIAL);
    await page.locator('li.my-item[data-id="A-003"] .item-open').click();
    await page.locator('#edit-note').fill('Werkgroep gestart');
    const grid = session!.preview.workbook.readTab(TAB.actions)!;
    session!.preview.workbook.writeCells(TAB.actions, [{ row: 4, column: grid[0].indexOf('Toelichting') + 1, value: 'Door projectleider aangevuld' }]);
    await page.locator('#edit-save').click();
    await page.locator('#edit-conflict').waitFor();
    await audit(page, 'conflict');
  });
});

describe('keyboard', () => {
  /** Every visible control, in document order, by a description that survives redraws. */
  const controls = (page: Page) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'))
        .filter((el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled)
        .map((el) => el.id || `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 40)}`),
    );
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      if (el === document.body) return 'body';
      return el.id || `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 40)}`;
    });

  test('Tab reaches every control once, in reading order, starting with the skip link past Mijn acties', async () => {
    const page = await official(OFFICIAL_TEN);
    const expected = await controls(page);
    const reached: string[] = [];
    for (let i = 0; i < expected.length + 5; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (now === 'body' || reached.includes(now)) break;
      reached.push(now);
    }
    expect(reached.slice(0, 3)).toEqual(['refresh', 'a:Sla Mijn acties over', 'filter-open']);
    // Radio buttons are one stop: arrow keys move within the group.
    const oneRadio = (list: string[]) => list.filter((id) => !/^filter-(overdue|all)$/.test(id));
    expect(reached).toEqual(oneRadio(expected));
    expect(reached.length).toBeGreaterThan(30);
  });

  test('the skip link jumps past Mijn acties; lists, forms, filters and details all work from the keyboard', async () => {
    const page = await official(OFFICIAL_TEN);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).innerText)).toBe('Sla Mijn acties over');
    await screenshot(page, 'toetsenbord-skiplink');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('summary-title');
    // The next Tab lands after Mijn acties: the first tile; Enter there leads to the signals.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('tile-signals');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('signals-title');
    // On to the first budget line, past the signals.
    await page.locator('li.line[data-code="VT"] summary').focus();
    // Enter opens the line's details.
    await page.keyboard.press('Enter');
    expect(await page.locator('li.line[data-code="VT"] details').getAttribute('open')).toBe('');

    // Filter: arrow keys move between the radio buttons.
    await page.locator('input[name=filter][value=open]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('li.my-item').count()).toBe(2);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('li.my-item').count()).toBe(10);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('li.my-item').count()).toBe(8);

    // Quick status: Enter opens the choices, Tab to one, Enter saves.
    await page.locator('li.my-item[data-id="A-016"] .quick summary').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).innerText)).toBe('Loopt');
    await page.keyboard.press('Enter');
    await page.locator('#my-actions-status', { hasText: 'A-016 staat nu op Loopt.' }).waitFor();
    expect(await focused(page)).toBe(await page.locator('li.my-item[data-id="A-016"] .item-open').getAttribute('id'));

    // Edit: Enter opens the form on Status; keys change it; Enter in the date field saves.
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('edit-status');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#edit-status').inputValue()).toBe('Afgerond');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('edit-deadline');
    await page.keyboard.press('Enter');
    await page.locator('#edit-message', { hasText: /^Opgeslagen om/ }).waitFor();
    expect(await page.locator('li.my-item[data-id="A-016"] .item-status').innerText()).toBe('Afgerond');
    // Sluiten from the keyboard returns to the action.
    await page.locator('[data-close-form]').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('form#editor').count()).toBe(0);

    // Add an action with the keyboard only.
    await page.locator('#add-open').focus();
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('add-title-input');
    await page.keyboard.type('Buurtavond');
    await page.keyboard.press('Enter');
    await page.locator('#my-actions-status', { hasText: '"Buurtavond" is aangevraagd voor' }).waitFor();
    expect(session!.preview.calls.filter((c) => c.name === 'addAction')).toHaveLength(1);
    expect(session!.problems).toEqual([]);
  });
});
