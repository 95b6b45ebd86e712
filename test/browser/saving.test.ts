/**
 * Issue 13, "Saving is safe": each finding reproduced in real Chromium against the real server
 * functions, as an official of Oosterdal (test/browser/scenario.ts: A-003 has deadline 01-07-2025,
 * status Niet gestart and no Toelichting).
 */
import { Browser, Page } from 'playwright-core';
import { TAB } from '../../src/core/contract';
import { Session, launchChromium, openSidebar, screenshot } from './harness';
import { OFFICIAL, scenarioWorkbook } from './scenario';

jest.setTimeout(60_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

/** The `Acties` row of an ID as the workbook now holds it, by header. */
function actionRow(s: Session, id: string): Record<string, unknown> {
  const grid = s.preview.workbook.readTab(TAB.actions)!;
  const headers = grid[0].map(String);
  const row = grid.find((r) => r[0] === id)!;
  return Object.fromEntries(headers.map((h, i) => [h, row[i]]));
}

const isoDay = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);
const updateCalls = (s: Session) => s.preview.calls.filter((c) => c.name === 'updateAction');

async function openOfficial(latencyMs = 0): Promise<Page> {
  session = await openSidebar(browser, scenarioWorkbook(), OFFICIAL, { latencyMs });
  await session.page.locator('body[data-actions=loaded]').waitFor();
  return session.page;
}

describe('saving an action is safe', () => {
  test.failing('a half-edited date is refused inline and the deadline is kept', async () => {
    const page = await openOfficial();
    const form = page.locator('form[data-id="A-003"]');
    // Backspace once in the date field: Chromium blanks one part of the date, and the field's value
    // becomes '' although the user never meant to clear the deadline.
    await form.getByLabel('Deadline').focus();
    await page.keyboard.press('Backspace');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    // Whatever the sidebar answers (v1 said "Opgeslagen"), the deadline must still be in the sheet.
    await form.getByText(/Opgeslagen|Vul een volledige datum in/).first().waitFor();
    expect(isoDay(actionRow(session!, 'A-003').Deadline)).toBe('2025-07-01');
    expect(session!.preview.workbook.readTab(TAB.log) ?? []).toHaveLength(0);
    expect(updateCalls(session!)).toEqual([]);
    await form.getByText('Vul een volledige datum in').waitFor();
    await screenshot(page, 'halve-datum');
    expect(await form.getByLabel('Deadline').getAttribute('aria-invalid')).toBe('true');
  });

  test.failing('a second save does not send stale fields over what someone else wrote in the sheet', async () => {
    const page = await openOfficial();
    // Meanwhile the project leader writes a Toelichting for A-003 straight into the sheet.
    const grid = session!.preview.workbook.readTab(TAB.actions)!;
    const row = grid.findIndex((r) => r[0] === 'A-003') + 1;
    const noteColumn = grid[0].indexOf('Toelichting') + 1;
    session!.preview.workbook.writeCells(TAB.actions, [{ row, column: noteColumn, value: 'Afgestemd met wethouder (projectleider)' }]);

    const form = page.locator('form[data-id="A-003"]');
    await form.getByLabel('Status').selectOption('Loopt');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.locator('.form-message', { hasText: 'Opgeslagen' }).waitFor();
    await form.getByLabel('Deadline').fill('2025-08-15');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForFunction(() => !document.querySelector('form[data-id="A-003"] [aria-busy=true]'));
    await page.waitForTimeout(200);
    const after = actionRow(session!, 'A-003');
    expect(after.Status).toBe('Loopt');
    expect(isoDay(after.Deadline)).toBe('2025-08-15');
    expect(after.Toelichting).toBe('Afgestemd met wethouder (projectleider)');
  });

  test('double-clicking Opslaan saves once', async () => {
    const page = await openOfficial(400);
    const form = page.locator('form[data-id="A-003"]');
    await form.getByLabel('Status').selectOption('Loopt');
    await form.getByRole('button', { name: 'Opslaan' }).dblclick();
    await form.locator('.form-message', { hasText: 'Opgeslagen' }).waitFor();
    await page.waitForTimeout(900);
    expect(updateCalls(session!)).toHaveLength(1);
    // One Logboek line: Status only.
    expect(session!.preview.workbook.readTab(TAB.log)!.slice(1).map((r) => r[3])).toEqual(['I4']);
  });

  test.failing('what is typed while a save runs is not silently dropped: the fields are disabled meanwhile', async () => {
    const page = await openOfficial(800);
    const form = page.locator('form[data-id="A-003"]');
    await form.getByLabel('Status').selectOption('Loopt');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    // The save is under way (800 ms): the note field must not take input now.
    const note = form.getByLabel('Toelichting');
    expect(await note.isDisabled()).toBe(true);
    await note.press('x', { timeout: 300 }).catch(() => undefined);
    await form.locator('.form-message', { hasText: 'Opgeslagen' }).waitFor();
    // After the save, the form shows what the sheet holds: nothing typed is shown as if saved.
    expect(await note.inputValue()).toBe(String(actionRow(session!, 'A-003').Toelichting ?? ''));
  });
});
