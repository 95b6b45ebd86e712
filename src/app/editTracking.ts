import { LOG_HEAD_KEY, readHead } from '../core/logbook/chain';
import { CHANGE_HANDLER, COPY_ROWS_KEY, EDIT_HANDLER, PEOPLE_CACHE_KEY, TIME_ZONE_KEY, TRIGGER_OWNER_KEY, encodeHeaders, encodePeople, headerCacheKey } from '../core/logbook/editCache';
import { keyedState, startKeyedChain } from '../core/logbook/trust';
import { digestPeople } from '../core/rights/columnRights';
import { LAYOUT, TAB } from '../core/workbook/contract';
import { ID_FORMATS, highestId, readCounter } from '../core/workbook/ids';
import { EditTrackingPort } from '../ports/editTracking';
import { Authorized } from './authorize';
import { readPeople } from './protections';

/**
 * Menu `Bewerkingen bijhouden`: installs the edit and change triggers for this spreadsheet, once.
 * Only the project leader installs them (the server function authorizes first), because a trigger
 * runs as the person who installed it and must be allowed to stamp every row. Running it again
 * installs nothing twice. Here the Logboek key is made, in the installer's own user properties
 * (core/logbook/keyed.ts): the chain kept so far is anchored where it stands. The caches the handler
 * starts from are primed there too: who is who, the header rows, the time zone and the row copy's
 * size; the ID counters stay in the document properties, which the budget check shares.
 */
export function installEditTracking({ runtime, settings, municipalities }: Authorized, tracking: EditTrackingPort): string {
  const { actions } = readPeople(runtime);
  const email = runtime.userEmail();
  const owner = runtime.properties.get(TRIGGER_OWNER_KEY);
  const mine = tracking.installedHandlers();
  const own = runtime.privateProperties;
  let message: string;
  if ((owner && owner !== email && !mine.includes(EDIT_HANDLER)) || !own) {
    message = `Bewerkingen worden al bijgehouden via ${owner}. Laat die eerst het bijhouden uitzetten voordat je het zelf aanzet.`;
  } else {
    if (!mine.includes(EDIT_HANDLER)) tracking.installEditTrigger(EDIT_HANDLER);
    if (!mine.includes(CHANGE_HANDLER)) tracking.installChangeTrigger(CHANGE_HANDLER);
    const wb = runtime.workbook;
    // Logboek with its Keten column, so the trigger never has to look.
    if (!wb.tabNames().includes(TAB.log)) wb.createTab(TAB.log, LAYOUT[TAB.log]);
    else wb.repairTab(TAB.log, LAYOUT[TAB.log]);
    const ledger = wb.tabNames().includes(TAB.ledger) ? wb.readTab(TAB.ledger) : null;
    const cache: Record<string, string> = {};
    if (!keyedState(own.getAll())) Object.assign(cache, startKeyedChain(tracking.newLogKey(), readHead(runtime.properties.get(LOG_HEAD_KEY)), wb.readTab(TAB.log)?.length ?? 1));
    const people = encodePeople(digestPeople(settings, municipalities));
    if (people) cache[PEOPLE_CACHE_KEY] = people;
    cache[TIME_ZONE_KEY] = wb.timeZone;
    // The copy that row deletions are compared with (core/logbook/rowCopy.ts).
    cache[COPY_ROWS_KEY] = String(tracking.rebuildRowCopy([{ tab: TAB.actions, grid: actions }, { tab: TAB.ledger, grid: ledger }], wb.timeZone));
    const shared: Record<string, string> = { [TRIGGER_OWNER_KEY]: email };
    // The handler reads neither row 1 nor the ID column: it starts from these, kept current by later runs.
    for (const [kind, grid] of [['action', actions], ['ledger', ledger]] as const) {
      if (!grid?.[0]) continue;
      cache[headerCacheKey(ID_FORMATS[kind].tab)] = encodeHeaders(grid[0]);
      const key = ID_FORMATS[kind].propertyKey;
      shared[key] = String(Math.max(readCounter(runtime.properties.get(key)), highestId(kind, grid)));
    }
    own.set(cache);
    runtime.properties.set(shared);
    message = mine.includes(EDIT_HANDLER) ? 'Bewerkingen werden al bijgehouden.' : 'Bewerkingen in Acties en Mutaties worden nu bijgehouden in Logboek.';
  }
  runtime.notify?.(message, 'Regiomonitor');
  return message;
}
