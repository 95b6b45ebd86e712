import { CHANGE_HANDLER, EDIT_HANDLER, PEOPLE_CACHE_KEY, TIME_ZONE_KEY, TRIGGER_OWNER_KEY, encodeHeaders, encodePeople, headerCacheKey } from '../core/logbook/editCache';
import { digestPeople } from '../core/rights/columnRights';
import { TAB } from '../core/workbook/contract';
import { ID_FORMATS, highestId, readCounter } from '../core/workbook/ids';
import { EditTrackingPort } from '../ports/editTracking';
import { Authorized } from './authorize';
import { readPeople } from './protections';

/**
 * Menu `Bewerkingen bijhouden`: installs the edit and change triggers for this spreadsheet, once.
 * Only the project leader installs them (the server function authorizes first), because a trigger
 * runs as the person who installed it and must be allowed to stamp every row. Running it again does
 * nothing. The caches the handler starts from are primed here: who is who, the header rows, the ID
 * counters, the time zone, and the row copy.
 */
export function installEditTracking({ runtime, settings, municipalities }: Authorized, tracking: EditTrackingPort): string {
  const { actions } = readPeople(runtime);
  const email = runtime.userEmail();
  const owner = runtime.properties.get(TRIGGER_OWNER_KEY);
  const mine = tracking.installedHandlers();
  let message: string;
  if (owner && owner !== email && !mine.includes(EDIT_HANDLER)) {
    message = `Bewerkingen worden al bijgehouden via ${owner}. Laat die eerst het bijhouden uitzetten voordat je het zelf aanzet.`;
  } else {
    if (!mine.includes(EDIT_HANDLER)) tracking.installEditTrigger(EDIT_HANDLER);
    if (!mine.includes(CHANGE_HANDLER)) tracking.installChangeTrigger(CHANGE_HANDLER);
    const cache: Record<string, string> = { [TRIGGER_OWNER_KEY]: email };
    const people = encodePeople(digestPeople(settings, municipalities));
    if (people) cache[PEOPLE_CACHE_KEY] = people;
    const ledger = runtime.workbook.tabNames().includes(TAB.ledger) ? runtime.workbook.readTab(TAB.ledger) : null;
    cache[TIME_ZONE_KEY] = runtime.workbook.timeZone;
    // The copy that row deletions are compared with (core/logbook/rowCopy.ts).
    tracking.rebuildRowCopy([{ tab: TAB.actions, grid: actions }, { tab: TAB.ledger, grid: ledger }], runtime.workbook.timeZone);
    // The handler reads neither row 1 nor the ID column: it starts from these, kept current by later runs.
    for (const [kind, grid] of [['action', actions], ['ledger', ledger]] as const) {
      if (!grid?.[0]) continue;
      cache[headerCacheKey(ID_FORMATS[kind].tab)] = encodeHeaders(grid[0]);
      const key = ID_FORMATS[kind].propertyKey;
      cache[key] = String(Math.max(readCounter(runtime.properties.get(key)), highestId(kind, grid)));
    }
    runtime.properties.set(cache);
    message = mine.includes(EDIT_HANDLER) ? 'Bewerkingen werden al bijgehouden.' : 'Bewerkingen in Acties en Mutaties worden nu bijgehouden in Logboek.';
  }
  runtime.notify?.(message, 'Regiomonitor');
  return message;
}
