import { buildLedger } from '../../../src/core/budget/ledger';
import { LedgerEntry } from '../../../src/core/workbook/model';
import { action, commitment, eur, line, parse, payment } from '../fixtures';

let nextRow = 2;
function entry(kind: LedgerEntry['kind'], year: number, code: string, amountEuros: number, more: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    row: nextRow++, id: '', date: null, year, code, actionId: null, kind, amountCents: eur(amountEuros),
    commitmentId: null, closed: false, description: '', ...more,
  };
}

describe('realisations per line-year', () => {
  it('sums the Realisatie entries of the line and year only', () => {
    const ledger = buildLedger([
      entry('Realisatie', 2021, 'ACT', 1000),
      entry('Realisatie', 2021, 'ACT', 250.5),
      entry('Realisatie', 2021, 'MOV', 7000),
      entry('Realisatie', 2022, 'ACT', 300),
      entry('Verplichting', 2021, 'ACT', 9000, { id: 'V-1' }),
    ]);
    // 1.000 + 250,50 = 1.250,50; MOV and 2022 and the commitment do not count
    expect(ledger.realised(2021, 'ACT')).toBe(eur(1250.5));
    expect(ledger.realised(2022, 'ACT')).toBe(eur(300));
    expect(ledger.realised(2021, 'MOV')).toBe(eur(7000));
    expect(ledger.realised(2023, 'ACT')).toBe(0);
  });

  it('counts a negative correction', () => {
    const ledger = buildLedger([entry('Realisatie', 2021, 'ACT', 1000), entry('Realisatie', 2021, 'ACT', -200)]);
    // 1.000 - 200 = 800
    expect(ledger.realised(2021, 'ACT')).toBe(eur(800));
  });

  it('compares codes as a user means them', () => {
    const ledger = buildLedger([entry('Realisatie', 2021, 'Act', 100)]);
    expect(ledger.realised(2021, ' ACT ')).toBe(eur(100));
  });
});

describe('obligo per commitment', () => {
  it('is the amount minus the payments that name it', () => {
    const ledger = buildLedger([
      entry('Verplichting', 2021, 'ACT', 10000, { id: 'V-1' }),
      entry('Realisatie', 2021, 'ACT', 4000, { commitmentId: 'V-1' }),
      // a payment without Verplichting-ID pays off nothing
      entry('Realisatie', 2021, 'ACT', 500),
    ]);
    // 10.000 - 4.000 paid = 6.000 open
    expect(ledger.obligo(2021, 'ACT')).toBe(eur(6000));
    expect(ledger.commitments[0]).toMatchObject({ paidCents: eur(4000), openCents: eur(6000) });
  });

  it('matches the Verplichting-ID trimmed and case-insensitive', () => {
    const ledger = buildLedger([
      entry('Verplichting', 2021, 'ACT', 10000, { id: 'v-7' }),
      entry('Realisatie', 2021, 'ACT', 2500, { commitmentId: ' V-7 ' }),
    ]);
    // 10.000 - 2.500 = 7.500
    expect(ledger.obligo(2021, 'ACT')).toBe(eur(7500));
  });

  it('never goes below zero when more is paid than committed', () => {
    const ledger = buildLedger([
      entry('Verplichting', 2021, 'ACT', 3000, { id: 'V-1' }),
      entry('Realisatie', 2021, 'ACT', 3500, { commitmentId: 'V-1' }),
      entry('Verplichting', 2021, 'ACT', 1000, { id: 'V-2' }),
    ]);
    // V-1: 3.000 - 3.500 = -500 -> 0; V-2: 1.000 open; the overpayment does not eat into V-2
    expect(ledger.obligo(2021, 'ACT')).toBe(eur(1000));
    // realisation still counts in full: 3.500
    expect(ledger.realised(2021, 'ACT')).toBe(eur(3500));
  });

  it('is zero once the commitment is closed', () => {
    const ledger = buildLedger([
      entry('Verplichting', 2021, 'ACT', 10000, { id: 'V-1', closed: true }),
      entry('Realisatie', 2021, 'ACT', 4000, { commitmentId: 'V-1' }),
    ]);
    // closed: the 6.000 left is released
    expect(ledger.obligo(2021, 'ACT')).toBe(0);
    expect(ledger.realised(2021, 'ACT')).toBe(eur(4000));
  });

  it("counts in the commitment's own year and code, whatever year the payment is booked in", () => {
    const ledger = buildLedger([
      entry('Verplichting', 2021, 'ACT', 10000, { id: 'V-1' }),
      entry('Realisatie', 2022, 'MOV', 4000, { commitmentId: 'V-1' }),
    ]);
    // obligo ACT 2021: 10.000 - 4.000 = 6.000; the payment realises in MOV 2022
    expect(ledger.obligo(2021, 'ACT')).toBe(eur(6000));
    expect(ledger.obligo(2022, 'MOV')).toBe(0);
    expect(ledger.realised(2022, 'MOV')).toBe(eur(4000));
    expect(ledger.realised(2021, 'ACT')).toBe(0);
  });
});

