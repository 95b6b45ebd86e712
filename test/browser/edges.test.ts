/**
 * Issue 21, the sidebar's edges, in Chromium as an official of Oosterdal (test/browser/scenario.ts:
 * A-003 is row 4, deadline 01-07-2025, Niet gestart, no Toelichting; Peildatum 15-06-2025). Each
 * finding typed as the issue reports it: keystrokes, then a click on Opslaan.
 */
import { Page } from 'playwright-core';
import { TAB } from '../../src/core/workbook/contract';
import { Session, useChromium, openSidebar, screenshot } from './harness';
import { OFFICIAL, OFFICIAL_NONE, scenarioWorkbook } from './scenario';
import { actionRow, isoDay, plain } from './reading';

jest.setTimeout(60_000);

const chromium = useChromium();
let session: Session | null = null;

const callsOf = (s: Session, name: string) => s.preview.calls.filter((c) => c.name === name);

async function open(user = OFFICIAL, more = false): Promise<Page> {
  session = await openSidebar(chromium.browser, scenarioWorkbook({ moreOfficials: more }), user);
  await session.page.locator('body[data-actions=loaded]').waitFor({ timeout: 5000 });
  return session.page;
}

/** Types into a field as a person does: click, select what is there, then the keys one by one. */
async function typeInto(page: Page, selector: string, keys: string): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(keys);
}

describe('a half-typed date is refused, whatever the browser completes', () => {
  for (const [keys, name] of [['150', 'dag en half een maand'], ['0', 'een nul'], ['01-12-202', 'een half jaartal']] as const) {
    test(`edit: "${keys}" (${name}) then Opslaan saves nothing and says so on the field`, async () => {
      const page = await open();
      await page.locator('li.my-item[data-id="A-003"] .item-open').click();
      await typeInto(page, '#edit-deadline', keys);
      await page.locator('#edit-save').click();
      await page.locator('#edit-deadline-error').waitFor({ timeout: 5000 });
      expect(await page.locator('#edit-deadline-error').innerText()).toMatch(/^Vul een volledige, bestaande datum in/);
      expect(await page.locator('#edit-deadline').getAttribute('aria-invalid')).toBe('true');
      expect(callsOf(session!, 'updateAction')).toEqual([]);
      expect(isoDay(actionRow(session!, 'A-003').Deadline)).toBe('2025-07-01');
    });
  }

  test('add: "150" then Toevoegen requests nothing', async () => {
    const page = await open(OFFICIAL_NONE, true);
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.locator('#add-title-input').fill('Buurtavond');
    await typeInto(page, '#add-deadline', '150');
    await page.locator('#add-save').click();
    await page.locator('#add-deadline-error').waitFor({ timeout: 5000 });
    expect(await page.locator('#add-deadline-error').innerText()).toMatch(/^Vul een volledige, bestaande datum in/);
    expect(callsOf(session!, 'addAction')).toEqual([]);
  });

  test('an impossible date (31-02-2026) is refused too', async () => {
    const page = await open();
    await page.locator('li.my-item[data-id="A-003"] .item-open').click();
    await typeInto(page, '#edit-deadline', '31-02-2026');
    await page.locator('#edit-save').click();
    await page.locator('#edit-deadline-error').waitFor({ timeout: 5000 });
    expect(callsOf(session!, 'updateAction')).toEqual([]);
  });

  test('a changed deadline shows old and new before it is saved', async () => {
    const page = await open();
    await page.locator('li.my-item[data-id="A-003"] .item-open').click();
    await typeInto(page, '#edit-deadline', '01-12-2025');
    expect(await page.locator('#edit-deadline-hint').innerText()).toBe('01-07-2025 wordt 01-12-2025.');
    await screenshot(page, 'deadline-oud-nieuw');
    await page.keyboard.press('Enter');
    await page.locator('#edit-message', { hasText: /^Opgeslagen om/ }).waitFor({ timeout: 5000 });
    expect(isoDay(actionRow(session!, 'A-003').Deadline)).toBe('2025-12-01');
  });
});

function typeInSheet(s: Session, id: string, header: string, value: string): void {
  const grid = s.preview.workbook.readTab(TAB.actions)!;
  const row = grid.findIndex((r) => r[0] === id) + 1;
  s.preview.workbook.writeCells(TAB.actions, [{ row, column: grid[0].indexOf(header) + 1, value }]);
}

async function conflictOnNote(): Promise<Page> {
  const page = await open();
  await page.locator('li.my-item[data-id="A-003"] .item-open').click();
  await page.locator('#edit-note').fill('Werkgroep gestart');
  typeInSheet(session!, 'A-003', 'Toelichting', 'Door projectleider aangevuld');
  await page.locator('#edit-save').click();
  await page.locator('#edit-conflict').waitFor({ timeout: 5000 });
  return page;
}

describe('a stale save never overwrites without an explicit choice', () => {
  test('Opslaan again after a conflict does not write: the three choices wait, both texts stay', async () => {
    const page = await conflictOnNote();
    await screenshot(page, 'conflict-keuzes');
    const conflict = page.locator('#edit-conflict');
    for (const name of ['Tekst uit het blad houden', 'Mijn tekst gebruiken', 'Beide samenvoegen']) {
      expect(await conflict.getByRole('button', { name }).count()).toBe(1);
    }
    expect(plain(await conflict.innerText())).toContain('Door projectleider aangevuld');
    expect(await page.locator('#edit-note').inputValue()).toBe('Werkgroep gestart');
    await page.locator('#edit-save').click();
    await page.locator('#edit-message', { hasText: 'Kies eerst' }).waitFor({ timeout: 5000 });
    expect(actionRow(session!, 'A-003').Toelichting).toBe('Door projectleider aangevuld');
    expect(await page.locator('#edit-note').inputValue()).toBe('Werkgroep gestart');
    expect(callsOf(session!, 'updateAction')).toHaveLength(1);
  });

  test('"Tekst uit het blad houden" takes the sheet\'s text and writes nothing', async () => {
    const page = await conflictOnNote();
    await page.locator('#edit-conflict').getByRole('button', { name: 'Tekst uit het blad houden' }).click();
    expect(await page.locator('#edit-note').inputValue()).toBe('Door projectleider aangevuld');
    expect(callsOf(session!, 'updateAction')).toHaveLength(1);
    expect(actionRow(session!, 'A-003').Toelichting).toBe('Door projectleider aangevuld');
  });

  test('"Mijn tekst gebruiken" saves the user\'s text over the new version', async () => {
    const page = await conflictOnNote();
    await page.locator('#edit-conflict').getByRole('button', { name: 'Mijn tekst gebruiken' }).click();
    await page.locator('#edit-message', { hasText: /^Opgeslagen om/ }).waitFor({ timeout: 5000 });
    expect(actionRow(session!, 'A-003').Toelichting).toBe('Werkgroep gestart');
  });

  test('"Beide samenvoegen" puts both texts in the form, sheet first, to check before saving', async () => {
    const page = await conflictOnNote();
    await page.locator('#edit-conflict').getByRole('button', { name: 'Beide samenvoegen' }).click();
    expect(await page.locator('#edit-note').inputValue()).toBe('Door projectleider aangevuld\nWerkgroep gestart');
    expect(actionRow(session!, 'A-003').Toelichting).toBe('Door projectleider aangevuld');
    await page.locator('#edit-save').click();
    await page.locator('#edit-message', { hasText: /^Opgeslagen om/ }).waitFor({ timeout: 5000 });
    expect(actionRow(session!, 'A-003').Toelichting).toBe('Door projectleider aangevuld\nWerkgroep gestart');
  });
});
