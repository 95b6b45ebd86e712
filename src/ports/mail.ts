/** Sending mail: MailApp in Apps Script, a recorder in tests. */
export interface MailPort {
  /** Recipients that may still be mailed today. */
  remainingDailyQuota(): number;
  send(mail: { to: string[]; subject: string; body: string; htmlBody: string }): void;
}

/** Where sent requests are remembered across runs: document properties in Apps Script. */
export interface SentMemory {
  has(key: string): boolean;
  remember(key: string, value: string): void;
}

/** When the reminder run happens: a daily trigger in Apps Script. */
export interface ReminderSchedule {
  /** Makes sure the daily run is scheduled for this spreadsheet; true when this call scheduled it. */
  ensureDaily(): boolean;
}
