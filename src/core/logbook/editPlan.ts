import { CellWrite } from '../../ports/workbook';
import { Cell, Grid, cellText, isBlank } from '../sheet/cell';
import { LAYOUT, TAB } from '../workbook/contract';
import { EditRecord, auditRows, logValue } from './lines';
import { a1 } from '../sheet/a1';
import { columnOf, headerKey } from '../sheet/headers';
import { escapeCellText } from '../sheet/escape';
import { ID_FORMATS, IdKind, formatId, idKindOfTab, idNumber, readCounter } from '../workbook/ids';
import { ADDON_USER, KEPT_OUTSIDE_RIGHTS, PeopleDigest, editorLabel, mayChangeCell } from '../rights/columnRights';
import { WATCHED_TABS } from './editCache';

/**
 * The edit trigger's decisions, free of Apps Script so they can be tested directly: what to stamp,
 * which ID to give, which cell to mark, what to log. adapters/appsscript/editTrigger.ts does the
 * reads and writes with as few service calls as it can.
 */

/** The note put on a cell whose value is not in its dropdown. Starts with the add-on's name so it is recognisable. */
export const NOTE_PREFIX = 'Regiomonitor: ';

/** Fixed-list dropdowns of a tab by header (lists read from other tabs are checked by the budget check). */
function fixedDropdowns(tab: string): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  const dropdowns = LAYOUT[tab as keyof typeof LAYOUT]?.dropdowns ?? {};
  for (const [header, dropdown] of Object.entries(dropdowns)) if ('values' in dropdown) out.set(headerKey(header), dropdown.values);
  return out;
}

function outsideList(value: Cell | undefined, list: readonly string[]): boolean {
  if (value === undefined || isBlank(value)) return false;
  const text = cellText(value).trim().toLowerCase();
  return !list.some((v) => v.toLowerCase() === text);
}

/** An edit as the handler sees it: where, what was there (single cells only), what is there now. */
export interface EditInput extends Omit<EditRecord, 'at' | 'newValues' | 'user'> {
  /** E-mail of the editor; '' when Google does not reveal it (another domain than the trigger's owner). */
  user: string;
  /**
   * The edited rows as they are now, whole (from column A to the last header), top to bottom. New
   * values are read from here; so are the row's ID and Gemeente.
   */
  rows: Cell[][];
  /** Every ID elsewhere in the tab, when the edit includes the ID column (to catch a repeated ID). */
  otherIds?: readonly Cell[];
  people: PeopleDigest;
  now: Date;
  /** Row 1 of the tab as cached. */
  headers: readonly string[];
  /** Document properties as read (ID counters). */
  properties: Readonly<Record<string, string>>;
}

export interface EditPlan {
  /** Writes into the edited tab: IDs, stamps, and values put back after an edit outside one's rights. */
  cells: CellWrite[];
  /** Notes to set ('' clears one the add-on set before). */
  notes: { row: number; column: number; note: string }[];
  logRows: Grid;
  /** Properties to store (the new ID counter), empty when nothing changed. */
  properties: Record<string, string>;
  /** True when the header row was edited: the cached headers must be read again. */
  headersChanged: boolean;
  /** Who Logboek and `Bijgewerkt door` name. */
  label: string;
  /** Cells edited outside the editor's rights: put back (single cell) or kept and flagged (paste). */
  violations: { row: number; column: number; header: string; reverted: boolean }[];
}


const norm = (text: string) => text.trim().toLowerCase();

/**
 * What one edit of `Acties` or `Mutaties` leads to:
 * - rights first (core/rights/columnRights.ts): a cell the editor may not change is put back to its old
 *   value when Apps Script gives that value (a single cell), with a note saying what they typed and a
 *   Logboek line for both; in a paste the old value is unknown, so the value is kept, noted, and a
 *   Logboek line `buiten rechten bewaard` makes the budget check list it until the project leader acts.
 *   Nothing typed is lost silently: the note and Logboek keep it.
 * - every changed cell is logged (old value `(onbekend)` where Apps Script gives none), under the
 *   editor's address or, when Google hides it, the only people who could have made the edit
 *   (`editor van Tiel`);
 * - an `Acties` row gets `Bijgewerkt op`/`Bijgewerkt door`, unless nothing in it changed after all or
 *   the edit only blanked cells of a row without ID;
 * - a row without ID that now holds a value gets the next ID; an ID typed by hand moves the counter
 *   so the add-on never issues it again; an ID that repeats one elsewhere in the tab (a pasted row)
 *   is replaced by a fresh one, noted and logged;
 * - a value outside a fixed dropdown gets a note, never a replacement; the note goes when it is fixed.
 * The header row is only logged.
 */
