/** How long a run waits for another run (a user's, or an edit trigger's) to finish before giving up. */
export const LOCK_WAIT_MS = 30_000;

/**
 * The document lock, the one place that takes it: two runs must not hand out one ID, interleave
 * their writes or append to Logboek at once. Writes are flushed while the lock is still held. A
 * holder that is asked again while it holds the lock (a service calling another) does not wait for
 * itself. `busyMessage` is what the user reads when the wait runs out.
 */
export function documentLock(busyMessage: string): <T>(fn: () => T) => T {
  let depth = 0;
  return <T>(fn: () => T): T => {
    if (depth > 0) return fn();
    const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
    try {
      lock.waitLock(LOCK_WAIT_MS);
    } catch {
      throw new Error(busyMessage);
    }
    depth++;
    try {
      const result = fn();
      SpreadsheetApp.flush();
      return result;
    } finally {
      depth--;
      lock.releaseLock();
    }
  };
}
