/**
 * Issue 13, "Saving is safe": each finding reproduced in real Chromium against the real server
 * functions (first committed as test.failing against the v1 sidebar), as an official of Oosterdal
 * (test/browser/scenario.ts: A-003 is row 4, deadline 01-07-2025, Niet gestart, no Toelichting;
 * Peildatum 15-06-2025).
 */
import { Page } from 'playwright-core';
import { TAB } from '../../src/core/workbook/contract';
import { Session, useChromium, openSidebar, screenshot } from './harness';
import { OFFICIAL, scenarioWorkbook } from './scenario';
import { actionRow, isoDay, plain } from './reading';

jest.setTimeout(60_000);

const chromium = useChromium();
let session: Session | null = null;

const updateCalls = (s: Session) => s.preview.calls.filter((c) => c.name === 'updateAction');
const logCells = (s: Session) => (s.preview.workbook.readTab(TAB.log) ?? []).slice(1).map((r) => r[3]);

async function openOfficial(latencyMs = 0): Promise<Page> {
  session = await openSidebar(chromium.browser, scenarioWorkbook(), OFFICIAL, { latencyMs });
  await session.page.locator('body[data-actions=loaded]').waitFor();
  return session.page;
}

async function openEditor(page: Page, id: string) {
  await page.locator(`li.my-item[data-id="${id}"] .item-open`).click();
  const form = page.locator(`form#editor[data-id="${id}"]`);
  await form.waitFor();
  return form;
}

/** The project leader types straight into the sheet (no edit trigger in the preview: no stamp). */
function typeInSheet(s: Session, id: string, header: string, value: string): void {
  const grid = s.preview.workbook.readTab(TAB.actions)!;
  const row = grid.findIndex((r) => r[0] === id) + 1;
  s.preview.workbook.writeCells(TAB.actions, [{ row, column: grid[0].indexOf(header) + 1, value }]);
}

