/** How long a run waits for another run (a user's, or an edit trigger's) to finish before giving up. */
export const LOCK_WAIT_MS = 30_000;
/**
 * How long the edit trigger tries for the lock after it has read the edited row (a single cell that
 * needs an ID): short, because what it read may change meanwhile; a miss is remembered and put right.
 */
export const LOCK_TRY_MS = 3_000;

type Lock = GoogleAppsScript.Lock.Lock;

function documentLockObject(): Lock {
  return LockService.getDocumentLock() ?? LockService.getScriptLock();
}

/** Runs `fn` holding `lock`; writes are flushed while it is still held. */
function holding<T>(lock: Lock, fn: () => T): T {
  try {
    const result = fn();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

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
    const lock = documentLockObject();
    try {
      lock.waitLock(LOCK_WAIT_MS);
    } catch {
      throw new Error(busyMessage);
    }
    depth++;
    try {
      return holding(lock, fn);
    } finally {
      depth--;
    }
  };
}

/**
 * For triggers, which nobody waits for: `fn` holding the document lock, or `busy` when the lock
 * stays taken. `wait`: wait for it (nothing read yet), or only try briefly (already read).
 */
export function underDocumentLock<T>(how: 'wait' | 'try', fn: () => T, busy: () => T): T {
  const lock = documentLockObject();
  if (how === 'wait') {
    try {
      lock.waitLock(LOCK_WAIT_MS);
    } catch {
      return busy();
    }
  } else if (!lock.tryLock(LOCK_TRY_MS)) {
    return busy();
  }
  return holding(lock, fn);
}
