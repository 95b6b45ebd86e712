import { Grid, cellText, isBlank } from '../sheet/cell';
import { BERAP_TAB } from '../budget/berap/rows';
import { GENERATED_TABS, HEADERS, REGION_MUNICIPALITY, SETTING, TAB } from '../workbook/contract';
import { Municipality, Settings } from '../workbook/model';
import { OFFICIAL_COLUMNS, STAMP_COLUMNS } from './columnRights';
import { ROW_COPY_TAB } from '../logbook/rowCopy';
import { columnOf, headerIndex, headerKey, headerKeys } from '../sheet/headers';

/**
 * Every protection the add-on makes starts with this, so a new run can find and replace its own
 * protections and leave those a user made by hand alone.
 */
export const PROTECTION_PREFIX = 'Regiomonitor: ';

/** A rectangle of rows and columns, 1-based and inclusive; `to`/`lastColumn` null: to the sheet's end. */
export interface Block {
  from: number;
  to: number | null;
  firstColumn: number;
  lastColumn: number | null;
}

export type ProtectedArea =
  /** The whole sheet, except the blocks listed (Sheets' "except certain cells"). */
  | { kind: 'sheet'; unprotected: Block[] }
  | ({ kind: 'block' } & Block);

export interface PlannedProtection {
  tab: string;
  area: ProtectedArea;
  /** Lower-case e-mail addresses that may edit; the project leader is always among them. */
  editors: string[];
  /** Dutch, starts with PROTECTION_PREFIX and names the municipality for municipal rows. */
  description: string;
}

export type ProtectionPlan =
  | { ok: true; protections: PlannedProtection[]; warnings: string[] }
  | { ok: false; error: string };

/** Tabs only the project leader edits: the settings, the region's facts and the budget. */
export const LEADER_ONLY_TABS = [TAB.budget, TAB.coverage, TAB.settings, TAB.municipalities, TAB.actionLines, TAB.meetups, TAB.indicators, TAB.actionList] as const;
/** Tabs the add-on rewrites whole; the budget check is run by the project leader. */
export const GENERATED_PROTECTED_TABS = GENERATED_TABS;
/** Kept by the project leader and the controller: the ledger, the decided budget changes, the adopted accounts. */
export const CONTROLLER_TABS = [TAB.ledger, TAB.budgetChanges, TAB.yearClosing] as const;
/** `Agenda JJJJ-MM-DD`, and `Agenda JJJJ-Qn` as earlier versions named it: both stay protected. */
const AGENDA_TAB = /^Agenda \d{4}-(Q[1-4]|\d{2}-\d{2})$/;
/**
 * A municipality's rows need one protection per run of adjacent rows, because a protection covers
 * one rectangle. Rows sorted by municipality make one run each; rows mixed at random make nearly one
 * per row, and each costs about eight calls to Sheets. Beyond this many runs the 6-minute limit of
 * Apps Script comes near, so the plan asks for sorting first instead of starting.
 */
export const MAX_MUNICIPAL_RUNS = 100;

const norm = (text: string) => text.trim().toLowerCase();

function unique(emails: readonly string[]): string[] {
  return [...new Set(emails.map(norm).filter(Boolean))];
}

function rowsLabel(from: number, to: number): string {
  return from === to ? `rij ${from}` : `rijen ${from}-${to}`;
}

