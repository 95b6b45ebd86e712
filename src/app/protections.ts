import { PropertyStore, ProtectionPort } from '../adapters/protectionPort';
import { Grid } from '../core/cell';
import { SETTING, TAB } from '../core/contract';
import { Municipality, Settings } from '../core/model';
import { parseWorkbook } from '../core/parse';
import { isProjectLeader } from '../core/permissions';
import { PROTECTION_PREFIX, planProtections } from '../core/protectionPlan';
import { encodeHeaders, headerCacheKey } from './edits';
import { Runtime } from './runtime';

export interface ProtectionReport {
  removed: number;
  applied: number;
  warnings: string[];
  /** Dutch summary for a toast or alert. */
  message: string;
}

/** Settings and municipalities as the permission rules need them, from two tabs only. */
export function readPeople(runtime: Runtime): { settings: Settings; municipalities: Municipality[]; actions: Grid | null } {
  const wb = runtime.workbook;
  const present = new Set(wb.tabNames());
  const read = (tab: string) => (present.has(tab) ? wb.readTab(tab) : null);
  const { programme } = parseWorkbook(
    { [TAB.settings]: read(TAB.settings), [TAB.municipalities]: read(TAB.municipalities) },
    { timeZone: wb.timeZone, today: runtime.today() },
  );
  return { settings: programme.settings, municipalities: programme.municipalities, actions: read(TAB.actions) };
}

/**
 * `Rechten per gemeente toepassen`: replaces the add-on's own protections (found by description
 * prefix; protections users made by hand are left alone) with ones computed from the data as it is
 * now, so running it again after rows were added or sorted brings them back in line.
 * Only the project leader may run it: they are the one person no protection ever excludes.
 */
export function applyProtections(runtime: Runtime, protections: ProtectionPort, store?: PropertyStore): ProtectionReport {
  return runtime.withDocumentLock(() => {
    const { settings, municipalities, actions } = readPeople(runtime);
    const email = runtime.userEmail();
    if (!settings.projectLeader) {
      // planProtections explains this case; checked first so nobody is told they are not the leader.
    } else if (!isProjectLeader(email, settings)) {
      throw new Error(
        email
          ? `Alleen de projectleider (${settings.projectLeader}) kan de rechten toepassen; je bent ingelogd als ${email}.`
          : `Alleen de projectleider kan de rechten toepassen, en Google geeft je e-mailadres niet door. Log in met het account uit Instellingen › ${SETTING.projectLeader}.`,
      );
    }
    const plan = planProtections(actions, municipalities, settings, runtime.workbook.tabNames());
    if (!plan.ok) throw new Error(plan.error);
    const removed = protections.removeProtections(PROTECTION_PREFIX);
    protections.addProtections(plan.protections);
    if (store && actions?.[0]) store.set({ [headerCacheKey(TAB.actions)]: encodeHeaders(actions[0]) });
    const municipalRuns = plan.protections.filter((p) => p.description.startsWith(`${PROTECTION_PREFIX}Acties van `)).length;
    const message = `${plan.protections.length} beveiligingen toegepast (waarvan ${municipalRuns} voor rijen in ${TAB.actions}); ${removed} oude vervangen.${plan.warnings.length ? ` Let op: ${plan.warnings.join(' ')}` : ''}`;
    return { removed, applied: plan.protections.length, warnings: plan.warnings, message };
  });
}
