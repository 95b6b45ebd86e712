/** The sidebar's escaping: text from the server can never become markup. */
import { renderAgendaMarkdown } from '../../sidebar/agendaText';
import { LOCK_BUSY_MESSAGE } from '../../src/adapters/appsscript/runtime';
import { NO_WRITE_RIGHTS_MESSAGE } from '../../src/app/budgetCheck';
import { UNKNOWN_FAILURE, describeFailure, dutchFailureMessage } from '../../sidebar/client';
import { html } from '../../sidebar/html';
import { isDocLink, renderAgenda } from '../../sidebar/meetup';
import { renderBudget } from '../../sidebar/budget';
import { renderSummary } from '../../sidebar/summary';
import type { DashboardData, DashboardLine } from '../../src/core/dashboard';

test('html escapes every interpolated value but keeps nested templates', () => {
  const title = '<img src=x onerror=alert(1)> & "quote"';
  expect(html`<b>${title}</b>${html`<i>${'a<b'}</i>`}`.value).toBe('<b>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quote&quot;</b><i>a&lt;b</i>');
  expect(html`${[1, null, false, undefined, 'x']}`.value).toBe('1x');
});

test('the agenda Markdown renders headings, lists, bold and tables with all text escaped', () => {
  const out = renderAgendaMarkdown('# Agenda <b>\n\n- **2.1** A-3 Plan \\<nieuw\\> <script>alert(1)</script>\n  - detail\n\n| Code | Signaal |\n|---|---|\n| VT | Overschrijding |').value;
  expect(out).toContain('<p class="agenda-h agenda-h3">Agenda &lt;b&gt;</p>');
  expect(out).toContain('<li><strong>2.1</strong> A-3 Plan &lt;nieuw&gt; &lt;script&gt;alert(1)&lt;/script&gt;</li><li class="nested">detail</li>');
  expect(out).toContain('<th scope="col">Code</th><th scope="col">Signaal</th>');
  expect(out).toContain('<td>VT</td><td>Overschrijding</td>');
  expect(out).not.toContain('<script>');
});

test('only a Google Docs address becomes a link', () => {
  expect(isDocLink('https://docs.google.com/document/d/abc/edit')).toBe(true);
  expect(isDocLink('javascript:alert(1)')).toBe(false);
  expect(isDocLink('https://docs.google.com.evil.example/x')).toBe(false);
  expect(renderAgenda({ title: 'T', markdown: '', html: '', docUrl: 'javascript:alert(1)' }, '2025-09-15').value).not.toContain('href');
  expect(renderAgenda({ title: 'T', markdown: '', html: '', docUrl: 'https://docs.google.com/document/d/a"b/edit' }, '2025-09-15').value)
    .toContain('href="https://docs.google.com/document/d/a&quot;b/edit"');
  // The result leads to its tab and its Doc.
  const made = renderAgenda({ title: 'T', markdown: '', html: '', docUrl: 'https://docs.google.com/document/d/abc/edit' }, '2025-09-15').value;
  expect(made).toContain('data-tab="Agenda 2025-09-15" data-row="1"');
  expect(made).toContain('id="agenda-doc"');
});

test('failures become Dutch sentences; the server\'s own Dutch message is kept', () => {
  expect(dutchFailureMessage(new Error('Exception: Actie A-9 hoort bij Tiel, niet bij jouw gemeente.'))).toBe('Actie A-9 hoort bij Tiel, niet bij jouw gemeente.');
  expect(dutchFailureMessage(new Error('NetworkError: Connection failure due to HTTP 0'))).toBe('Geen verbinding met de server. Controleer de internetverbinding en probeer het opnieuw.');
  expect(dutchFailureMessage(new Error('Exception: You are trying to edit a protected cell or object.'))).toBe('Dit deel van het werkboek is beveiligd: alleen de projectleider kan het wijzigen.');
  expect(describeFailure({}, 'getSidebar')).toEqual({ message: UNKNOWN_FAILURE, detail: 'Details: getSidebar, foutcode leeg' });
});

