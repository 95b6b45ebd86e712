import { Grid, cellText, isBlank } from './cell';
import { GENERATED_TABS, HEADERS, REGION_MUNICIPALITY, SETTING, TAB } from './contract';
import { Municipality, Settings } from './model';

/**
 * Every protection the add-on makes starts with this, so a new run can find and replace its own
 * protections and leave those a user made by hand alone.
 */
export const PROTECTION_PREFIX = 'Regiomonitor: ';

export type ProtectedArea =
  | { kind: 'sheet' }
  /** Whole rows, 1-based and inclusive. */
  | { kind: 'rows'; from: number; to: number };

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
export const LEADER_ONLY_TABS = [TAB.budget, TAB.coverage, TAB.settings, TAB.municipalities, TAB.actionLines, TAB.meetups, TAB.indicators] as const;
/** Tabs the add-on rewrites whole; the budget check is run by the project leader. */
export const GENERATED_PROTECTED_TABS = GENERATED_TABS;
const AGENDA_TAB = /^Agenda \d{4}-Q[1-4]$/;

const norm = (text: string) => text.trim().toLowerCase();

function unique(emails: readonly string[]): string[] {
  return [...new Set(emails.map(norm).filter(Boolean))];
}

function rowsLabel(from: number, to: number): string {
  return from === to ? `rij ${from}` : `rijen ${from}-${to}`;
}

/**
 * The protections that make the sheet safe to share, computed from the data as it is now:
 * - `Acties`: the header row for the project leader; each municipality's rows, grouped into runs of
 *   adjacent rows (users sort and insert, so one municipality's rows are rarely one block), for its
 *   editors and the project leader; regional rows and rows naming no known municipality for the
 *   project leader. Blank rows stay open so officials can add actions; the next run protects them.
 * - `Mutaties`: the project leader and the controller.
 * - Settings, budget and region tabs, and the generated tabs: the project leader.
 * - `Logboek`: the project leader, the controller and every editor, because `Mijn acties` appends to
 *   it as the official who saves; the edit trigger writes as the project leader who installed it.
 * A blank `Projectleider` plans nothing: every protection would lock everyone but the owner out.
 */
export function planProtections(actions: Grid | null, municipalities: readonly Municipality[], settings: Pick<Settings, 'projectLeader' | 'controller'>, tabNames: readonly string[]): ProtectionPlan {
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
    const header = (actions[0] ?? []).map((c) => norm(cellText(c)));
    const municipalityColumn = header.indexOf(norm('Gemeente'));
    if (municipalityColumn < 0) {
      return { ok: false, error: `Kolom Gemeente ontbreekt in de kopregel van ${TAB.actions}; zonder die kolom is niet te zien welke rij bij welke gemeente hoort.` };
    }
    protections.push({ tab: TAB.actions, area: { kind: 'rows', from: 1, to: 1 }, editors: leaderOnly, description: `${PROTECTION_PREFIX}kopregel ${TAB.actions}` });

    const contract = new Set(HEADERS[TAB.actions].map(norm));
    const dataColumns = header.map((h, i) => (contract.has(h) ? i : -1)).filter((i) => i >= 0);
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
    for (const { key, from, to } of runs) {
      const area: ProtectedArea = { kind: 'rows', from, to };
      if (key === norm(REGION_MUNICIPALITY)) {
        protections.push({ tab: TAB.actions, area, editors: leaderOnly, description: `${PROTECTION_PREFIX}Acties van de regio (${rowsLabel(from, to)})` });
      } else if (key === unknownKey) {
        protections.push({ tab: TAB.actions, area, editors: leaderOnly, description: `${PROTECTION_PREFIX}Acties zonder bekende gemeente (${rowsLabel(from, to)})` });
      } else {
        const m = byKey.get(key)!;
        if (m.editors.length === 0) warnings.push(`${m.name} heeft geen Editors in ${TAB.municipalities}; alleen de projectleider kan de acties van ${m.name} bewerken.`);
        protections.push({ tab: TAB.actions, area, editors: unique([leader, ...m.editors]), description: `${PROTECTION_PREFIX}Acties van ${m.name} (${rowsLabel(from, to)})` });
      }
    }
  }

  if (present.has(TAB.ledger)) {
    protections.push({ tab: TAB.ledger, area: { kind: 'sheet' }, editors: unique([leader, settings.controller]), description: `${PROTECTION_PREFIX}${TAB.ledger} (projectleider en controller)` });
  }
  const leaderTabs = [...LEADER_ONLY_TABS, ...GENERATED_PROTECTED_TABS, ...tabNames.filter((t) => AGENDA_TAB.test(t)).sort()];
  for (const tab of leaderTabs) {
    if (present.has(tab)) protections.push({ tab, area: { kind: 'sheet' }, editors: leaderOnly, description: `${PROTECTION_PREFIX}${tab} (alleen projectleider)` });
  }
  if (present.has(TAB.log)) {
    const everyone = unique([leader, settings.controller, ...municipalities.flatMap((m) => m.editors)]);
    protections.push({ tab: TAB.log, area: { kind: 'sheet' }, editors: everyone, description: `${PROTECTION_PREFIX}${TAB.log} (projectleider, controller en editors)` });
  }
  return { ok: true, protections, warnings: [...new Set(warnings)] };
}
