import { LOG_HEAD_KEY, readHead } from '../../core/logbook/chain';
import {
  COPY_ROWS_KEY, PEOPLE_CACHE_KEY, TIME_ZONE_KEY, TRIGGER_OWNER_KEY, decodeHeaders, decodePeople, encodeHeaders, encodePeople, headerCacheKey,
} from '../../core/logbook/editCache';
import { keyFrom } from '../../core/logbook/keyed';
import { MissedEdit, encodeMissed, missedKey } from '../../core/logbook/queue';
import { KeyedState, keyedState, startKeyedChain } from '../../core/logbook/trust';
import { PeopleDigest, digestPeople } from '../../core/rights/columnRights';
import { readPeopleTabs } from '../../core/rights/people';
import { Cell } from '../../core/sheet/cell';
import { logSheet } from './logbookSheet';
import { copySheet, readCopySheet, writeCopy } from './rowCopySheet';
import { readCopy } from '../../core/logbook/rowCopy';
import { appsScriptRuntime } from './runtime';
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

/**
 * What the triggers start from: the trigger owner's user properties, read in one call. They hold the
 * Logboek key (which proves this execution is the owner's: nobody else's user properties have it)
 * and the caches that spare a single-cell edit from reading row 1, Instellingen and Gemeenten.
 */
export interface OwnerState {
  store: Properties;
  stored: Record<string, string>;
  keyed: KeyedState;
  /** User properties to write back at the end of the run. */
  toStore: Record<string, string>;
}

/** A new key from four random UUIDs (Utilities.getUuid uses a secure random source). */
export function newLogKey(): string {
  return keyFrom([0, 1, 2, 3].map(() => Utilities.getUuid()).join(''));
}

function effectiveEmail(): string {
  try {
    return (Session.getEffectiveUser().getEmail() || '').trim().toLowerCase();
  } catch {
    return '';
  }
}

/**
 * The trigger owner's state. A trigger installed before the key existed makes it on its first run:
 * only when it runs as the owner named in the document properties; from anyone else's account the
 * handlers refuse, as they would write as that person.
 */
export function ownerState(spreadsheet: Spreadsheet, handler: string): OwnerState {
  const store = PropertiesService.getUserProperties();
  const stored = store.getProperties();
  const keyed = keyedState(stored);
  if (keyed) return { store, stored, keyed, toStore: {} };
  const shared = PropertiesService.getDocumentProperties().getProperties();
  const owner = (shared[TRIGGER_OWNER_KEY] ?? '').toLowerCase();
  if (!owner || effectiveEmail() !== owner) {
    throw new Error(`${handler} draait alleen als trigger van de projectleider die Regiomonitor › Bewerkingen bijhouden aanzette${owner ? ` (${owner})` : ''}; niet vanuit een andere account.`);
  }
  // The first keyed run: the unkeyed chain is anchored where the document properties left it, and
  // the trigger's caches move from the document properties to the owner's own.
  const start = startKeyedChain(newLogKey(), readHead(shared[LOG_HEAD_KEY]), logSheet(spreadsheet).getLastRow());
  for (const key of Object.keys(shared)) if (key === PEOPLE_CACHE_KEY || key === TIME_ZONE_KEY || key.startsWith(headerCacheKey(''))) start[key] = shared[key];
  // The row copy of an earlier version had another layout: rewritten in this one, with all it
  // knows, so rows deleted meanwhile are still found by the change trigger.
  start[COPY_ROWS_KEY] = String(writeCopy(copySheet(spreadsheet), readCopy(readCopySheet(spreadsheet))));
  store.setProperties(start);
  Object.assign(stored, start);
  return { store, stored, keyed: keyedState(stored)!, toStore: {} };
}

/** Row 1 of a tab, from the cache or read (and then cached). */
export function headersOf(state: OwnerState, sheet: Sheet, tab: string, reread: boolean): string[] {
  const cached = reread ? null : decodeHeaders(state.toStore[headerCacheKey(tab)] ?? state.stored[headerCacheKey(tab)]);
  if (cached) return cached;
  const lastColumn = sheet.getLastColumn();
  const headers = lastColumn < 1 ? [] : (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as Cell[]).map((c) => String(c ?? ''));
  state.toStore[headerCacheKey(tab)] = encodeHeaders(headers);
  return headers;
}

/** Who is who, from the cache or else from the two tabs (and then cached). */
export function peopleOf(state: OwnerState, spreadsheet: Spreadsheet): PeopleDigest {
  const cached = decodePeople(state.stored[PEOPLE_CACHE_KEY]);
  if (cached) return cached;
  const runtime = appsScriptRuntime(spreadsheet);
  const { settings, municipalities } = readPeopleTabs(runtime.workbook, () => runtime.today());
  const people = digestPeople(settings, municipalities);
  const encoded = encodePeople(people);
  if (encoded) state.toStore[PEOPLE_CACHE_KEY] = encoded;
  return people;
}

export function timeZoneOf(state: OwnerState, spreadsheet: Spreadsheet): string {
  const known = state.toStore[TIME_ZONE_KEY] ?? state.stored[TIME_ZONE_KEY];
  if (known) return known;
  return (state.toStore[TIME_ZONE_KEY] = spreadsheet.getSpreadsheetTimeZone());
}

export function copyRowsOf(state: OwnerState): number {
  return Number(state.toStore[COPY_ROWS_KEY] ?? state.stored[COPY_ROWS_KEY]) || 0;
}

export function saveOwnerState(state: OwnerState): void {
  const changed = Object.entries(state.toStore).filter(([k, v]) => state.stored[k] !== v);
  if (changed.length) state.store.setProperties(Object.fromEntries(changed));
}

/**
 * An edit the trigger could not handle (the document lock stayed taken): remembered in the document
 * properties, where the next run of either trigger, and the project leader's next check, find it and
 * put it right. One property per edit, so simultaneous misses never overwrite each other.
 */
export function rememberMissed(edit: MissedEdit): void {
  PropertiesService.getDocumentProperties().setProperty(missedKey(new Date(edit.at)), encodeMissed(edit));
  console.warn(`Regiomonitor: ${edit.tab} ${edit.range} kon niet meteen worden verwerkt (werkboek bezet); dit gebeurt bij de volgende bewerking of budgetcontrole.`);
}
