import { OPEN_STATUSES } from '../workbook/contract';
import { yearOf } from '../values/dates';
import { Cents } from '../values/money';
import { Action, Settings } from '../workbook/model';
import { Ledger, lineYearKey } from './ledger';
import { idKey } from '../workbook/rowReader';

/**
 * The year an action's remaining cost falls in: its deadline's (a deferred action's moved deadline),
 * or the period's last when it has none. An ended year keeps showing it until it is closed,
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

export interface Pipeline {
  /** Gepland per line-year of the period. */
  byLineYear: Map<string, Cents>;
  /** Per line (by idKey of the code): what is planned after `Eindjaar`, and by which actions. */
  afterPeriod: Map<string, { code: string; cents: Cents; actionIds: string[] }>;
}

/** Gepland per line-year, and what falls after the period: it moves to the next programme. */
export function pipelineByLineYear(actions: readonly Action[], settings: Pick<Settings, 'endYear'>, ledger: Ledger): Pipeline {
  const byLineYear = new Map<string, Cents>();
  const afterPeriod: Pipeline['afterPeriod'] = new Map();
  for (const action of actions) {
    if (!action.budgetCode) continue;
    const cents = actionPipeline(action, ledger);
    if (cents === 0) continue;
    const year = pipelineYear(action, settings);
    if (year > settings.endYear) {
      const code = idKey(action.budgetCode);
      const after = afterPeriod.get(code) ?? { code: action.budgetCode, cents: 0, actionIds: [] };
      after.cents += cents;
      after.actionIds.push(action.id);
      afterPeriod.set(code, after);
      continue;
    }
    const key = lineYearKey(year, action.budgetCode);
    byLineYear.set(key, (byLineYear.get(key) ?? 0) + cents);
  }
  return { byLineYear, afterPeriod };
}