describe('issue 13: failure messages', () => {
  const LOCK = 'Iemand anders werkt het werkboek op dit moment bij. Probeer het over een paar seconden opnieuw.';

  test('the lock message is not mistaken for "too slow"', () => {
    // What LockService.waitLock throws when another run holds the lock, and what our runtime makes of it.
    expect(dutchFailureMessage(new Error('Exception: Lock timeout: another process was holding the lock for too long.'))).toBe(LOCK);
    expect(dutchFailureMessage(new Error(`Error: ${LOCK_BUSY_MESSAGE}`))).toBe(LOCK);
    // A real time-out is still one.
    expect(dutchFailureMessage(new Error('Exceeded maximum execution time'))).toBe('De server deed er te lang over. Probeer het over een minuut opnieuw.');
  });

  test('an unknown English error or a document ID never reaches the user: a Dutch sentence and a details line', () => {
    const raw = 'TypeError: Cannot read properties of undefined (reading \'getRange\')';
    // The raw text goes to the browser console for developers, not to the user.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const english = describeFailure(new Error(raw), 'updateAction');
    expect(english.message).toBe(UNKNOWN_FAILURE);
    // The details line names the function and a code that is the same for the same message.
    expect(english.detail).toMatch(/^Details: updateAction, foutcode [0-9A-F]{6}$/);
    expect(describeFailure(new Error(raw), 'updateAction').detail).toBe(english.detail);
    expect(`${english.message} ${english.detail}`).not.toMatch(/Cannot|undefined|getRange/);
    const missingDoc = describeFailure(new Error('Exception: Document 1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms is missing (perhaps it was deleted, or you don\'t have read access?)'), 'generateMeetupAgenda');
    expect(`${missingDoc.message} ${missingDoc.detail}`).not.toMatch(/1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms|missing|perhaps/);
    expect(warn.mock.calls[0][0]).toContain(raw);
    warn.mockRestore();
  });

  test('a Google error the server translated shows its Dutch sentence; its technical line stays in the console', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fromServer = 'Exception: Google Spreadsheets kon het werkboek op dit moment niet lezen of bijwerken. Probeer het over een paar minuten opnieuw.\n' +
      'Technische details: Service Spreadsheets failed while accessing document with id 1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789.';
    const failure = describeFailure(new Error(fromServer), 'getSidebar');
    expect(failure.message).toBe('Google Spreadsheets kon het werkboek op dit moment niet lezen of bijwerken. Probeer het over een paar minuten opnieuw.');
    expect(failure.detail).toMatch(/^Details: getSidebar, foutcode [0-9A-F]{6}$/);
    expect(warn.mock.calls[0][0]).toContain('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789');
    warn.mockRestore();
  });

  test("the server's own Dutch messages pass as they are, without a details line", () => {
    for (const message of [
      NO_WRITE_RIGHTS_MESSAGE,
      'Je staat niet als editor bij een gemeente in Gemeenten; vraag de projectleider je e-mailadres toe te voegen.',
      'Tabblad Herprioritering bestaat niet. Voer eerst de budgetcontrole uit, of kies Regiomonitor › Werkboek inrichten.',
      'Onbekende status; kies uit: Niet gestart, Loopt, Afgerond, Uitgesteld, Geschrapt.',
      'Actielijn AL9 staat niet in Actielijnen; kies een actielijn uit de lijst.',
    ]) expect(describeFailure(new Error(`Exception: ${message}`))).toEqual({ message, detail: null });
  });
});

