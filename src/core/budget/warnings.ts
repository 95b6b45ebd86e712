import { OPEN_STATUSES, Phase, TAB } from '../workbook/contract';
import { formatDay, yearOf } from '../values/dates';
import { formatEuro } from '../values/money';
import { joinDutch } from '../values/text';
import { BudgetLine, Programme } from '../workbook/model';
import { Commitment, Ledger, lineYearKey } from './ledger';
import { idKey } from '../workbook/rowReader';
import { BudgetNotice } from './notices';
import { hasEnded } from './phase';

/**
 * Warnings about ended years (contract: The Peildatum and the years): an open action whose deadline
 * fell in an ended year (its cost is shown, no longer forecast), and a subsidy or statutory line
 * without any payment in an ended year (money that was surely spent, but not booked).
 */
export function endedYearNotices(programme: Programme, lines: readonly BudgetLine[], phases: ReadonlyMap<number, Phase>, ledger: Ledger): BudgetNotice[] {
  const notices: BudgetNotice[] = [];
  const ended = (year: number) => {
    const phase = phases.get(year);
    return phase !== undefined ? hasEnded(phase) : year < yearOf(programme.settings.referenceDate);
  };
  for (const action of programme.actions) {
    if (!action.deadline || !OPEN_STATUSES.includes(action.status) || !ended(yearOf(action.deadline))) continue;
    const year = yearOf(action.deadline);
    notices.push({
      tab: TAB.actions, row: action.row, header: 'Deadline', value: formatDay(action.deadline), severity: 'warning',
      problem: `deadline in ${year} verstreken: uitstellen of schrappen (${action.status}${action.plannedCents ? `, Geraamd ${formatEuro(action.plannedCents)} telt niet meer in de prognose van ${year}` : ''})`,
    });
  }
  for (const line of lines) {
    if (line.character === 'Flexibel' || !ended(line.year) || line.estimateCents === 0) continue;
    if (ledger.realised(line.year, line.code) !== 0) continue;
    notices.push({
      tab: TAB.budget, row: line.row, header: 'Code', value: line.code, severity: 'warning',
      problem: `${line.character}: geen Realisatie in ${line.year}, terwijl het jaar voorbij is; ontbreken er betalingen in Mutaties? De prognose van ${line.year} is wat besteed is`,
    });
  }
  return notices;
}

/**
 * A payment without `Verplichting-ID` on a line-year with an open commitment may be a payment on
 * that commitment: then it counts twice. It counts as booked, and a controller should look. A
 * payment that names an action without an open commitment of its own is a direct payment.
 */
export function paymentNotices(programme: Programme, ledger: Ledger): BudgetNotice[] {
  const open = new Map<string, Commitment[]>();
  for (const c of ledger.commitments) {
    if (c.openCents <= 0) continue;
    const key = lineYearKey(c.entry.year, c.entry.code);
    open.set(key, [...(open.get(key) ?? []), c]);
  }
  const notices: BudgetNotice[] = [];
  for (const entry of programme.ledger) {
    if (entry.kind !== 'Realisatie' || entry.commitmentId) continue;
    const candidates = open.get(lineYearKey(entry.year, entry.code)) ?? [];
    // A payment for an action that has no open commitment of its own is a direct payment, not a doubt.
    const suspects = entry.actionId ? candidates.filter((c) => idKey(c.entry.actionId ?? '') === idKey(entry.actionId!)) : candidates;
    if (suspects.length === 0) continue;
    const ids = suspects.map((c) => c.entry.id || `rij ${c.entry.row}`);
    notices.push({
      tab: TAB.ledger, row: entry.row, header: 'Verplichting-ID', value: '', severity: 'warning',
      problem: `Realisatie zonder Verplichting-ID, terwijl ${entry.code} ${entry.year} een open verplichting heeft (${joinDutch(ids)}): is dit een betaling op die verplichting, vul dan Verplichting-ID in, anders telt het bedrag dubbel. Is er geen verplichting, dan is dit een vraag voor de rechtmatigheid`,
    });
  }
  return notices;
}
