/**
 * Issue 23, "Ongedaan maken": for a few seconds after a save, through the same safe save (refused when
 * the action changed in between). As Oosterdal's official (test/browser/scenario.ts: A-003 on row 4,
 * Niet gestart, no Toelichting).
 */
import { TAB } from '../../src/core/workbook/contract';
import { Session, openSidebar, screenshot, useChromium } from './harness';
import { OFFICIAL, scenarioWorkbook } from './scenario';

jest.setTimeout(60_000);

const chromium = useChromium();
let session: Session | null = null;

function cell(s: Session, id: string, header: string): unknown {
  const grid = s.preview.workbook.readTab(TAB.actions)!;
  return grid.find((r) => r[0] === id)![grid[0].indexOf(header)];
}

async function savedNote() {
  session = await openSidebar(chromium.browser, scenarioWorkbook(), OFFICIAL);
  const { page } = session;
  await page.locator('body[data-actions=loaded]').waitFor();
  await page.locator('li.my-item[data-id="A-003"] .item-open').click();
  await page.locator('#edit-note').fill('Werkgroep gestart');
  await page.locator('#edit-save').click();
  await page.locator('#edit-message', { hasText: /^Opgeslagen om/ }).waitFor();
  expect(cell(session, 'A-003', 'Toelichting')).toBe('Werkgroep gestart');
  return page;
}

test('undoes a save: the previous values go back through updateAction with the saved version', async () => {
  const page = await savedNote();
  await screenshot(page, 'ongedaan-maken');
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await page.locator('#edit-message', { hasText: 'De wijziging van A-003 is ongedaan gemaakt.' }).waitFor();
  expect(cell(session!, 'A-003', 'Toelichting') ?? '').toBe('');
  expect(await page.locator('#edit-note').inputValue()).toBe('');
  const updates = session!.preview.calls.filter((c) => c.name === 'updateAction');
  expect(updates.map((c) => (c.args as unknown[])[1])).toEqual([{ note: 'Werkgroep gestart' }, { note: '' }]);
});

test('is refused like any stale save when someone changed the action in between', async () => {
  const page = await savedNote();
  const grid = session!.preview.workbook.readTab(TAB.actions)!;
  const row = grid.findIndex((r) => r[0] === 'A-003') + 1;
  session!.preview.workbook.writeCells(TAB.actions, [{ row, column: grid[0].indexOf('Toelichting') + 1, value: 'Aangevuld door projectleider' }]);
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await page.locator('#edit-message', { hasText: 'Niet ongedaan gemaakt: A-003 is intussen opnieuw gewijzigd' }).waitFor();
  expect(cell(session!, 'A-003', 'Toelichting')).toBe('Aangevuld door projectleider');
});

test('is offered for a few seconds only', async () => {
  const page = await savedNote();
  const button = page.getByRole('button', { name: 'Ongedaan maken' });
  expect(await button.count()).toBe(1);
  await button.waitFor({ state: 'detached', timeout: 15_000 });
});
