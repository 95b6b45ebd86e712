import { CellWrite } from '../adapters/workbook';
import { Cell, Grid, cellText, isBlank } from '../core/cell';
import { HEADERS, LAYOUT, REGION_MUNICIPALITY, STATUSES, Status, TAB } from '../core/contract';
import { auditRows } from '../core/audit';
import { parseActionUpdate } from '../core/actionUpdate';
import { Day, midnightIn, parseDay } from '../core/dates';
import { escapeCellText } from '../core/escape';
import { Role, roleMayEdit, roleOf } from '../core/permissions';
import { readTable, TableRow } from '../core/table';
import { Findings } from '../core/finding';
import { readPeople } from './protections';
import { Runtime } from './runtime';

/** An action as "Mijn acties" shows it. */
export interface MyAction {
  id: string;
  row: number;
  municipality: string;
  title: string;
  owner: string;
  theme: string;
  priority: string;
  deadline: Day | null;
  status: Status;
  note: string;
  updatedOn: Day | null;
  updatedBy: string;
}

export interface MyActions {
  email: string;
  municipalities: string[];
  actions: MyAction[];
}

export interface UpdateActionResult {
  action: MyAction;
}

const norm = (text: string) => text.trim().toLowerCase();

function dayOf(cell: Cell, timeZone: string): Day | null {
  const read = parseDay(cell, timeZone);
  return read.kind === 'ok' ? read.day : null;
}

/**
 * An `Acties` row as "Mijn acties" shows it: JSON only, days as ISO strings. Read from the raw row,
 * not the parsed programme, so an official also sees (and can fix) a row the check leaves out.
 * A status outside the list is passed as typed, so the sidebar can show what is there.
 */
function toMyAction(row: TableRow, timeZone: string): MyAction {
  const text = (h: string) => cellText(row.get(h)).trim();
  const status = STATUSES.find((s) => norm(s) === norm(text('Status')));
  return {
    id: text('ID'),
    row: row.rowNumber,
    municipality: text('Gemeente'),
    title: text('Actie'),
    owner: text('Eigenaar'),
    theme: text('Thema'),
    priority: text('Prioriteit'),
    deadline: dayOf(row.get('Deadline'), timeZone),
    status: status ?? (text('Status') as Status),
    note: text('Toelichting'),
    updatedOn: dayOf(row.get('Bijgewerkt op'), timeZone),
    updatedBy: text('Bijgewerkt door'),
  };
}

function actionRows(grid: Grid | null): TableRow[] {
  // Findings are the budget check's business; here a missing column simply yields no rows.
  return readTable(TAB.actions, grid, HEADERS[TAB.actions], ['Gemeente'], new Findings()).rows;
}

function municipalitiesOf(role: Role, all: string[]): string[] {
  if (role.kind === 'projectLeader') return [...all, REGION_MUNICIPALITY];
  return role.kind === 'editor' ? role.municipalities : [];
}

/**
 * `getMyActions()`: the rows of the caller's municipality (found in `Gemeenten` › `Editors` by the
 * caller's e-mail); the project leader gets every row. Someone not listed gets an empty list.
 */
export function getMyActions(runtime: Runtime): MyActions {
  const email = runtime.userEmail();
  const { settings, municipalities, actions } = readPeople(runtime);
  const role = roleOf(email, settings, municipalities);
  const rows = role.kind === 'none' ? [] : actionRows(actions).filter((r) => roleMayEdit(role, cellText(r.get('Gemeente'))));
  return {
    email,
    municipalities: municipalitiesOf(role, municipalities.map((m) => m.name)),
    actions: rows.map((r) => toMyAction(r, runtime.workbook.timeZone)),
  };
}

/**
 * `updateAction(id, changes)`: an official changes Status, Toelichting or Deadline of one of their
 * own rows. Everything the browser sent is validated again here and the right is checked on the
 * server. Under the document lock the tab is read again and the row found by ID, because rows may
 * have been sorted since the sidebar loaded. Only changed cells and the stamps are written, all in
 * that one row; each change is logged with its old and new value.
 */
