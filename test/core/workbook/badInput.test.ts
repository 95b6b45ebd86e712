/**
 * Issue 10's findings on hostile and misspelt input, each reproduced on a hand-made sheet: the row
 * is listed in Controles and left out, and the rest is still computed.
 */
import { runCheck } from '../../../src/core/check';
import { HEADERS, TAB } from '../../../src/core/workbook/contract';
import { MAX_CELL_CHARS } from '../../../src/core/sheet/escape';
import { CONTEXT, action, check, commitment, coverage, eur, figures, line, payment, workbook } from '../fixtures';

const problems = (result: ReturnType<typeof check>) => result.findings.map((f) => [f.tab, f.row, f.column, f.problem]);

describe('amounts beyond reason', () => {
  it('does not let +1e308 and -1e308 cancel out into OK, and writes no #NUM!', () => {
    const result = check({
      budget: [line(2021, 'ACT', 1000)],
      coverage: [coverage(2021, 1000)],
      ledger: [payment('R-1', 2021, 'ACT', 1e308), payment('R-2', 2021, 'ACT', -1e308), payment('R-3', 2021, 'ACT', 100)],
    });
    expect(problems(result)).toEqual([
      ['Mutaties', 2, 'Bedrag (G)', 'Bedrag: bedrag buiten ± € 1.000.000.000 (een tikfout?)'],
      ['Mutaties', 3, 'Bedrag (G)', 'Bedrag: bedrag buiten ± € 1.000.000.000 (een tikfout?)'],
    ]);
    // only R-3 counts
    expect(figures(result, 2021, 'ACT').spentCents).toBe(eur(100));
    const numbers = result.outputs.Budgetcontrole.flat().filter((c): c is number => typeof c === 'number');
    expect(numbers.every((n) => Number.isFinite(n) && Math.abs(n) <= 1e9)).toBe(true);
  });

  it('refuses a negative Raming and a negative Verplichting, but allows a negative payment (a refund)', () => {
    const result = check({
      budget: [line(2021, 'ACT', 1000), line(2021, 'MOV', -500)],
      ledger: [commitment('V-1', 2021, 'ACT', -200), payment('R-1', 2021, 'ACT', -50)],
    });
    expect(problems(result)).toEqual([
      ['Begroting', 3, 'Raming (D)', 'Raming mag niet negatief zijn; een verlaging is een regel in Begrotingswijzigingen'],
      ['Mutaties', 2, 'Bedrag (G)', 'Een Verplichting mag niet negatief zijn; zet Afgesloten op Ja om wat over is vrij te geven'],
    ]);
    expect(figures(result, 2021, 'ACT').realisedCents).toBe(eur(-50));
  });

  it('refuses 0.500, which could be 500 or a half', () => {
    const result = check({ budget: [line(2021, 'ACT', 1000)], ledger: [payment('R-1', 2021, 'ACT', '0.500')] });
    expect(problems(result)).toEqual([['Mutaties', 2, 'Bedrag (G)', 'Bedrag: dubbelzinnig bedrag: schrijf 500 of 0,50']]);
    expect(figures(result, 2021, 'ACT').spentCents).toBe(0);
  });
});

