import { buildBerap } from '../core/budget/berap/build';
import { explanationsByCode } from '../core/budget/berap/carryOver';
import { renderBerapHtml } from '../core/budget/berap/html';
import { renderBerapMarkdown } from '../core/budget/berap/markdown';
import { BERAP_LAYOUT, berapTabName, renderBerapRows } from '../core/budget/berap/rows';
import { Berap } from '../core/budget/berap/types';
import { holdsFictionalData } from '../core/agenda/build';
import { CheckResult } from '../core/check';
import { DutchError } from '../core/errors';
import { Grid, cellText } from '../core/sheet/cell';
import { Day } from '../core/values/dates';
import { LAYOUT, TAB } from '../core/workbook/contract';
import { PROTECTION_PREFIX, berapProtection } from '../core/rights/protectionPlan';
import { BerapPorts } from '../ports/berap';
import { Runtime } from '../ports/runtime';
import { computeCheck, readSnapshot } from './budgetCheck';

export type { BerapPorts };

/** A berap that cannot be made (no year in Begroting): a Dutch message, never a crash. */
export class BerapInputError extends DutchError {}

export interface BerapOutput {
  berap: Berap;
  check: CheckResult;
  tabName: string;
  rows: Grid;
  markdown: string;
  html: string;
}

/** A berap tab with rows but without `Code` or `Toelichting` in row 1: its texts cannot be carried over. */
function lostColumns(tab: Grid | null): string[] {
  if (!tab || tab.length < 2) return [];
  const header = tab[0].map((h) => cellText(h).trim().toLowerCase());
  return ['Code', 'Toelichting'].filter((h) => !header.includes(h.toLowerCase()));
}

/**
 * Builds the berap at the Peildatum (`referenceDate` wins over `Instellingen › Peildatum`, as the
 * CLI's `--peildatum` does) from one read of the workbook and the same computeCheck as the budget
 * check, so the berap and `Budgetcontrole` cannot disagree. The tab as it stands gives back the
 * controller's texts. Nothing is written.
 */
export function prepareBerap(runtime: Runtime, referenceDate?: Day): BerapOutput {
  const snapshot = readSnapshot(runtime);
  const check = computeCheck(runtime, snapshot, { referenceDate, beraps: [] });
  const { settings } = check.programme;
  const year = check.years.find((y) => y.year === check.summary.focusYear);
  if (!year) throw new BerapInputError('Er is geen berap te maken: Begroting heeft nog geen enkele regel met een jaar en een raming.');
  const tabName = berapTabName(settings.referenceDate);
  const existing = runtime.workbook.tabNames().includes(tabName) ? runtime.workbook.readTab(tabName) : null;
  const lost = lostColumns(existing);
  if (lost.length) {
    throw new BerapInputError(
      `Het tabblad ${tabName} mist de kolom ${lost.join(' en ')}: zo kan Regiomonitor je toelichtingen niet terugvinden, en opnieuw maken zou ze wissen. ` +
        'Zet de kolomkop terug in rij 1 en kies dan opnieuw Berap maken.',
    );
  }
  const berap = buildBerap({
    settings, year, history: check.history, proposals: check.proposals, explanations: explanationsByCode(existing),
    programmeName: settings.programmeName, fictional: holdsFictionalData(snapshot),
  });
  return { berap, check, tabName, rows: renderBerapRows(berap), markdown: renderBerapMarkdown(berap), html: renderBerapHtml(berap) };
}

/** Document property holding the Doc of the berap at `referenceDate`: one Doc per Peildatum. */
export const berapDocKey = (referenceDate: Day) => `regiomonitor.berapDoc.${referenceDate}`;
/** Document property describing the chart the last run left on the berap tab (BerapChartPort). */
export const berapChartKey = (referenceDate: Day) => `regiomonitor.berapChart.${referenceDate}`;

/**
 * The berap service, under the document lock (two runs cannot make two Docs, or interleave with a
 * check): the tab rewritten with the texts kept and protected, this Peildatum's snapshot in `Prognoseverloop`
 * (so the next berap compares with this one), the chart replaced, the Doc updated in place.
 */
export function generateBerap(runtime: Runtime, referenceDate: Day | undefined, ports: BerapPorts = {}): BerapOutput & { docUrl?: string } {
  return runtime.withDocumentLock(() => {
    const output = prepareBerap(runtime, referenceDate);
    runtime.workbook.replaceTab(output.tabName, BERAP_LAYOUT, output.rows);
    // Rights hold in the sheet from the start: an official must not type in a new berap tab while
    // `Rechten per gemeente toepassen` has not run since (it plans this same protection).
    const protection = berapProtection(output.tabName, output.check.programme.settings);
    if (protection) ports.protections?.protectTab(protection, PROTECTION_PREFIX);
    runtime.workbook.replaceTab(TAB.forecastHistory, LAYOUT[TAB.forecastHistory], output.check.outputs[TAB.forecastHistory]);
    // One read of the properties for the chart and the Doc, one write when either changed.
    const docKey = berapDocKey(output.berap.referenceDate);
    const chartKey = berapChartKey(output.berap.referenceDate);
    const known = ports.chart || ports.doc ? runtime.properties.getAll() : {};
    const changed: Record<string, string> = {};
    if (ports.chart) {
      const placed = ports.chart.replace(output.tabName, output.berap, known[chartKey] ?? null);
      if (placed !== (known[chartKey] ?? '')) changed[chartKey] = placed;
    }
    const doc = ports.doc?.write(output.berap, known[docKey] ?? null);
    if (doc && doc.id !== known[docKey]) changed[docKey] = doc.id;
    if (Object.keys(changed).length) runtime.properties.set(changed);
    if (!doc) return output;
    return { ...output, docUrl: doc.url };
  });
}
