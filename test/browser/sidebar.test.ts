/**
 * The sidebar in real Chromium, against the real server functions over a hand-built workbook
 * (test/browser/scenario.ts, where the figures are worked out by hand).
 */
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { TAB } from '../../src/core/contract';
import { demoWorkbook } from '../../src/tooling/preview';
import { ARTIFACTS, Session, launchChromium, openSidebar, screenshot, seriousA11yViolations } from './harness';
import { OFFICIAL, PROJECT_LEADER, scenarioWorkbook } from './scenario';

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

/** innerText with the sidebar's non-breaking spaces (`€ 4.000` stays on one line) as plain spaces. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const text = async (page: Page, selector: string) => plain(await page.locator(selector).innerText());

async function line(page: Page, code: string) {
  const item = page.locator(`li.line[data-code="${code}"]`);
  return {
    badge: plain(await item.locator('.badge').innerText()),
    spent: plain(await item.locator('dd.spent').innerText()),
    forecast: plain(await item.locator('dd.forecast').innerText()),
    estimate: plain(await item.locator('dd.estimate').innerText()),
    spentColour: await item.locator('.bar-spent').evaluate((el) => getComputedStyle(el).backgroundColor),
    spentWidth: await item.locator('.bar-spent').evaluate((el) => (el as HTMLElement).style.width),
    forecastWidth: await item.locator('.bar-forecast').evaluate((el) => (el as HTMLElement).style.width),
    estimateLeft: await item.locator('.bar-estimate').evaluate((el) => (el as HTMLElement).style.left),
  };
}

describe('dashboard for the project leader', () => {
  test('budget bars, programme balance and signals of the known scenario', async () => {
    session = await openSidebar(browser, scenarioWorkbook(), PROJECT_LEADER);
    const { page } = session;
    await screenshot(page, 'dashboard-projectleider');

    expect(await text(page, '#context')).toBe('Testregio · peildatum 15-06-2025 · projectleider@regio.test (projectleider)');

    // VT: Besteed 104.000 > Raming 100.000. Bar scale 104.000: spent 100%, Raming mark at 100/104 = 96,2%.
    expect(await line(page, 'VT')).toEqual({
      badge: '✕ Overschrijding', spent: '€ 104.000', forecast: '€ 104.000', estimate: '€ 100.000',
      spentColour: 'rgb(197, 34, 31)', spentWidth: '100%', forecastWidth: '100%', estimateLeft: '96.2%',
    });
    // PRE: Besteed 10.000 paid + 20.000 open = 30.000; Prognose 30.000 + 25.000 (A-002) = 55.000 > 50.000.
    // Scale 55.000: spent 30/55 = 54,5%, forecast 100%, Raming 50/55 = 90,9%.
    expect(await line(page, 'PRE')).toEqual({
      badge: '▲ Dreigende overschrijding', spent: '€ 30.000', forecast: '€ 55.000', estimate: '€ 50.000',
      spentColour: 'rgb(217, 72, 15)', spentWidth: '54.5%', forecastWidth: '100%', estimateLeft: '90.9%',
    });
    // OPV: 36.000 of 40.000 = exactly 90% → Let op. Scale is the Raming: 90%.
    expect(await line(page, 'OPV')).toEqual({
      badge: '! Let op', spent: '€ 36.000', forecast: '€ 36.000', estimate: '€ 40.000',
      spentColour: 'rgb(183, 121, 31)', spentWidth: '90%', forecastWidth: '90%', estimateLeft: '100%',
    });
    // COM: 2.000 of 10.000 (the `twintig` row is left out and listed in Controles) → OK, 20%.
    expect(await line(page, 'COM')).toEqual({
      badge: '✓ OK', spent: '€ 2.000', forecast: '€ 2.000', estimate: '€ 10.000',
      spentColour: 'rgb(30, 110, 52)', spentWidth: '20%', forecastWidth: '20%', estimateLeft: '100%',
    });

    // Raming 200.000 > Dekking 190.000; Prognose 104 + 55 + 36 + 2 = 197.000. Tekort = max(10.000, 7.000).
    const programme = await text(page, '#programme');
    expect(programme).toContain('Totaal raming\n€ 200.000,00');
    expect(programme).toContain('Totaal dekking\n€ 190.000,00');
    expect(programme).toContain('Totaal prognose\n€ 197.000,00');
    expect(programme).toContain('Tekort: € 10.000,00');

    const items = async (group: string) => (await page.locator(`#${group} .items > li .item-text`).allInnerTexts()).map(plain);
    const details = async (group: string) => (await page.locator(`#${group} .items > li .item-detail`).allInnerTexts()).map(plain);
    expect(await items('sig-overruns')).toEqual(['2025 VT Veilig Thuis: Overschrijding']);
    expect(await details('sig-overruns')).toEqual(['besteed € 104.000 bij raming € 100.000 (€ 4.000 te veel)']);
    expect(await items('sig-threatening')).toEqual(['2025 PRE Preventie: Dreigende overschrijding']);
    expect(await details('sig-threatening')).toEqual(['prognose € 55.000 bij raming € 50.000 (€ 5.000 te veel)']);
    // VT is statutory: 4.000 shifted from COM (largest balance, 8.000). PRE: defer A-002 (Laag, 25.000 ≥ 5.000).
    // The programme's 10.000 has no action left to defer: the bestuurlijke werkgroep decides.
    expect(await items('sig-proposals')).toEqual([
      'Voorstel 2025 VT: tekort € 4.000, gedekt',
      'Voorstel 2025 PRE: tekort € 5.000, gedekt',
      'Voorstel 2025 programma: tekort € 10.000, niet gedekt',
    ]);
    expect(await details('sig-proposals')).toEqual(['verschuiven van COM (€ 4.000)', 'uitstellen A-002 (€ 25.000)', 'besluit bestuurlijke werkgroep']);
    // A-001 deadline 01-05 passed; A-005 passed too but is Afgerond.
    expect(await items('sig-overdue')).toEqual(['A-001 Huisbezoeken na melding']);
    expect(await details('sig-overdue')).toEqual(['Oosterdal · Team Zorg · deadline 01-05-2025 · Loopt']);
    // 15-06 + 30 days = 15-07: A-004 (30-06) and A-003 (01-07), soonest first; the title's <...> is text.
    expect(await items('sig-due')).toEqual(['A-004 Training meldcode', 'A-003 Lokaal plan <actualiseren>']);
    expect(await text(page, '#sig-checks')).toContain('1 cel kon niet worden gelezen');

    expect(await text(page, '#meetup-body')).toContain('15-09-2025 (2025-Q3)');
    expect(await text(page, '#meetup-body')).toContain('Ouderenmishandeling');
    expect(await text(page, '#make-agenda')).toBe('Agenda 2025-Q3 maken');
    // A project leader who is no editor has no "Mijn acties".
    expect(await page.locator('#my-actions').isHidden()).toBe(true);

    // Clicking a signal selects its row: A-004 is row 5 of Acties, VT row 2 of Begroting.
    await page.locator('#sig-due .item', { hasText: 'A-004' }).click();
    await page.locator('#notice', { hasText: 'Rij 5 in Acties is geselecteerd.' }).waitFor();
    await page.locator('#sig-overruns .item').click();
    await page.locator('#notice', { hasText: 'Rij 2 in Begroting is geselecteerd.' }).waitFor();
    expect(session.preview.selections).toEqual([{ tab: TAB.actions, row: 5 }, { tab: TAB.budget, row: 2 }]);
    expect(session.problems).toEqual([]);
  });

  test('the budget check button writes the generated tabs, after which a proposal can be selected', async () => {
    session = await openSidebar(browser, scenarioWorkbook(), PROJECT_LEADER);
    const { page, preview } = session;

    // Herprioritering does not exist until a check has run: the click fails, readably, in Dutch.
    await page.locator('#sig-proposals .item').first().click();
    await page.locator('#notice [role=alert]', { hasText: 'Tabblad Herprioritering bestaat niet. Voer eerst de budgetcontrole uit' }).waitFor();
    expect(preview.selections).toEqual([]);

    await page.locator('#run-check').click();
    const status = page.locator('#check-status');
    await status.locator('.ok').waitFor();
    expect(await status.innerText()).toBe('Budgetcontrole uitgevoerd: 1 overschrijding, 1 dreigend, 1 controle; tekort in 2025.');
    expect(await text(page, '#run-check')).toBe('Budgetcontrole opnieuw uitvoeren');
    await screenshot(page, 'budgetcontrole-uitgevoerd');

    const budgetTab = preview.workbook.readTab(TAB.budgetCheck)!;
    const vt = budgetTab.find((r) => r[1] === 'VT')!;
    // Jaar, Code, Begrotingspost, Raming, Realisatie, Open verplichtingen, Besteed, ..., Signaal
    expect([vt[0], vt[3], vt[6], vt[11]]).toEqual([2025, 100000, 104000, 'Overschrijding']);

    // The third proposal (programme) is item 3 of Herprioritering: row 4.
    await page.locator('#sig-proposals .item').nth(2).click();
    await page.locator('#notice', { hasText: 'Rij 4 in Herprioritering is geselecteerd.' }).waitFor();
    expect(preview.selections).toEqual([{ tab: TAB.reprioritisation, row: 4 }]);
    expect(preview.workbook.readTab(TAB.reprioritisation)![3][3]).toBe('Besluit bestuurlijke werkgroep');
  });

  test('a server failure on loading is shown in Dutch, not swallowed', async () => {
    const workbook = scenarioWorkbook();
    // A workbook whose readTab fails, as a sheet can when Google is unavailable.
    const broken = Object.create(workbook) as typeof workbook;
    broken.readTab = () => {
      throw new Error('Exception: Service Spreadsheets timed out while accessing document');
    };
    session = await openSidebar(browser, broken, PROJECT_LEADER);
    const { page } = session;
    expect(await page.locator('body').getAttribute('data-loaded')).toBe('error');
    expect(await text(page, '#notice [role=alert]')).toBe('Het dashboard kon niet worden geladen. De server deed er te lang over. Probeer het over een minuut opnieuw.');
    expect(await text(page, '#budget-body')).toBe('Niet geladen.');
    expect(await page.locator('#make-agenda').isHidden()).toBe(true);
    await screenshot(page, 'laadfout');

    // Once the sheet answers again, "Opnieuw laden" brings the dashboard.
    delete (broken as { readTab?: unknown }).readTab;
    await page.locator('#reload').click();
    await page.locator('body[data-loaded=dashboard]').waitFor();
    expect(await text(page, 'li.line[data-code="VT"] .badge')).toBe('✕ Overschrijding');
    expect(await text(page, '#notice')).toBe('');
  });
});

describe('accessibility', () => {
  test('axe-core finds no serious or critical violations, at 300 px, in the loaded sidebar', async () => {
    session = await openSidebar(browser, scenarioWorkbook(), PROJECT_LEADER);
    const { page } = session;
    // Keyboard, from a fresh page: Tab reaches the first budget line, then its neighbours, in reading order.
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => (document.activeElement as HTMLElement).innerText.split('\n')[0].trim()));
    }
    expect(order.slice(0, 4)).toEqual(['VT Veilig Thuis (wettelijk)', 'PRE Preventie', 'OPV Opvang', 'COM Communicatie']);
    expect(order[4]).toBe('Budgetcontrole opnieuw uitvoeren');
    // Run the check so its status message is part of the audit too.
    await page.locator('#run-check').click();
    await page.locator('#check-status .ok').waitFor();
    const audit = await seriousA11yViolations(page);
    // axe really ran: dozens of rules passed.
    expect(audit.rulesPassed).toBeGreaterThan(20);
    await screenshot(page, 'toegankelijkheid');
    expect(audit.serious).toEqual([]);

    // No horizontal scrolling at the sidebar's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  });
});

/** The `Acties` row of an ID as the workbook now holds it, by header. */
function actionRow(session: Session, id: string): Record<string, unknown> {
  const grid = session.preview.workbook.readTab(TAB.actions)!;
  const headers = grid[0].map(String);
  const row = grid.find((r) => r[0] === id)!;
  return Object.fromEntries(headers.map((h, i) => [h, row[i]]));
}