describe('issue 13: the decision first', () => {
  const line = (code: string, trend: DashboardLine['trend']): DashboardLine => ({
    tab: 'Begroting', row: 2, code, name: `Post <${code}>`, character: 'Flexibel', estimateCents: 10_000_00, spentCents: 10_400_00,
    forecastCents: 10_400_00, balanceCents: -400_00, utilisation: 1.04, signal: 'Overschrijding', trend,
  });
  const data = (lines: DashboardLine[]): DashboardData => ({
    region: 'Testregio', referenceDate: '2025-06-15', year: 2025,
    budget: {
      year: 2025, phase: 'lopend', lines, totalEstimateCents: 200_000_00, coverageCents: 190_000_00, reserveDrawCents: 0, totalCoverageCents: 190_000_00,
      totalSpentCents: 0, totalForecastCents: 197_000_00, programmeSignal: 'Tekort', shortfallCents: 10_000_00, resultCents: -7_000_00,
      coverageBalanceCents: -10_000_00,
    },
    signals: { overruns: [], threatening: [], proposals: [], overdue: [], dueSoon: [], checks: { count: 0, tab: 'Controles', row: 1 } },
    meetup: null, user: { email: 'pl@regio.test', role: 'projectleider', municipality: null }, projectLeader: 'pl@regio.test',
    lastCheckAt: '2025-06-15T12:32:00.000Z', programmeProposal: { covered: true, shortfallCents: 10_000_00, tab: 'Herprioritering', row: 4 },
  });
  const text = (h: { value: string }) => h.value.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();

  test('a line shows its prognose trend since the previous meet-up when there is one', () => {
    const out = renderBudget(data([
      line('UP', { sinceDate: '2025-03-10', forecastDeltaCents: 5_000_00 }),
      line('DOWN', { sinceDate: '2025-03-10', forecastDeltaCents: -1_234_56 }),
      line('FLAT', { sinceDate: '2025-03-10', forecastDeltaCents: 0 }),
      line('NONE', null),
    ])).value;
    const rows = out.split('<li class="line').slice(1);
    expect(rows.map((r) => (/<span class="trend[^"]*">(.*?)<\/span><\/summary>/.exec(r)?.[1] ?? '').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' '))).toEqual([
      '▲ prognose +€ 5.000 sinds 10-03-2025',
      // whole euros, like every amount in the sidebar: 1.234,56 rounds to 1.235
      '▼ prognose −€ 1.235 sinds 10-03-2025',
      '= prognose gelijk sinds 10-03-2025',
      '',
    ]);
    expect(rows[0]).toContain('trend-up');
    expect(rows[1]).toContain('trend-down');
    // The name is escaped.
    expect(out).toContain('Post &lt;UP&gt;');
  });

  test('the first screen: the verdict, then per role the next step; tiles lead to their details', () => {
    // Project leader: the shortfall, whether the proposal covers it, and the button that opens it.
    expect(text(renderSummary(data([])))).toBe(
      'Tekort € 10.000 in 2025 Het voorstel herprioritering dekt dit tekort. Voorstel openen Budgetsignalen Geen Acties Geen deadline dichtbij',
    );
    expect(renderSummary(data([])).value).toContain('data-tab="Herprioritering" data-row="4"');
    const uncovered = { ...data([]), programmeProposal: { covered: false, shortfallCents: 10_000_00, tab: 'Herprioritering', row: 4 } };
    expect(text(renderSummary(uncovered))).toContain('dekt dit tekort niet helemaal');
    // Controller: the year's totals, the result written -€ 7.000 (dekking 190.000 − prognose 197.000).
    const controller = { ...data([]), user: { email: 'c@regio.test', role: 'controller' as const, municipality: null } };
    expect(text(renderSummary(controller))).toBe('Tekort € 10.000 in 2025 Raming € 200.000 Dekking € 190.000 Prognose € 197.000 Resultaat -€ 7.000 Budgetsignalen Geen Acties Geen deadline dichtbij');
    const none = { ...data([]), budget: null, lastCheckAt: null };
    expect(text(renderSummary(none))).toContain('Geen begroting voor 2025');
    expect(renderSummary(data([])).value.match(/data-jump="[^"]+"/g)).toEqual(['data-jump="signals-title"', 'data-jump="sig-overdue-title"']);
  });
});
