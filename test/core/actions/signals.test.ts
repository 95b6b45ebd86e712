import { ACTION_SIGNAL_HEADERS, actionSignalRows, actionSignals } from '../../../src/core/actions/signals';
import { Action, LedgerEntry, Programme } from '../../../src/core/workbook/model';

function action(over: Partial<Action>): Action {
  return {
    row: 2, id: 'A-001', lineCode: 'AL1', municipality: 'Tiel', title: 'Actie', owner: 'Team', theme: '', priority: 'Middel',
    deadline: null, status: 'Loopt', budgetCode: 'P1', plannedCents: null, note: '', updatedOn: '2025-03-01', updatedBy: 'x', originalDeadline: null,
    ...over,
  };
}

function ledgerEntry(over: Partial<LedgerEntry>): LedgerEntry {
  return { row: 2, id: '', date: '2025-01-10', year: 2025, code: 'P1', actionId: null, kind: 'Realisatie', amountCents: 0, commitmentId: null, closed: false, description: '', ...over };
}

function programme(actions: Action[], ledger: LedgerEntry[] = []): Programme {
  return {
    settings: { region: 'R', centre: 'C', startYear: 2025, endYear: 2025, referenceDate: '2025-03-15', warnThresholdBasisPoints: 9000, explanationThresholdCents: 5_000_000, explanationThresholdBasisPoints: 1000, projectLeader: 'pl@x.nl', controller: '', decisionBody: '', shiftDecisionBody: '', programmeDecisionBody: '', surplusToReserve: false, contributors: [], campaigns: [], newsletter: '', localPlanTitle: '', organisers: [], meetingName: '', programmeName: '' },
    municipalities: [], actionLines: [], actions, budgetLines: [], budgetChanges: [], coverage: [], ledger, meetups: [], indicators: [], yearClosings: [],
  };
}

const kinds = (p: Programme) => actionSignals(p).map((s) => `${s.kind}:${s.action.id}`);

