import { CellWrite } from '../ports/workbook';
import { Cell, Grid, cellText, isBlank } from '../core/sheet/cell';
import { HEADERS, REGION_MUNICIPALITY, STATUSES, Status, TAB } from '../core/workbook/contract';
import { auditRows } from '../core/logbook/lines';
import { parseActionUpdate } from '../core/actions/update';
import { ActionVersion, EditableField, compareVersions, parseActionVersion, stampInstant, stampKey } from '../core/actions/version';
import { Day, dayOfInstant, midnightIn, parseDay } from '../core/values/dates';
import { escapeCellText } from '../core/sheet/escape';
import { ActionLine, Municipality, Settings } from '../core/workbook/model';
import { parseWorkbook } from '../core/workbook/parse';
import { Role, municipalitiesOfEditor, roleMayEdit, roleOf } from '../core/rights/permissions';
import { readTable, TableRow } from '../core/workbook/table';
import { Findings } from '../core/sheet/findings';
import { queueRequest } from './logbook';
import { readPeople } from './protections';
import { Runtime } from '../ports/runtime';
import { headerIndex } from '../core/sheet/headers';

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
  /**
   * `Bijgewerkt op` to the second (see stampKey): the version a save starts from. `updatedOn` is only
   * the day, too coarse to tell two edits apart.
   */
  updatedAt: string | null;
  updatedBy: string;
}

export interface MyActions {
  email: string;
  municipalities: string[];
  /** Where an action the caller adds goes: the first municipality listing them as editor; null when none. */
  ownMunicipality: string | null;
  /** `Peildatum` (today when blank): "past deadline" and "due soon" count from it, as in the dashboard. */
  referenceDate: Day;
  /** `Actielijnen`, for the form that adds an action. */
  actionLines: { code: string; name: string }[];
  actions: MyAction[];
}

/**
 * `saved: false`: the row changed since the version the save started from. Nothing was written;
 * `action` is the row as it is now and `changed` the edited fields that differ from that version.
 */
export type UpdateActionResult = { saved: true; action: MyAction } | { saved: false; action: MyAction; changed: EditableField[] };

/** The version of a row as a save must name it. */
export function versionOf(action: MyAction): ActionVersion {
  return { updatedAt: action.updatedAt, status: action.status, deadline: action.deadline, note: action.note };
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
    updatedAt: stampKey(row.get('Bijgewerkt op')),
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

/** What "Mijn acties" is made of, however it was read. */
export interface MyActionsSource {
  settings: Settings;
  municipalities: Municipality[];
  actionLines: ActionLine[];
  actions: Grid | null;
}

/**
 * The rows of the caller's municipality (found in `Gemeenten` › `Editors` by the caller's e-mail);
 * the project leader gets every row. Someone not listed gets an empty list.
 */
export function myActionsFrom(email: string, source: MyActionsSource, timeZone: string): MyActions {
  const { settings, municipalities, actions } = source;
  const role = roleOf(email, settings, municipalities);
  const rows = role.kind === 'none' ? [] : actionRows(actions).filter((r) => roleMayEdit(role, cellText(r.get('Gemeente'))));
  return {
    email,
    municipalities: municipalitiesOf(role, municipalities.map((m) => m.name)),
    ownMunicipality: municipalitiesOfEditor(email, municipalities)[0] ?? null,
    referenceDate: settings.referenceDate,
    actionLines: source.actionLines.map((l) => ({ code: l.code, name: l.name })),
    actions: rows.map((r) => toMyAction(r, timeZone)),
  };
}

/** The four tabs "Mijn acties" needs, each read once. */
function readMyActionsSource(runtime: Runtime): MyActionsSource {
  const wb = runtime.workbook;
  const present = new Set(wb.tabNames());
  const read = (tab: string) => (present.has(tab) ? wb.readTab(tab) : null);
  const actions = read(TAB.actions);
  const { programme } = parseWorkbook(
    { [TAB.settings]: read(TAB.settings), [TAB.municipalities]: read(TAB.municipalities), [TAB.actionLines]: read(TAB.actionLines) },
    { timeZone: wb.timeZone, today: runtime.today() },
  );
  return { settings: programme.settings, municipalities: programme.municipalities, actionLines: programme.actionLines, actions };
}

/** `getMyActions()`: see myActionsFrom. */
export function getMyActions(runtime: Runtime): MyActions {
  return myActionsFrom(runtime.userEmail(), readMyActionsSource(runtime), runtime.workbook.timeZone);
}

/**
 * `updateAction(id, changes, base)`: an official changes Status, Toelichting or Deadline of one of
 * their own rows. Everything the browser sent is validated again here and the right is checked on
 * the server. Under the document lock the tab is read again and the row found by ID, because rows may
 * have been sorted since the sidebar loaded. When `base` (the version the form started from) is given
 * and the row is no longer that version, nothing is written and the row as it now is comes back.
 * Only changed cells and the stamps are written, all in that one row; each change is logged with its
 * old and new value.
 */
export function updateAction(runtime: Runtime, id: unknown, changes: unknown, base?: unknown): UpdateActionResult {
  const request = parseActionUpdate(id, changes);
  if (!request.ok) throw new Error(request.error);
  // Optional for callers other than the sidebar (scripts, older clients); the sidebar always sends it.
  const version = base === undefined ? null : parseActionVersion(base);
  if (version && !version.ok) throw new Error(version.error);
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

    const column = (h: string) => {
      const i = headerIndex(actions[0] ?? [], h);
      if (i < 0) throw new Error(`Kolom ${h} ontbreekt in ${TAB.actions}; kies Regiomonitor › Werkboek inrichten.`);
      return i + 1;
    };
    const line = actions[row.rowNumber - 1];
    const current = (h: string) => line[column(h) - 1] ?? '';

    if (version) {
      const asItIs = toMyAction(row, tz);
      const check = compareVersions(version.version, versionOf(asItIs));
      if (!check.same) return { saved: false, action: asItIs, changed: check.changed };
    }

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
      const now = stampInstant(runtime.now());
      writes.push({ row: row.rowNumber, column: column('Bijgewerkt op'), value: now }, { row: row.rowNumber, column: column('Bijgewerkt door'), value: escapeCellText(email) });
      wb.writeCells(TAB.actions, writes);
      const log = logCells.flatMap((c, i) =>
        auditRows({ at: now, user: email, tab: TAB.actions, row: row.rowNumber, column: c, numRows: 1, numColumns: 1, oldValues: [[oldValues[i]]], newValues: [[newValues[i]]] }),
      );
      // Logboek is keyed by the project leader's trigger: the lines wait for it (app/catchUp.ts).
      queueRequest(runtime, { kind: 'log', by: email, at: now.toISOString(), lines: log, tab: TAB.actions, id: cellText(row.get('ID')).trim(), row: row.rowNumber }, now);
      // The sheet stores escaped text without its apostrophe; show the row as it now reads.
      for (const w of writes) line[w.column - 1] = typeof w.value === 'string' && w.value.startsWith("'") ? w.value.slice(1) : w.value;
    }
    return { saved: true, action: toMyAction(row, tz) };
  });
}

export type { AddActionResult } from './addAction';
export { requestAddAction as addAction } from './addAction';