export function planEdit(input: EditInput): EditPlan {
  const plan: EditPlan = { cells: [], notes: [], logRows: [], properties: {}, headersChanged: false, label: '', violations: [] };
  if (!WATCHED_TABS.includes(input.tab)) return plan;
  if (input.row === 1) plan.headersChanged = true;

  const kind: IdKind | null = idKindOfTab(input.tab);
  const idColumn = columnOf(input.headers, 'ID');
  const municipalityColumn = input.tab === TAB.actions ? columnOf(input.headers, 'Gemeente') : 0;
  const stampOn = input.tab === TAB.actions ? columnOf(input.headers, 'Bijgewerkt op') : 0;
  const stampBy = input.tab === TAB.actions ? columnOf(input.headers, 'Bijgewerkt door') : 0;
  const stampColumns = new Set([stampOn, stampBy].filter((c) => c > 0));
  const dropdowns = fixedDropdowns(input.tab);
  const counterKey = kind ? ID_FORMATS[kind].propertyKey : '';
  let highest = kind ? readCounter(input.properties[counterKey]) : 0;
  const startHighest = highest;
  const editedColumns = Array.from({ length: input.numColumns }, (_, j) => input.column + j);
  const single = input.numRows === 1 && input.numColumns === 1 && !!input.oldValues;
  const inEdit = (column: number) => column >= input.column && column < input.column + input.numColumns;
  const header = (column: number) => (input.headers[column - 1] ?? '').trim();
  const oldOf = (i: number, column: number): Cell | undefined => (inEdit(column) ? input.oldValues?.[i]?.[column - input.column] : input.rows[i]?.[column - 1]);

  // Each row's owner and whether it existed before this edit, as the rights see them.
  const rowFacts = input.rows.map((line, i) => {
    const idBefore = idColumn > 0 ? oldOf(i, idColumn) : 'x';
    const municipality = municipalityColumn > 0 ? cellText(oldOf(i, municipalityColumn) ?? line[municipalityColumn - 1]).trim() : '';
    // A paste over the ID column hides the old ID; an ID there now counts as existing.
    const existed = idColumn > 0 ? !isBlank(idBefore ?? (line[idColumn - 1] ?? null)) : true;
    return { municipality, existed };
  });
  const dataRows = input.rows.map((_, i) => input.row + i).filter((r) => r > 1);
  plan.label = editorLabel(input.user, input.tab, dataRows.length ? rowFacts.filter((_, i) => input.row + i > 1).map((f) => f.municipality) : [], input.people);
  const isLeader = !!input.user && norm(input.user) === norm(input.people.leader);

  // Values as they end up: what was typed, or the old value where the edit is put back.
  const finalValues: Cell[][] = input.rows.map((line) => editedColumns.map((c) => line[c - 1] ?? ''));
  const addOnLines: Grid = [];
  for (let i = 0; i < input.numRows; i++) {
    const row = input.row + i;
    if (row === 1) continue;
    const facts = rowFacts[i];
    for (const column of editedColumns) {
      const h = header(column);
      if (isLeader || mayChangeCell({ tab: input.tab, header: h, municipality: facts.municipality, existingRow: facts.existed, user: input.user, people: input.people })) continue;
      const typed = finalValues[i][column - input.column];
      const where = a1(row, column);
      const what = h ? `de kolom ${h}` : 'deze cel';
      if (single) {
        const old = input.oldValues![0][0] ?? '';
        finalValues[i][column - input.column] = old;
        plan.cells.push({ row, column, value: typeof old === 'string' ? escapeCellText(old) : old });
        plan.notes.push({ row, column, note: `${NOTE_PREFIX}${plan.label} typte "${cellText(typed)}", maar alleen de projectleider mag ${what} ${facts.existed ? 'wijzigen' : 'in een nieuwe rij vullen'}. De oude waarde is teruggezet; het getypte staat in Logboek.` });
        addOnLines.push([input.now, ADDON_USER, input.tab, where, logValue(typed), logValue(old)]);
        plan.violations.push({ row, column, header: h, reverted: true });
      } else {
        plan.notes.push({ row, column, note: `${NOTE_PREFIX}${plan.label} wijzigde ${what}, wat alleen de projectleider mag. De waarde is bewaard; de projectleider beslist (zie Controles en Logboek).` });
        addOnLines.push([input.now, ADDON_USER, input.tab, where, logValue(typed), KEPT_OUTSIDE_RIGHTS]);
        plan.violations.push({ row, column, header: h, reverted: false });
      }
    }
  }
  plan.logRows = auditRows({ ...input, user: plan.label, at: input.now, newValues: input.rows.map((line) => editedColumns.map((c) => line[c - 1] ?? '')) });

  const reverted = new Set(plan.violations.filter((v) => v.reverted).map((v) => `${v.row}:${v.column}`));
  const taken = new Set((input.otherIds ?? []).map((id) => norm(cellText(id))).filter(Boolean));
  for (let i = 0; i < input.numRows; i++) {
    const row = input.row + i;
    if (row === 1) continue;
    const values = finalValues[i];
    const changed = editedColumns.some((c) => !reverted.has(`${row}:${c}`));
    const anyValue = values.some((v) => !isBlank(v));
    const ownColumnsOnly = editedColumns.every((c) => stampColumns.has(c));

    // IDs: a hand-typed one moves the counter, a repeated one is replaced, a row without one gets the next.
    let id: Cell | undefined = input.rows[i]?.[idColumn - 1];
    if (kind && idColumn > 0 && inEdit(idColumn)) {
      id = values[idColumn - input.column] ?? '';
      const text = cellText(id).trim();
      const typed = idNumber(kind, text);
      if (typed !== null && typed > highest) highest = typed;
      if (text && !reverted.has(`${row}:${idColumn}`) && taken.has(norm(text))) {
        highest += 1;
        const fresh = formatId(kind, highest);
        plan.cells.push({ row, column: idColumn, value: fresh });
        plan.notes.push({ row, column: idColumn, note: `${NOTE_PREFIX}ID ${text} bestond al in ${input.tab}; deze rij kreeg ${fresh}.` });
        addOnLines.push([input.now, ADDON_USER, input.tab, a1(row, idColumn), logValue(text), fresh]);
        id = fresh;
      }
      if (text) taken.add(norm(cellText(id)));
    }
    const hasId = !isBlank(id ?? null);
    if (kind && idColumn > 0 && !hasId && anyValue && changed && !ownColumnsOnly) {
      highest += 1;
      plan.cells.push({ row, column: idColumn, value: formatId(kind, highest) });
    }

    if (stampOn && stampBy && changed && !ownColumnsOnly && (anyValue || hasId)) {
      plan.cells.push({ row, column: stampOn, value: input.now }, { row, column: stampBy, value: escapeCellText(plan.label) });
    }

    for (let j = 0; j < input.numColumns; j++) {
      const column = input.column + j;
      if (reverted.has(`${row}:${column}`)) continue;
      const list = dropdowns.get(headerKey(header(column)));
      if (!list) continue;
      const value = values[j];
      if (outsideList(value, list)) {
        plan.notes.push({ row, column, note: `${NOTE_PREFIX}"${cellText(value)}" staat niet in de keuzelijst (${list.join(', ')}). De waarde is bewaard; de budgetcontrole meldt hem in Controles.` });
      } else if (outsideList(input.oldValues?.[i]?.[j], list)) {
        plan.notes.push({ row, column, note: '' });
      }
    }
  }
  plan.logRows.push(...addOnLines);
  if (kind && highest !== startHighest) plan.properties[counterKey] = String(highest);
  return plan;
}
