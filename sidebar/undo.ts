import type { ActionChanges, MyAction } from '../src/server/api';
import { describeFailure, server } from './client';
import { editDraft, isDirty, versionOf } from './drafts';
import { renderMine, replaceAction } from './forms';
import { $, announce, showStatus, state } from './state';

/**
 * "Ongedaan maken": for a few seconds after a save, the save of the previous values. It goes through
 * the same safe save as any other (updateAction with the version just saved), so when someone changed
 * the action in between, it is refused like any stale save and nothing is overwritten.
 */
export const UNDO_MS = 10_000;

let pending: { id: string; back: ActionChanges; after: MyAction; timer: ReturnType<typeof setTimeout> } | null = null;

export const canUndo = () => pending !== null;

/** Offers the undo of `changes` (what was saved over `before`, giving `after`). */
export function offerUndo(before: MyAction, changes: ActionChanges, after: MyAction): void {
  withdrawUndo();
  const back: ActionChanges = {};
  if ('status' in changes) back.status = before.status as ActionChanges['status'];
  if ('deadline' in changes) back.deadline = before.deadline;
  if ('note' in changes) back.note = before.note;
  pending = { id: after.id, back, after, timer: setTimeout(withdrawUndo, UNDO_MS) };
}

/** The offer ends: its buttons leave the page without a redraw. */
export function withdrawUndo(): void {
  if (pending) clearTimeout(pending.timer);
  pending = null;
  document.querySelectorAll('[data-undo]').forEach((b) => b.remove());
  if (state.draft?.message?.undo) state.draft.message = { ...state.draft.message, undo: false };
}

export async function undo(): Promise<void> {
  const u = pending;
  if (!u) return;
  withdrawUndo();
  const formOpen = state.draft?.kind === 'edit' && state.draft.base.id === u.id && !isDirty(state.draft);
  const say = (kind: 'ok' | 'error', text: string) => {
    if (formOpen && state.draft) state.draft.message = { kind, text };
    else showStatus($('my-actions-status'), { kind, text });
    announce(text);
  };
  try {
    const result = await server.updateAction(u.id, u.back, versionOf(u.after));
    replaceAction(result.action);
    if (formOpen) state.draft = editDraft(result.action);
    if (result.saved) say('ok', `De wijziging van ${u.id} is ongedaan gemaakt.`);
    else say('error', `Niet ongedaan gemaakt: ${u.id} is intussen opnieuw gewijzigd${result.action.updatedBy ? ` door ${result.action.updatedBy}` : ''}. Het formulier toont nu de actuele stand.`);
  } catch (error) {
    say('error', describeFailure(error).message);
  }
  renderMine(formOpen ? 'edit-message' : 'my-actions-title');
}
