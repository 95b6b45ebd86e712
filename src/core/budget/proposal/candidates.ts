import { Priority } from '../../workbook/contract';
import { Cents } from '../../values/money';
import { Action, Programme } from '../../workbook/model';
import { naturalCompare } from '../../workbook/ids';
import { idKey } from '../../workbook/rowReader';
import { Ledger } from '../ledger';
import { actionPipeline, pipelineYear } from '../pipeline';
import { LineFigures } from '../types';

/** Cheapest to give up first; a blank priority is treated as the middle one. */
const PRIORITY_RANK: Record<Priority, number> = { Laag: 0, Middel: 1, Hoog: 2 };
const priorityRank = (p: Priority | null) => (p === null ? PRIORITY_RANK.Middel : PRIORITY_RANK[p]);

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

/** An action that could be deferred, with what deferring it frees. */
export interface Candidate {
  action: Action;
  /** The line it is on (code as in Begroting). */
  code: string;
  pipelineCents: Cents;
}

/**
 * The actions of one year that could be deferred, in the order they are proposed: still open (also
 * `Uitgesteld`), something left of `Geraamd`, and on a Flexibel line. A subsidy or statutory task
 * is not made cheaper by postponing an action booked on it.
 */
export function deferralCandidates(programme: Programme, ledger: Ledger, year: number, lines: readonly LineFigures[]): Candidate[] {
  const lineOf = new Map(lines.map((l) => [idKey(l.code), l]));
  const out: Candidate[] = [];
  for (const action of programme.actions) {
    if (action.budgetCode === null || pipelineYear(action, programme.settings) !== year) continue;
    const line = lineOf.get(idKey(action.budgetCode));
    if (!line || line.character !== 'Flexibel') continue;
    const pipelineCents = actionPipeline(action, ledger);
    if (pipelineCents > 0) out.push({ action, code: line.code, pipelineCents });
  }
  return out.sort((a, b) => compareCandidates(a.action, b.action));
}
