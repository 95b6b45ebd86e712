import { addAction as addActionService, getMyActions as getMyActionsService, updateAction as updateActionService } from '../app/myActions';
import type { AddActionResult, MyActions, UpdateActionResult } from './api';
import { authorizeCall } from '../app/authorize';
import { currentRuntime } from './context';

/** Sidebar "Mijn acties": the caller's own rows, JSON only. */
export function getMyActions(): MyActions {
  return getMyActionsService(authorizeCall(currentRuntime(), 'ownActions').runtime);
}

/**
 * Sidebar "Mijn acties": change Status, Toelichting or Deadline of an own row. The arguments come
 * from the browser and are validated and authorised again on the server; errors are Dutch and reach
 * the sidebar's failure handler as the Error's message. `base` is the version the form started
 * from: a row changed since then is not written (see UpdateActionResult).
 */
export function updateAction(id: unknown, changes: unknown, base?: unknown): UpdateActionResult {
  return updateActionService(authorizeCall(currentRuntime(), 'ownActions').runtime, id, changes, base);
}

/**
 * Sidebar "Actie toevoegen": an official adds an action for their own municipality. The server sets
 * Gemeente, ID and stamps and leaves Begrotingspost and Geraamd to the project leader.
 */
export function addAction(input: unknown): AddActionResult {
  return addActionService(authorizeCall(currentRuntime(), 'ownActions').runtime, input);
}
