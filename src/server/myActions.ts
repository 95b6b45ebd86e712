import { getMyActions as getMyActionsService, updateAction as updateActionService } from '../app/myActions';
import type { MyActions, UpdateActionResult } from './api';
import { authorizeCall } from '../app/authorize';
import { currentRuntime } from './context';

/** Sidebar "Mijn acties": the caller's own rows, JSON only. */
export function getMyActions(): MyActions {
  return getMyActionsService(authorizeCall(currentRuntime(), 'ownActions').runtime);
}

/**
 * Sidebar "Mijn acties": change Status, Toelichting or Deadline of an own row. The arguments come
 * from the browser and are validated and authorised again on the server; errors are Dutch and reach
 * the sidebar's failure handler as the Error's message.
 */
export function updateAction(id: unknown, changes: unknown): UpdateActionResult {
  return updateActionService(authorizeCall(currentRuntime(), 'ownActions').runtime, id, changes);
}
