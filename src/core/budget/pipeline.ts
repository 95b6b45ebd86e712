import { OPEN_STATUSES } from '../workbook/contract';
import { yearOf } from '../values/dates';
import { Cents } from '../values/money';
import { Action, Settings } from '../workbook/model';
import { Ledger, lineYearKey } from './ledger';

/**
 * The year an action's remaining cost falls in: its deadline's (a deferred action's moved deadline),
 * or the period's last when it has none. A year that has ended keeps counting it until it is closed,
 * deferred or dropped: planning that did not happen stays visible.
 */
export function pipelineYear(action: Action, settings: Pick<Settings, 'endYear'>): number {
  return action.deadline ? yearOf(action.deadline) : settings.endYear;
}

/**
 * What an action still adds to the forecast: `Geraamd` minus what the ledger already holds for it,
 * never below zero, and only while the action is still going to happen (`Uitgesteld` still will).
 */
export function actionPipeline(action: Action, ledger: Ledger): Cents {
  if (!OPEN_STATUSES.includes(action.status)) return 0;
  return Math.max(0, (action.plannedCents ?? 0) - ledger.heldForAction(action.id));
}

/** Gepland per line-year. */
export function pipelineByLineYear(actions: readonly Action[], settings: Pick<Settings, 'endYear'>, ledger: Ledger): Map<string, Cents> {
  const pipeline = new Map<string, Cents>();
  for (const action of actions) {
    if (!action.budgetCode) continue;
    const cents = actionPipeline(action, ledger);
    if (cents === 0) continue;
    const key = lineYearKey(pipelineYear(action, settings), action.budgetCode);
    pipeline.set(key, (pipeline.get(key) ?? 0) + cents);
  }
  return pipeline;
}
