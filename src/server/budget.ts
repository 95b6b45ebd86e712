import { authorizeCall } from '../app/authorize';
import { budgetCheck } from '../app/budgetCheck';
import { currentCatchUp, currentRuntime } from './context';
import { CheckSummary } from '../core/check';

/** Menu `Budget controleren`: rewrites Budgetcontrole, Herprioritering and Controles. */
export function runBudgetCheck(): CheckSummary {
  const { runtime } = authorizeCall(currentRuntime(), 'budgetCheck');
  const summary = budgetCheck(runtime, { catchUp: currentCatchUp() });
  runtime.notify?.(summary.message, 'Budgetcontrole');
  return summary;
}
