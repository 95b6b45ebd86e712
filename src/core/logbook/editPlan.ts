import { CellWrite } from '../../ports/workbook';
import { Cell, Grid, cellText, isBlank } from '../sheet/cell';
import { LAYOUT, TAB } from '../workbook/contract';
import { EditRecord, MAX_PASTE_LOGGED_CELLS, auditRows, logValue } from './lines';
import { a1 } from '../sheet/a1';
import { columnOf, headerKey } from '../sheet/headers';
import { escapeCellText } from '../sheet/escape';
import { ID_FORMATS, IdKind, formatId, idKindOfTab, idNumber, readCounter } from '../workbook/ids';
import { ADDON_USER, PeopleDigest, editorLabel, mayChangeCell } from '../rights/columnRights';
import { WATCHED_TABS } from './editCache';
import { Violation, blockRecord, quoted, singleCellLine, violationBlocks } from './violations';

/**
 * The edit trigger's decisions, free of Apps Script so they can be tested directly: what to stamp,
 * which ID to give, which cell to put back or flag, what to log. adapters/appsscript/editTrigger.ts
 * does the reads and writes with as few service calls as it can.
 */

/** The note put on a cell whose value is not in its dropdown. Starts with the add-on's name so it is recognisable. */
export const NOTE_PREFIX = 'Regiomonitor: ';
/** Notes about values outside a dropdown, per edit: the budget check lists every one of them anyway. */
export const MAX_LIST_NOTES = 10;
/** Lines about IDs replaced in one paste; the rest is summed up in one line. */
export const MAX_ID_LINES = 10;

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
  /**
   * Per edited row: did it hold an ID before this edit, as the copy kept by the add-on knows it? A
   * paste over the ID column hides the old ID, and a pasted ID must not make a new row pass for an
   * existing one. Without it, an ID in the row now counts as existing.
   */
  existedBefore?: readonly boolean[];
  people: PeopleDigest;
  now: Date;
  /** Row 1 of the tab as cached. */
  headers: readonly string[];
  /** Document properties as read (ID counters); absent: the plan says whether it needs them. */
  properties?: Readonly<Record<string, string>>;
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
  /**
   * True when the plan gives or moves an ID: the ID counter must be read and written under the
   * document lock. A plan made without `properties` that says so must be made again with them.
   */
  usesCounter: boolean;
  /** Who Logboek and `Bijgewerkt door` name. */
  label: string;
  /** Cells edited outside the editor's rights: put back (a single cell, or a row that did not exist) or kept and flagged. */
  violations: Violation[];
}

const norm = (text: string) => text.trim().toLowerCase();

/**
 * What one edit of `Acties` or `Mutaties` leads to:
 * - rights first (core/rights/columnRights.ts): a cell the editor may not change is put back to its old
 *   value when that value is known: a single cell (Apps Script gives it), or any cell of a row that
 *   did not exist before the edit (it was blank: an official adds no rows by hand, "Actie toevoegen"
 *   does that for them). In a paste over existing rows the old value is unknown, so the value is kept
 *   and flagged: the budget check lists it until the project leader acts. One note and one Logboek
 *   line per block of such cells, however large the paste: nothing typed is lost silently, and the
 *   record stays bounded.
 * - every changed cell is logged (old value `(onbekend)` where Apps Script gives none), under the
 *   editor's address or, when Google hides it, the only people who could have made the edit
 *   (`editor van Tiel`); a paste logs its first cells one by one and sums up the rest;
 * - an `Acties` row gets `Bijgewerkt op`/`Bijgewerkt door`, unless nothing in it changed after all or
 *   the edit only blanked cells of a row without ID;
 * - a row without ID that now holds a value gets the next ID; an ID typed by hand moves the counter
 *   so the add-on never issues it again; an ID that repeats one elsewhere in the tab (a pasted row)
 *   is replaced by a fresh one, noted and logged;
 * - a value outside a fixed dropdown gets a note, never a replacement; the note goes when it is fixed.
 * The header row is only logged.
 */
