import { UpdateRequestMail, dueMeetup, limitToQuota, planUpdateRequests } from '../core/agenda/updateRequests';
import { Day, formatDay } from '../core/values/dates';
import { parseWorkbook } from '../core/workbook/parse';
import { readSnapshot } from './budgetCheck';
import { MailPort, ReminderSchedule, SentMemory } from '../ports/mail';
import { Runtime } from '../ports/runtime';

export interface ReminderReport {
  /** The meet-up the requests are for; null when none is 14 days or fewer ahead. */
  meetupDate: Day | null;
  sent: { municipality: string; recipients: string[] }[];
  /** Mails that did not fit in today's quota; the next daily run sends them. */
  notSent: { municipality: string; recipients: string[] }[];
  /** Mails the mail service refused (e.g. a mistyped address); not remembered, so retried tomorrow. */
  failed: { municipality: string; error: string }[];
  /** Municipalities with actions to update but no editors in `Gemeenten`. */
  withoutEditors: string[];
  /** Municipalities already mailed for this meet-up. */
  alreadySent: string[];
  message: string;
}

export const SENT_KEY_PREFIX = 'regiomonitor.updateRequest';

/** One key per meet-up date and municipality, so a retry the next day sends only what is missing. */
export function sentKey(meetupDate: Day, municipality: string): string {
  return `${SENT_KEY_PREFIX}.${meetupDate}.${municipality.trim().toLowerCase()}`;
}

function message(report: ReminderReport): string {
  if (!report.meetupDate) return 'Geen meet-up binnen 14 dagen: er zijn geen verzoeken verstuurd.';
  const parts = [`Meet-up ${formatDay(report.meetupDate)}: ${report.sent.length} ${report.sent.length === 1 ? 'verzoek' : 'verzoeken'} verstuurd`];
  if (report.alreadySent.length) parts.push(`${report.alreadySent.length} eerder verstuurd`);
  if (report.notSent.length) parts.push(`niet verstuurd wegens het dagquotum: ${report.notSent.map((m) => m.municipality).join(', ')} (volgt morgen)`);
  if (report.failed.length) parts.push(`mislukt: ${report.failed.map((f) => `${f.municipality} (${f.error})`).join(', ')}`);
  if (report.withoutEditors.length) parts.push(`geen editors in Gemeenten: ${report.withoutEditors.join(', ')}`);
  return `${parts.join('; ')}.`;
}

/**
 * The daily reminder run: finds the meet-up due within 14 days, mails each municipality's editors
 * once per meet-up, and never beyond MailApp's remaining quota. Each mail is remembered as soon as
 * it is sent, so a run that stops halfway never sends a mail twice.
 */
export function sendUpdateRequests(runtime: Runtime, mail: MailPort, memory: SentMemory, sheetUrl: string): ReminderReport {
  return runtime.withDocumentLock(() => {
    const today = runtime.today();
    const { programme } = parseWorkbook(readSnapshot(runtime), { timeZone: runtime.workbook.timeZone, today });
    const meetup = dueMeetup(programme.meetups, today);
    const report: ReminderReport = { meetupDate: meetup?.date ?? null, sent: [], notSent: [], failed: [], withoutEditors: [], alreadySent: [], message: '' };
    if (meetup) {
      const plan = planUpdateRequests(programme, meetup, today, sheetUrl);
      report.withoutEditors = plan.withoutEditors.map((w) => w.municipality);
      const pending: UpdateRequestMail[] = [];
      for (const m of plan.mails) {
        if (memory.has(sentKey(meetup.date, m.municipality))) report.alreadySent.push(m.municipality);
        else pending.push(m);
      }
      const { send, notSent } = limitToQuota(pending, pending.length ? mail.remainingDailyQuota() : 0);
      for (const m of send) {
        try {
          mail.send({ to: m.to, subject: m.subject, body: m.body, htmlBody: m.htmlBody });
        } catch (error) {
          report.failed.push({ municipality: m.municipality, error: error instanceof Error ? error.message : String(error) });
          continue;
        }
        memory.remember(sentKey(meetup.date, m.municipality), m.to.join(','));
        report.sent.push({ municipality: m.municipality, recipients: m.to });
      }
      report.notSent = notSent.map((m) => ({ municipality: m.municipality, recipients: m.to }));
    }
    report.message = message(report);
    return report;
  });
}

export interface InstallReport {
  installed: boolean;
  message: string;
}

/** `Herinneringen aanzetten`: one daily run for this spreadsheet; running it again adds none. */
export function installReminders(runtime: Runtime, schedule: ReminderSchedule): InstallReport {
  const report: InstallReport = schedule.ensureDaily()
    ? {
        installed: true,
        message: 'Herinneringen aangezet: 14 dagen voor elke meet-up krijgen de editors van gemeenten met openstaande acties één e-mail met het verzoek die bij te werken.',
      }
    : { installed: false, message: 'De herinneringen staan al aan: elke ochtend wordt gekeken of er binnen 14 dagen een meet-up is.' };
  runtime.notify?.(report.message, 'Regiomonitor', 10);
  return report;
}
