import { Day, addDays, daysBetween, formatDay } from '../values/dates';
import { escapeHtml } from '../values/html';
import { Action, Meetup, Programme, Settings } from '../workbook/model';
import { inSentence } from './words';
import { naturalCompare } from '../workbook/ids';
import { neighbours } from './choice';
import { compareText } from '../values/text';

/** How far ahead of a meet-up the editors are asked to bring their actions up to date. */
export const REQUEST_DAYS_BEFORE = 14;
/** An open action not updated for longer than this is stale. */
export const STALE_AFTER_DAYS = 90;

export interface RequestedAction {
  id: string;
  title: string;
  status: string;
  deadline: Day | null;
  updatedOn: Day | null;
  /** Dutch reasons: `deadline verstreken`, `deadline nadert`, `niet bijgewerkt sinds 01-10-2024`. */
  reasons: string[];
}

export interface UpdateRequestMail {
  municipality: string;
  meetupDate: Day;
  to: string[];
  subject: string;
  body: string;
  htmlBody: string;
  actions: RequestedAction[];
}

export interface UpdateRequestPlan {
  mails: UpdateRequestMail[];
  /** Municipalities with actions to update but no editors in `Gemeenten`: nobody to ask. */
  withoutEditors: { municipality: string; actionIds: string[] }[];
}

/** The planned meet-up the reminders are for: today or within the next 14 days (the earliest). */
export function dueMeetup(meetups: readonly Meetup[], today: Day): Meetup | null {
  const due = meetups
    .filter((m) => {
      const ahead = daysBetween(today, m.date);
      return ahead >= 0 && ahead <= REQUEST_DAYS_BEFORE;
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
  return due[0] ?? null;
}

/**
 * The agenda discusses what is due before the meet-up after this one, at any rhythm (every six
 * weeks, four times a year); without a later one, the next three months.
 */
function dueBefore(programme: Programme, meetup: Meetup): Day {
  return neighbours(programme.meetups, meetup).next?.date ?? addDays(meetup.date, 91);
}

function reasonsFor(action: Action, due: Day, today: Day): string[] {
  const reasons: string[] = [];
  if (action.deadline !== null && action.deadline < today) reasons.push(`deadline verstreken (${formatDay(action.deadline)})`);
  else if (action.deadline !== null && action.deadline < due) reasons.push(`deadline nadert (${formatDay(action.deadline)})`);
  if (action.updatedOn === null) reasons.push('nog nooit bijgewerkt');
  else if (daysBetween(action.updatedOn, today) > STALE_AFTER_DAYS) reasons.push(`niet bijgewerkt sinds ${formatDay(action.updatedOn)}`);
  return reasons;
}

/**
 * One mail per municipality with open actions that need an update before the meet-up: past
 * deadline, due before the meet-up after this one, or stale. Regional actions are the project leader's own
 * and are not mailed. Pure: the caller sends and remembers.
 */
export function planUpdateRequests(programme: Programme, meetup: Meetup, today: Day, sheetUrl: string): UpdateRequestPlan {
  const plan: UpdateRequestPlan = { mails: [], withoutEditors: [] };
  const municipalities = programme.municipalities.slice().sort((a, b) => compareText(a.name, b.name));
  const due = dueBefore(programme, meetup);
  for (const m of municipalities) {
    const actions: RequestedAction[] = programme.actions
      .filter((a) => a.municipality === m.name && a.status !== 'Afgerond' && a.status !== 'Geschrapt')
      .map((a) => ({ id: a.id, title: a.title, status: a.status, deadline: a.deadline, updatedOn: a.updatedOn, reasons: reasonsFor(a, due, today) }))
      .filter((a) => a.reasons.length > 0)
      .sort((a, b) => naturalCompare(a.id, b.id));
    if (!actions.length) continue;
    if (!m.editors.length) {
      plan.withoutEditors.push({ municipality: m.name, actionIds: actions.map((a) => a.id) });
      continue;
    }
    const to = [...new Set(m.editors.map((e) => e.toLowerCase()))].sort(compareText);
    plan.mails.push({ municipality: m.name, meetupDate: meetup.date, to, actions, ...mailText(programme.settings, m.name, meetup, actions, sheetUrl) });
  }
  return plan;
}

/**
 * The mail in the region's own words: `Overleg` and `Programma` from Instellingen (never another
 * region's), phrased so that any noun fits (`een ambtelijke meet-up`, `een regionaal overleg`).
 */
function mailText(settings: Settings, municipality: string, meetup: Meetup, actions: RequestedAction[], sheetUrl: string): { subject: string; body: string; htmlBody: string } {
  const date = formatDay(meetup.date);
  const meetingName = settings.meetingName.trim();
  const programme = [settings.programmeName.trim(), settings.region.trim()].filter(Boolean).join(' ');
  const subject = `Verzoek: acties ${municipality} bijwerken vóór ${date}${meetingName ? ` (${meetingName})` : ''}`;
  const about = [programme, meetup.theme ? `thema: ${meetup.theme}` : ''].filter(Boolean).join(', ');
  const meeting = `een ${meetingName ? inSentence(meetingName) : 'bijeenkomst'}${about ? ` (${about})` : ''}`;
  const intro = `Op ${date} is er ${meeting}. Wil je vóór die datum de stand van de volgende acties van gemeente ${municipality} bijwerken in het werkboek? Pas waar nodig Status, Deadline en Toelichting aan; dan is de voortgang op de agenda actueel.`;
  const line = (a: RequestedAction) => `${a.id} ${a.title} (status ${a.status}${a.deadline ? `, deadline ${formatDay(a.deadline)}` : ''}): ${a.reasons.join('; ')}`;
  const closing = 'Met vriendelijke groet,';
  const signature = `De projectleider${programme ? ` ${programme}` : ''}`;
  const body = [
    'Beste collega,',
    '',
    intro,
    '',
    ...actions.map((a) => `- ${line(a)}`),
    '',
    `Werkboek: ${sheetUrl}`,
    '',
    'Je ontvangt dit bericht omdat je in het werkboek als editor van je gemeente staat.',
    '',
    closing,
    signature,
    '',
  ].join('\n');
  const htmlBody = [
    '<p>Beste collega,</p>',
    `<p>${escapeHtml(intro)}</p>`,
    `<ul>${actions.map((a) => `<li>${escapeHtml(line(a))}</li>`).join('')}</ul>`,
    `<p><a href="${escapeHtml(sheetUrl)}">Open het werkboek</a></p>`,
    '<p>Je ontvangt dit bericht omdat je in het werkboek als editor van je gemeente staat.</p>',
    `<p>${escapeHtml(closing)}<br>${escapeHtml(signature)}</p>`,
  ].join('\n');
  return { subject, body, htmlBody };
}

export interface QuotaSplit {
  send: UpdateRequestMail[];
  notSent: UpdateRequestMail[];
}

/**
 * MailApp's daily quota counts recipients, not mails. Mails are taken in order while their
 * recipients fit; one that does not fit waits for tomorrow's run, and a smaller one after it may
 * still go, so the quota is used without ever being exceeded.
 */
export function limitToQuota(mails: readonly UpdateRequestMail[], remainingRecipients: number): QuotaSplit {
  let left = Math.max(0, Math.floor(remainingRecipients));
  const split: QuotaSplit = { send: [], notSent: [] };
  for (const mail of mails) {
    if (mail.to.length <= left) {
      split.send.push(mail);
      left -= mail.to.length;
    } else {
      split.notSent.push(mail);
    }
  }
  return split;
}
