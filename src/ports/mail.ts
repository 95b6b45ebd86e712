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
