import { canonical } from '../../core/logbook/chain';
import { EDIT_HANDLER } from '../../core/logbook/editCache';
import { pendingLines } from '../../core/logbook/keyed';
import { auditRows } from '../../core/logbook/lines';
import { MissedEdit } from '../../core/logbook/queue';
import { parseA1 } from '../../core/sheet/a1';
import { Cell } from '../../core/sheet/cell';
import { LogbookPort, RowCopyPort } from '../../ports/logbook';
import { ProtectionPort } from '../../ports/protections';
import { structuralChange } from './changeTrigger';
import { EditEvent, applyEdit } from './editTrigger';
import { appendLines, appsScriptLogbook, logSheet } from './logbookSheet';
import { AppsScriptProtections } from './protections';
import { appsScriptRowCopy } from './rowCopySheet';
import { OwnerState, ownerState, saveOwnerState } from './triggerState';
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * An edit remembered because the lock stayed taken, put right now, under the lock. A single cell
 * that still holds what was typed is handled as the trigger would have then; one that was changed
 * again since is only logged (the later edit was handled on its own). A paste is handled as a paste,
 * a structural change as one.
 */
export function replayMissed(spreadsheet: Spreadsheet, state: OwnerState, edit: MissedEdit): void {
  if (!edit.tab) {
    structuralChange(spreadsheet, state, edit.range, edit.user, new Date(edit.at));
    return;
  }
  const where = parseA1(edit.range);
  const sheet = spreadsheet.getSheetByName(edit.tab);
  if (!where || !sheet) return;
  const event: EditEvent = { tab: edit.tab, where, user: edit.user, now: new Date(edit.at), oldValue: edit.oldValue, value: edit.value };
  if (where.numRows === 1 && where.numColumns === 1 && edit.oldValue !== undefined) {
    const now = sheet.getRange(where.row, where.column).getValue() as Cell;
    if (canonical(now) !== canonical(edit.value ?? '')) {
      const lines = auditRows({ at: event.now, user: edit.user || 'onbekende gebruiker', tab: edit.tab, row: where.row, column: where.column, numRows: 1, numColumns: 1, oldValues: [[edit.oldValue]], newValues: [[edit.value ?? '']] });
      appendLines(logSheet(spreadsheet), pendingLines(state.keyed.key, lines, event.now));
      return;
    }
  }
  applyEdit(spreadsheet, sheet, state, event, PropertiesService.getDocumentProperties().getProperties());
}

export interface AppsScriptCatchUp {
  logbook: LogbookPort;
  copy: RowCopyPort;
  replay(edit: MissedEdit): void;
  protections: ProtectionPort;
  /** Stores what the replays cached in the trigger owner's user properties. */
  finish(): void;
}

/** The catch-up's ports over this spreadsheet (app/catchUp.ts), for the trigger owner's runs. */
export function appsScriptCatchUp(spreadsheet: Spreadsheet): AppsScriptCatchUp {
  let state: OwnerState | null = null;
  return {
    logbook: appsScriptLogbook(spreadsheet),
    copy: appsScriptRowCopy(spreadsheet),
    replay: (edit) => replayMissed(spreadsheet, (state ??= ownerState(spreadsheet, EDIT_HANDLER)), edit),
    protections: new AppsScriptProtections(spreadsheet),
    finish: () => {
      if (state) saveOwnerState(state);
    },
  };
}
