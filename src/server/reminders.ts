import { appsScriptReminderSchedule, reminderPorts, reminderSpreadsheet } from '../adapters/appsscript/reminders';
import { appsScriptRuntime } from '../adapters/appsscript/runtime';
import { authorizeCall } from '../app/authorize';
import { InstallReport, ReminderReport, installReminders as installService, sendUpdateRequests as sendService } from '../app/reminders';

/** Menu `Herinneringen aanzetten`: one daily trigger for this spreadsheet; running it again adds none. */
export function installReminders(): InstallReport {
  const base = appsScriptRuntime();
  return installService(authorizeCall(base, 'reminders').runtime, appsScriptReminderSchedule(base.spreadsheet));
}

/**
 * The daily trigger's handler: mails the update requests for the meet-up due within 14 days, within
 * MailApp's quota, never twice. What was not sent is in the report and the execution log.
 */
export function sendUpdateRequests(event?: { triggerUid?: string }): ReminderReport {
  const base = appsScriptRuntime(reminderSpreadsheet(event));
  // Run as the trigger of the project leader who installed it; from anyone else's console it is refused.
  const { runtime } = authorizeCall(base, 'reminders');
  const { mail, memory, sheetUrl } = reminderPorts(base.spreadsheet);
  const report = sendService(runtime, mail, memory, sheetUrl);
  console.log(report.message);
  return report;
}
