/**
 * "Mijn acties" as a working list, in Chromium at 300 px: an official with ten actions and one with
 * none (scenarioWorkbook({ moreOfficials: true }); Peildatum 15-06-2025, the deadlines are listed there).
 */
import { Page } from 'playwright-core';
import { TAB } from '../../src/core/workbook/contract';
import { Session, useChromium, openSidebar, screenshot } from './harness';
import { OFFICIAL_NONE, OFFICIAL_TEN, scenarioWorkbook } from './scenario';
import { plain, actionRow as row } from './reading';

jest.setTimeout(60_000);

const chromium = useChromium();
let session: Session | null = null;

const ids = (page: Page) => page.locator('li.my-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
const meta = async (page: Page, id: string) => plain(await page.locator(`li.my-item[data-id="${id}"] .item-meta`).innerText());

async function open(user: string): Promise<Page> {
  session = await openSidebar(chromium.browser, scenarioWorkbook({ moreOfficials: true }), user);
  await session.page.locator('body[data-actions=loaded]').waitFor();
  return session.page;
}

describe('an official with ten actions', () => {
  test('sees a compact list sorted by deadline, with markers and a filter', async () => {
    const page = await open(OFFICIAL_TEN);
    await screenshot(page, 'ambtenaar-tien-acties');
    // Mijn acties first, with a skip link past it to the rest.
    expect(await page.locator('main > section:not([hidden])').evaluateAll((els) => els.map((e) => e.id))).toEqual(['my-actions', 'summary', 'signals', 'budget', 'meetup']);
    expect(plain(await page.locator('fieldset.filter').innerText())).toBe('Toon\nOpen (8)\nOver deadline (2)\nAlle (10)');
    // Open, soonest deadline first, no deadline last.
    expect(await ids(page)).toEqual(['A-011', 'A-012', 'A-013', 'A-014', 'A-015', 'A-016', 'A-017', 'A-018']);
    expect(await meta(page, 'A-011')).toBe('Over deadline 01-04-2025 · Loopt');
    expect(await meta(page, 'A-013')).toBe('Binnen 30 dagen 20-06-2025 · Loopt');
    // 10-07 is within 30 days of 15-06; a deferred action keeps its deadline marker.
    expect(await meta(page, 'A-014')).toBe('Binnen 30 dagen 10-07-2025 · Uitgesteld');
    expect(await meta(page, 'A-015')).toBe('01-08-2025 · Loopt');
    expect(await meta(page, 'A-018')).toBe('geen deadline · Niet gestart');
    // Compact: eight actions fit in well under a screen height each.
    const heights = await page.locator('li.my-item').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(110);

    await page.getByLabel('Over deadline (2)').check();
    expect(await ids(page)).toEqual(['A-011', 'A-012']);
    await page.getByLabel('Alle (10)').check();
    // Closed ones come in their deadline place, without markers.
    expect(await ids(page)).toEqual(['A-019', 'A-011', 'A-020', 'A-012', 'A-013', 'A-014', 'A-015', 'A-016', 'A-017', 'A-018']);
    expect(await meta(page, 'A-020')).toBe('01-05-2025 · Geschrapt');
    expect(session!.problems).toEqual([]);
  });

  test('changes a status in two clicks, and "Toon in blad" selects the row', async () => {
    const page = await open(OFFICIAL_TEN);
    const item = page.locator('li.my-item[data-id="A-013"]');
    await item.getByText('Status wijzigen').click();
    await screenshot(page, 'snelle-status');
    await item.getByRole('button', { name: 'Afgerond' }).click();
    await page.locator('#my-actions-status', { hasText: 'A-013 staat nu op Afgerond; de actie valt nu buiten het filter.' }).waitFor();
    expect(row(session!, 'A-013').Status).toBe('Afgerond');
    expect(row(session!, 'A-013')['Bijgewerkt door']).toBe(OFFICIAL_TEN);
    // Done actions leave the "open" list; focus is not lost to the page.
    expect(await ids(page)).not.toContain('A-013');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('my-actions-title');
    // Zuiderdal's A-015 sits on row 7 of Acties.
    await page.locator('li.my-item[data-id="A-015"]').getByRole('button', { name: 'Toon in blad (A-015)' }).click();
    await page.locator('#my-actions-status', { hasText: 'Rij 7 in Acties is geselecteerd.' }).waitFor();
    expect(session!.preview.selections).toEqual([{ tab: TAB.actions, row: 7 }]);
  });

  test('opens one action at a time for editing', async () => {
    const page = await open(OFFICIAL_TEN);
    await page.locator('li.my-item[data-id="A-012"] .item-open').click();
    expect(await page.locator('form#editor').getAttribute('data-id')).toBe('A-012');
    expect(await page.locator('li.my-item[data-id="A-012"] .item-open').getAttribute('aria-expanded')).toBe('true');
    // Untouched, another action simply takes its place.
    await page.locator('li.my-item[data-id="A-016"] .item-open').click();
    expect(await page.locator('form#editor').count()).toBe(1);
    expect(await page.locator('form#editor').getAttribute('data-id')).toBe('A-016');
    expect(await page.locator('li.my-item[data-id="A-012"] .item-open').getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-status');
    // Sluiten brings focus back to the action.
    await page.locator('form#editor [data-close-form]').click();
    expect(await page.locator('form#editor').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await page.locator('li.my-item[data-id="A-016"] .item-open').getAttribute('id'));
  });
});

describe('an official without actions', () => {
  test('sees an empty list that says what to do, and adds a local action of their own municipality', async () => {
    const page = await open(OFFICIAL_NONE);
    expect(plain(await page.locator('#my-actions-body .empty').innerText())).toBe('Er staan nog geen acties op naam van Noorderdal. Voeg er een toe met ‘Actie toevoegen’.');
    await screenshot(page, 'ambtenaar-geen-acties');
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    const form = page.locator('form#add-form');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-title-input');

    // Empty title: refused inline, tied to the field.
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    const title = form.getByLabel('Actie (verplicht)');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await title.getAttribute('aria-describedby')).toBe('add-title-input-count add-title-input-error');
    expect(await page.locator('#add-title-input-error').innerText()).toBe('Vul de actie in.');
    expect(session!.preview.calls.filter((c) => c.name === 'addAction')).toEqual([]);
    await screenshot(page, 'actie-toevoegen-fout');

    // The counter follows, and maxlength stops at 200.
    await title.fill('Voorlichtingsavond <ouders> & =buurt');
    expect(await page.locator('#add-title-input-count').innerText()).toBe('36 van 200 tekens');
    expect(await title.getAttribute('aria-invalid')).toBeNull();
    expect(await title.getAttribute('maxlength')).toBe('200');
    await form.getByLabel('Eigenaar').fill('Team Noorderdal');
    await form.getByLabel('Deadline').fill('2025-10-01');
    await form.getByLabel('Toelichting').fill('Samen met het wijkteam');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    // "Actie toevoegen" is a request: the server says so, and the project leader's trigger adds the row.
    await page.locator('#my-actions-status', { hasText: 'is aangevraagd' }).waitFor();
    expect(plain(await page.locator('#my-actions-status').innerText())).toBe('"Voorlichtingsavond <ouders> & =buurt" is aangevraagd voor Noorderdal. De trigger van de projectleider zet de actie in Acties en geeft haar een ID zodra iemand het werkboek bewerkt of de projectleider de budgetcontrole draait.');
    // The preview runs the trigger after each call; the list is fetched again (one getSidebar) and
    // shows the action the trigger added. Scenario IDs run to A-020: the new one is A-021, on the
    // row after the last (Acties rows 2..16).
    await page.locator('li.my-item[data-id="A-021"]').waitFor();
    expect(session!.preview.calls.map((c) => c.name)).toEqual(['getSidebar', 'addAction', 'getSidebar']);
    const added = row(session!, 'A-021');
    expect([added.Gemeente, added.Actie, added.Actielijn, added.Eigenaar, added.Status, added['Bijgewerkt door']]).toEqual(['Noorderdal', 'Voorlichtingsavond <ouders> & =buurt', 'AL1', 'Team Noorderdal', 'Niet gestart', OFFICIAL_NONE]);
    expect(session!.preview.workbook.readTab(TAB.actions)!.findIndex((r) => r[0] === 'A-021') + 1).toBe(17);
    expect(await ids(page)).toEqual(['A-021']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-r17');
    await screenshot(page, 'actie-toegevoegd');
    expect(session!.problems).toEqual([]);
  });
});

describe('Vernieuwen', () => {
  test('brings what changed in the sheet, refreshes an untouched form and keeps one with changes', async () => {
    const page = await open(OFFICIAL_TEN);
    expect(await page.locator('#updated').innerText()).toMatch(/^Bijgewerkt om \d\d:\d\d$/);
    // One filled button per view: Opslaan while a form is open (the add button is tonal).
    await page.locator('li.my-item[data-id="A-015"] .item-open').click();
    expect(await page.locator('button.filled:visible').evaluateAll((els) => els.map((e) => e.id))).toEqual(['edit-save']);

    // Meanwhile the project leader writes a Toelichting for A-015 and marks A-012 done, in the sheet.
    const grid = session!.preview.workbook.readTab(TAB.actions)!;
    const rowOf = (id: string) => grid.findIndex((r) => r[0] === id) + 1;
    const col = (h: string) => grid[0].indexOf(h) + 1;
    session!.preview.workbook.writeCells(TAB.actions, [
      { row: rowOf('A-015'), column: col('Toelichting'), value: 'Verschoven door projectleider' },
      { row: rowOf('A-012'), column: col('Status'), value: 'Afgerond' },
    ]);
    await page.getByRole('button', { name: 'Vernieuwen' }).click();
    await page.locator('#announce', { hasText: 'Gegevens vernieuwd om' }).waitFor();
    // A-012 is done now and leaves the open list; the untouched form shows the new Toelichting.
    expect(await ids(page)).toEqual(['A-011', 'A-013', 'A-014', 'A-015', 'A-016', 'A-017', 'A-018']);
    expect(await page.locator('#edit-note').inputValue()).toBe('Verschoven door projectleider');
    expect(session!.preview.calls.map((c) => c.name)).toEqual(['getSidebar', 'getSidebar']);

    // With unsaved changes the form is kept as typed, and the save is checked against its version.
    await page.locator('#edit-note').fill('Mijn aanvulling');
    session!.preview.workbook.writeCells(TAB.actions, [{ row: rowOf('A-015'), column: col('Toelichting'), value: 'Nogmaals gewijzigd' }]);
    await page.getByRole('button', { name: 'Vernieuwen' }).click();
    await page.locator('#refresh[aria-busy=false]').waitFor();
    expect(await page.locator('#edit-note').inputValue()).toBe('Mijn aanvulling');
    await page.locator('#edit-save').click();
    await page.locator('#edit-conflict').waitFor();
    expect(plain(await page.locator('#edit-conflict').innerText())).toContain('in het blad nu “Nogmaals gewijzigd”; jouw invoer staat in het formulier');
  });
});
