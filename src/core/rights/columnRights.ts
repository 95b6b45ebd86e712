import { REGION_MUNICIPALITY, TAB } from '../workbook/contract';
import { Municipality, Settings } from '../workbook/model';

/**
 * Column rights in `Acties`: on the rows of their own municipality an official changes only the
 * progress of an action. Everything else (ID, Actielijn, Gemeente, Actie, Thema, Prioriteit,
 * Begrotingspost, Geraamd, the stamps, columns users added, and new rows) is the project leader's.
 * The sheet enforces this with protections (core/rights/protectionPlan.ts); the edit trigger uses the same
 * rule to catch what slipped through.
 */
export const OFFICIAL_COLUMNS = ['Eigenaar', 'Deadline', 'Status', 'Toelichting'] as const;
/**
 * Written by the add-on, also by "Mijn acties" running as the official, so the sheet must let an
 * official write them in their own rows. Typing into them by hand is outside the rights all the same.
 */
export const STAMP_COLUMNS = ['Bijgewerkt op', 'Bijgewerkt door'] as const;

/** Who is who, small enough for a document property (the edit trigger must not read two tabs per edit). */
export interface PeopleDigest {
  leader: string;
  controller: string;
  municipalities: { name: string; editors: string[] }[];
}

const norm = (text: string) => text.trim().toLowerCase();

export function digestPeople(settings: Pick<Settings, 'projectLeader' | 'controller'>, municipalities: readonly Municipality[]): PeopleDigest {
  return {
    leader: norm(settings.projectLeader),
    controller: norm(settings.controller),
    municipalities: municipalities.map((m) => ({ name: m.name, editors: m.editors.map(norm) })),
  };
}

export function isOfficialColumn(header: string): boolean {
  return OFFICIAL_COLUMNS.some((h) => norm(h) === norm(header));
}

function municipalityOf(name: string, people: PeopleDigest) {
  const key = norm(name);
  if (!key || key === norm(REGION_MUNICIPALITY)) return null;
  return people.municipalities.find((m) => norm(m.name) === key) ?? null;
}

export interface CellChange {
  tab: string;
  header: string;
  /** `Gemeente` of the row before the edit. */
  municipality: string;
  /** False for a row that had no ID before the edit: a new row. */
  existingRow: boolean;
  /** '' when Google does not reveal the editor; the sheet's protections then vouch for who it was. */
  user: string;
  people: PeopleDigest;
}

/** May this person change this cell? A blank user passes where only a municipality's editors could edit. */
export function mayChangeCell(change: CellChange): boolean {
  const user = norm(change.user);
  const { people } = change;
  if (user && user === people.leader) return true;
  if (change.tab === TAB.ledger) return !user || user === people.controller;
  if (change.tab !== TAB.actions) return false;
  if (!isOfficialColumn(change.header) || !change.existingRow) return false;
  const m = municipalityOf(change.municipality, people);
  if (!m) return false;
  return !user || m.editors.includes(user);
}

/** Municipality names as a Dutch list: `Tiel`, `Tiel en Buren`. */
export function dutchNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}`;
}

export const UNKNOWN_EDITOR = 'onbekende gebruiker';

/**
 * Who Logboek and `Bijgewerkt door` name. The address when Google gives it; otherwise those who alone
 * could have made the edit under the protections: `editor van Tiel` for municipal rows in `Acties`,
 * `controller` in `Mutaties` (the project leader's own address is never hidden from their trigger).
 * Never blank.
 */
export function editorLabel(user: string, tab: string, rowMunicipalities: readonly string[], people: PeopleDigest): string {
  const email = norm(user);
  if (email) return email;
  if (tab === TAB.ledger) return 'controller';
  const known = rowMunicipalities.map((name) => municipalityOf(name, people)?.name ?? null);
  if (known.length === 0 || known.some((m) => m === null)) return UNKNOWN_EDITOR;
  return `editor van ${dutchNames([...new Set(known as string[])])}`;
}

/** Logboek's `Gebruiker` for lines the add-on adds itself about a rights violation or a repeated ID. */
export const ADDON_USER = 'Regiomonitor';
/** `Nieuw` of the line that flags a cell kept after an edit outside someone's rights; the check lists these. */
export const KEPT_OUTSIDE_RIGHTS = 'buiten rechten bewaard';
/** `Nieuw` of the line for cells of a row that did not exist, pasted outside the rights and made blank again. */
export const REVERTED_OUTSIDE_RIGHTS = 'buiten rechten teruggezet';
