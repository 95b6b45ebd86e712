import { Cents } from '../values/money';
import { LedgerEntry } from '../workbook/model';
import { idKey } from '../workbook/rowReader';

/** A line-year as a map key: codes compared as a user means them (`vt` = `VT`). */
export function lineYearKey(year: number, code: string): string {
  return `${year}|${idKey(code)}`;
}

/** A commitment and what is still open of it. */
export interface Commitment {
  entry: LedgerEntry;
  paidCents: Cents;
  /** Open verplichting: Bedrag − paid, never below zero; zero once `Afgesloten`. */
  openCents: Cents;
}

/**
 * The ledger (`Mutaties`) folded into what the figures need: realisations and open commitments per
 * line-year, whether a line-year is settled, and what the ledger already holds for each action.
 */
export interface Ledger {
  commitments: Commitment[];
  realised(year: number, code: string): Cents;
  obligo(year: number, code: string): Cents;
  /**
   * Afgerekend: the line-year has at least one commitment and every commitment on it is closed, so
   * what it spent is final and a subsidy below its raming leaves real room.
   */
  settled(year: number, code: string): boolean;
  /** Realisations plus open commitments booked on an action (any year, any line). */
  heldForAction(actionId: string): Cents;
}

function add(map: Map<string, Cents>, key: string, cents: Cents): void {
  map.set(key, (map.get(key) ?? 0) + cents);
}

/**
 * lineYearKey, made once per line-year: a ledger's 100.000 rows fall on a few dozen line-years, and
 * building the key afresh per row allocates two strings each time.
 */
function lineYearKeys(): (year: number, code: string) => string {
  const byCode = new Map<string, Map<number, string>>();
  return (year, code) => {
    let byYear = byCode.get(code);
    if (!byYear) byCode.set(code, (byYear = new Map()));
    let key = byYear.get(year);
    if (key === undefined) byYear.set(year, (key = lineYearKey(year, code)));
    return key;
  };
}

export function buildLedger(entries: readonly LedgerEntry[]): Ledger {
  const keyOf = lineYearKeys();
  const realisations = entries.filter((e) => e.kind === 'Realisatie');
  const commitmentEntries = entries.filter((e) => e.kind === 'Verplichting');

  // Only the first commitment with an ID is the one payments refer to; parse blanks repeated IDs.
  const commitmentById = new Map<string, LedgerEntry>();
  for (const c of commitmentEntries) {
    const id = idKey(c.id);
    if (id && !commitmentById.has(id)) commitmentById.set(id, c);
  }

  const paid = new Map<LedgerEntry, Cents>();
  for (const r of realisations) {
    if (!r.commitmentId) continue;
    const commitment = commitmentById.get(idKey(r.commitmentId));
    if (commitment) paid.set(commitment, (paid.get(commitment) ?? 0) + r.amountCents);
  }

  const commitments: Commitment[] = commitmentEntries.map((entry) => {
    const paidCents = paid.get(entry) ?? 0;
    const openCents = entry.closed ? 0 : Math.max(0, entry.amountCents - paidCents);
    return { entry, paidCents, openCents };
  });

  const realisedByLine = new Map<string, Cents>();
  const obligoByLine = new Map<string, Cents>();
  const heldByAction = new Map<string, Cents>();
  /** Per line-year: does it have commitments, and is any of them still open (not `Afgesloten`)? */
  const commitmentState = new Map<string, { any: boolean; unclosed: boolean }>();

  for (const r of realisations) {
    add(realisedByLine, keyOf(r.year, r.code), r.amountCents);
    // A payment against an order belongs to the order's action even when its own Actie-ID is blank;
    // otherwise paying off a commitment would lower what the ledger holds and swell the pipeline.
    const commitment = r.commitmentId ? commitmentById.get(idKey(r.commitmentId)) : undefined;
    const actionId = (r.actionId ? idKey(r.actionId) : '') || (commitment?.actionId ? idKey(commitment.actionId) : '');
    if (actionId) add(heldByAction, actionId, r.amountCents);
  }
  for (const c of commitments) {
    const key = keyOf(c.entry.year, c.entry.code);
    add(obligoByLine, key, c.openCents);
    const state = commitmentState.get(key) ?? { any: false, unclosed: false };
    state.any = true;
    if (!c.entry.closed) state.unclosed = true;
    commitmentState.set(key, state);
    const actionId = c.entry.actionId ? idKey(c.entry.actionId) : '';
    if (actionId) add(heldByAction, actionId, c.openCents);
  }

  return {
    commitments,
    realised: (year, code) => realisedByLine.get(keyOf(year, code)) ?? 0,
    obligo: (year, code) => obligoByLine.get(keyOf(year, code)) ?? 0,
    settled: (year, code) => {
      const state = commitmentState.get(keyOf(year, code));
      return !!state && state.any && !state.unclosed;
    },
    heldForAction: (actionId) => {
      const id = idKey(actionId);
      return id ? (heldByAction.get(id) ?? 0) : 0;
    },
  };
}
