import { REGION_MUNICIPALITY, SETTING } from '../workbook/contract';
import { Municipality, Settings } from '../workbook/model';

/**
 * Who may edit which rows of `Acties`. The project leader steers the whole programme; an official
 * edits only the rows of the municipality (or municipalities) that lists them under `Editors`.
 * Regional rows belong to the project leader alone. E-mail addresses compare case-insensitively.
 */
export type Role =
  | { kind: 'projectLeader' }
  | { kind: 'editor'; municipalities: string[] }
  | { kind: 'none' };

const norm = (text: string) => text.trim().toLowerCase();

type PeopleSettings = Pick<Settings, 'projectLeader' | 'controller'>;

export function isProjectLeader(email: string, settings: PeopleSettings): boolean {
  const e = norm(email);
  return e !== '' && e === norm(settings.projectLeader);
}

/** Every municipality that lists `email` among its editors, in `Gemeenten` order. */
export function municipalitiesOfEditor(email: string, municipalities: readonly Municipality[]): string[] {
  const e = norm(email);
  if (!e) return [];
  return municipalities.filter((m) => m.editors.some((x) => norm(x) === e)).map((m) => m.name);
}

/** The municipality an official works for (the first listing them), or null. */
export function municipalityOfEditor(email: string, municipalities: readonly Municipality[]): string | null {
  return municipalitiesOfEditor(email, municipalities)[0] ?? null;
}

export function roleOf(email: string, settings: PeopleSettings, municipalities: readonly Municipality[]): Role {
  if (isProjectLeader(email, settings)) return { kind: 'projectLeader' };
  const mine = municipalitiesOfEditor(email, municipalities);
  return mine.length ? { kind: 'editor', municipalities: mine } : { kind: 'none' };
}

/** May this role edit a row whose `Gemeente` is `municipality`? */
export function roleMayEdit(role: Role, municipality: string): boolean {
  if (role.kind === 'projectLeader') return true;
  if (role.kind === 'none') return false;
  const m = norm(municipality);
  if (!m || m === norm(REGION_MUNICIPALITY)) return false;
  return role.municipalities.some((x) => norm(x) === m);
}

export function mayEditAction(email: string, municipality: string, settings: PeopleSettings, municipalities: readonly Municipality[]): boolean {
  return roleMayEdit(roleOf(email, settings, municipalities), municipality);
}

/** The ledger (`Mutaties`) is kept by the project leader and the controller. */
export function mayEditLedger(email: string, settings: PeopleSettings): boolean {
  const e = norm(email);
  return e !== '' && (e === norm(settings.projectLeader) || e === norm(settings.controller));
}

/**
 * Who calls a server function, as far as the rights go. One person can hold several duties (a
 * controller who is also an official); the project leader holds every duty.
 */
export interface Caller {
  email: string;
  projectLeader: boolean;
  controller: boolean;
  /** Municipalities whose `Editors` list the caller. */
  municipalities: string[];
}

/**
 * With `Projectleider` blank nobody is named, and nothing is protected (planProtections refuses), so
 * the spreadsheet's owner, who can edit every protected range anyway, acts as project leader until
 * someone is named. `owner` is '' where it is unknown (shared drives, local runs).
 */
export function callerOf(email: string, settings: PeopleSettings, municipalities: readonly Municipality[], owner = ''): Caller {
  const e = norm(email);
  const leaderNamed = norm(settings.projectLeader) !== '';
  return {
    email: e,
    projectLeader: e !== '' && (leaderNamed ? e === norm(settings.projectLeader) : e === norm(owner)),
    controller: e !== '' && e === norm(settings.controller),
    municipalities: municipalitiesOfEditor(e, municipalities),
  };
}

/** What the public server functions do, grouped by who may do it. */
export type ServerAction = 'setup' | 'protections' | 'triggers' | 'reminders' | 'agenda' | 'berap' | 'budgetCheck' | 'dashboard' | 'ownActions';

type Duty = 'projectLeader' | 'controller' | 'official' | 'anyone';

/** The one rule: which duties may run which server action. */
export const ACTION_DUTIES: Readonly<Record<ServerAction, readonly Duty[]>> = {
  setup: ['projectLeader'],
  protections: ['projectLeader'],
  triggers: ['projectLeader'],
  reminders: ['projectLeader'],
  agenda: ['projectLeader'],
  berap: ['projectLeader', 'controller'],
  budgetCheck: ['projectLeader', 'controller'],
  dashboard: ['anyone'],
  ownActions: ['projectLeader', 'official'],
};

const ACTION_TEXT: Record<ServerAction, string> = {
  setup: 'het werkboek inrichten',
  protections: 'de rechten per gemeente toepassen',
  triggers: 'het bijhouden van bewerkingen aanzetten',
  reminders: 'de herinneringen aanzetten of versturen',
  agenda: 'de agenda van een meet-up maken',
  berap: 'de berap maken',
  budgetCheck: 'de budgetcontrole uitvoeren',
  dashboard: 'het dashboard openen',
  ownActions: 'acties bijwerken in "Mijn acties"',
};

function holds(duty: Duty, caller: Caller): boolean {
  switch (duty) {
    case 'anyone':
      return true;
    case 'projectLeader':
      return caller.projectLeader;
    case 'controller':
      return caller.controller;
    case 'official':
      return caller.municipalities.length > 0;
  }
}

export type Authorization = { ok: true } | { ok: false; message: string };

/**
 * May `caller` run `action`? The refusal is Dutch and says who may, so the person knows whom to ask.
 * A caller whose address Google does not reveal is told so: that is the usual cause, not a lack of rights.
 */
export function authorize(action: ServerAction, caller: Caller, settings: PeopleSettings): Authorization {
  const duties = ACTION_DUTIES[action];
  if (duties.some((d) => holds(d, caller))) return { ok: true };
  const leader = settings.projectLeader.trim();
  if (action === 'ownActions' && caller.email) {
    // The sidebar shows this as is (test/browser): an official who was taken off Editors.
    return { ok: false, message: 'Je staat niet als editor bij een gemeente in Gemeenten; vraag de projectleider je e-mailadres toe te voegen.' };
  }
  const who = duties
    .filter((d) => d !== 'anyone')
    .map((d) => (d === 'projectLeader' ? (leader ? `de projectleider (${leader})` : 'de projectleider') : d === 'controller' ? 'de controller' : 'de editors van een gemeente'))
    .join(duties.length > 2 ? ', ' : ' en ');
  const lead = `Alleen ${who} ${duties.length > 1 ? 'kunnen' : 'kan'} ${ACTION_TEXT[action]}`;
  if (!caller.email) {
    return { ok: false, message: `${lead}, en Google geeft je e-mailadres niet door. Log in met het account dat in Instellingen of Gemeenten staat.` };
  }
  if (!leader && duties.every((d) => d === 'projectLeader')) {
    return { ok: false, message: `${lead}, en in Instellingen is nog geen ${SETTING.projectLeader} ingevuld. Laat de eigenaar van het werkboek Regiomonitor › Werkboek inrichten kiezen, of vul ${SETTING.projectLeader} in.` };
  }
  return { ok: false, message: `${lead}; je bent ingelogd als ${caller.email}.` };
}