describe('actionSignals (Peildatum 15-03-2025)', () => {
  it('flags a passed deadline unless done or dropped', () => {
    const p = programme([
      action({ id: 'A-001', deadline: '2025-03-14', status: 'Loopt' }), // 1 day late
      action({ id: 'A-002', deadline: '2025-03-14', status: 'Afgerond' }),
      action({ id: 'A-003', deadline: '2025-01-01', status: 'Geschrapt' }),
      action({ id: 'A-004', deadline: '2025-02-13', status: 'Uitgesteld' }), // 30 days late, still open
    ]);
    const signals = actionSignals(p);
    expect(signals.map((s) => `${s.kind}:${s.action.id}`)).toEqual(['overdue:A-004', 'overdue:A-001']);
    // 13-02 → 15-03: 15 days of February left + 15 of March = 30
    expect(signals[0].note).toBe('Deadline 13-02-2025 is 30 dagen verstreken');
    expect(signals[1].note).toBe('Deadline 14-03-2025 is 1 dag verstreken');
  });

  it('flags deadlines from Peildatum up to 30 days ahead, not 31', () => {
    const p = programme([
      action({ id: 'A-001', deadline: '2025-03-15' }), // today: 0 days
      action({ id: 'A-002', deadline: '2025-04-14' }), // 16 + 14 = 30 days: due soon
      action({ id: 'A-003', deadline: '2025-04-15' }), // 31 days: not yet
      action({ id: 'A-004', deadline: '2025-04-01', status: 'Afgerond' }),
    ]);
    const signals = actionSignals(p);
    expect(signals.map((s) => `${s.kind}:${s.action.id}:${s.note}`)).toEqual([
      'dueSoon:A-001:Deadline is vandaag',
      'dueSoon:A-002:Deadline over 30 dagen',
    ]);
  });

  it('flags open actions not updated for more than 90 days, or never', () => {
    const p = programme([
      action({ id: 'A-001', updatedOn: '2024-12-15' }), // 16 + 31 + 28 + 15 = 90 days: not stale yet
      action({ id: 'A-002', updatedOn: '2024-12-14' }), // 91 days: stale
      action({ id: 'A-003', updatedOn: null }),
      action({ id: 'A-004', updatedOn: null, status: 'Afgerond' }),
    ]);
    const signals = actionSignals(p);
    expect(signals.map((s) => `${s.action.id}:${s.note}`)).toEqual(['A-002:Laatst bijgewerkt 14-12-2024 (91 dagen geleden)', 'A-003:Nooit bijgewerkt']);
  });

  it('flags realised plus open commitments above Geraamd, also for a finished action', () => {
    const p = programme(
      [
        action({ id: 'A-001', plannedCents: 1_000_000 }), // Geraamd € 10.000
        action({ id: 'A-002', plannedCents: 1_000_000, status: 'Afgerond' }),
        action({ id: 'A-003', plannedCents: null }),
      ],
      [
        // commitment 8.000, paid 3.000 against it (open 5.000) + separate payment 4.000
        // held = 3.000 + 4.000 realised + 5.000 open = 12.000 > 10.000 → 2.000 over
        ledgerEntry({ id: 'V1', kind: 'Verplichting', actionId: 'A-001', amountCents: 800_000 }),
        ledgerEntry({ kind: 'Realisatie', actionId: 'A-001', commitmentId: 'V1', amountCents: 300_000 }),
        ledgerEntry({ kind: 'Realisatie', actionId: 'a-001', amountCents: 400_000 }),
        // exactly 10.000 realised: not above
        ledgerEntry({ kind: 'Realisatie', actionId: 'A-002', amountCents: 1_000_000 }),
        // A-003 has no Geraamd: nothing to exceed
        ledgerEntry({ kind: 'Realisatie', actionId: 'A-003', amountCents: 5_000 }),
      ],
    );
    const signals = actionSignals(p);
    expect(signals.map((s) => `${s.kind}:${s.action.id}`)).toEqual(['overspent:A-001']);
    expect(signals[0].note).toBe('Gerealiseerd en verplicht € 12.000,00 is € 2.000,00 meer dan Geraamd € 10.000,00');
  });

  it('sorts by signal, deadline (none last), municipality, ID', () => {
    const p = programme([
      action({ id: 'A-009', municipality: 'Tiel', updatedOn: null }),
      action({ id: 'A-003', municipality: 'Buren', deadline: '2025-03-01', updatedOn: null }),
      action({ id: 'A-002', municipality: 'Tiel', deadline: '2025-03-01' }),
      action({ id: 'A-001', municipality: 'Tiel', deadline: '2025-03-20' }),
    ]);
    expect(kinds(p)).toEqual(['overdue:A-003', 'overdue:A-002', 'dueSoon:A-001', 'stale:A-003', 'stale:A-009']);
  });
});

describe('actionSignalRows', () => {
  it('renders the tab columns, escaping user text and writing the deadline as a date', () => {
    const p = programme([action({ id: 'A-001', municipality: 'Tiel', title: '=IMPORTXML("x")', owner: '@team', deadline: '2025-03-14' })]);
    const rows = actionSignalRows(actionSignals(p), 'Europe/Amsterdam');
    expect(ACTION_SIGNAL_HEADERS).toEqual(['Signaal', 'Actie-ID', 'Gemeente', 'Actie', 'Eigenaar', 'Deadline', 'Status', 'Toelichting']);
    expect(rows).toHaveLength(1);
    const [signal, id, gemeente, title, owner, deadline, status, note] = rows[0];
    expect([signal, id, gemeente, title, owner, status, note]).toEqual(['Deadline verstreken', 'A-001', 'Tiel', `'=IMPORTXML("x")`, `'@team`, 'Loopt', 'Deadline 14-03-2025 is 1 dag verstreken']);
    // midnight 14-03-2025 in Amsterdam (UTC+1 in winter) = 13-03 23:00 UTC
    expect((deadline as Date).toISOString()).toBe('2025-03-13T23:00:00.000Z');
  });

  it('leaves Deadline blank for an action without one', () => {
    const rows = actionSignalRows(actionSignals(programme([action({ updatedOn: null })])), 'Europe/Amsterdam');
    expect(rows[0][5]).toBe('');
  });
});
