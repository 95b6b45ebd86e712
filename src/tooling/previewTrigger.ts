import { randomBytes } from 'node:crypto';
import { LOG_HEAD_KEY, readHead } from '../core/logbook/chain';
import { keyFrom } from '../core/logbook/keyed';
import { LOG_KEY } from '../core/logbook/editCache';
import { startKeyedChain } from '../core/logbook/trust';
import { TAB } from '../core/workbook/contract';
import { MemoryPropertyStore } from '../adapters/local/properties';
import { localLogbook, localRowCopy } from '../adapters/local/logbook';
import { catchUp } from '../app/catchUp';
import { Runtime } from '../ports/runtime';
import { WorkbookPort } from '../ports/workbook';

/**
 * The project leader's trigger, which the preview does not have: after each call of the sidebar it
 * does what waits for it ("Actie toevoegen", the Logboek lines of "Mijn acties"), with a key of this
 * preview run, as the trigger does in Sheets at the next edit.
 */
export function previewTrigger(workbook: WorkbookPort, runtime: () => Runtime): () => void {
  const own = new MemoryPropertyStore();
  return () => {
    const base = runtime();
    if (!own.get(LOG_KEY)) {
      own.set(startKeyedChain(keyFrom(randomBytes(32).toString('hex')), readHead(base.properties.get(LOG_HEAD_KEY)), workbook.tabNames().includes(TAB.log) ? (workbook.readTab(TAB.log)?.length ?? 1) : 1));
    }
    catchUp(Object.assign(Object.create(base) as Runtime, { privateProperties: own }), { logbook: localLogbook(workbook), copy: localRowCopy(workbook), replay: () => undefined });
  };
}
