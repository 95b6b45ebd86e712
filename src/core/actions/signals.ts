import { Grid } from '../sheet/cell';
import { HEADERS, LAYOUT, TAB, TabLayout } from '../workbook/contract';
import { Day, addDays, daysBetween, formatDay, midnightIn } from '../values/dates';
import { escapeCellText } from '../sheet/escape';
import { Ledger, buildLedger } from '../budget/ledger';
import { Action, Programme } from '../workbook/model';
import { Cents, formatEuro } from '../values/money';

/** The generated tab `Actiesignalen`, rewritten whole by the budget check like `Budgetcontrole`. */
export const ACTION_SIGNALS_TAB = TAB.actionSignals;
export const ACTION_SIGNAL_HEADERS = HEADERS[TAB.actionSignals];
export const ACTION_SIGNALS_LAYOUT: TabLayout = LAYOUT[TAB.actionSignals];

/** How far ahead `Peildatum` a deadline counts as "due soon". */
export const DUE_SOON_DAYS = 30;
/** An action not touched for longer than this is stale. */
export const STALE_AFTER_DAYS = 90;

export type ActionSignalKind = 'overdue' | 'dueSoon' | 'stale' | 'overspent';

/** Dutch labels, in the order the tab lists them: most urgent first. */
export const ACTION_SIGNAL_LABELS: Record<ActionSignalKind, string> = {
  overdue: 'Deadline verstreken',
  dueSoon: 'Deadline binnen 30 dagen',
  stale: 'Niet bijgewerkt',
  overspent: 'Boven raming',
};
const KIND_ORDER: ActionSignalKind[] = ['overdue', 'dueSoon', 'stale', 'overspent'];

export interface ActionSignal {
  kind: ActionSignalKind;
  action: Action;
  /** Dutch explanation for the `Toelichting` column. */
  note: string;
}

/** Done or dropped actions have no deadline to keep and nothing to update. */
function isClosed(action: Action): boolean {
  return action.status === 'Afgerond' || action.status === 'Geschrapt';
}

function days(n: number): string {
  return n === 1 ? '1 dag' : `${n} dagen`;
}

/**
 * The signals of every action as of the reference date. An action can carry several (overdue and
 * stale, say). `Uitgesteld` counts as open: a postponed action with a passed deadline still needs a
 * new one. Staleness and deadlines are not signalled for `Afgerond`/`Geschrapt`; overspending is,
 * since money spent on a finished action still matters. An action without `Geraamd` cannot exceed it.
 */
export function actionSignals(programme: Programme, ledger: Ledger = buildLedger(programme.ledger)): ActionSignal[] {
  const today: Day = programme.settings.referenceDate;
  const dueLimit = addDays(today, DUE_SOON_DAYS);
  const signals: ActionSignal[] = [];
  for (const action of programme.actions) {
    if (!isClosed(action) && action.deadline) {
      if (action.deadline < today) {
        signals.push({ kind: 'overdue', action, note: `Deadline ${formatDay(action.deadline)} is ${days(daysBetween(action.deadline, today))} verstreken` });
      } else if (action.deadline <= dueLimit) {
        const left = daysBetween(today, action.deadline);
        signals.push({ kind: 'dueSoon', action, note: left === 0 ? 'Deadline is vandaag' : `Deadline over ${days(left)}` });
      }
    }
    if (!isClosed(action)) {
      if (!action.updatedOn) {
        signals.push({ kind: 'stale', action, note: 'Nooit bijgewerkt' });
      } else if (daysBetween(action.updatedOn, today) > STALE_AFTER_DAYS) {
        signals.push({ kind: 'stale', action, note: `Laatst bijgewerkt ${formatDay(action.updatedOn)} (${days(daysBetween(action.updatedOn, today))} geleden)` });
      }
    }
    if (action.plannedCents !== null && action.id) {
      const held: Cents = ledger.heldForAction(action.id);
      if (held > action.plannedCents) {
        signals.push({
          kind: 'overspent',
          action,
          note: `Gerealiseerd en verplicht ${formatEuro(held)} is ${formatEuro(held - action.plannedCents)} meer dan Geraamd ${formatEuro(action.plannedCents)}`,
        });
      }
    }
  }
  return signals.sort(compareSignals);
}

/** Signal kind, then deadline (none last), then municipality, then ID, then sheet row: a total order. */
function compareSignals(a: ActionSignal, b: ActionSignal): number {
  const byKind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (byKind) return byKind;
  const da = a.action.deadline ?? '9999-12-31';
  const db = b.action.deadline ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  const ma = a.action.municipality.toLowerCase();
  const mb = b.action.municipality.toLowerCase();
  if (ma !== mb) return ma < mb ? -1 : 1;
  if (a.action.id !== b.action.id) return a.action.id < b.action.id ? -1 : 1;
  return a.action.row - b.action.row;
}

/** The rows (without header) of `Actiesignalen`, in ACTION_SIGNAL_HEADERS order. */
export function actionSignalRows(signals: readonly ActionSignal[], timeZone: string): Grid {
  return signals.map(({ kind, action, note }) => [
    ACTION_SIGNAL_LABELS[kind],
    escapeCellText(action.id),
    escapeCellText(action.municipality),
    escapeCellText(action.title),
    escapeCellText(action.owner),
    action.deadline ? midnightIn(action.deadline, timeZone) : '',
    action.status,
    escapeCellText(note),
  ]);
}
