import { Programme } from '../../workbook/model';
import { Ledger } from '../ledger';
import { hasEnded } from '../phase';
import { isOverrun } from '../signal';
import { Proposal, YearFigures } from '../types';
import { deferralCandidates } from './candidates';
import { circulaireNotes } from './circulaire';
import { DeferralLedger } from './deferral';
import { endedYearProposals } from './endedYear';
import { YearPlanner } from './planner';

export { compareCandidates } from './candidates';
export { COVERED_BY_LINES, decisionBodyOf, escalateTo, lowerProposal, shiftProposal } from './planner';

export interface ProposalOptions {
  /** How often each action's Deadline was moved later, by idKey of its ID (from Logboek). */
  deferredTimes?: ReadonlyMap<string, number>;
}

/**
 * A year is covered only when the shortfalls its deferrals create in later years are covered too:
 * walking back from the last year, a year whose deferrals landed in a year that is not covered is
 * not covered either (contract: the proposal's chained years).
 */
function chainCoverage(proposals: Proposal[], receivedFrom: ReadonlyMap<number, boolean>): void {
  const years = [...new Set(proposals.map((p) => p.year))].sort((a, b) => b - a);
  const uncoveredFrom = new Map<number, number>();
  for (const year of years) {
    const own = proposals.filter((p) => p.year === year);
    const nextBad = receivedFrom.get(year) ? uncoveredFrom.get(year + 1) : undefined;
    if (nextBad !== undefined) {
      for (const p of own.filter((x) => x.items.some((i) => i.kind === 'defer' && i.deferral?.toYear === year + 1))) {
        p.covered = false;
        p.uncoveredLaterYear = nextBad;
      }
    }
    if (own.some((p) => !p.covered)) uncoveredFrom.set(year, nextBad ?? year);
  }
}

/**
 * The reprioritisation proposal: for every line-year in (threatening) overrun of a running or future
 * year, which open actions to defer and which room to move; for a programme shortfall, which ramingen
 * to lower and what else to defer; for a circulaire, whom to consult; for an ended year, the one
 * decision its overrun needs, and a storting of its surplus where the region's policy says so. Years
 * are proposed in order, each on the figures the earlier years' deferrals leave it. It only proposes:
 * a person decides, and nothing here changes an action, a raming or an amount.
 */
export function proposeReprioritisation(years: readonly YearFigures[], programme: Programme, ledger: Ledger, options: ProposalOptions = {}): Proposal[] {
  const deferrals = new DeferralLedger(new Map(years.map((y) => [y.year, y])), programme.settings);
  const proposals: Proposal[] = [];
  const receivedFrom = new Map<number, boolean>();
  for (const original of years) {
    if (hasEnded(original.phase)) {
      proposals.push(...endedYearProposals(original, programme.settings));
      continue;
    }
    const figures = deferrals.adjusted(original);
    const planner = new YearPlanner(figures, deferralCandidates(programme, ledger, figures.year, figures.lines), deferrals, programme.settings, options.deferredTimes ?? new Map());
    for (const line of figures.lines.filter((l) => isOverrun(l.signal))) planner.planLine(line);
    planner.planProgramme();
    proposals.push(...planner.proposals, ...circulaireNotes(figures.year, programme));
    receivedFrom.set(figures.year + 1, planner.proposals.some((p) => p.items.some((i) => i.kind === 'defer' && i.deferral?.toYear === figures.year + 1)));
  }
  chainCoverage(proposals, new Map([...receivedFrom].map(([y, v]) => [y - 1, v])));
  return proposals;
}

