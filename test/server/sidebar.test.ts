/**
 * getSidebar: dashboard and "Mijn acties" in one call over the Apps Script fake, read once, with each
 * part failing on its own.
 */
import { TAB, USER_TABS } from '../../src/core/workbook/contract';
import { LAST_CHECK_PROPERTY } from '../../src/app/lastCheck';
import { runBudgetCheck } from '../../src/server/budget';
import { getSidebar } from '../../src/server/sidebar';
import { FakeHandles, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { CONTROLLER, OWNER, PL, TIEL, rightsWorkbook } from './rightsWorkbook';

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installAppsScriptFakes({ activeUserEmail: TIEL, ownerEmail: OWNER });
  rightsWorkbook(fakes);
});
afterEach(() => fakes.uninstall());

test("an official gets the dashboard and their own actions in one call, reading each tab once", () => {
  fakes.counter.reset();
  const data = getSidebar();
  // The workbook has 6 of the user tabs (no Dekking, Meet-ups, Indicatoren): each is read once.
  const present = USER_TABS.filter((t) => fakes.spreadsheet.getSheetByName(t));
  expect(fakes.counter.count('Range.getValues')).toBe(present.length);
  expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  expect(data.timeZone).toBe('Europe/Amsterdam');
  expect(Date.parse(data.loadedAt)).not.toBeNaN();
  if (!data.dashboard.ok || !data.myActions?.ok) throw new Error('both parts should load');
  expect(data.dashboard.value.user).toEqual({ email: TIEL, role: 'gemeente', municipality: 'Tiel' });
  expect(data.dashboard.value.projectLeader).toBe(PL);
  expect(data.myActions.value.actions.map((a) => a.id)).toEqual(['A-001', 'A-004']);
  // Trends come with budget model v2's Prognoseverloop; until then every line has none.
  expect(data.dashboard.value.budget?.lines.map((l) => [l.code, l.utilisation, l.trend])).toEqual([['P1', 0.1, null]]);
});

test('the project leader gets no "Mijn acties"; the controller has a role of their own', () => {
  fakes.__setUser(PL);
  const leader = getSidebar();
  expect(leader.myActions).toBeNull();
  expect(leader.dashboard.ok && leader.dashboard.value.user.role).toBe('projectleider');
  fakes.__setUser(CONTROLLER);
  const controller = getSidebar();
  expect(controller.myActions).toBeNull();
  expect(controller.dashboard.ok && controller.dashboard.value.user).toEqual({ email: CONTROLLER, role: 'controller', municipality: null });
  fakes.__setUser('iemand@elders.nl');
  const stranger = getSidebar();
  expect([stranger.myActions, stranger.dashboard.ok && stranger.dashboard.value.user.role]).toEqual([null, 'onbekend']);
});

test('the budget check records when it ran, and the sidebar says so', () => {
  fakes.__setUser(PL);
  const before = getSidebar();
  expect(before.dashboard.ok && before.dashboard.value.lastCheckAt).toBeNull();
  const started = Date.now();
  runBudgetCheck();
  const stored = PropertiesService.getDocumentProperties().getProperty(LAST_CHECK_PROPERTY)!;
  expect(Date.parse(stored)).toBeGreaterThanOrEqual(started - 1000);
  const after = getSidebar();
  expect(after.dashboard.ok && after.dashboard.value.lastCheckAt).toBe(new Date(stored).toISOString());
  expect(fakes.spreadsheet.getSheetByName(TAB.budgetCheck)).not.toBeNull();
});

test('a part that fails is reported in that part only', () => {
  jest.isolateModules(() => {
    jest.doMock('../../src/app/dashboard', () => ({
      dashboard: () => {
        throw new Error('Het dashboard kon niet worden berekend.');
      },
    }));
    const { getSidebar: isolated } = require('../../src/server/sidebar') as typeof import('../../src/server/sidebar');
    const data = isolated();
    expect(data.dashboard).toEqual({ ok: false, message: 'Het dashboard kon niet worden berekend.' });
    expect(data.myActions?.ok).toBe(true);
  });
  jest.dontMock('../../src/app/dashboard');
});
