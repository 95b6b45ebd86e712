/**
 * Issue 23, keyboard: Escape closes a form (asking first when something changed) and returns focus to
 * what opened it; Enter saves from any field; controls have meaningful names. As Oosterdal's official
 * (test/browser/scenario.ts: A-003 on row 4 of Acties, no Toelichting).
 */
import { Page } from 'playwright-core';
import { TAB } from '../../src/core/workbook/contract';
import { Session, openSidebar, screenshot, useChromium } from './harness';
import { OFFICIAL, PROJECT_LEADER, scenarioWorkbook } from './scenario';

jest.setTimeout(60_000);

const chromium = useChromium();
let session: Session | null = null;
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function official(): Promise<Page> {
  session = await openSidebar(chromium.browser, scenarioWorkbook(), OFFICIAL);
  await session.page.locator('body[data-actions=loaded]').waitFor();
  return session.page;
}

function note(s: Session, id: string): unknown {
  const grid = s.preview.workbook.readTab(TAB.actions)!;
  return grid.find((r) => r[0] === id)![grid[0].indexOf('Toelichting')];
}

test('Escape closes an untouched form and focus goes back to the action', async () => {
  const page = await official();
  await page.locator('li.my-item[data-id="A-003"] .item-open').click();
  await page.keyboard.press('Escape');
  expect(await page.locator('form#editor').count()).toBe(0);
  expect(await focused(page)).toBe('open-r4');
});

test('Escape on a form with changes asks first; "Verder bewerken" keeps the text, "Weggooien" closes', async () => {
  const page = await official();
  await page.locator('li.my-item[data-id="A-003"] .item-open').click();
  await page.locator('#edit-note').fill('Half getypt');
  await page.keyboard.press('Escape');
  await page.locator('#confirm-discard').waitFor();
  await screenshot(page, 'escape-vraagt-eerst');
  expect(await focused(page)).toBe('keep-editing');
  // Escape again answers "keep editing".
  await page.keyboard.press('Escape');
  expect(await page.locator('#confirm-discard').count()).toBe(0);
  expect(await page.locator('#edit-note').inputValue()).toBe('Half getypt');
  await page.locator('#edit-note').press('Escape');
  await page.getByRole('button', { name: 'Weggooien' }).click();
  expect(await page.locator('form#editor').count()).toBe(0);
  expect(await focused(page)).toBe('open-r4');
  expect(note(session!, 'A-003')).toBeFalsy();
});

test('Enter saves from the Toelichting and from Status; Shift+Enter is a new line', async () => {
  const page = await official();
  await page.locator('li.my-item[data-id="A-003"] .item-open').click();
  await page.locator('#edit-note').click();
  await page.keyboard.type('Regel een');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('Regel twee');
  await page.keyboard.press('Enter');
  await page.locator('#edit-message', { hasText: /^Opgeslagen om/ }).waitFor();
  expect(note(session!, 'A-003')).toBe('Regel een\nRegel twee');
  await page.locator('#edit-status').selectOption('Loopt');
  await page.locator('#edit-status').press('Enter');
  await page.locator('#edit-message', { hasText: /^Opgeslagen om/ }).waitFor();
  expect(session!.preview.calls.filter((c) => c.name === 'updateAction')).toHaveLength(2);
});

test('the meet-up date button says what it does', async () => {
  session = await openSidebar(chromium.browser, scenarioWorkbook(), PROJECT_LEADER);
  const button = session.page.locator('#meetup-body button');
  expect(await button.evaluate((el) => el.textContent?.replace(/\s+/g, ' ').trim())).toBe('15-09-2025: toon de meet-up in het tabblad Meet-ups');
});
