import { actionPipeline, pipelineYear } from './budget';
import { LineFigures, Proposal, ProposalItem, YearFigures } from './check.types';
import { Priority, TOTAL_CODE } from './contract';
import { formatDay } from './dates';
import { Ledger } from './ledger';
import { Cents, formatEuro } from './money';
import { Action, Programme } from './model';
import { idKey } from './parse';
import { isOverrun } from './signal';

export const DEFER = 'Uitstellen';
export const ESCALATE = 'Besluit bestuurlijke werkgroep';
export const shiftFrom = (code: string) => `Verschuiven van ${code}`;

/** Cheapest to give up first; a blank priority is treated as the middle one. */
const PRIORITY_RANK: Record<Priority, number> = { Laag: 0, Middel: 1, Hoog: 2 };
const priorityRank = (p: Priority | null) => (p === null ? PRIORITY_RANK.Middel : PRIORITY_RANK[p]);

/**
 * IDs as people number them: `A-2` before `A-10`. Digit runs compare by value, everything else by
 * character code, so the order is the same in every runtime (no locale).
 */
export function naturalCompare(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(idKey(a));
  const y = chunks(idKey(b));
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    const pDigits = /^\d/.test(p);
    const qDigits = /^\d/.test(q);
    if (pDigits && qDigits) {
      const pv = p.replace(/^0+(?=\d)/, '');
      const qv = q.replace(/^0+(?=\d)/, '');
      if (pv.length !== qv.length) return pv.length - qv.length;
      if (pv !== qv) return pv < qv ? -1 : 1;
    } else if (p !== q) {
      return p < q ? -1 : 1;
    }
  }
  if (x.length !== y.length) return x.length - y.length;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Laag before Middel before Hoog, then latest deadline first (none = latest), then ID. */
export function compareCandidates(a: Action, b: Action): number {
  const byPriority = priorityRank(a.priority) - priorityRank(b.priority);
  if (byPriority !== 0) return byPriority;
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return -1;
    if (b.deadline === null) return 1;
    return a.deadline > b.deadline ? -1 : 1;
  }
  return naturalCompare(a.id, b.id) || a.row - b.row;
}

interface Candidate {
  action: Action;
  pipelineCents: Cents;
}

function deferItems(year: number, code: string, shortfallCents: Cents, candidates: Candidate[]): { items: ProposalItem[]; freedCents: Cents; taken: Action[] } {
  const items: ProposalItem[] = [];
  const taken: Action[] = [];
  let freedCents = 0;
  for (const { action, pipelineCents } of candidates) {
    if (freedCents >= shortfallCents) break;
    freedCents += pipelineCents;
    taken.push(action);
    const deadline = action.deadline ? `Deadline ${formatDay(action.deadline)}` : 'Geen deadline';
    items.push({
      year, code, shortfallCents, kind: 'defer', proposal: DEFER,
      actionId: action.id, actionTitle: action.title, priority: action.priority ?? '', freedCents: pipelineCents,
      note: `${deadline}; na dit voorstel gedekt: ${formatEuro(Math.min(freedCents, shortfallCents))} van ${formatEuro(shortfallCents)}`,
    });
  }
  return { items, freedCents, taken };
}

function escalateItem(year: number, code: string, shortfallCents: Cents, uncoveredCents: Cents): ProposalItem {
  return {
    year, code, shortfallCents, kind: 'escalate', proposal: ESCALATE,
    actionId: '', actionTitle: '', priority: '', freedCents: 0,
    note: `Nog niet gedekt: ${formatEuro(uncoveredCents)}; de beslissing ligt bij de bestuurlijke werkgroep.`,
  };
}

/**
 * The reprioritisation proposal: for every line-year in (threatening) overrun, which open actions to
 * defer and which line balances to shift; for a programme shortfall, which further actions to defer.
 * It only proposes: nothing here changes an action or an amount.
 */
export function proposeReprioritisation(years: readonly YearFigures[], programme: Programme, ledger: Ledger): Proposal[] {
  const pipelineOf = new Map<Action, Cents>(programme.actions.map((a) => [a, actionPipeline(a, ledger)]));
  const proposals: Proposal[] = [];

  for (const figures of years) {
    const { year } = figures;
    const lineOf = new Map<string, LineFigures>(figures.lines.map((l) => [idKey(l.code), l]));
    // Statutory lines (Veilig Thuis) are never cut.
    const deferrable: Candidate[] = programme.actions
      .filter((a) => a.budgetCode !== null && pipelineYear(a, programme.settings) === year && (pipelineOf.get(a) ?? 0) > 0)
      .filter((a) => {
        const line = lineOf.get(idKey(a.budgetCode!));
        return line !== undefined && !line.statutory;
      })
      .sort(compareCandidates)
      .map((action) => ({ action, pipelineCents: pipelineOf.get(action)! }));
    const alreadyProposed = new Set<Action>();

    // Room on healthy lines is shared: what one overrun takes is gone for the next.
    const sources = figures.lines
      .filter((l) => !l.statutory && !isOverrun(l.signal) && l.balanceCents > 0)
      .map((line, order) => ({ line, order, roomCents: line.balanceCents }))
      .sort((a, b) => b.line.balanceCents - a.line.balanceCents || a.order - b.order);

    for (const line of figures.lines.filter((l) => isOverrun(l.signal))) {
      const shortfallCents = line.forecastCents - line.estimateCents;
      const candidates = deferrable.filter((c) => idKey(c.action.budgetCode!) === idKey(line.code));
      const { items, freedCents, taken } = deferItems(year, line.code, shortfallCents, candidates);
      for (const action of taken) alreadyProposed.add(action);

      let coveredCents = freedCents;
      for (const source of sources) {
        if (coveredCents >= shortfallCents) break;
        if (source.roomCents <= 0) continue;
        const shiftCents = Math.min(source.roomCents, shortfallCents - coveredCents);
        const partlyUsed = source.roomCents < source.line.balanceCents ? `, waarvan ${formatEuro(source.roomCents)} nog vrij` : '';
        items.push({
          year, code: line.code, shortfallCents, kind: 'shift', proposal: shiftFrom(source.line.code),
          actionId: '', actionTitle: '', priority: '', freedCents: shiftCents,
          note: `Saldo ${source.line.code} ${formatEuro(source.line.balanceCents)}${partlyUsed}; voorstel: ${formatEuro(shiftCents)} verschuiven`,
        });
        source.roomCents -= shiftCents;
        coveredCents += shiftCents;
      }
      const covered = coveredCents >= shortfallCents;
      if (!covered) items.push(escalateItem(year, line.code, shortfallCents, shortfallCents - coveredCents));
      proposals.push({ year, code: line.code, shortfallCents, items, covered });
    }

    if (figures.shortfallCents > 0) {
      // Shifting between lines leaves the total unchanged, so only deferrals help the programme.
      const shortfallCents = figures.shortfallCents;
      const candidates = deferrable.filter((c) => !alreadyProposed.has(c.action));
      const { items, freedCents } = deferItems(year, TOTAL_CODE, shortfallCents, candidates);
      const covered = freedCents >= shortfallCents;
      if (!covered) items.push(escalateItem(year, TOTAL_CODE, shortfallCents, shortfallCents - freedCents));
      proposals.push({ year, code: TOTAL_CODE, shortfallCents, items, covered });
    }
  }
  return proposals;
}
