import { budgetCheck } from '../app/budgetCheck';
import { appsScriptRuntime } from '../adapters/appsscript/runtime';
import { CheckSummary } from '../core/check.types';

/** Menu `Budget controleren`: rewrites Budgetcontrole, Herprioritering and Controles. */
export function runBudgetCheck(): CheckSummary {
  const summary = budgetCheck(appsScriptRuntime());
  SpreadsheetApp.getActive().toast(summary.message, 'Budgetcontrole', 8);
  return summary;
}
