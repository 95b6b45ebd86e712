import { appsScriptEditTracking } from '../adapters/appsscript/editTracking';
import { handleChange, handleEdit } from '../adapters/appsscript/editTrigger';
import { appsScriptRuntime } from '../adapters/appsscript/runtime';
import { authorizeCall } from '../app/authorize';
import { installEditTracking } from '../app/editTracking';

/**
 * The installable onEdit handler: stamps, numbers and logs edits of `Acties` and `Mutaties` as the
 * project leader who installed it, naming the official who edited (adapters/appsscript/editTrigger.ts).
 */
export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
}

/** The installable onChange handler: logs deleted rows and follows moved columns. */
export function onChangeInstalled(e: Parameters<typeof handleChange>[0]): void {
  handleChange(e);
}

/** Menu `Bewerkingen bijhouden aanzetten`: the project leader installs both triggers, once. */
export function installEditTrigger(): string {
  const base = appsScriptRuntime();
  return installEditTracking(authorizeCall(base, 'triggers'), appsScriptEditTracking(base.spreadsheet));
}
