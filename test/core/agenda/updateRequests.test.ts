import { dueMeetup, limitToQuota, planUpdateRequests, UpdateRequestMail } from '../../../src/core/agenda/updateRequests';
import { SIX_WEEKLY, load } from './fixture';

const URL = 'https://docs.google.com/spreadsheets/d/test';
const TODAY = '2025-03-01';

describe('dueMeetup', () => {
  const { programme } = load();

  it('finds the meet-up 14 days or fewer ahead', () => {
    // 01-03-2025 → 13-03-2025 is 12 days ahead.
    expect(dueMeetup(programme.meetups, TODAY)?.date).toBe('2025-03-13');
    // 27-02-2025 → 13-03-2025 is exactly 14 days: due. 26-02 is 15 days: not yet.
    expect(dueMeetup(programme.meetups, '2025-02-27')?.date).toBe('2025-03-13');
    expect(dueMeetup(programme.meetups, '2025-02-26')).toBeNull();
    // On the day itself it is still due; the day after it has passed.
    expect(dueMeetup(programme.meetups, '2025-03-13')?.date).toBe('2025-03-13');
    expect(dueMeetup(programme.meetups, '2025-03-14')).toBeNull();
  });
});

describe('planUpdateRequests for the meet-up of 13-03-2025, on 01-03-2025', () => {
  const { programme } = load();
  const meetup = programme.meetups.find((m) => m.date === '2025-03-13')!;
  const plan = planUpdateRequests(programme, meetup, TODAY, URL);

  it('writes one mail per municipality with actions to update, to its editors', () => {
    // Alpha: A-003 (due 28-03-2025, before the next meet-up of 12-06-2025) and A-008 (deadline 01-02-2025 passed; updated 15-10-2024,
    //   137 days ago: stale). A-006 (deadline 31-12-2025, updated 10-01-2025) needs nothing.
    // Beta: A-010 (Loopt, due 31-05-2025, never updated). A-005 is Afgerond.
    // Gamma: A-011 overdue, but no editors.
    expect(plan.mails.map((m) => [m.municipality, m.to, m.actions.map((a) => a.id)])).toEqual([
      ['Alpha', ['a1@alpha.nl', 'a2@alpha.nl'], ['A-003', 'A-008']],
      ['Beta', ['b@beta.nl'], ['A-010']],
    ]);
    expect(plan.withoutEditors).toEqual([{ municipality: 'Gamma', actionIds: ['A-011'] }]);
  });

  it('never mails regional actions', () => {
    const ids = plan.mails.flatMap((m) => m.actions.map((a) => a.id));
    for (const regional of ['A-001', 'A-002', 'A-004', 'A-009']) expect(ids).not.toContain(regional);
  });

  it('gives each action its reasons in Dutch', () => {
    const alpha = plan.mails[0];
    expect(alpha.actions.find((a) => a.id === 'A-003')!.reasons).toEqual(['deadline nadert (28-03-2025)']);
    expect(alpha.actions.find((a) => a.id === 'A-008')!.reasons).toEqual(['deadline verstreken (01-02-2025)', 'niet bijgewerkt sinds 15-10-2024']);
    expect(plan.mails[1].actions[0].reasons).toEqual(['deadline nadert (31-05-2025)', 'nog nooit bijgewerkt']);
  });

  it('counts "due" up to the meet-up after this one, at any rhythm', () => {
    // Every six weeks the meet-up after 13-03-2025 is 24-04-2025: A-010 (31-05) is not due yet.
    const six = load({ meetups: SIX_WEEKLY }).programme;
    const beta = planUpdateRequests(six, six.meetups.find((m) => m.date === '2025-03-13')!, TODAY, URL).mails.find((m) => m.municipality === 'Beta')!;
    expect(beta.actions.map((a) => [a.id, a.reasons])).toEqual([['A-010', ['nog nooit bijgewerkt']]]);
    // For 24-04-2025 the next meet-up is 05-06-2025: now A-010 is due.
    const april = six.meetups.find((m) => m.date === '2025-04-24')!;
    expect(dueMeetup(six.meetups, '2025-04-15')).toBe(april);
    const later = planUpdateRequests(six, april, '2025-04-15', URL).mails.find((m) => m.municipality === 'Beta')!;
    expect(later.actions.map((a) => [a.id, a.reasons])).toEqual([['A-010', ['deadline nadert (31-05-2025)', 'nog nooit bijgewerkt']]]);
  });

  it('writes a Dutch subject and bodies with the actions and the link', () => {
    const alpha = plan.mails[0];
    expect(alpha.subject).toBe('Verzoek: acties Alpha bijwerken vóór 13-03-2025');
    // Without Overleg and Programma in Instellingen, neutral words; never another region's.
    expect(alpha.body).toContain('Op 13-03-2025 is er een bijeenkomst (Testregio, thema: Ouderenmishandeling).');
    expect(alpha.body).not.toMatch(/ambtelijke meet-up|regioaanpak/);
    expect(alpha.body).toContain('- A-008 Kinderrechten in de klas (status Loopt, deadline 01-02-2025): deadline verstreken (01-02-2025); niet bijgewerkt sinds 15-10-2024');
    expect(alpha.body).toContain(`Werkboek: ${URL}`);
    expect(alpha.htmlBody).toContain(`<a href="${URL}">`);
  });

  it('names the meeting and the programme as Instellingen does (issue 22: fixed Gelderland Zuid words)', () => {
    const words = { ...programme, settings: { ...programme.settings, meetingName: 'Regionaal ambtelijk overleg HGKM', programmeName: 'Regiovisie Samen Veilig' } };
    const mail = planUpdateRequests(words, meetup, '2025-03-01', URL).mails[0];
    expect(mail.subject).toBe('Verzoek: acties Alpha bijwerken vóór 13-03-2025 (Regionaal ambtelijk overleg HGKM)');
    expect(mail.body).toContain('Op 13-03-2025 is er een Regionaal ambtelijk overleg HGKM (Regiovisie Samen Veilig Testregio, thema: Ouderenmishandeling).');
    expect(mail.body).toContain('De projectleider Regiovisie Samen Veilig Testregio');
  });

  it('an action becomes stale after 90 days without update', () => {
    // A-006 was updated 10-01-2025: on 10-04-2025 that is 90 days (not stale), on 11-04-2025 91 days.
    const a006 = (today: string) =>
      planUpdateRequests(programme, meetup, today, URL).mails.find((m) => m.municipality === 'Alpha')!.actions.find((a) => a.id === 'A-006');
    expect(a006('2025-04-10')).toBeUndefined();
    expect(a006('2025-04-11')!.reasons).toEqual(['niet bijgewerkt sinds 10-01-2025']);
  });

  it('escapes sheet text in the HTML body', () => {
    const { programme: p } = load({ extraActions: [{ ID: 'A-020', Actielijn: 'AL1', Gemeente: 'Beta', Actie: '<b>vet</b>', Status: 'Loopt' }] });
    const beta = planUpdateRequests(p, meetup, TODAY, URL).mails.find((m) => m.municipality === 'Beta')!;
    expect(beta.htmlBody).toContain('&lt;b&gt;vet&lt;/b&gt;');
    expect(beta.htmlBody).not.toContain('<b>vet');
  });
});

