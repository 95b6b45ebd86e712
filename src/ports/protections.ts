import { PlannedProtection } from '../core/rights/protectionPlan';

/**
 * Sheet protections, which the workbook port does not cover: only `Rechten per gemeente toepassen`
 * needs them. Implemented over SpreadsheetApp in appsscript/protections.ts.
 */
export interface ProtectionPort {
  /**
   * Puts `planned` in place of the add-on's own protections (description starts with `prefix`),
   * each with exactly its editors and no domain-wide edit right. Safe at every step: the new range
   * protections are made before the old ones go, and a sheet's own protection is narrowed before it
   * is widened, so a failure halfway leaves the sheet at least as protected as before.
   * A sheet protection someone made by hand is left alone; its tab is named in `skipped`.
   */
  replaceProtections(planned: readonly PlannedProtection[], prefix: string): { applied: number; removed: number; skipped: string[] };

  /**
   * Puts one planned sheet protection on its tab alone, leaving every other protection as it is:
   * the add-on's own protection of that tab is reused (never a second), one standing as planned is
   * left untouched. 'skipped' when the tab has a protection someone made by hand, or is missing.
   */
  protectTab(planned: PlannedProtection, prefix: string): 'kept' | 'applied' | 'skipped';
}