/** Adjacent 1-based columns as runs: [5, 8, 9, 12, 13, 14] → [[5,5], [8,9], [12,14]]. */
function columnRuns(columns: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const c of [...columns].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/**
 * The protections that make the sheet safe to share, computed from the data as it is now:
 * - `Acties` (column rights, core/rights/columnRights.ts): one sheet protection for the project leader,
 *   except, in each municipality's runs of rows, the columns an official may change (and the stamps
 *   "Mijn acties" writes as them). No row below the data is open: "Actie toevoegen" asks the project
 *   leader's trigger to add the row, which it does with the project leader's rights. Over each run
 *   one protection from the first to the last of those columns, for the municipality's editors and
 *   the project leader. Sheets lets a person edit a cell only if every protection on it lets them, so
 *   the leader's columns inside that span stay the leader's. Regional rows and rows of no known
 *   municipality need nothing more. The number of protections grows with the runs, not the rows.
 * - `Mutaties`: the project leader and the controller.
 * - Settings, budget and region tabs, and the generated tabs: the project leader.
 * - `Logboek` and the row copy: the project leader alone, whose trigger writes them; "Mijn acties"
 *   and "Actie toevoegen" leave their lines for it (core/logbook/queue.ts), and the keyed chain shows
 *   any change all the same.
 * A blank `Projectleider` plans nothing: every protection would lock everyone but the owner out.
 */
export function planProtections(
  actions: Grid | null,
  municipalities: readonly Municipality[],
  settings: Pick<Settings, 'projectLeader' | 'controller'>,
  tabNames: readonly string[],
  /** Only the benchmark raises it, to measure what mixed rows would cost. */
  maxRuns = MAX_MUNICIPAL_RUNS,
): ProtectionPlan {
  const leader = norm(settings.projectLeader);
  if (!leader) {
    return {
      ok: false,
      error: `Vul eerst in Instellingen bij ${SETTING.projectLeader} het e-mailadres van de projectleider in. Zonder projectleider worden geen rechten toegepast: niemand zou de beschermde tabbladen dan nog kunnen bewerken.`,
    };
  }
  const present = new Set(tabNames);
  const protections: PlannedProtection[] = [];
  const warnings: string[] = [];
  const leaderOnly = [leader];

  if (actions && present.has(TAB.actions)) {
    const header = headerKeys(actions[0] ?? []);
    const municipalityColumn = headerIndex(actions[0] ?? [], 'Gemeente');
    if (municipalityColumn < 0) {
      return { ok: false, error: `Kolom Gemeente ontbreekt in de kopregel van ${TAB.actions}; zonder die kolom is niet te zien welke rij bij welke gemeente hoort.` };
    }
    const contract = new Set(HEADERS[TAB.actions].map((h) => headerKey(h)));
    const dataColumns = header.map((h, i) => (contract.has(h) ? i : -1)).filter((i) => i >= 0);
    const officialColumns = [...OFFICIAL_COLUMNS, ...STAMP_COLUMNS].map((h) => columnOf(actions[0] ?? [], h)).filter((c) => c > 0);
    const groups = columnRuns(officialColumns);
    const byKey = new Map(municipalities.map((m) => [norm(m.name), m]));
    const unknownKey = '\u0000onbekend';

    // Runs of adjacent rows that belong to the same owner; a blank row ends a run.
    let run: { key: string; from: number; to: number } | null = null;
    const runs: { key: string; from: number; to: number }[] = [];
    for (let r = 1; r < actions.length; r++) {
      const line = actions[r] ?? [];
      const rowNumber = r + 1;
      if (dataColumns.every((c) => isBlank(line[c]))) {
        run = null;
        continue;
      }
      const name = norm(cellText(line[municipalityColumn]));
      const key = name === norm(REGION_MUNICIPALITY) ? name : byKey.has(name) ? name : unknownKey;
      if (key === unknownKey) warnings.push(`${TAB.actions} rij ${rowNumber}: gemeente "${cellText(line[municipalityColumn]).trim()}" staat niet in ${TAB.municipalities}; alleen de projectleider kan deze rij bewerken.`);
      if (run && run.key === key && run.to === rowNumber - 1) {
        run.to = rowNumber;
      } else {
        run = { key, from: rowNumber, to: rowNumber };
        runs.push(run);
      }
    }
    const municipal = runs.filter((r) => byKey.has(r.key));
    if (municipal.length > maxRuns) {
      return {
        ok: false,
        error: `De rijen van ${TAB.actions} staan niet per gemeente bij elkaar: dat vraagt ${municipal.length} aparte beveiligingen (hoogstens ${MAX_MUNICIPAL_RUNS} passen in de tijd die Google een script geeft). Sorteer ${TAB.actions} eerst op de kolom Gemeente (Gegevens › Bereik sorteren, met kopregel) en kies dan opnieuw Rechten per gemeente toepassen. Er is niets gewijzigd.`,
      };
    }
    const unprotected: Block[] = [];
    const blocks: PlannedProtection[] = [];
    for (const { key, from, to } of municipal) {
      const m = byKey.get(key)!;
      if (m.editors.length === 0) warnings.push(`${m.name} heeft geen Editors in ${TAB.municipalities}; alleen de projectleider kan de acties van ${m.name} bewerken.`);
      if (groups.length === 0) continue;
      for (const [first, last] of groups) unprotected.push({ from, to, firstColumn: first, lastColumn: last });
      blocks.push({
        tab: TAB.actions,
        area: { kind: 'block', from, to, firstColumn: groups[0][0], lastColumn: groups[groups.length - 1][1] },
        editors: unique([leader, ...m.editors]),
        description: `${PROTECTION_PREFIX}Acties van ${m.name} (${rowsLabel(from, to)})`,
      });
    }
    // Below the data nothing is open: a row an official adds could carry money ("Actie toevoegen"
    // asks the project leader's trigger to add it instead, core/logbook/queue.ts).
    protections.push({
      tab: TAB.actions,
      area: { kind: 'sheet', unprotected },
      editors: leaderOnly,
      description: `${PROTECTION_PREFIX}${TAB.actions} (projectleider; per gemeente alleen ${OFFICIAL_COLUMNS.join(', ')})`,
    });
    protections.push(...blocks);
  }

  // The P&C tabs: the ledger, the decided budget changes and the adopted accounts are the controller's too.
  for (const tab of CONTROLLER_TABS) {
    if (present.has(tab)) protections.push({ tab, area: { kind: 'sheet', unprotected: [] }, editors: unique([leader, settings.controller]), description: `${PROTECTION_PREFIX}${tab} (projectleider en controller)` });
  }
  for (const tab of tabNames.filter((t) => BERAP_TAB.test(t)).sort()) protections.push(berapProtection(tab, settings)!);
  const leaderTabs = [...LEADER_ONLY_TABS, ...GENERATED_PROTECTED_TABS, ...tabNames.filter((t) => AGENDA_TAB.test(t)).sort()];
  for (const tab of leaderTabs) {
    if (present.has(tab)) protections.push({ tab, area: { kind: 'sheet', unprotected: [] }, editors: leaderOnly, description: `${PROTECTION_PREFIX}${tab} (alleen projectleider)` });
  }
  // Only the project leader's trigger writes these; everyone else's lines wait in the queue for it.
  for (const tab of [TAB.log, ROW_COPY_TAB]) {
    if (present.has(tab)) protections.push({ tab, area: { kind: 'sheet', unprotected: [] }, editors: leaderOnly, description: `${PROTECTION_PREFIX}${tab} (alleen de trigger van de projectleider)` });
  }
  return { ok: true, protections, warnings: [...new Set(warnings)] };
}

/**
 * A berap tab: the controller types its Toelichting; officials only read it. The same protection
 * whether `Berap maken` puts it on the new tab or `Rechten per gemeente toepassen` does, so either
 * finds the other's. null without a project leader (see planProtections).
 */
export function berapProtection(tab: string, settings: Pick<Settings, 'projectLeader' | 'controller'>): PlannedProtection | null {
  const leader = norm(settings.projectLeader);
  if (!leader) return null;
  return { tab, area: { kind: 'sheet', unprotected: [] }, editors: unique([leader, settings.controller]), description: `${PROTECTION_PREFIX}${tab} (projectleider en controller)` };
}

const EMAIL = /^[^\s@,;<>"']+@[^\s@,;<>"']+\.[^\s@,;<>"']+$/;

/** The addresses as typed, before anything is protected with them. */
export interface TypedAddresses {
  projectLeader: string;
  controller: string;
  /** Per municipality, the `Editors` cell as typed. */
  editors: { municipality: string; row: number; text: string }[];
}

/**
 * Every address that Sheets would refuse, in Dutch, one per line: a protection applied with a bad
 * address fails halfway, so the rights are applied only when this list is empty.
 */
export function addressProblems(typed: TypedAddresses): string[] {
  const problems: string[] = [];
  const check = (where: string, value: string) => {
    if (value && !EMAIL.test(value)) problems.push(`${where}: "${value}" is geen e-mailadres`);
  };
  check(`${TAB.settings} › ${SETTING.projectLeader}`, typed.projectLeader.trim());
  check(`${TAB.settings} › ${SETTING.controller}`, typed.controller.trim());
  for (const e of typed.editors) {
    for (const address of e.text.split(/[,;\s]+/).map((a) => a.trim()).filter(Boolean)) check(`${TAB.municipalities} rij ${e.row} (${e.municipality}) › Editors`, address);
  }
  return problems;
}
