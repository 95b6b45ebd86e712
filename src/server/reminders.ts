import { MailPort, SentMemory } from '../ports/mail';
import { ReminderReport, sendUpdateRequests as sendService } from '../app/reminders';
import { appsScriptRuntime } from '../adapters/appsscript/runtime';
import { authorizeCall } from '../app/authorize';

export const REMINDER_HANDLER = 'sendUpdateRequests';
/** Hour of the day (spreadsheet time zone) the daily run starts: before the working day. */
const REMINDER_HOUR = 7;

/**
 * A time-driven trigger has no active spreadsheet in an add-on, so each trigger remembers (in the
 * installing user's properties) which spreadsheet it serves.
 */
const triggerKey = (triggerUid: string) => `regiomonitor.reminders.trigger.${triggerUid}`;

export interface InstallReport {
  installed: boolean;
  message: string;
}

/** Menu `Herinneringen aanzetten`: one daily trigger for this spreadsheet; running it again adds none. */
export function installReminders(): InstallReport {
  const spreadsheet = SpreadsheetApp.getActive();
  authorizeCall(appsScriptRuntime(spreadsheet), 'reminders');
  const id = spreadsheet.getId();
  const userProperties = PropertiesService.getUserProperties();
  const mine = ScriptApp.getProjectTriggers().filter(
    (t) => t.getHandlerFunction() === REMINDER_HANDLER && t.getEventType() === ScriptApp.EventType.CLOCK && (userProperties.getProperty(triggerKey(t.getUniqueId())) ?? id) === id,
  );
  let report: InstallReport;
  if (mine.length) {
    report = { installed: false, message: 'De herinneringen staan al aan: elke ochtend wordt gekeken of er binnen 14 dagen een meet-up is.' };
  } else {
    const trigger = ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().everyDays(1).atHour(REMINDER_HOUR).inTimezone(spreadsheet.getSpreadsheetTimeZone()).create();
    userProperties.setProperty(triggerKey(trigger.getUniqueId()), id);
    report = {
      installed: true,
      message: 'Herinneringen aangezet: 14 dagen voor elke meet-up krijgen de editors van gemeenten met openstaande acties één e-mail met het verzoek die bij te werken.',
    };
  }
  spreadsheet.toast(report.message, 'Regiomonitor', 10);
  return report;
}

function spreadsheetFor(event?: { triggerUid?: string }): GoogleAppsScript.Spreadsheet.Spreadsheet {
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

/**
 * The daily trigger's handler: mails the update requests for the meet-up due within 14 days, within
 * MailApp's quota, never twice. What was not sent is in the report and the execution log.
 */
export function sendUpdateRequests(event?: { triggerUid?: string }): ReminderReport {
  const spreadsheet = spreadsheetFor(event);
  // Run as the trigger of the project leader who installed it; from anyone else's console it is refused.
  const { runtime } = authorizeCall(appsScriptRuntime(spreadsheet), 'reminders');
  const report = sendService(runtime, mailAppPort(), sentMemoryFor(spreadsheet), spreadsheet.getUrl());
  console.log(report.message);
  return report;
}
