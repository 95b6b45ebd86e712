import { Grid } from '../../core/sheet/cell';
import { EditTrackingPort } from '../../ports/editTracking';
import { copySheet, rebuildCopy } from './rowCopySheet';
import { newLogKey } from './triggerState';

/** The edit tracking port over ScriptApp and the spreadsheet. */
export function appsScriptEditTracking(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): EditTrackingPort {
  return {
    installedHandlers: () => ScriptApp.getUserTriggers(spreadsheet).map((t) => t.getHandlerFunction()),
    installEditTrigger: (handler) => void ScriptApp.newTrigger(handler).forSpreadsheet(spreadsheet).onEdit().create(),
    installChangeTrigger: (handler) => void ScriptApp.newTrigger(handler).forSpreadsheet(spreadsheet).onChange().create(),
    rebuildRowCopy: (tabs: readonly { tab: string; grid: Grid | null }[], timeZone: string) => rebuildCopy(copySheet(spreadsheet), tabs, timeZone),
    newLogKey,
  };
}
