import { Grid } from '../core/sheet/cell';
import { SEALED_AT_KEY, SEALED_HEAD_KEY } from '../core/logbook/editCache';
import { SealPlan, pendingLines, planSeal, sealCandidates } from '../core/logbook/keyed';
import { MissedEdit, missedEdits, waitingRequests } from '../core/logbook/queue';
import { copyEntries } from '../core/logbook/rowCopy';
import { KeyedState, keyedState } from '../core/logbook/trust';
import { ADDON_USER } from '../core/rights/columnRights';
import { TAB } from '../core/workbook/contract';
import { LogbookPort, RowCopyPort } from '../ports/logbook';
import { ProtectionPort } from '../ports/protections';
import { Runtime } from '../ports/runtime';
import { carryOutAddAction } from './addAction';
import { applyProtections } from './protections';

/** What the catch-up needs besides the runtime; Apps Script supplies them (adapters/appsscript/catchUp.ts). */
export interface CatchUpPorts {
  logbook: LogbookPort;
  copy: RowCopyPort;
  /** Handles an edit the trigger missed as the trigger would have, now. */
  replay(edit: MissedEdit): void;
  /** To take rows added for officials into their municipality's protection. */
  protections?: ProtectionPort;
}

export interface CatchUpReport {
  /** Missed edits put right. */
  replayed: number;
  /** IDs of actions added for officials. */
  added: string[];
  /** Requests refused (the requester no longer edits that municipality, an action line gone, unreadable). */
  refused: number;
  /** Lines sealed into the chain; lines after the head the key does not vouch for (rows). */
  sealed: number;
  notSealed: number[];
  /** The keyed chain after the seal, for the check that follows. */
  keyed: KeyedState;
}

/** Seals Logboek from the stored head on (core/logbook/keyed.ts planSeal), and stores the new head. */
export function sealLogbook(runtime: Runtime, keyed: KeyedState, logbook: LogbookPort): SealPlan {
  const last = logbook.lastRow();
  const fromHead = keyed.head.row >= 2 && last >= keyed.head.row ? logbook.lines(keyed.head.row, last) : [];
  const plan = planSeal(keyed.key, keyed.head, sealCandidates(keyed.head, fromHead, () => logbook.lines(2, last)));
  logbook.writeKeten(plan.writes);
  const head = JSON.stringify(plan.head);
  if (head !== JSON.stringify(keyed.head)) runtime.privateProperties!.set({ [SEALED_HEAD_KEY]: head });
  runtime.properties.set({ [SEALED_AT_KEY]: runtime.now().toISOString() });
  return plan;
}

/**
 * What waits for the project leader, done with their rights. Call holding the document lock, as
 * the trigger owner: without the key in the runner's private properties nothing happens (null).
 * 1. Missed edits, newest first, each put right as the trigger would have (reverting or flagging).
 * 2. Sidebar requests in the order made: "Actie toevoegen" adds the row (server-decided Gemeente,
 *    ID and stamps, no money); a "Mijn acties" save gets its Logboek lines and its row copy. Each
 *    request is removed once done, so a run cut off halfway never does one twice.
 * 3. Logboek is sealed: every line written since the last seal that the key vouches for is chained.
 * 4. When rows were added, the rights are applied again, so the official can edit their new row.
 */
export function catchUp(runtime: Runtime, ports: CatchUpPorts): CatchUpReport | null {
  const keyed = runtime.privateProperties ? keyedState(runtime.privateProperties.getAll()) : null;
  if (!keyed) return null;
  const report: CatchUpReport = { replayed: 0, added: [], refused: 0, sealed: 0, notSealed: [], keyed };
  const shared = runtime.properties.getAll();
  const now = runtime.now();
  for (const { key, edit } of missedEdits(shared)) {
    if (edit) {
      ports.replay(edit);
      report.replayed++;
    }
    runtime.properties.delete(key);
  }
  for (const { key, request } of waitingRequests(shared)) {
    const lines: Grid = [];
    if (!request) {
      lines.push([now, ADDON_USER, '', '', '(onleesbaar verzoek)', 'overgeslagen']);
      report.refused++;
    } else if (request.kind === 'log') {
      for (const l of request.lines) lines.push(l);
      refreshCopy(runtime, ports.copy, request.tab, request.id, request.row);
    } else {
      const done = carryOutAddAction(runtime, request, now);
      lines.push(done.line);
      if (done.entry) ports.copy.write(TAB.actions, [done.entry]);
      if (done.id) report.added.push(done.id);
      else report.refused++;
    }
    ports.logbook.append(pendingLines(keyed.key, lines, now));
    runtime.properties.delete(key);
  }
  const seal = sealLogbook(runtime, keyed, ports.logbook);
  report.sealed = seal.writes.length;
  report.notSealed = seal.refused;
  report.keyed = { ...keyed, head: seal.head };
  if (report.added.length && ports.protections) {
    try {
      applyProtections(runtime, ports.protections, runtime.privateProperties);
    } catch (error) {
      // The rows are added and logged; the rights wait for the project leader's next Rechten per gemeente toepassen.
      console.warn(`Regiomonitor: de rechten zijn na Actie toevoegen niet opnieuw toegepast: ${(error as Error).message}`);
    }
  }
  return report;
}

/** The row copy's entry for a row a "Mijn acties" save changed, when that row still holds that ID. */
function refreshCopy(runtime: Runtime, copy: RowCopyPort, tab: string, id: string, row: number): void {
  const grid = runtime.workbook.readTab(tab);
  if (!grid?.[0] || !grid[row - 1]) return;
  const [entry] = copyEntries(grid[0], [grid[row - 1]], row, runtime.workbook.timeZone);
  if (entry && entry.id.toLowerCase() === id.toLowerCase()) copy.write(tab, [entry]);
}
