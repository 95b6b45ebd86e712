import { REGION_MUNICIPALITY } from './contract';
import { Municipality, Settings } from './model';

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
