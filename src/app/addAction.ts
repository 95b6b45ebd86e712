import { Cell, Grid, cellText } from '../core/sheet/cell';
import { HEADERS, TAB } from '../core/workbook/contract';
import { NewAction, parseNewAction } from '../core/actions/add';
import { stampInstant, stampKey } from '../core/actions/version';
import { dayOfInstant, midnightIn } from '../core/values/dates';
import { escapeCellText } from '../core/sheet/escape';
import { Municipality } from '../core/workbook/model';
import { municipalitiesOfEditor, roleOf } from '../core/rights/permissions';
import { ID_FORMATS, highestId, nextId, readCounter } from '../core/workbook/ids';
import { CopyEntry, copyEntries, rowContent } from '../core/logbook/rowCopy';
import { ADDON_USER } from '../core/rights/columnRights';
import { AddActionRequest } from '../core/logbook/queue';
import { headerIndex } from '../core/sheet/headers';
import { a1 } from '../core/sheet/a1';
import { readPeople } from './protections';
import { queueRequest } from './logbook';
import type { MyAction } from './myActions';
import { Runtime } from '../ports/runtime';

const norm = (text: string) => text.trim().toLowerCase();

/**
 * What "Actie toevoegen" answers. The row is not written by the official's own execution: officials
 * have no open rows in `Acties` (core/rights/protectionPlan.ts), so the request waits for the project
 * leader's trigger, which adds it with the project leader's rights, deciding Gemeente, ID and stamps.
 */
export interface AddActionResult {
  /** Always `aangevraagd`: the row follows when the project leader's trigger next runs. */
  status: 'aangevraagd';
  /** The action as it will be added: no ID and no row yet (`id` '', `row` 0). */
  action: MyAction;
  /** Dutch: what was asked and when it shows. */
  message: string;
}

/** The municipality a request is for: the caller's own; `wanted` only chooses among their own. */
function ownMunicipality(email: string, municipalities: readonly Municipality[], wanted: string | undefined): string {
  const mine = municipalitiesOfEditor(email, municipalities);
  if (wanted) {
    const match = mine.find((m) => norm(m) === norm(wanted));
    if (!match) throw new Error(`Je kunt alleen acties toevoegen voor ${mine.join(', ')}, niet voor ${wanted}.`);
    return match;
  }
  if (mine.length === 1) return mine[0];
  throw new Error(`Je bent editor van ${mine.join(' en ')}; kies voor welke gemeente de actie is.`);
}

/** The action line as `Actielijnen` spells it, or a Dutch refusal naming the ones there are. */
function actionLine(runtime: Runtime, wanted: string): string {
  const wb = runtime.workbook;
  const lines = wb.tabNames().includes(TAB.actionLines) ? wb.readTab(TAB.actionLines) : null;
  const codeColumn = headerIndex(lines?.[0] ?? [], 'Code');
  const codes = codeColumn < 0 ? [] : (lines ?? []).slice(1).map((r) => cellText(r[codeColumn] ?? null).trim()).filter(Boolean);
  const line = codes.find((c) => norm(c) === norm(wanted));
  if (!line) throw new Error(`Actielijn ${wanted} bestaat niet; kies uit: ${codes.join(', ') || `(geen; vul eerst ${TAB.actionLines})`}.`);
  return line;
}

function preview(request: { municipality: string; action: NewAction; line: string }, by: string, at: Date, timeZone: string): MyAction {
  const a = request.action;
  return {
    id: '', row: 0, municipality: request.municipality, title: a.actie, owner: a.eigenaar ?? '', theme: a.thema ?? '', priority: '',
    deadline: a.deadline || null, status: a.status ?? 'Niet gestart', note: a.toelichting ?? '',
    updatedOn: dayOfInstant(at, timeZone), updatedAt: stampKey(at), updatedBy: by,
  };
}

/**
 * `addAction(input)`: "Actie toevoegen" for an official. Everything the browser sent is checked here
 * (and again when the request is carried out): the caller must edit a municipality, `Gemeente` is
 * their own, the action line must exist, and there is no `Begrotingspost`, `Geraamd` or `Prioriteit`
 * to give. Then the request waits in the document properties for the project leader's trigger.
 */