describe('headers that are not quite the contract', () => {
  const ledger = (rename: Record<string, string>) => HEADERS[TAB.ledger].map((h) => rename[h] ?? h);

  it('lists a look-alike header with the one it resembles: a closed commitment would otherwise stay open', () => {
    const result = check({
      headers: { [TAB.ledger]: ledger({ Afgesloten: 'Afgesloten?' }) },
      budget: [line(2021, 'ACT', 1000)],
      ledger: [commitment('V-1', 2021, 'ACT', 800, { 'Afgesloten?': 'Ja' })],
    });
    expect(problems(result)).toEqual([
      ['Mutaties', 1, 'Afgesloten? (I)', 'Kolom "Afgesloten?" lijkt op Afgesloten, maar heet anders, dus ontbreekt Afgesloten; hernoem de kolom naar Afgesloten'],
    ]);
  });

  it.each([
    ['Verplichting-ID', 'Verpl-ID', TAB.ledger],
    ['Geraamd', 'Geraamd (€)', TAB.actions],
    ['Omschrijving', 'Omschr.', TAB.ledger],
    ['Afgesloten', 'Afgeslotn', TAB.ledger],
  ])('sees %s in %s', (meant, typed, tab) => {
    const headers = HEADERS[tab].map((h) => (h === meant ? typed : h));
    const result = check({ headers: { [tab]: headers }, budget: [line(2021, 'ACT', 1000)] });
    expect(result.findings).toEqual([expect.objectContaining({ tab, row: 1, value: typed, problem: expect.stringContaining(`lijkt op ${meant}`) })]);
  });

  it('does not mistake a user column for a contract header', () => {
    const headers = [...HEADERS[TAB.actions], 'Notitie van gebruiker', 'Eigen kolom', 'Opmerking'];
    expect(check({ headers: { [TAB.actions]: headers }, actions: [action('A-1')] }).findings).toEqual([]);
  });

  it('lists a header that occurs twice and reads the first', () => {
    const headers = [...HEADERS[TAB.ledger], 'bedrag'];
    const result = check({ headers: { [TAB.ledger]: headers }, budget: [line(2021, 'ACT', 1000)], ledger: [payment('R-1', 2021, 'ACT', 100)] });
    expect(problems(result)).toEqual([['Mutaties', 1, 'Bedrag (K)', 'Kolom Bedrag staat 2 keer in de kopregel (G, K); alleen G wordt gelezen']]);
    expect(figures(result, 2021, 'ACT').spentCents).toBe(eur(100));
  });

  it('says first in the summary that a tab was left out for a missing required column', () => {
    const result = check({
      headers: { [TAB.ledger]: HEADERS[TAB.ledger].filter((h) => h !== 'Soort') },
      budget: [line(2021, 'ACT', 1000)],
      coverage: [coverage(2021, 1000)],
      ledger: [{ ID: 'R-1', Jaar: 2021, Code: 'ACT', Bedrag: 5000 }],
    });
    expect(result.summary.skippedTabs).toEqual(['Mutaties']);
    expect(result.summary.message).toBe('Mutaties mist de kolom Soort: geen enkele mutatie is meegeteld; 2021 (lopend): 0 overschrijdingen, 0 dreigend; resultaat € 1.000; 1 melding in Controles');
  });
});

describe('very long text', () => {
  it('keeps every generated cell within Sheets\' 50.000 characters, cut with …', () => {
    const long = 'x'.repeat(49_990);
    const result = check({ budget: [line(2021, 'ACT', 1000)], actions: [action('A-1', { Status: long, Actie: long })] });
    const cells = Object.values(result.outputs).flatMap((grid) => grid.flat()).filter((c): c is string => typeof c === 'string');
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThanOrEqual(MAX_CELL_CHARS);
    const status = result.outputs.Controles.find((r) => r[2] === 'Status (I)')!;
    // The value is shown in Waarde (49.990 characters fit); the message quotes it cut short
    expect((status[3] as string).length).toBe(49_990);
    expect(status[4]).toBe(`Status "${'x'.repeat(79)}…" is geen geldige keuze (Niet gestart, Loopt, Afgerond, Uitgesteld, Geschrapt)`);
  });
});

describe('a whole tab of junk', () => {
  // 25.000 junk ledger rows made Math.max(...) throw RangeError; 200.000 run over the fake in test/server/budgetCheck.test.ts.
  it('gives a complete, consistent check for 50.000 ledger rows, half of them junk', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) =>
      i % 2 ? payment(`R-${i}`, 2021, 'ACT', 1) : { ID: `J-${i}`, Jaar: 'ooit', Code: '?', Soort: 'Weet niet', Bedrag: 'veel' });
    const snapshot = workbook({ budget: [line(2021, 'ACT', 200000)], coverage: [coverage(2021, 200000)], ledger: rows });
    const result = runCheck(snapshot, CONTEXT);
    // 25.000 payments of € 1
    expect(figures(result, 2021, 'ACT').spentCents).toBe(eur(25_000));
    // every junk row listed once per unreadable cell: Jaar, Code, Soort, Bedrag
    expect(result.findings).toHaveLength(25_000 * 4);
    // Controles shows the first 49.999 and sums up the rest in its 50.000th row
    expect(result.outputs.Controles).toHaveLength(50_000);
    expect(result.outputs.Controles[49_999]).toEqual(['', '', '', '', 'Nog 50.001 controles niet getoond: los eerst de bovenstaande op en voer de budgetcontrole opnieuw uit.', '']);
    expect(result.summary.checks).toBe(100_000);
    expect(result.outputs.Budgetcontrole.find((r) => r[1] === 'ACT')![9]).toBe(25_000);
  });
});

describe('what Controles shows of a date cell', () => {
  it('shows the day the user sees in the sheet, not the UTC instant a day earlier', () => {
    // A Date where an amount belongs: midnight of 01-02-2021 in Amsterdam is 31-01-2021 23:00 UTC
    const result = check({ budget: [line(2021, 'ACT', 1000)], ledger: [payment('R-1', 2021, 'ACT', new Date('2021-01-31T23:00:00Z'))] });
    expect(result.findings.map((f) => [f.column, f.value])).toEqual([['Bedrag (G)', '01-02-2021']]);
  });
});