export function planEdit(input: EditInput): EditPlan {
  const plan: EditPlan = { cells: [], notes: [], logRows: [], properties: {}, headersChanged: false, usesCounter: false, label: '', violations: [] };
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
  let highest = kind ? readCounter(input.properties?.[counterKey]) : 0;
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
    const existed = input.existedBefore?.[i] ?? (idColumn > 0 ? !isBlank(idBefore ?? (line[idColumn - 1] ?? null)) : true);
    return { municipality, existed };
  });
  const dataRows: string[] = [];
  rowFacts.forEach((f, i) => {
    if (input.row + i > 1) dataRows.push(f.municipality);
  });
  plan.label = editorLabel(input.user, input.tab, dataRows, input.people);
  const isLeader = !!input.user && norm(input.user) === norm(input.people.leader);

  // Values as they end up: what was typed, or the old value where the edit is put back.
  const finalValues: Cell[][] = input.rows.map((line) => editedColumns.map((c) => line[c - 1] ?? ''));
  const addOnLines: Grid = [];
  for (let i = 0; i < input.numRows; i++) {
    const row = input.row + i;
    if (row === 1 || isLeader) continue;
    const facts = rowFacts[i];
    for (const column of editedColumns) {
      const h = header(column);
      if (mayChangeCell({ tab: input.tab, header: h, municipality: facts.municipality, existingRow: facts.existed, user: input.user, people: input.people })) continue;
      const typed = finalValues[i][column - input.column];
      const what = h ? `de kolom ${h}` : 'deze cel';
      if (single) {
        const old = input.oldValues![0][0] ?? '';
        finalValues[i][column - input.column] = old;
        plan.cells.push({ row, column, value: typeof old === 'string' ? escapeCellText(old) : old });
        plan.notes.push({ row, column, note: `${NOTE_PREFIX}${plan.label} typte ${quoted(typed)}, maar alleen de projectleider mag ${what} ${facts.existed ? 'wijzigen' : 'in een nieuwe rij vullen'}. De oude waarde is teruggezet; het getypte staat in Logboek.` });
        addOnLines.push(singleCellLine(input.now, input.tab, row, column, typed, { restored: old }));
        plan.violations.push({ row, column, header: h, reverted: true });
      } else if (!facts.existed) {
        // A row that did not exist was blank: what was pasted into it goes, and Logboek keeps it.
        finalValues[i][column - input.column] = '';
        if (!isBlank(typed)) plan.cells.push({ row, column, value: '' });
        plan.violations.push({ row, column, header: h, reverted: true });
      } else {
        plan.violations.push({ row, column, header: h, reverted: false });
      }
    }
  }
  if (!single && plan.violations.length) {
    const blocks = violationBlocks(plan.violations);
    const first = (b: { row: number; column: number }) => finalValues[b.row - input.row]?.[b.column - input.column];
    const record = blockRecord(blocks, input.now, input.tab, (b, range) =>
      b.numRows === 1 && b.numColumns === 1 && !b.reverted
        ? `${NOTE_PREFIX}${plan.label} wijzigde ${header(b.column) ? `de kolom ${header(b.column)}` : 'deze cel'}, wat alleen de projectleider mag. De waarde is bewaard; de projectleider beslist (zie Controles en Logboek).`
        : b.reverted
          ? `${NOTE_PREFIX}${plan.label} plakte in ${range}, een rij die nog niet bestond; alleen de projectleider voegt rijen toe (gemeenten met "Actie toevoegen" in de zijbalk). De cellen zijn leeg teruggezet; wat er geplakt werd staat in Logboek.`
          : `${NOTE_PREFIX}${plan.label} wijzigde ${range}, wat alleen de projectleider mag. De waarden zijn bewaard (deze cel: ${quoted(first(b))}); de projectleider beslist (zie Controles en Logboek).`,
    );
    for (const l of record.lines) addOnLines.push(l);
    for (const n of record.notes) plan.notes.push(n);
  }
  plan.logRows = auditRows({ ...input, user: plan.label, at: input.now, newValues: input.rows.map((line) => editedColumns.map((c) => line[c - 1] ?? '')) }, single ? 1 : MAX_PASTE_LOGGED_CELLS);

  const reverted = new Set(plan.violations.filter((v) => v.reverted).map((v) => `${v.row}:${v.column}`));
  const taken = new Set((input.otherIds ?? []).map((id) => norm(cellText(id))).filter(Boolean));
  let idLines = 0;
  let listNotes = 0;
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
      if (typed !== null) plan.usesCounter = true;
      if (typed !== null && typed > highest) highest = typed;
      if (text && !reverted.has(`${row}:${idColumn}`) && taken.has(norm(text))) {
        plan.usesCounter = true;
        highest += 1;
        const fresh = formatId(kind, highest);
        plan.cells.push({ row, column: idColumn, value: fresh });
        if (idLines < MAX_ID_LINES) {
          plan.notes.push({ row, column: idColumn, note: `${NOTE_PREFIX}ID ${text} bestond al in ${input.tab}; deze rij kreeg ${fresh}.` });
          addOnLines.push([input.now, ADDON_USER, input.tab, a1(row, idColumn), logValue(text), fresh]);
        } else if (idLines === MAX_ID_LINES) {
          addOnLines.push([input.now, ADDON_USER, input.tab, `${a1(row, idColumn)}:${a1(input.row + input.numRows - 1, idColumn)}`, '(onbekend)', 'verdere herhaalde ID\'s vervangen door nieuwe']);
        }
        idLines++;
        id = fresh;
      }
      if (text) taken.add(norm(cellText(id)));
    }
    const hasId = !isBlank(id ?? null);
    if (kind && idColumn > 0 && !hasId && anyValue && changed && !ownColumnsOnly) {
      plan.usesCounter = true;
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
        if (listNotes++ < MAX_LIST_NOTES) plan.notes.push({ row, column, note: `${NOTE_PREFIX}"${cellText(value)}" staat niet in de keuzelijst (${list.join(', ')}). De waarde is bewaard; de budgetcontrole meldt hem in Controles.` });
      } else if (outsideList(input.oldValues?.[i]?.[j], list)) {
        plan.notes.push({ row, column, note: '' });
      }
    }
  }
  for (const l of addOnLines) plan.logRows.push(l);
  if (kind && highest !== startHighest) plan.properties[counterKey] = String(highest);
  return plan;
}
