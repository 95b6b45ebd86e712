import { PropertyStore } from '../ports/properties';
import { ProtectionPort } from '../ports/protections';
import { Grid, cellText } from '../core/sheet/cell';
import { TAB } from '../core/workbook/contract';
import { Municipality, Settings } from '../core/workbook/model';
import { digestPeople } from '../core/rights/columnRights';
import { PROTECTION_PREFIX, TypedAddresses, addressProblems, planProtections } from '../core/rights/protectionPlan';
import { PEOPLE_CACHE_KEY, encodeHeaders, encodePeople, headerCacheKey } from '../core/logbook/editCache';
import { readRoles } from './authorize';
import { Runtime } from '../ports/runtime';
import { headerIndex } from '../core/sheet/headers';

export interface ProtectionReport {
  removed: number;
  applied: number;
  warnings: string[];
  /** Dutch summary for a toast or alert. */
  message: string;
}

/** Settings and municipalities as the permission rules need them, and the rows of `Acties` they apply to. */
export function readPeople(runtime: Runtime): { settings: Settings; municipalities: Municipality[]; actions: Grid | null } {
  const wb = runtime.workbook;
  return { ...readRoles(runtime), actions: wb.tabNames().includes(TAB.actions) ? wb.readTab(TAB.actions) : null };
}

/** The addresses as typed in `Instellingen` and `Gemeenten` (parse drops bad editors; here they must be seen). */
function typedAddresses(runtime: Runtime, settings: Settings): TypedAddresses {
  const grid = runtime.workbook.tabNames().includes(TAB.municipalities) ? runtime.workbook.readTab(TAB.municipalities) : null;
  const header = grid?.[0] ?? [];
  const name = headerIndex(header, 'Gemeente');
  const editors = headerIndex(header, 'Editors');
  return {
    projectLeader: settings.projectLeader,
    controller: settings.controller,
    editors: editors < 0 ? [] : (grid ?? []).slice(1).map((line, i) => ({ municipality: cellText(line[name] ?? null).trim(), row: i + 2, text: cellText(line[editors] ?? null) })),
  };
}

/**
 * `Rechten per gemeente toepassen`: replaces the add-on's own protections (found by description
 * prefix; protections users made by hand are left alone) with ones computed from the data as it is
 * now, so running it again after rows were added or sorted brings them back in line. Every address
 * is checked first: one bad address refuses the whole run, in Dutch, before anything changes. The
 * server function lets only the project leader run it (src/server/protections.ts).
 */
export function applyProtections(runtime: Runtime, protections: ProtectionPort, store?: PropertyStore): ProtectionReport {
  return runtime.withDocumentLock(() => {
    const { settings, municipalities, actions } = readPeople(runtime);
    const problems = addressProblems(typedAddresses(runtime, settings));
    if (problems.length) {
      throw new Error(`De rechten zijn niet toegepast; er is niets gewijzigd. Verbeter eerst deze adressen:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    }
    const plan = planProtections(actions, municipalities, settings, runtime.workbook.tabNames());
    if (!plan.ok) throw new Error(plan.error);
    const { applied, removed, skipped } = protections.replaceProtections(plan.protections, PROTECTION_PREFIX);
    // The edit trigger's caches live in its owner's own properties (core/logbook/editCache.ts).
    if (store) {
      const cache: Record<string, string> = {};
      if (actions?.[0]) cache[headerCacheKey(TAB.actions)] = encodeHeaders(actions[0]);
      const people = encodePeople(digestPeople(settings, municipalities));
      if (people) cache[PEOPLE_CACHE_KEY] = people;
      store.set(cache);
    }
    const warnings = [...plan.warnings, ...skipped.map((tab) => `${tab} heeft al een eigen beveiliging van het hele tabblad; die is niet aangepast.`)];
    const municipalRuns = plan.protections.filter((p) => p.description.startsWith(`${PROTECTION_PREFIX}Acties van `)).length;
    const message = `${applied} beveiligingen toegepast (waarvan ${municipalRuns} voor rijen van gemeenten in ${TAB.actions}); ${removed} oude vervangen.${warnings.length ? ` Let op: ${warnings.join(' ')}` : ''}`;
    return { removed, applied, warnings, message };
  });
}