describe('Mijn acties for an official', () => {
  test('an official sees only their municipality and saves a change that lands in the workbook', async () => {
    session = await openSidebar(browser, scenarioWorkbook(), OFFICIAL);
    const { page } = session;
    await page.locator('body[data-actions=loaded]').waitFor();
    expect(await text(page, '#context')).toBe('Testregio · peildatum 15-06-2025 · ambtenaar@oosterdal.test (gemeente, Oosterdal)');
    // Oosterdal has; Westerdal's A-004 and the regional A-002 are not shown.
    expect((await page.locator('.action-form legend').allInnerTexts()).map(plain)).toEqual([
      'A-001 Huisbezoeken na melding', 'A-003 Lokaal plan <actualiseren>', 'A-005 Afgeronde inventarisatie',
    ]);
    await screenshot(page, 'mijn-acties');
    // An official sees their actions first, and no budget check button (it writes protected tabs).
    expect(await page.locator('main > section:not([hidden])').evaluateAll((els) => els.map((e) => e.id))).toEqual(['my-actions', 'budget', 'signals', 'meetup']);
    expect(await page.locator('#run-check').isHidden()).toBe(true);

    const form = page.locator('form[data-id="A-003"]');
    await form.getByLabel('Status').selectOption('Loopt');
    await form.getByLabel('Deadline').fill('2025-08-15');
    await form.getByLabel('Toelichting').fill('Werkgroep gestart met Veilig Thuis & GGD');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.locator('.form-message', { hasText: 'Opgeslagen' }).waitFor();
    expect(await text(page, 'form[data-id="A-003"] .form-message')).toMatch(/^Opgeslagen op \d{2}-\d{2}-\d{4}\.$/);
    expect(await text(page, 'form[data-id="A-003"] .hint')).toBe('Nu: 15-08-2025');

    const row = actionRow(session, 'A-003');
    expect(row.Status).toBe('Loopt');
    expect(row.Toelichting).toBe('Werkgroep gestart met Veilig Thuis & GGD');
    expect((row.Deadline as Date).toISOString().slice(0, 10)).toBe('2025-08-15');
    expect(row['Bijgewerkt door']).toBe(OFFICIAL);
    // Logboek: one line per changed cell (Status, Toelichting, Deadline).
    const log = session.preview.workbook.readTab(TAB.log)!;
    expect(log.slice(1).map((r) => r[2])).toEqual([TAB.actions, TAB.actions, TAB.actions]);

    // The signals follow: A-003's deadline moved from 01-07 to 15-08, past the 30 days (15-07).
    await page.locator('#sig-due .count', { hasText: '(1)' }).waitFor();
    expect((await page.locator('#sig-due .item-text').allInnerTexts()).map(plain)).toEqual(['A-004 Training meldcode']);
    await screenshot(page, 'mijn-acties-opgeslagen');
    // The forms (labels, status messages) pass the accessibility check too.
    expect((await seriousA11yViolations(page)).serious).toEqual([]);
    expect(session.problems).toEqual([]);
  });

  test('a refused change shows the server\'s Dutch message and keeps the form as typed', async () => {
    const workbook = scenarioWorkbook();
    session = await openSidebar(browser, workbook, OFFICIAL);
    const { page } = session;
    await page.locator('body[data-actions=loaded]').waitFor();

    // Meanwhile the project leader takes the official off Oosterdal's editors (Gemeenten row 2, Editors).
    workbook.writeCells(TAB.municipalities, [{ row: 2, column: 3, value: '' }]);

    const form = page.locator('form[data-id="A-001"]');
    await form.getByLabel('Status').selectOption('Afgerond');
    await form.getByLabel('Deadline').fill('2025-06-20');
    await form.getByLabel('Toelichting').fill('Alle huisbezoeken gedaan');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const alert = form.locator('[role=alert]');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Je staat niet als editor bij een gemeente in Gemeenten; vraag de projectleider je e-mailadres toe te voegen.');
    await screenshot(page, 'wijziging-geweigerd');
    await form.screenshot({ path: join(ARTIFACTS, 'wijziging-geweigerd-formulier.png') });

    // The form still holds what was typed, and the button is usable again.
    expect(await form.getByLabel('Status').inputValue()).toBe('Afgerond');
    expect(await form.getByLabel('Deadline').inputValue()).toBe('2025-06-20');
    expect(await form.getByLabel('Toelichting').inputValue()).toBe('Alle huisbezoeken gedaan');
    expect(await form.getByRole('button', { name: 'Opslaan' }).getAttribute('aria-disabled')).toBe('false');
    // And nothing was written.
    expect(actionRow(session, 'A-001').Status).toBe('Loopt');
    expect(actionRow(session, 'A-001').Toelichting).toBeNull();
    expect(session.preview.calls.filter((c) => c.name === 'updateAction').map((c) => c.ok)).toEqual([false]);
  });
});

