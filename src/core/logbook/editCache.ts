import { Cell, cellText } from '../sheet/cell';
import { TAB } from '../workbook/contract';
import { PeopleDigest } from '../rights/columnRights';

// What the edit trigger keeps so a single-cell edit reads neither row 1 nor Instellingen and
// Gemeenten: each tab's header row, and who is who. Also the names and keys the triggers are known by.
//
// Two stores. The project leader's user properties (the trigger owner's own, which no one else's
// execution can read) hold the Logboek key, the chain's heads and the trigger's caches: a single-cell
// edit reads that one store and nothing else. The document properties (shared by everyone's
// executions, written only by the add-on's functions) hold the ID counters, who owns the triggers,
// and what waits for the project leader (core/logbook/queue.ts).

/** The installable triggers' handlers: public server functions, called by name. */
export const EDIT_HANDLER = 'onEditInstalled';
export const CHANGE_HANDLER = 'onChangeInstalled';
/** Who installed the triggers: a second installer would log every edit twice. */
export const TRIGGER_OWNER_KEY = 'regiomonitor.trigger.owner';
/** The sheet's time zone, kept with the trigger's caches so an edit need not ask the sheet for it. */
export const TIME_ZONE_KEY = 'regiomonitor.timeZone';

/** User properties of the trigger owner: the Logboek key (core/logbook/keyed.ts). */
export const LOG_KEY = 'regiomonitor.log.key';
/** User properties: the sealed head of the keyed chain. */
export const SEALED_HEAD_KEY = 'regiomonitor.log.sealed';
/** User properties: the unkeyed chain's head when the key was made. */
export const ANCHOR_KEY = 'regiomonitor.log.anchor';
/** User properties: rows the hidden row copy has, so an edit writes its row without asking the sheet. */
export const COPY_ROWS_KEY = 'regiomonitor.copy.rows';
/** Document property: when Logboek was last sealed (ISO instant), so the change trigger knows when to seal again. */
export const SEALED_AT_KEY = 'regiomonitor.log.sealedAt';
/** Document property: the Logboek findings of the project leader's last check, for checks by whoever lacks the key. */
export const REVIEW_KEY = 'regiomonitor.log.review';
/** While people edit, the project leader's catch-up seals Logboek at least this often. */
export const SEAL_EVERY_MS = 10 * 60_000;

/** Tabs whose edits are stamped, numbered and logged. */
export const WATCHED_TABS: readonly string[] = [TAB.actions, TAB.ledger];

/** User property with a tab's header row, so a single-cell edit need not read row 1. */
export function headerCacheKey(tab: string): string {
  return `regiomonitor.headers.${tab}`;
}

export function encodeHeaders(headerRow: readonly Cell[]): string {
  return JSON.stringify(headerRow.map((c) => cellText(c)));
}

export function decodeHeaders(value: string | null | undefined): string[] | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((h) => typeof h === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/** User property with who is who (core/rights/columnRights.ts), so an edit reads neither Instellingen nor Gemeenten. */
export const PEOPLE_CACHE_KEY = 'regiomonitor.people';

/** A property holds at most 9 KB; a longer digest is not cached and the tabs are read instead. */
const MAX_PROPERTY = 9000;

export function encodePeople(people: PeopleDigest): string | null {
  const text = JSON.stringify(people);
  return text.length <= MAX_PROPERTY ? text : null;
}

export function decodePeople(value: string | null | undefined): PeopleDigest | null {
  if (!value) return null;
  try {
    const p = JSON.parse(value) as PeopleDigest;
    return typeof p.leader === 'string' && typeof p.controller === 'string' && Array.isArray(p.municipalities) ? p : null;
  } catch {
    return null;
  }
}
