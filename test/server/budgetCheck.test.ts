import { GENERATED_TABS, HEADERS, TAB, USER_TABS } from '../../src/core/workbook/contract';
import { midnightIn } from '../../src/core/values/dates';
import { runBudgetCheck } from '../../src/server/index';
import { FakeHandles, __formulaCells, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { allValues, fillWorkbook, records } from './workbooks';

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installAppsScriptFakes();
});
afterEach(() => fakes.uninstall());

/** A date cell as Sheets' getValues returns it: a Date at midnight in the sheet's zone. */
const date = (iso: string) => midnightIn(iso, 'Europe/Amsterdam');

/**
 * A hand-made 2021 workbook. Columns are deliberately in another order than the contract, with an
 * extra user column, as users rearrange their sheets.
 *
 * P1 Preventie, raming 10.000: commitment V-1 8.000, of which 3.000 paid → realisatie 3.000,
 *   obligo 5.000, besteed 8.000; action A-001 (Loopt, 2021) geraamd 3.000, nothing booked on it →
 *   gepland 3.000; prognose 11.000 > 10.000 → Dreigende overschrijding, saldo -1.000.
 * VT Veilig Thuis (wettelijk), raming 5.000: paid 6.000 → besteed 6.000 > 5.000 → Overschrijding.
 * Programme 2021: raming 15.000 = dekking 15.000, prognose 17.000 > 15.000 → Tekort.
 * One unreadable amount (`twintig`) → 1 controle.
 */
function handMadeWorkbook(extraLedgerRows: unknown[][] = []): void {
  fillWorkbook(fakes, {
    [TAB.settings]: [['Waarde', 'Sleutel'], ['Testregio', 'Regio'], [2021, 'Startjaar'], [2021, 'Eindjaar'], [date('2021-06-15'), 'Peildatum'], [0.9, 'Drempel let op']],
    [TAB.municipalities]: [['Subregio', 'Gemeente'], ['Rivierenland', 'Tiel']],
    [TAB.actionLines]: [['Actielijn', 'Code'], ['Preventie', 'AL1']],
    [TAB.actions]: [
      ['Status', 'ID', 'Actie', 'Actielijn', 'Gemeente', 'Prioriteit', 'Deadline', 'Begrotingspost', 'Geraamd', 'Notitie van gebruiker'],
      ['Loopt', 'A-001', 'Training professionals', 'AL1', 'Tiel', 'Laag', date('2021-10-01'), 'P1', 3000, 'niet aankomen'],
    ],
    [TAB.budget]: [
      ['Code', 'Jaar', 'Raming', 'Begrotingspost', 'Wettelijk'],
      ['P1', 2021, 10000, 'Preventie', 'Nee'],
      ['VT', 2021, 5000, 'Veilig Thuis', 'Ja'],
    ],
    [TAB.coverage]: [['Bedrag', 'Jaar', 'Bron'], [15000, 2021, 'DU VO']],
    [TAB.ledger]: [
      ['Bedrag', 'Soort', 'Code', 'ID', 'Datum', 'Verplichting-ID', 'Jaar', 'Omschrijving'],
      [8000, 'Verplichting', 'P1', 'M-1', date('2021-03-01'), '', 2021, 'Subsidie'],
      [3000, 'Realisatie', 'P1', 'M-2', date('2021-04-01'), 'M-1', 2021, 'Eerste termijn'],
      [6000, 'Realisatie', 'VT', 'M-3', date('2021-05-01'), '', 2021, 'Veilig Thuis'],
      // A date typed as text in a date column is read too.
      ['twintig', 'Realisatie', 'P1', 'M-4', '02-05-2021', '', 2021, 'Tikfout'],
      ...extraLedgerRows,
    ],
    [TAB.meetups]: [['Datum', 'Thema']],
    [TAB.indicators]: [['Indicator', 'Gemeente', 'Thema', 'Jaar', 'Waarde']],
  });
}

describe('runBudgetCheck', () => {
  it('writes Budgetcontrole with the hand-computed figures, finding columns by header', () => {
    handMadeWorkbook();
    runBudgetCheck();
    const lines = records(fakes, TAB.budgetCheck);
    const p1 = lines.find((l) => l.Code === 'P1')!;
    expect([p1.Raming, p1.Realisatie, p1['Open verplichtingen'], p1.Besteed, p1.Gepland, p1.Prognose, p1.Saldo]).toEqual([10000, 3000, 5000, 8000, 3000, 11000, -1000]);
    expect(p1.Uitputting).toBeCloseTo(0.8); // 8.000 / 10.000
    expect(p1.Signaal).toBe('Dreigende overschrijding');
    const vt = lines.find((l) => l.Code === 'VT')!;
    expect([vt.Besteed, vt.Signaal]).toEqual([6000, 'Overschrijding']);
    const coverage = lines.find((l) => l.Code === 'Dekking')!;
    expect(coverage.Signaal).toBe('Tekort');
    expect(__values(fakes.spreadsheet, TAB.budgetCheck)![0]).toEqual([...HEADERS[TAB.budgetCheck]]);
  });

  it('lists the unreadable amount in Controles and proposes deferring the open action', () => {
    handMadeWorkbook();
    runBudgetCheck();
    const checks = records(fakes, TAB.checks);
    // Mutaties row 5, Bedrag is the user's column A
    expect(checks).toEqual([expect.objectContaining({ Tabblad: TAB.ledger, Rij: 5, Kolom: 'Bedrag (A)', Waarde: 'twintig' })]);
    const proposals = records(fakes, TAB.reprioritisation);
    expect(proposals.some((p) => p.Code === 'P1' && p['Actie-ID'] === 'A-001')).toBe(true);
    // VT is statutory: never proposed for cuts
    expect(proposals.some((p) => p.Code === 'VT' && p['Actie-ID'] !== '')).toBe(false);
  });

  it('returns a JSON-serialisable summary and toasts its message', () => {
    handMadeWorkbook();
    const summary = runBudgetCheck();
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect([summary.overruns, summary.threatening, summary.checks]).toEqual([1, 1, 1]);
    expect(summary.message).toMatch(/^2021 \(lopend\): tekort € 2\.000; 1 overschrijding, 1 dreigend; resultaat -€ 2\.000; 1 melding in Controles$/);
    expect(fakes.ui.toasts.map((t) => t.message)).toEqual([summary.message]);
  });

  it('never writes a user tab, writes no formulas, and gives identical sheets when run twice', () => {
    handMadeWorkbook();
    const userBefore = Object.fromEntries(USER_TABS.map((t) => [t, __values(fakes.spreadsheet, t)]));
    runBudgetCheck();
    const first = allValues(fakes);
    runBudgetCheck();
    expect(allValues(fakes)).toEqual(first);
    for (const t of USER_TABS) expect(__values(fakes.spreadsheet, t)).toEqual(userBefore[t]);
    expect(__formulaCells(fakes.spreadsheet)).toEqual([]);
    expect(fakes.locks.document.waits).toBe(2);
    expect(fakes.locks.document.held).toBe(false);
  });
});