describe('meet-up', () => {
  test('the agenda button makes the agenda of the next meet-up\'s quarter and shows it', async () => {
    session = await openSidebar(browser, scenarioWorkbook(), PROJECT_LEADER);
    const { page, preview } = session;
    await page.locator('#make-agenda').click();
    const result = page.locator('#agenda-result .agenda');
    await result.waitFor();
    await page.locator('#agenda-result summary').click();
    await screenshot(page, 'agenda');

    // The next meet-up after 15-06-2025 is 15-09-2025: quarter 2025-Q3, whose first meet-up it is.
    expect(preview.calls.filter((c) => c.name === 'generateMeetupAgenda').map((c) => c.args)).toEqual([['2025-Q3']]);
    expect(preview.workbook.tabNames()).toContain('Agenda 2025-09-15');
    const shown = plain(await result.innerText());
    expect(shown).toContain('is gemaakt en staat ook als tabblad in het werkboek.');
    // Locally there is no DocumentApp, so no Doc link; the agenda text is shown instead.
    expect(await page.locator('#agenda-doc').count()).toBe(0);
    const agendaText = plain(await page.locator('#agenda-result .agenda-text').innerText());
    expect(agendaText).toContain('Ouderenmishandeling');
    expect(agendaText).toContain('Huisbezoeken na melding (A-001)');
    // User text stays text: the title's angle brackets are shown, not parsed, and no markup leaks.
    expect(agendaText).toContain('Lokaal plan <actualiseren> (A-003)');
    expect(agendaText).not.toContain('**');
    expect(await page.locator('#agenda-result actualiseren').count()).toBe(0);
    await page.locator('#meetup').screenshot({ path: join(ARTIFACTS, 'agenda-sectie.png') });
    expect((await seriousA11yViolations(page)).serious).toEqual([]);
    expect(await text(page, '#make-agenda')).toBe('Agenda 2025-Q3 maken');
  });
});

