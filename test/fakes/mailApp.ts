/**
 * A fake MailApp: records every mail and enforces the daily quota the way Google does, counting
 * recipients (to, cc and bcc), and throwing when a mail would go beyond it. Calls are counted on the
 * main fake's ServiceCounter when one is given, so service-call assertions see MailApp too.
 */
import { ServiceCounter } from './spreadsheetApp';

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
}

interface MailMessage {
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body?: string;
  htmlBody?: string;
  name?: string;
}

const split = (list: string | undefined) => (list ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export class FakeMailApp {
  readonly sent: SentMail[] = [];
  constructor(
    public quota: number,
    private readonly counter: ServiceCounter | null = null,
  ) {}

  getRemainingDailyQuota(): number {
    this.counter?._count('MailApp.getRemainingDailyQuota');
    return this.quota;
  }

  sendEmail(messageOrTo: MailMessage | string, subject?: string, body?: string, options: Partial<MailMessage> = {}): void {
    this.counter?._count('MailApp.sendEmail');
    const m: MailMessage = typeof messageOrTo === 'string' ? { ...options, to: messageOrTo, subject: subject ?? '', body: body ?? '' } : messageOrTo;
    const mail: SentMail = { to: split(m.to), cc: split(m.cc), bcc: split(m.bcc), subject: m.subject, body: m.body ?? '', htmlBody: m.htmlBody ?? '', name: m.name ?? '' };
    const recipients = mail.to.length + mail.cc.length + mail.bcc.length;
    if (recipients === 0) throw new Error('Failed to send email: no recipient');
    if (recipients > this.quota) throw new Error('Service invoked too many times for one day: email.');
    this.quota -= recipients;
    this.sent.push(mail);
  }
}

export function installMailAppFake(options: { quota?: number; counter?: ServiceCounter; target?: object } = {}): { MailApp: FakeMailApp; uninstall(): void } {
  const target = (options.target ?? globalThis) as Record<string, unknown>;
  const previous = Object.getOwnPropertyDescriptor(target, 'MailApp');
  const mailApp = new FakeMailApp(options.quota ?? 100, options.counter ?? null);
  target.MailApp = mailApp;
  return {
    MailApp: mailApp,
    uninstall() {
      if (previous) Object.defineProperty(target, 'MailApp', previous);
      else delete target.MailApp;
    },
  };
}