describe('service calls of runBudgetCheck', () => {
  /** `n` extra valid payments of € 1 on P1, spread over the year: more rows, same output shape. */
  const payments = (n: number) =>
    Array.from({ length: n }, (_, i) => [1, 'Realisatie', 'P1', `X-${i + 1}`, date(`2021-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')}`), '', i % 2 ? 2021 : '', 'betaling']);

  function measure(n: number) {
    fakes.uninstall();
    fakes = installAppsScriptFakes();
    handMadeWorkbook(payments(n));
    runBudgetCheck(); // creates the generated tabs; the second run is the steady state
    fakes.counter.reset();
    runBudgetCheck();
    return { total: fakes.counter.total, breakdown: fakes.counter.breakdown() };
  }

  it('are the same for 2.000 and for 20.000 ledger rows', () => {
    const small = measure(2000);
    const large = measure(20000);
    expect(large).toEqual(small);
    // A fixed budget: the user tab reads and Logboek, 6 tab writes with their formats (Reserveverloop
    // since budget model v3), the lock, the ID counters, the Logboek chain's head, the people tabs for
    // the role check, the time of the check. (Issue 24 brings this down to at most 40.)
    expect(small.total).toBeLessThan(175);
  });

  it('read each user tab once and write each generated tab once', () => {
    const { breakdown } = measure(2000);
    // This older workbook has 9 user tabs (no Begrotingswijzigingen, Jaarafsluiting or Actielijst yet), plus the read of Prognoseverloop.
    expect(breakdown['Sheet.getDataRange']).toBe(USER_TABS.length - 3 + 1);
    expect(breakdown['Range.getValues']).toBe(USER_TABS.length - 3 + 1);
    expect(breakdown['Range.setValues']).toBe(GENERATED_TABS.length);
    // and the 2.000 extra rows really were there: 4 hand-made + 2.000
    expect(records(fakes, TAB.ledger)).toHaveLength(4 + 2000);
  });
});

describe('a ledger of 200.000 rows, half of them junk', () => {
  it('ends with every generated tab written and consistent, not with a RangeError halfway', () => {
    // 100.000 valid payments of € 1 on P1, and 100.000 rows no one can read (5 bad cells each)
    const rows = Array.from({ length: 200_000 }, (_, i) =>
      i % 2 ? [1, 'Realisatie', 'P1', `X-${i}`, date('2021-03-01'), '', 2021, 'betaling'] : ['veel', 'Weet niet', '?', `J-${i}`, 'ooit', '', 'nooit', 'rommel']);
    handMadeWorkbook(rows);
    const summary = runBudgetCheck();
    // 1 controle of the hand-made sheet + 100.000 junk rows x 5 cells (Bedrag, Soort, Code, Datum, Jaar),
    // and a warning for each of the 100.000 valid payments: no Verplichting-ID while M-1 on P1 is still open
    expect(summary.checks).toBe(1 + 500_000 + 100_000);
    expect(summary.checkWarnings).toBe(100_000);
    // Controles: the header, 49.999 findings and a row that counts the other 550.002
    expect(fakes.counter.uncounted(() => fakes.spreadsheet.getSheetByName(TAB.checks)!.getLastRow())).toBe(1 + 50_000);
    // P1: the hand-made 3.000 paid + 5.000 open + 100.000 x € 1 = 108.000 besteed
    const p1 = records(fakes, TAB.budgetCheck).find((l) => l.Code === 'P1')!;
    expect(p1.Besteed).toBe(108_000);
    expect(records(fakes, TAB.forecastHistory).find((l) => l.Code === 'P1')!.Besteed).toBe(108_000);
  });
});

describe('an English error of a Google service', () => {
  it('reaches the user of a menu item in Dutch, with the original on a details line', () => {
    handMadeWorkbook();
    const real = SpreadsheetApp.getActive;
    SpreadsheetApp.getActive = () => {
      throw new Error('Service Spreadsheets failed while accessing document with id 1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789.');
    };
    try {
      expect(() => runBudgetCheck()).toThrow(/^Google Spreadsheets kon het werkboek op dit moment niet lezen of bijwerken\. Probeer het over een paar minuten opnieuw\.\nTechnische details: Service Spreadsheets failed/);
    } finally {
      SpreadsheetApp.getActive = real;
    }
  });
});
