import { CellWrite } from '../adapters/workbook';
import { Cell, Grid, cellText, isBlank } from '../core/cell';
import { LAYOUT, TAB } from '../core/contract';
import { EditRecord, auditRows } from '../core/audit';
import { escapeCellText } from '../core/escape';
import { ID_FORMATS, IdKind, formatId, idKindOfTab, idNumber, readCounter } from '../core/ids';

/**
 * The edit trigger's decisions, free of Apps Script so they can be tested directly: what to stamp,
 * which ID to give, which cell to mark, what to log. src/server/edits.ts does the reads and writes
 * with as few service calls as it can.
 */

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

/** 1-based column of a header (trimmed, case-insensitive), or 0 when absent. */
export function columnOf(headers: readonly string[], header: string): number {
  const key = header.trim().toLowerCase();
  return headers.findIndex((h) => h.trim().toLowerCase() === key) + 1;
}

/** The note put on a cell whose value is not in its dropdown. Starts with the add-on's name so it is recognisable. */
export const NOTE_PREFIX = 'Regiomonitor: ';

/** Fixed-list dropdowns of a tab by header (lists read from other tabs are checked by the budget check). */
function fixedDropdowns(tab: string): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  const dropdowns = LAYOUT[tab as keyof typeof LAYOUT]?.dropdowns ?? {};
  for (const [header, dropdown] of Object.entries(dropdowns)) if ('values' in dropdown) out.set(header.toLowerCase(), dropdown.values);
  return out;
}

function outsideList(value: Cell | undefined, list: readonly string[]): boolean {
  if (value === undefined || isBlank(value)) return false;
  const text = cellText(value).trim().toLowerCase();
  return !list.some((v) => v.toLowerCase() === text);
}

/** An edit as the handler sees it: the audit record's block of cells, plus what planning needs. */
export interface EditInput extends Omit<EditRecord, 'at' | 'newValues'> {
  /** New values of every edited cell. */
  newValues: Cell[][];
  /** The current `ID` of each edited row (top to bottom), when the tab has an ID column. */
  rowIds: Cell[];
  now: Date;
  /** Row 1 of the tab as cached. */
  headers: readonly string[];
  /** Document properties as read (ID counters). */
  properties: Readonly<Record<string, string>>;
}

export interface EditPlan {
  /** Writes into the edited tab: IDs and stamps only. */
  cells: CellWrite[];
  /** Notes to set ('' clears one the add-on set before). */
  notes: { row: number; column: number; note: string }[];
  logRows: Grid;
  /** Properties to store (the new ID counter), empty when nothing changed. */
  properties: Record<string, string>;
  /** True when the header row was edited: the cached headers must be read again. */
  headersChanged: boolean;
}

/**
 * What one edit of `Acties` or `Mutaties` leads to:
 * - every changed cell is logged (old value `(onbekend)` where Apps Script gives none);
 * - an `Acties` row gets `Bijgewerkt op`/`Bijgewerkt door`, unless the edit only blanked cells of a
 *   row without ID (a row being emptied must not be kept alive by its stamps);
 * - a row without ID that now holds a value gets the next ID; an ID typed by hand moves the counter
 *   so the add-on never issues it again;
 * - a value outside a fixed dropdown gets a note, never a replacement; the note goes when the value
 *   is fixed.
 * The header row is only logged. Edits of the stamp columns themselves are not stamped again.
 */
export function planEdit(input: EditInput): EditPlan {
  const plan: EditPlan = { cells: [], notes: [], logRows: [], properties: {}, headersChanged: false };
  if (!WATCHED_TABS.includes(input.tab)) return plan;
  plan.logRows = auditRows({ ...input, at: input.now });
  if (input.row === 1) plan.headersChanged = true;

  const kind: IdKind | null = idKindOfTab(input.tab);
  const idColumn = columnOf(input.headers, 'ID');
  const stampOn = input.tab === TAB.actions ? columnOf(input.headers, 'Bijgewerkt op') : 0;
  const stampBy = input.tab === TAB.actions ? columnOf(input.headers, 'Bijgewerkt door') : 0;
  const stampColumns = new Set([stampOn, stampBy].filter((c) => c > 0));
  const dropdowns = fixedDropdowns(input.tab);
  const counterKey = kind ? ID_FORMATS[kind].propertyKey : '';
  let highest = kind ? readCounter(input.properties[counterKey]) : 0;
  const startHighest = highest;
  const editedColumns = Array.from({ length: input.numColumns }, (_, j) => input.column + j);

  for (let i = 0; i < input.numRows; i++) {
    const row = input.row + i;
    if (row === 1) continue;
    const values = input.newValues[i] ?? [];
    const anyValue = values.some((v) => !isBlank(v));
    const ownColumnsOnly = editedColumns.every((c) => stampColumns.has(c));

    // IDs: a hand-typed one moves the counter; a row without one gets the next.
    let id = input.rowIds[i];
    if (kind && idColumn >= input.column && idColumn < input.column + input.numColumns) {
      id = values[idColumn - input.column] ?? '';
      const typed = idNumber(kind, cellText(id));
      if (typed !== null && typed > highest) highest = typed;
    }
    const hasId = !isBlank(id ?? null);
    if (kind && idColumn > 0 && !hasId && anyValue && !ownColumnsOnly) {
      highest += 1;
      plan.cells.push({ row, column: idColumn, value: formatId(kind, highest) });
    }

    if (stampOn && stampBy && !ownColumnsOnly && (anyValue || hasId)) {
      plan.cells.push({ row, column: stampOn, value: input.now }, { row, column: stampBy, value: escapeCellText(input.user) });
    }

    for (let j = 0; j < input.numColumns; j++) {
      const column = input.column + j;
      const header = (input.headers[column - 1] ?? '').trim().toLowerCase();
      const list = dropdowns.get(header);
      if (!list) continue;
      const value = values[j];
      if (outsideList(value, list)) {
        plan.notes.push({ row, column, note: `${NOTE_PREFIX}"${cellText(value)}" staat niet in de keuzelijst (${list.join(', ')}). De waarde is bewaard; de budgetcontrole meldt hem in Controles.` });
      } else if (outsideList(input.oldValues?.[i]?.[j], list)) {
        plan.notes.push({ row, column, note: '' });
      }
    }
  }
  if (kind && highest !== startHighest) plan.properties[counterKey] = String(highest);
  return plan;
}
