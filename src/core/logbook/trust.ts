import { ChainHead, readHead } from './chain';
import { ANCHOR_KEY, LOG_KEY, SEALED_HEAD_KEY } from './editCache';
import { Anchor, KeyedHead, isKey, readAnchor, readKeyedHead } from './keyed';
import { LogTrust } from './verify';

/** The keyed chain as the trigger owner's user properties hold it. */
export interface KeyedState {
  key: string;
  anchor: Anchor;
  head: KeyedHead;
}

/** The keyed state from a read of the runner's user properties; null when the runner holds no key. */
export function keyedState(properties: Readonly<Record<string, string>>): KeyedState | null {
  const key = properties[LOG_KEY];
  if (!isKey(key)) return null;
  const anchor = readAnchor(properties[ANCHOR_KEY]) ?? { lines: 0, hash: '' };
  const head = readKeyedHead(properties[SEALED_HEAD_KEY]) ?? { lines: 0, hash: anchor.hash, row: 0 };
  return { key, anchor, head };
}

/**
 * The first keyed run: a new key, and the unkeyed chain anchored at the head the document properties
 * kept for it (whatever follows that head in Logboek was never vouched for). Sealing starts after
 * Logboek's last row. Returns the user properties to store.
 */
export function startKeyedChain(key: string, legacyHead: ChainHead, logLastRow: number): Record<string, string> {
  const anchor: Anchor = { lines: legacyHead.lines, hash: legacyHead.hash };
  const head: KeyedHead = { lines: 0, hash: anchor.hash, row: Math.max(1, logLastRow) };
  return { [LOG_KEY]: key, [ANCHOR_KEY]: JSON.stringify(anchor), [SEALED_HEAD_KEY]: JSON.stringify(head) };
}

/** Who judges Logboek in a check: the keyed state when the runner holds it, else the unkeyed head (see verifyLogbook). */
export function logTrust(state: KeyedState | null, legacyHead: string | null | undefined): LogTrust {
  return state ? { kind: 'keyed', ...state } : { kind: 'unkeyed', head: readHead(legacyHead) };
}
