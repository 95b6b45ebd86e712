import { addAction as addActionService, getMyActions as getMyActionsService, updateAction as updateActionService } from '../app/myActions';
import type { MyAction, MyActions, UpdateActionResult } from './api';
import { currentRuntime } from './context';

/** Sidebar "Mijn acties": the caller's own rows, JSON only. */
export function getMyActions(): MyActions {
  return getMyActionsService(currentRuntime());
}

/**
 * Sidebar "Mijn acties": change Status, Toelichting or Deadline of an own row. The arguments come
 * from the browser and are validated and authorised again on the server; errors are Dutch and reach
 * the sidebar's failure handler as the Error's message. `base` is the version the form started
 * from: a row changed since then is not written (see UpdateActionResult).
 */
export function updateAction(id: unknown, changes: unknown, base?: unknown): UpdateActionResult {
  return updateActionService(currentRuntime(), id, changes, base);
}

/**
 * Sidebar "Actie toevoegen": a local action of the caller's own municipality. The server sets the
 * municipality, ID and stamps; validation and rights are checked here, not in the browser.
 */
export function addAction(input: unknown): MyAction {
  return addActionService(currentRuntime(), input);
}
