import { Cell, cellText } from '../sheet/cell';
import { TAB } from '../workbook/contract';
import { PeopleDigest } from '../rights/columnRights';

// What the edit trigger keeps in the document properties so a single-cell edit reads neither row 1
// nor Instellingen and Gemeenten: each tab's header row, and who is who. Also the names and keys the
// triggers are known by.

/** The installable triggers' handlers: public server functions, called by name. */
export const EDIT_HANDLER = 'onEditInstalled';
export const CHANGE_HANDLER = 'onChangeInstalled';
/** Who installed the triggers: a second installer would log every edit twice. */
export const TRIGGER_OWNER_KEY = 'regiomonitor.trigger.owner';
/** The sheet's time zone, kept with the trigger's properties so an edit need not ask the sheet for it. */
export const TIME_ZONE_KEY = 'regiomonitor.timeZone';

/** Tabs whose edits are stamped, numbered and logged. */
export const WATCHED_TABS: readonly string[] = [TAB.actions, TAB.ledger];

/** Document property with a tab's header row, so a single-cell edit need not read row 1. */
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

/** Document property with who is who (core/rights/columnRights.ts), so an edit reads neither Instellingen nor Gemeenten. */
export const PEOPLE_CACHE_KEY = 'regiomonitor.people';

/** A document property holds at most 9 KB; a longer digest is not cached and the tabs are read instead. */
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
