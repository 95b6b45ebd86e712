import { appsScriptCatchUp } from '../adapters/appsscript/catchUp';
import { handleChange } from '../adapters/appsscript/changeTrigger';
import { appsScriptEditTracking } from '../adapters/appsscript/editTracking';
import { handleEdit } from '../adapters/appsscript/editTrigger';
import { underDocumentLock } from '../adapters/appsscript/lock';
import { appsScriptRuntime } from '../adapters/appsscript/runtime';
import { authorizeCall } from '../app/authorize';
import { catchUp } from '../app/catchUp';
import { installEditTracking } from '../app/editTracking';
import { Runtime } from '../ports/runtime';

/** What waits for the project leader, done now if the document lock is free (app/catchUp.ts); otherwise a later run does it. */
function catchUpNow(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  underDocumentLock('try', () => {
    const held: Runtime = Object.create(appsScriptRuntime(spreadsheet), { withDocumentLock: { value: <T>(fn: () => T) => fn() } });
    const ports = appsScriptCatchUp(spreadsheet);
    catchUp(held, ports);
    ports.finish();
  }, () => undefined);
}

/**
 * The installable onEdit handler: stamps, numbers and logs edits of `Acties` and `Mutaties` as the
 * project leader who installed it, naming the official who edited (adapters/appsscript/editTrigger.ts).
 */
export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (handleEdit(e)) catchUpNow(e.source);
}

/** The installable onChange handler: logs deleted rows, follows moved columns, and catches up on edits. */
export function onChangeInstalled(e: Parameters<typeof handleChange>[0]): void {
  const spreadsheet = handleChange(e);
  if (spreadsheet) catchUpNow(spreadsheet);
}

/** Menu `Bewerkingen bijhouden aanzetten`: the project leader installs both triggers, once. */
export function installEditTrigger(): string {
  const base = appsScriptRuntime();
  return installEditTracking(authorizeCall(base, 'triggers'), appsScriptEditTracking(base.spreadsheet));
}
