import { WorkbookPort } from '../../ports/workbook';
import { Day } from '../values/dates';
import { TAB } from '../workbook/contract';
import { Municipality, Settings } from '../workbook/model';
import { parseWorkbook } from '../workbook/parse';

/** Who is who: the project leader and controller, and each municipality's editors. */
export interface People {
  settings: Settings;
  municipalities: Municipality[];
}

/**
 * Settings and municipalities as the rights need them, from `Instellingen` and `Gemeenten` only:
 * every server call asks this before it does anything, and the edit trigger when its cache is stale.
 */
export function readPeopleTabs(workbook: WorkbookPort, today: () => Day): People {
  const present = new Set(workbook.tabNames());
  const read = (tab: string) => (present.has(tab) ? workbook.readTab(tab) : null);
  const { programme } = parseWorkbook(
    { [TAB.settings]: read(TAB.settings), [TAB.municipalities]: read(TAB.municipalities) },
    { timeZone: workbook.timeZone, today: today() },
  );
  return { settings: programme.settings, municipalities: programme.municipalities };
}
