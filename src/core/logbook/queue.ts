import { Cell, Grid } from '../sheet/cell';
import { NewAction, parseNewAction } from '../actions/add';
import { sha256Hex } from './chain';

/**
 * What waits for the project leader's executions, in the document properties: only the add-on's own
 * functions write those (in the add-on deployment nobody else's code reaches them), and every user's
 * execution can add to them, which the project leader's key cannot allow.
 * - A sidebar request: an official's "Actie toevoegen" (carried out with the project leader's rights,
 *   the server deciding Gemeente, ID and stamps), or the Logboek lines of a "Mijn acties" save (the
 *   official's execution may not hold the key, so the lines wait to be written and keyed).
 * - A missed edit: an edit the trigger could not handle (the document lock stayed taken), remembered
 *   so that the next run puts it right instead of keeping it silently.
 * Each is its own property, so two users adding at once never overwrite each other.
 */

export const REQUEST_PREFIX = 'regiomonitor.request.';
export const MISSED_PREFIX = 'regiomonitor.missed.';
/** A document property holds 9 KB; a request stays well within it. */
export const MAX_ENTRY_CHARS = 8_000;
/**
 * Waiting requests at most, in all and per user: beyond this the sidebar asks to try again later (the
 * project leader's triggers have not run for a long while). Per user, so that one person's script
 * cannot fill the queue for everyone; in all, so that the document properties (500 KB) keep room.
 */
export const MAX_WAITING = 300;
export const MAX_WAITING_PER_USER = 25;

/** A cell as JSON: dates as `{ "d": ms }`. */
type JsonCell = string | number | boolean | { d: number };

export function toJsonCell(cell: Cell | undefined): JsonCell {
  if (cell instanceof Date) return { d: cell.getTime() };
  if (cell === null || cell === undefined) return '';
  return cell;
}

export function fromJsonCell(value: unknown): Cell {
  if (value && typeof value === 'object' && typeof (value as { d?: unknown }).d === 'number') return new Date((value as { d: number }).d);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return '';
}

export interface AddActionRequest {
  kind: 'addAction';
  /** Who asked (the address Google gave the official's execution). */
  by: string;
  /** When, ISO instant. */
  at: string;
  municipality: string;
  action: NewAction;
}

export interface LogRequest {
  kind: 'log';
  by: string;
  at: string;
  /** Logboek lines (Tijdstip … Nieuw) as the save made them. */
  lines: Grid;
  /** The row the save changed, to bring the row copy up to date. */
  tab: string;
  id: string;
  row: number;
}

export type Request = AddActionRequest | LogRequest;

/** Keys sort in the order requests were made: time, then (within one run and millisecond) a count. */
let made = 0;
function orderedKey(prefix: string, at: Date, random: () => number): string {
  made = (made + 1) % 36 ** 4;
  return `${prefix}${at.getTime().toString(36).padStart(9, '0')}.${made.toString(36).padStart(4, '0')}${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

/** A short tag of who asked, in the key, so requests can be counted per user without reading them. */
export function requesterTag(email: string): string {
  return sha256Hex(email.trim().toLowerCase()).slice(0, 10);
}

export function requestKey(at: Date, by: string, random: () => number = Math.random): string {
  return `${orderedKey(REQUEST_PREFIX, at, random)}.${requesterTag(by)}`;
}

export function encodeRequest(request: Request): string {
  const out = request.kind === 'log' ? { ...request, lines: request.lines.map((l) => l.map(toJsonCell)) } : request;
  return JSON.stringify(out);
}

/** A stored request, or null for anything that is not one (never trusted further than it is checked here). */
export function decodeRequest(value: string | null | undefined): Request | null {
  try {
    const p = value ? (JSON.parse(value) as Record<string, unknown>) : null;
    if (!p || typeof p.by !== 'string' || typeof p.at !== 'string') return null;
    if (p.kind === 'addAction' && typeof p.municipality === 'string') {
      const parsed = parseNewAction(p.action);
      return parsed.ok ? { kind: 'addAction', by: p.by, at: p.at, municipality: p.municipality, action: parsed.action } : null;
    }
    if (p.kind === 'log' && Array.isArray(p.lines) && typeof p.tab === 'string' && typeof p.id === 'string' && typeof p.row === 'number') {
      const lines = (p.lines as unknown[]).filter(Array.isArray).map((l) => (l as unknown[]).slice(0, 6).map(fromJsonCell));
      return { kind: 'log', by: p.by, at: p.at, lines, tab: p.tab, id: p.id, row: p.row };
    }
  } catch {
    // unreadable: not a request
  }
  return null;
}

/** The waiting requests in the order they were made, with their property keys. */
export function waitingRequests(properties: Readonly<Record<string, string>>): { key: string; request: Request | null }[] {
  return Object.keys(properties)
    .filter((k) => k.startsWith(REQUEST_PREFIX))
    .sort()
    .map((key) => ({ key, request: decodeRequest(properties[key]) }));
}

/** An edit event the trigger could not handle, as remembered. */
export interface MissedEdit {
  tab: string;
  /** `K2` or `A7:N7`. */
  range: string;
  user: string;
  /** When, ms since the epoch. */
  at: number;
  /** Single cell only: what Apps Script gave as new and old value. */
  value?: Cell;
  oldValue?: Cell;
}

export function missedKey(at: Date, random: () => number = Math.random): string {
  return orderedKey(MISSED_PREFIX, at, random);
}

export function encodeMissed(edit: MissedEdit): string {
  const { value, oldValue, ...rest } = edit;
  return JSON.stringify({ ...rest, ...(value !== undefined ? { value: toJsonCell(value) } : {}), ...(oldValue !== undefined ? { oldValue: toJsonCell(oldValue) } : {}) });
}

export function decodeMissed(value: string | null | undefined): MissedEdit | null {
  try {
    const p = value ? (JSON.parse(value) as Record<string, unknown>) : null;
    if (!p || typeof p.tab !== 'string' || typeof p.range !== 'string' || typeof p.user !== 'string' || typeof p.at !== 'number') return null;
    const edit: MissedEdit = { tab: p.tab, range: p.range, user: p.user, at: p.at };
    if ('value' in p) edit.value = fromJsonCell(p.value);
    if ('oldValue' in p) edit.oldValue = fromJsonCell(p.oldValue);
    return edit;
  } catch {
    return null;
  }
}

/** The missed edits, newest first: putting them right in that order undoes them as they were made. */
export function missedEdits(properties: Readonly<Record<string, string>>): { key: string; edit: MissedEdit | null }[] {
  return Object.keys(properties)
    .filter((k) => k.startsWith(MISSED_PREFIX))
    .map((key) => ({ key, edit: decodeMissed(properties[key]) }))
    .sort((a, b) => (b.edit?.at ?? 0) - (a.edit?.at ?? 0));
}

/** True when something waits for the project leader's executions. */
export function somethingWaits(properties: Readonly<Record<string, string>>): boolean {
  return Object.keys(properties).some((k) => k.startsWith(REQUEST_PREFIX) || k.startsWith(MISSED_PREFIX));
}
