import { MailPort, ReminderSchedule, SentMemory } from '../../ports/mail';

/** The public server function the daily trigger calls. */
export const REMINDER_HANDLER = 'sendUpdateRequests';
/** Hour of the day (spreadsheet time zone) the daily run starts: before the working day. */
const REMINDER_HOUR = 7;

/**
 * A time-driven trigger has no active spreadsheet in an add-on, so each trigger remembers (in the
 * installing user's properties) which spreadsheet it serves.
 */
const triggerKey = (triggerUid: string) => `regiomonitor.reminders.trigger.${triggerUid}`;

/** One daily trigger per spreadsheet and user, over ScriptApp. */
export function appsScriptReminderSchedule(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): ReminderSchedule {
  return {
    ensureDaily(): boolean {
      const id = spreadsheet.getId();
      const userProperties = PropertiesService.getUserProperties();
      const mine = ScriptApp.getProjectTriggers().filter(
        (t) => t.getHandlerFunction() === REMINDER_HANDLER && t.getEventType() === ScriptApp.EventType.CLOCK && (userProperties.getProperty(triggerKey(t.getUniqueId())) ?? id) === id,
      );
      if (mine.length) return false;
      const trigger = ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().everyDays(1).atHour(REMINDER_HOUR).inTimezone(spreadsheet.getSpreadsheetTimeZone()).create();
      userProperties.setProperty(triggerKey(trigger.getUniqueId()), id);
      return true;
    },
  };
}

export function reminderSpreadsheet(event?: { triggerUid?: string }): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const active = SpreadsheetApp.getActive();
  if (active) return active;
  const id = event?.triggerUid ? PropertiesService.getUserProperties().getProperty(triggerKey(event.triggerUid)) : null;
  if (!id) throw new Error('Regiomonitor: onbekend werkboek voor deze herinnering; zet de herinneringen opnieuw aan vanuit het menu.');
  return SpreadsheetApp.openById(id);
}

export function mailAppPort(): MailPort {
  return {
    remainingDailyQuota: () => MailApp.getRemainingDailyQuota(),
    send: (m) => MailApp.sendEmail({ to: m.to.join(','), subject: m.subject, body: m.body, htmlBody: m.htmlBody, name: 'Regiomonitor' }),
  };
}

/** Document properties read once per run; each sent mail is written straight away. */
export function documentPropertiesMemory(properties: GoogleAppsScript.Properties.Properties): SentMemory {
  const known = new Set(Object.keys(properties.getProperties()));
  return {
    has: (key) => known.has(key),
    remember: (key, value) => {
      properties.setProperty(key, value);
      known.add(key);
    },
  };
}

/** Document properties; where a trigger has no document, the user's, keyed by spreadsheet. */
function sentMemoryFor(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SentMemory {
  const document = PropertiesService.getDocumentProperties();
  if (document) return documentPropertiesMemory(document);
  const inner = documentPropertiesMemory(PropertiesService.getUserProperties());
  const scoped = (key: string) => `${spreadsheet.getId()}.${key}`;
  return { has: (key) => inner.has(scoped(key)), remember: (key, value) => inner.remember(scoped(key), value) };
}

/** What a reminder run sends with and remembers in, and the link its mails give. */
export function reminderPorts(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): { mail: MailPort; memory: SentMemory; sheetUrl: string } {
  const mail = mailAppPort();
  const memory = sentMemoryFor(spreadsheet);
  return { mail, memory, sheetUrl: spreadsheet.getUrl() };
}
