import { baselineSnapshot, forecastChanges, readHistory } from '../../../src/core/budget/history';
import { runCheck } from '../../../src/core/check';
import { HEADERS, TAB } from '../../../src/core/workbook/contract';
import { Grid } from '../../../src/core/sheet/cell';
import { CONTEXT, action, eur, line, payment, workbook } from '../fixtures';

const spec = (peildatum: string, paid: number) =>
  workbook({
    settings: { Peildatum: peildatum },
    budget: [line(2024, 'ACT', 10000), line(2024, 'MOV', 20000, { Karakter: 'Vast' })],
    actions: [action('A-1', { Begrotingspost: 'ACT', Geraamd: 1000, Deadline: '01-12-2024' })],
    ledger: [payment('R-1', 2024, 'ACT', paid)],
  });
const tab = (rows: Grid): Grid => [[...HEADERS[TAB.forecastHistory]], ...rows];
const TZ = CONTEXT.timeZone;

describe('Prognoseverloop', () => {
  it('writes one row per line-year for the Peildatum', () => {
    const rows = runCheck(spec('01-03-2024', 2000), CONTEXT, null).outputs.Prognoseverloop;
    // ACT: Besteed 2.000, Gepland 1.000, Prognose 3.000, Saldo 7.000; MOV (Vast, open): Prognose 20.000, Saldo 0
    expect(rows.map((r) => r.slice(1))).toEqual([
      [2024, 'ACT', 10000, 2000, 3000, 7000, 'OK'],
      [2024, 'MOV', 20000, 0, 20000, 0, 'OK'],
    ]);
    // Peildatum as a Date: midnight of 01-03-2024 in the sheet's zone (CET: 29-02 23:00 UTC)
    expect((rows[0][0] as Date).toISOString()).toBe('2024-02-29T23:00:00.000Z');
  });

  it('keeps one snapshot when the check runs twice on one Peildatum, and two for two Peildata', () => {
    const first = runCheck(spec('01-03-2024', 2000), CONTEXT, null).outputs.Prognoseverloop;
    // the same Peildatum again, with more spent: its own rows are replaced
    const again = runCheck(spec('01-03-2024', 5000), CONTEXT, tab(first)).outputs.Prognoseverloop;
    expect(again).toHaveLength(2);
    expect(readHistory(again, TZ).map((s) => s.referenceDate)).toEqual(['2024-03-01']);
    // ACT Prognose 5.000 + 1.000 = 6.000 replaced 3.000
    expect(again[0][5]).toBe(6000);
    const later = runCheck(spec('01-06-2024', 8000), CONTEXT, tab(again)).outputs.Prognoseverloop;
    expect(later).toHaveLength(4);
    expect(readHistory(later, TZ).map((s) => s.referenceDate)).toEqual(['2024-03-01', '2024-06-01']);
  });

  it('keeps rows of other Peildata as they were, also unreadable ones, ordered by Peildatum', () => {
    const foreign: Grid = [['geen datum', 2024, 'ACT', 1, 1, 1, 0, 'OK'], ['15-01-2025', 2024, 'ACT', 10000, 9000, 9000, 1000, 'Let op']];
    const rows = runCheck(spec('01-03-2024', 2000), CONTEXT, tab(foreign)).outputs.Prognoseverloop;
    expect(rows.map((r) => r[0] instanceof Date ? 'nu' : r[0])).toEqual(['nu', 'nu', '15-01-2025', 'geen datum']);
  });

  it('says how each Prognose moved since the last snapshot on or before the previous meet-up', () => {
    const march = runCheck(spec('01-03-2024', 2000), CONTEXT, null).outputs.Prognoseverloop;
    const may = runCheck(spec('15-05-2024', 4000), CONTEXT, tab(march)).outputs.Prognoseverloop;
    // June, comparing with the meet-up of 01-04-2024: the March snapshot is the one to compare with
    const june = runCheck(spec('01-06-2024', 8000), CONTEXT, tab(may), '2024-04-01');
    const act = june.changes.find((c) => c.code === 'ACT')!;
    // March: Prognose 3.000; June: 8.000 + 1.000 = 9.000 (90%: Let op); +6.000
    expect(act).toEqual({ year: 2024, code: 'ACT', sinceDate: '2024-03-01', fromForecastCents: eur(3000), toForecastCents: eur(9000), deltaCents: eur(6000), fromSignal: 'OK', toSignal: 'Let op' });
    // Without a meet-up to compare with, the last snapshot before the Peildatum (May: 4.000 + 1.000)
    const since = runCheck(spec('01-06-2024', 8000), CONTEXT, tab(may)).changes.find((c) => c.code === 'ACT')!;
    expect([since.sinceDate, since.deltaCents]).toEqual(['2024-05-15', eur(4000)]);
  });

  it('has nothing to compare with on the first check', () => {
    const result = runCheck(spec('01-03-2024', 2000), CONTEXT, null);
    expect(result.changes).toEqual([]);
    expect(baselineSnapshot(result.history, '2024-03-01')).toBeNull();
    expect(forecastChanges(result.years, null)).toEqual([]);
  });
});
