import { sentKey } from '../../src/app/reminders';
import { installReminders, sendUpdateRequests } from '../../src/server/reminders';
import { snapshot } from '../core/agenda/fixture';
import { installMailAppFake } from '../fakes/mailApp';
import { FakeHandles, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { fillWorkbook } from './workbooks';

let fakes: FakeHandles;
let mail: ReturnType<typeof installMailAppFake>;

/** 08:00 in Amsterdam (UTC+1 in winter) on the given day. */
const morningOf = (day: string) => new Date(`${day}T07:00:00Z`);

beforeEach(() => {
  jest.useFakeTimers({ now: morningOf('2025-03-01') });
  // The handler logs its report for the execution log; keep test output quiet.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  fakes = installAppsScriptFakes();
  mail = installMailAppFake({ quota: 100, counter: fakes.counter });
  const tabs: Record<string, unknown[][]> = {};
  for (const [name, grid] of Object.entries(snapshot())) tabs[name] = grid!;
  fillWorkbook(fakes, tabs);
});
afterEach(() => {
  mail.uninstall();
  fakes.uninstall();
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('sendUpdateRequests', () => {
  it('mails the editors of each municipality with open actions, one mail each', () => {
    // 01-03-2025: the meet-up of 13-03-2025 is 12 days ahead. Alpha has A-003 (due) and A-008
    // (overdue, stale); Beta has A-010 (never updated); Gamma has A-011 but no editors.
    const report = sendUpdateRequests();
    expect(mail.MailApp.sent.map((m) => m.to)).toEqual([['a1@alpha.nl', 'a2@alpha.nl'], ['b@beta.nl']]);
    expect(mail.MailApp.sent[0].subject).toBe('Verzoek: acties Alpha bijwerken vóór 13-03-2025');
    expect(mail.MailApp.sent[0].body).toContain(fakes.spreadsheet.getUrl());
    expect(mail.MailApp.sent[0].htmlBody).toContain('A-008 Kinderrechten in de klas');
    expect(report.withoutEditors).toEqual(['Gamma']);
    expect(report.message).toBe('Meet-up 13-03-2025: 2 verzoeken verstuurd; geen editors in Gemeenten: Gamma.');
    expect(fakes.properties.document.getProperty(sentKey('2025-03-13', 'Alpha'))).toBe('a1@alpha.nl,a2@alpha.nl');
  });

  it('never sends twice for the same meet-up', () => {
    sendUpdateRequests();
    jest.setSystemTime(morningOf('2025-03-02'));
    const second = sendUpdateRequests();
    expect(mail.MailApp.sent).toHaveLength(2);
    expect(second.sent).toEqual([]);
    expect(second.alreadySent).toEqual(['Alpha', 'Beta']);
  });

  it('respects the quota, reports what was not sent, and sends it the next day', () => {
    // Quota 2: Alpha (2 recipients) fits; Beta (1 more) would make 3.
    mail.MailApp.quota = 2;
    const first = sendUpdateRequests();
    expect(first.sent.map((s) => s.municipality)).toEqual(['Alpha']);
    expect(first.notSent).toEqual([{ municipality: 'Beta', recipients: ['b@beta.nl'] }]);
    expect(first.message).toContain('niet verstuurd wegens het dagquotum: Beta (volgt morgen)');
    expect(mail.MailApp.quota).toBe(0);

    jest.setSystemTime(morningOf('2025-03-02'));
    mail.MailApp.quota = 100;
    const next = sendUpdateRequests();
    expect(next.sent.map((s) => s.municipality)).toEqual(['Beta']);
    // Alpha once, Beta once.
    expect(mail.MailApp.sent.map((m) => m.to.join(','))).toEqual(['a1@alpha.nl,a2@alpha.nl', 'b@beta.nl']);
  });

  it('sends nothing with no quota left', () => {
    mail.MailApp.quota = 0;
    const report = sendUpdateRequests();
    expect(mail.MailApp.sent).toEqual([]);
    expect(report.notSent.map((n) => n.municipality)).toEqual(['Alpha', 'Beta']);
    expect(fakes.properties.document.getKeys()).toEqual([]);
  });

  it('sends nothing when no meet-up is 14 days or fewer ahead', () => {
    // 26-02-2025 → 13-03-2025 is 15 days.
    jest.setSystemTime(morningOf('2025-02-26'));
    const report = sendUpdateRequests();
    expect(report.meetupDate).toBeNull();
    expect(mail.MailApp.sent).toEqual([]);
    expect(fakes.counter.count('MailApp.getRemainingDailyQuota')).toBe(0);
  });
});

describe('installReminders', () => {
  it('installs one daily trigger for sendUpdateRequests, however often it is chosen', () => {
    expect(installReminders().installed).toBe(true);
    expect(installReminders().installed).toBe(false);
    expect(fakes.triggers).toHaveLength(1);
    expect(fakes.triggers[0]).toMatchObject({ handlerFunction: 'sendUpdateRequests', eventType: 'CLOCK', everyDays: 1 });
    expect(fakes.ui.toasts.map((t) => t.message)[1]).toContain('staan al aan');
  });
});