describe('a deadline is never lost by accident', () => {
  test('a half-edited date is refused inline and the deadline is kept', async () => {
    const page = await openOfficial();
    const form = await openEditor(page, 'A-003');
    // Backspace once at the end of the date: the year is half typed (01-07-202). Chromium's own date
    // field would complete such a half date when it loses focus; ours is read by the sidebar itself.
    await form.getByLabel('Deadline', { exact: true }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    // Whatever the sidebar answers (v1 said "Opgeslagen"), the deadline must still be in the sheet.
    await form.getByText(/Opgeslagen|Vul een volledige, bestaande datum in/).first().waitFor();
    expect(isoDay(actionRow(session!, 'A-003').Deadline)).toBe('2025-07-01');
    expect(session!.preview.workbook.readTab(TAB.log) ?? []).toHaveLength(0);
    expect(updateCalls(session!)).toEqual([]);
    await form.getByText('Vul een volledige, bestaande datum in').waitFor();
    await screenshot(page, 'halve-datum');
    const field = form.getByLabel('Deadline', { exact: true });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    // The error is tied to the field, and focus went to it.
    expect((await field.getAttribute('aria-describedby'))!.split(' ')).toContain('edit-deadline-error');
    expect(await page.locator('#edit-deadline-error').innerText()).toBe('Vul een volledige, bestaande datum in (dd-mm-jjjj), of kies ‘Deadline wissen’.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-deadline');
    // The field still holds what was typed (a half date), so it can be finished rather than retyped.
    expect(await field.inputValue()).toBe('01-07-202');
    // Finishing the date clears the error.
    await page.keyboard.press('End');
    await page.keyboard.type('6');
    expect(await field.inputValue()).toBe('01-07-2026');
    expect(await page.locator('#edit-deadline-error').count()).toBe(0);
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#edit-deadline-hint').innerText()).toBe('01-07-2025 wordt 01-07-2026.');
  });

  test('a field emptied by hand is not a decision to clear: that is "Deadline wissen", and it is logged', async () => {
    const page = await openOfficial();
    const form = await openEditor(page, 'A-003');
    await form.getByLabel('Deadline', { exact: true }).fill('');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('Vul een volledige, bestaande datum in').waitFor();
    expect(updateCalls(session!)).toEqual([]);

    await form.getByRole('button', { name: 'Deadline wissen' }).click();
    expect(await page.locator('#edit-deadline-hint').innerText()).toBe('Wordt gewist bij opslaan.');
    expect(await form.getByText('Vul een volledige, bestaande datum in').count()).toBe(0);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.locator('.form-message', { hasText: /^Opgeslagen om/ }).waitFor();
    expect([null, '']).toContain(actionRow(session!, 'A-003').Deadline);
    // Deadline is column H of Acties; A-003 is row 4.
    expect(logCells(session!)).toEqual(['H4']);
    expect(await page.locator('#edit-deadline-hint').innerText()).toBe('In het blad: geen deadline.');
  });

  test('a deadline before the Peildatum asks for confirmation first', async () => {
    const page = await openOfficial();
    const form = await openEditor(page, 'A-003');
    await form.getByLabel('Deadline', { exact: true }).fill('2025-05-01');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const confirm = page.locator('#confirm-past');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('De deadline 01-05-2025 ligt vóór de peildatum 15-06-2025. Klopt dat?');
    expect(updateCalls(session!)).toEqual([]);
    await screenshot(page, 'deadline-verleden');
    // "Datum aanpassen" goes back to the field without saving.
    await confirm.getByRole('button', { name: 'Datum aanpassen' }).click();
    expect(await confirm.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-deadline');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('#confirm-past').getByRole('button', { name: 'Ja, opslaan' }).click();
    await form.locator('.form-message', { hasText: /^Opgeslagen om/ }).waitFor();
    expect(isoDay(actionRow(session!, 'A-003').Deadline)).toBe('2025-05-01');
  });
});

describe('a save never overwrites what someone else wrote', () => {
  test('a second save does not send stale fields over what someone else wrote in the sheet', async () => {
    const page = await openOfficial();
    typeInSheet(session!, 'A-003', 'Toelichting', 'Afgestemd met wethouder (projectleider)');

    const form = await openEditor(page, 'A-003');
    await form.getByLabel('Status').selectOption('Loopt');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    // The row changed since the form loaded: refused, with the sheet's value taken into the form.
    const conflict = page.locator('#edit-conflict');
    await conflict.waitFor();
    expect(plain(await conflict.innerText())).toContain('Toelichting: in het blad nu “Afgestemd met wethouder (projectleider)”; overgenomen in het formulier');
    expect(actionRow(session!, 'A-003').Status).toBe('Niet gestart');
    expect(await form.getByLabel('Status').inputValue()).toBe('Loopt');
    expect(await form.getByLabel('Toelichting').inputValue()).toBe('Afgestemd met wethouder (projectleider)');

    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.locator('.form-message', { hasText: /^Opgeslagen om/ }).waitFor();
    await form.getByLabel('Deadline', { exact: true }).fill('2025-08-15');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForFunction(() => document.querySelector('#edit-save')?.getAttribute('aria-busy') === 'false' && /Opgeslagen/.test(document.querySelector('#edit-message')?.textContent ?? '') && document.querySelector('#edit-deadline-hint')?.textContent?.includes('15-08-2025'));
    const after = actionRow(session!, 'A-003');
    expect(after.Status).toBe('Loopt');
    expect(isoDay(after.Deadline)).toBe('2025-08-15');
    expect(after.Toelichting).toBe('Afgestemd met wethouder (projectleider)');
  });

  test('when both changed the same field, the sheet\'s value is shown next to the user\'s, which stays in the form', async () => {
    const page = await openOfficial();
    const form = await openEditor(page, 'A-003');
    await form.getByLabel('Toelichting').fill('Werkgroep gestart');
    typeInSheet(session!, 'A-003', 'Toelichting', 'Door projectleider aangevuld');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const conflict = page.locator('#edit-conflict');
    await conflict.waitFor();
    await screenshot(page, 'conflict');
    expect(plain(await conflict.innerText())).toBe(
      'Niet opgeslagen: deze actie is intussen gewijzigd. Je invoer staat nog in het formulier.\nToelichting: in het blad nu “Door projectleider aangevuld”; jouw invoer staat in het formulier\nTekst uit het blad houden\nMijn tekst gebruiken\nBeide samenvoegen\nKies wat blijft; tot dan wordt niets opgeslagen.',
    );
    expect(await form.getByLabel('Toelichting').inputValue()).toBe('Werkgroep gestart');
    expect(actionRow(session!, 'A-003').Toelichting).toBe('Door projectleider aangevuld');
    // Writing over the colleague's text is a deliberate choice (issue 21; test/browser/edges.test.ts).
    await conflict.getByRole('button', { name: 'Mijn tekst gebruiken' }).click();
    await form.locator('.form-message', { hasText: /^Opgeslagen om/ }).waitFor();
    expect(actionRow(session!, 'A-003').Toelichting).toBe('Werkgroep gestart');
    expect(await page.locator('#edit-conflict').count()).toBe(0);
  });

  test('after a save the form shows the row as the server has it', async () => {
    const page = await openOfficial();
    const form = await openEditor(page, 'A-003');
    // Trailing spaces are not kept by the sheet's reading of the row; the form must not keep them either.
    await form.getByLabel('Toelichting').fill('Plan in concept   ');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.locator('.form-message', { hasText: /^Opgeslagen om \d\d:\d\d\. Ongedaan maken$/ }).waitFor();
    expect(await form.getByLabel('Toelichting').inputValue()).toBe('Plan in concept');
    expect(await page.locator('#edit-unsaved').isHidden()).toBe(true);
    // A second Opslaan has nothing to send.
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.locator('.form-message', { hasText: 'Er is niets gewijzigd.' }).waitFor();
    expect(updateCalls(session!)).toHaveLength(1);
  });
});

describe('while a save runs', () => {
  test('double-clicking Opslaan saves once', async () => {
    const page = await openOfficial(400);
    const form = await openEditor(page, 'A-003');
    await form.getByLabel('Status').selectOption('Loopt');
    await form.getByRole('button', { name: 'Opslaan' }).dblclick();
    await form.locator('.form-message', { hasText: /^Opgeslagen om/ }).waitFor();
    await page.waitForTimeout(900);
    expect(updateCalls(session!)).toHaveLength(1);
    // One Logboek line: Status (column I) of row 4.
    expect(logCells(session!)).toEqual(['I4']);
  });

  test('what is typed while a save runs is not silently dropped: the fields are disabled meanwhile', async () => {
    // A slow save (3 s), so that a busy machine still types while it runs.
    const page = await openOfficial(3000);
    const form = await openEditor(page, 'A-003');
    await form.getByLabel('Status').selectOption('Loopt');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    // The save is under way: the fields take no input now; the button says so.
    const note = form.getByLabel('Toelichting');
    expect(await note.isDisabled()).toBe(true);
    expect(await form.getByLabel('Status').isDisabled()).toBe(true);
    expect(await page.locator('#edit-save').innerText()).toBe('Opslaan…');
    await note.press('x', { timeout: 300 }).catch(() => undefined);
    await screenshot(page, 'opslaan-bezig');
    await form.locator('.form-message', { hasText: /^Opgeslagen om/ }).waitFor();
    // After the save, the form shows what the sheet holds: nothing typed is shown as if saved.
    expect(await note.inputValue()).toBe(String(actionRow(session!, 'A-003').Toelichting ?? ''));
    expect(await note.isDisabled()).toBe(false);
    // Focus stayed on the button, so the keyboard user is where they were.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-save');
  });
});

describe('unsaved changes', () => {
  test('are marked, keep a second form closed, and closing the sidebar asks first', async () => {
    const page = await openOfficial();
    const form = await openEditor(page, 'A-001');
    expect(await page.locator('#edit-unsaved').isHidden()).toBe(true);
    await form.getByLabel('Toelichting').fill('Twaalf huisbezoeken gedaan');
    expect(await page.locator('#edit-unsaved').innerText()).toBe('Niet opgeslagen');
    expect(await form.locator('[data-close-form]').innerText()).toBe('Annuleren');
    expect(await page.locator('#edit-note-count').innerText()).toBe('26 van 2000 tekens');

    // One action open at a time: the changes in A-001 are not dropped for A-003.
    await page.locator('li.my-item[data-id="A-003"] .item-open').click();
    await page.locator('#edit-message', { hasText: 'Sla eerst je wijzigingen in A-001 op, of kies Annuleren.' }).waitFor();
    expect(await page.locator('form#editor').getAttribute('data-id')).toBe('A-001');
    expect(await form.getByLabel('Toelichting').inputValue()).toBe('Twaalf huisbezoeken gedaan');

    // Closing the page with unsaved changes: the browser asks (beforeunload).
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await page.waitForTimeout(300);
    expect(dialogs).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);

    // Saved, nothing to lose: closing asks nothing.
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.locator('.form-message', { hasText: /^Opgeslagen om/ }).waitFor();
    expect(await page.locator('#edit-unsaved').isHidden()).toBe(true);
    await page.close({ runBeforeUnload: true });
    await page.waitForEvent('close');
    expect(dialogs).toEqual(['beforeunload']);
  });

  test('a refused change shows the server\'s Dutch message and keeps the form as typed', async () => {
    const page = await openOfficial();
    // Meanwhile the project leader takes the official off Oosterdal's editors (Gemeenten row 2, Editors).
    session!.preview.workbook.writeCells(TAB.municipalities, [{ row: 2, column: 3, value: '' }]);
    const form = await openEditor(page, 'A-001');
    await form.getByLabel('Status').selectOption('Afgerond');
    await form.getByLabel('Deadline', { exact: true }).fill('2025-06-20');
    await form.getByLabel('Toelichting').fill('Alle huisbezoeken gedaan');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const alert = form.locator('[role=alert]');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Je staat niet als editor bij een gemeente in Gemeenten; vraag de projectleider je e-mailadres toe te voegen.');
    await screenshot(page, 'wijziging-geweigerd');
    // The form still holds what was typed, and Opslaan is there to try again.
    expect(await form.getByLabel('Status').inputValue()).toBe('Afgerond');
    expect(await form.getByLabel('Deadline', { exact: true }).inputValue()).toBe('2025-06-20');
    expect(await form.getByLabel('Toelichting').inputValue()).toBe('Alle huisbezoeken gedaan');
    expect(await page.locator('#edit-save').getAttribute('aria-disabled')).toBe('false');
    expect(actionRow(session!, 'A-001').Status).toBe('Loopt');
  });
});