describe('what the ledger holds per action', () => {
  it('adds realisations and open commitments by Actie-ID across all years and codes', () => {
    const ledger = buildLedger([
      entry('Realisatie', 2021, 'ACT', 1000, { actionId: 'A-1' }),
      entry('Realisatie', 2022, 'MOV', 500, { actionId: 'a-1 ' }),
      entry('Verplichting', 2023, 'ACT', 2000, { id: 'V-1', actionId: 'A-1' }),
      entry('Verplichting', 2021, 'ACT', 9000, { id: 'V-2', actionId: 'A-1', closed: true }),
      entry('Realisatie', 2021, 'ACT', 7000, { actionId: 'A-2' }),
    ]);
    // 1.000 + 500 + 2.000 open + 0 (V-2 closed) = 3.500
    expect(ledger.heldForAction('A-1')).toBe(eur(3500));
    expect(ledger.heldForAction(' a-2')).toBe(eur(7000));
    expect(ledger.heldForAction('A-3')).toBe(0);
  });

  it('holds nothing for an action with a blank ID', () => {
    const ledger = buildLedger([entry('Realisatie', 2021, 'ACT', 1000, { actionId: null })]);
    expect(ledger.heldForAction('')).toBe(0);
    expect(ledger.heldForAction('  ')).toBe(0);
  });

  it("keeps a payment against an order on the order's action, so paying does not grow the pipeline", () => {
    const ledger = buildLedger([
      entry('Verplichting', 2021, 'ACT', 10000, { id: 'V-1', actionId: 'A-1' }),
      entry('Realisatie', 2021, 'ACT', 4000, { commitmentId: 'V-1' }),
    ]);
    // 6.000 still open + 4.000 paid = 10.000, the same as before the payment
    expect(ledger.heldForAction('A-1')).toBe(eur(10000));
  });
});

describe('the ledger read from a workbook', () => {
  it('leaves a payment of an unknown commitment out, and still computes the rest', () => {
    const { programme, findings } = parse({
      budget: [line(2021, 'ACT', 50000)],
      actions: [action('A-1', { Begrotingspost: 'ACT' })],
      ledger: [
        commitment('V-1', 2021, 'ACT', 10000, { 'Actie-ID': 'A-1' }),
        payment('R-1', 2021, 'ACT', 4000, { 'Verplichting-ID': 'V-1' }),
        payment('R-2', 2021, 'ACT', 1000, { 'Verplichting-ID': 'V-9' }),
      ],
    });
    const ledger = buildLedger(programme.ledger);
    // R-2 is out: realised 4.000; obligo 10.000 - 4.000 = 6.000
    expect(ledger.realised(2021, 'ACT')).toBe(eur(4000));
    expect(ledger.obligo(2021, 'ACT')).toBe(eur(6000));
    expect(findings.map((f) => f.problem)).toEqual(['Verplichting V-9 staat niet in Mutaties']);
  });

  it('reads Afgesloten = Ja on a commitment', () => {
    const { programme } = parse({
      budget: [line(2021, 'ACT', 50000)],
      ledger: [commitment('V-1', 2021, 'ACT', 10000, { Afgesloten: 'ja' }), commitment('V-2', 2021, 'ACT', 3000, { Afgesloten: 'Nee' })],
    });
    // V-1 closed -> 0; V-2 3.000 open
    expect(buildLedger(programme.ledger).obligo(2021, 'ACT')).toBe(eur(3000));
  });
});