describe('limitToQuota', () => {
  const mail = (municipality: string, n: number): UpdateRequestMail => ({
    municipality, meetupDate: '2025-03-13', to: Array.from({ length: n }, (_, i) => `e${i}@${municipality}.nl`), subject: '', body: '', htmlBody: '', actions: [],
  });
  const mails = [mail('a', 2), mail('b', 3), mail('c', 1)];

  it('counts recipients and never exceeds the quota', () => {
    // Quota 3: a (2) fits, b (3) does not (2 + 3 = 5), c (1) fits: 2 + 1 = 3.
    const split = limitToQuota(mails, 3);
    expect(split.send.map((m) => m.municipality)).toEqual(['a', 'c']);
    expect(split.notSent.map((m) => m.municipality)).toEqual(['b']);
  });

  it('sends everything when the quota allows, nothing when it is spent', () => {
    expect(limitToQuota(mails, 6).notSent).toEqual([]); // 2 + 3 + 1 = 6
    expect(limitToQuota(mails, 0).send).toEqual([]);
    expect(limitToQuota(mails, -5).send).toEqual([]);
  });

  it('holds for any quota', () => {
    for (let quota = 0; quota <= 7; quota++) {
      const { send, notSent } = limitToQuota(mails, quota);
      expect(send.reduce((n, m) => n + m.to.length, 0)).toBeLessThanOrEqual(quota);
      expect(send.length + notSent.length).toBe(mails.length);
    }
  });
});
