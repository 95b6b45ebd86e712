import { ACTION_LIST_STATUSES, TAB } from '../contract';
import { Findings } from '../../sheet/findings';
import { sameName } from '../../values/text';
import { ActionListEntry } from '../model';
import { WorkbookSnapshot, rowsOf } from '../rowReader';

/**
 * `Actielijst` (optional): what was agreed at the meet-ups. A row without `Afspraak` is a blank line
 * of the list and skipped; a `Status` other than `Open` or `Afgerond` is named in Controles and the
 * row stays open, so nothing agreed drops off the agenda by a typo.
 */
export function parseActionList(snapshot: WorkbookSnapshot, findings: Findings, tz: string): ActionListEntry[] {
  if (!snapshot[TAB.actionList]) return [];
  const entries: ActionListEntry[] = [];
  for (const r of rowsOf(snapshot, TAB.actionList, ['Afspraak'], findings, tz)) {
    const agreement = r.text('Afspraak');
    if (!agreement) continue;
    const status = r.text('Status');
    const known = ACTION_LIST_STATUSES.find((s) => sameName(s, status));
    if (status && !known) r.warn('Status', `Status "${status}" is geen ${ACTION_LIST_STATUSES.join(' of ')}; de afspraak telt als open`);
    entries.push({
      row: r.row.rowNumber, nr: r.text('Nr'), agreement, who: r.text('Wie'), deadline: r.day('Deadline', false),
      open: known !== 'Afgerond', meetup: r.day('Meet-up', false),
    });
  }
  return entries;
}