export function requestAddAction(runtime: Runtime, input: unknown): AddActionResult {
  const parsed = parseNewAction(input);
  if (!parsed.ok) throw new Error(parsed.error);
  const email = runtime.userEmail();
  if (!email) throw new Error('Google geeft je e-mailadres niet door, dus kan niet worden nagegaan voor welke gemeente je een actie toevoegt.');
  const { settings, municipalities } = readPeople(runtime);
  const role = roleOf(email, settings, municipalities);
  if (role.kind === 'projectLeader') throw new Error(`Als projectleider voeg je een actie toe in het tabblad ${TAB.actions} zelf; "Actie toevoegen" is voor de gemeenten.`);
  if (role.kind !== 'editor') throw new Error(`Je staat niet als editor bij een gemeente in ${TAB.municipalities}; vraag de projectleider je e-mailadres toe te voegen.`);
  const municipality = ownMunicipality(email, municipalities, parsed.action.gemeente);
  const line = actionLine(runtime, parsed.action.actielijn);
  const at = stampInstant(runtime.now());
  const action: NewAction = { ...parsed.action, actielijn: line, gemeente: municipality };
  const request: AddActionRequest = { kind: 'addAction', by: email, at: at.toISOString(), municipality, action };
  queueRequest(runtime, request, runtime.now());
  return {
    status: 'aangevraagd',
    action: preview({ municipality, action, line }, email, at, runtime.workbook.timeZone),
    message: `"${action.actie}" is aangevraagd voor ${municipality}. De trigger van de projectleider zet de actie in ${TAB.actions} en geeft haar een ID zodra iemand het werkboek bewerkt of de projectleider de budgetcontrole draait.`,
  };
}

/** What carrying out one request did: the Logboek line to write, and the new row's copy entry. */
export interface CarriedOut {
  line: Cell[];
  entry: CopyEntry | null;
  id: string | null;
}

/**
 * Carries out an "Actie toevoegen" request with the project leader's rights (call holding the
 * document lock, as the trigger owner). The rules are checked again against the sheet as it is now:
 * the requester must still edit that municipality and the action line must still exist. The row goes
 * below the data with the next free ID, `Gemeente` as requested, no money and no priority, stamped
 * as the requester; one Logboek line records it. A request that no longer holds is refused in Logboek.
 */
export function carryOutAddAction(runtime: Runtime, request: AddActionRequest, now: Date): CarriedOut {
  const wb = runtime.workbook;
  const tz = wb.timeZone;
  const refuse = (why: string): CarriedOut => ({ line: [now, ADDON_USER, TAB.actions, '', escapeCellText(`Actie toevoegen door ${request.by}: "${request.action.actie}"`), escapeCellText(`geweigerd: ${why}`)], entry: null, id: null });
  const { settings, municipalities, actions } = readPeople(runtime);
  if (!actions?.[0]) return refuse(`tabblad ${TAB.actions} ontbreekt`);
  const role = roleOf(request.by, settings, municipalities);
  if (role.kind !== 'editor' || !role.municipalities.some((m) => norm(m) === norm(request.municipality))) return refuse(`${request.by} is geen editor (meer) van ${request.municipality}`);
  let line: string;
  try {
    line = actionLine(runtime, request.action.actielijn);
  } catch (error) {
    return refuse((error as Error).message);
  }
  const wanted = request.action;
  const { propertyKey } = ID_FORMATS.action;
  const next = nextId('action', Math.max(readCounter(runtime.properties.get(propertyKey)), highestId('action', actions)));
  const stamp = stampInstant(new Date(Date.parse(request.at) || now.getTime()));
  const record: Record<string, Cell> = {
    ID: next.id,
    Actielijn: line,
    Gemeente: request.municipality,
    Actie: escapeCellText(wanted.actie),
    Eigenaar: escapeCellText(wanted.eigenaar ?? ''),
    Thema: escapeCellText(wanted.thema ?? ''),
    Deadline: wanted.deadline ? midnightIn(wanted.deadline, tz) : '',
    Status: wanted.status ?? 'Niet gestart',
    Toelichting: escapeCellText(wanted.toelichting ?? ''),
    'Bijgewerkt op': stamp,
    'Bijgewerkt door': escapeCellText(request.by),
  };
  const header = actions[0].map((c) => cellText(c).trim());
  const values: Cell[] = header.map((h) => record[HEADERS[TAB.actions].find((x) => norm(x) === norm(h)) ?? ''] ?? '');
  const rowNumber = actions.length + 1;
  wb.appendRows(TAB.actions, [values]);
  runtime.properties.set({ [propertyKey]: String(next.highest) });
  const shown: Grid = [values.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v))];
  const [entry] = copyEntries(actions[0], shown, rowNumber, tz);
  return { line: [stamp, request.by, TAB.actions, `${a1(rowNumber, 1)}:${a1(rowNumber, Math.max(1, header.length))}`, '', escapeCellText(rowContent(actions[0], shown[0], tz))], entry: entry ?? null, id: next.id };
}