describe('the demo in the preview', () => {
  test('the demo workbook loads for the project leader and for its official, without errors', async () => {
    const demo = demoWorkbook();
    session = await openSidebar(browser, demo.workbook, demo.people.projectLeader);
    const { page } = session;
    // The demo's fictional 2024 (src/cli/demo.ts): CSG in overrun, ACT threatening, a programme shortfall.
    expect(await text(page, 'li.line[data-code="CSG"] .badge')).toBe('✕ Overschrijding');
    expect(await text(page, 'li.line[data-code="ACT"] .badge')).toBe('▲ Dreigende overschrijding');
    expect(await text(page, '#programme .verdict')).toMatch(/^Tekort: € [\d.]+,\d\d\. De DU VO is taakstellend/);
    await screenshot(page, 'demo-projectleider');

    // The preview page as a person sees it: the sidebar at 300 px beside an explanation.
    const wide = await browser.newPage({ viewport: { width: 900, height: 1000 } });
    await wide.goto(session.preview.url);
    await wide.frameLocator('iframe').locator('body[data-loaded=dashboard]').waitFor();
    await wide.screenshot({ path: join(ARTIFACTS, 'preview.png') });
    await wide.close();

    session.preview.setUserEmail(demo.people.official);
    await page.reload();
    await page.locator('body[data-actions=loaded]').waitFor();
    expect(await text(page, '#context')).toContain(`(gemeente, ${demo.people.municipality})`);
    expect(await page.locator('.action-form').count()).toBeGreaterThan(0);
    await screenshot(page, 'demo-ambtenaar');
    expect(session.problems).toEqual([]);
  });
});