export function updateAction(runtime: Runtime, id: unknown, changes: unknown): UpdateActionResult {
  const request = parseActionUpdate(id, changes);
  if (!request.ok) throw new Error(request.error);
  const email = runtime.userEmail();
  if (!email) throw new Error('Google geeft je e-mailadres niet door, dus kan niet worden nagegaan of je deze actie mag wijzigen.');

  return runtime.withDocumentLock(() => {
    const wb = runtime.workbook;
    const tz = wb.timeZone;
    const { settings, municipalities, actions } = readPeople(runtime);
    if (!actions) throw new Error(`Tabblad ${TAB.actions} ontbreekt.`);
    const role = roleOf(email, settings, municipalities);
    if (role.kind === 'none') throw new Error(`Je staat niet als editor bij een gemeente in ${TAB.municipalities}; vraag de projectleider je e-mailadres toe te voegen.`);

    const matches = actionRows(actions).filter((r) => norm(cellText(r.get('ID'))) === norm(request.id));
    if (matches.length === 0) throw new Error(`Actie ${request.id} bestaat niet (meer) in ${TAB.actions}.`);
    if (matches.length > 1) throw new Error(`Actie-ID ${request.id} komt ${matches.length} keer voor in ${TAB.actions}; de projectleider moet dat eerst oplossen.`);
    const row = matches[0];
    const municipality = cellText(row.get('Gemeente')).trim();
    if (!roleMayEdit(role, municipality)) {
      throw new Error(
        norm(municipality) === norm(REGION_MUNICIPALITY)
          ? `Actie ${request.id} is een regionale actie; alleen de projectleider kan die wijzigen.`
          : `Actie ${request.id} hoort bij ${municipality || 'geen gemeente'}, niet bij jouw gemeente; je kunt alleen acties van ${role.kind === 'editor' ? role.municipalities.join(', ') : 'je eigen gemeente'} wijzigen.`,
      );
    }

    const header = (actions[0] ?? []).map((c) => cellText(c));
    const column = (h: string) => {
      const i = header.findIndex((x) => norm(x) === norm(h));
      if (i < 0) throw new Error(`Kolom ${h} ontbreekt in ${TAB.actions}; kies Regiomonitor › Werkboek inrichten.`);
      return i + 1;
    };
    const line = actions[row.rowNumber - 1];
    const current = (h: string) => line[column(h) - 1] ?? '';

    const writes: CellWrite[] = [];
    const oldValues: Cell[] = [];
    const newValues: Cell[] = [];
    const logCells: number[] = [];
    // `logged` is the value as typed: auditRows escapes it itself, and escaping twice shows an apostrophe.
    const change = (h: string, value: Cell, same: boolean, logged: Cell = value) => {
      if (same) return;
      writes.push({ row: row.rowNumber, column: column(h), value });
      oldValues.push(current(h));
      newValues.push(logged);
      logCells.push(column(h));
    };
    const { status, toelichting, deadline } = request.changes;
    if (status !== undefined) change('Status', status, cellText(current('Status')).trim() === status);
    if (toelichting !== undefined) change('Toelichting', escapeCellText(toelichting), cellText(current('Toelichting')) === toelichting, toelichting);
    if (deadline !== undefined) {
      const before = isBlank(current('Deadline')) ? '' : dayOf(current('Deadline'), tz);
      change('Deadline', deadline === '' ? '' : midnightIn(deadline, tz), before === deadline);
    }

    if (writes.length) {
      const now = runtime.now();
      writes.push({ row: row.rowNumber, column: column('Bijgewerkt op'), value: now }, { row: row.rowNumber, column: column('Bijgewerkt door'), value: escapeCellText(email) });
      wb.writeCells(TAB.actions, writes);
      const log = logCells.flatMap((c, i) =>
        auditRows({ at: now, user: email, tab: TAB.actions, row: row.rowNumber, column: c, numRows: 1, numColumns: 1, oldValues: [[oldValues[i]]], newValues: [[newValues[i]]] }),
      );
      if (!wb.tabNames().includes(TAB.log)) wb.createTab(TAB.log, LAYOUT[TAB.log]);
      wb.appendRows(TAB.log, log);
      // The sheet stores escaped text without its apostrophe; show the row as it now reads.
      for (const w of writes) line[w.column - 1] = typeof w.value === 'string' && w.value.startsWith("'") ? w.value.slice(1) : w.value;
    }
    return { action: toMyAction(row, tz) };
  });
}
