/**
 * docs/werkboek.md explains how a payment pays off a commitment with figures a user can check. These
 * are those figures, from the check itself, so the document cannot drift from what the sheet shows.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { CheckResult } from '../../src/core/check';
import { CONTEXT, Row, check, commitment, coverage, eur, figures, line, payment } from '../core/fixtures';

const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'werkboek.md'), 'utf8');

// The document's example: MOV, a fixed subsidy with a raming of € 2.500.000 in 2024.
const budget = [line(2024, 'MOV', 2_500_000, { Karakter: 'Vast' })];
const settings = { Startjaar: 2024, Eindjaar: 2024, Peildatum: '01-10-2024' };
const run = (ledger: Row[], referenceDate = '01-10-2024'): CheckResult =>
  check({ settings: { ...settings, Peildatum: referenceDate }, budget, coverage: [coverage(2024, 2_500_000)], ledger }, { ...CONTEXT, today: '2024-10-01' });

const grant = commitment('M-001', 2024, 'MOV', 2_400_000, { Datum: '15-01-2024', Jaar: '' });
const advance = (more: Row = {}) => payment('M-002', 2024, 'MOV', 1_200_000, { Datum: '01-07-2024', Jaar: '', ...more });

describe('docs/werkboek.md: a payment pays off a commitment', () => {
  test('with Verplichting-ID: Realisatie € 1.200.000, Open verplichtingen € 1.200.000, Besteed € 2.400.000, OK', () => {
    const result = run([grant, advance({ 'Verplichting-ID': 'M-001' })]);
    const mov = figures(result, 2024, 'MOV');
    expect([mov.realisedCents, mov.obligoCents, mov.spentCents, mov.signal]).toEqual([eur(1_200_000), eur(1_200_000), eur(2_400_000), 'OK']);
    expect(result.findings.filter((f) => f.tab === 'Mutaties')).toEqual([]);
    expect(doc).toContain('`Besteed` € 2.400.000 (realisatie plus open verplichtingen)');
  });

  test('without: Open verplichtingen € 2.400.000, Besteed € 3.600.000, Overschrijding, and the warning the document quotes', () => {
    const result = run([grant, advance()]);
    const mov = figures(result, 2024, 'MOV');
    expect([mov.realisedCents, mov.obligoCents, mov.spentCents, mov.signal]).toEqual([eur(1_200_000), eur(2_400_000), eur(3_600_000), 'Overschrijding']);
    const warnings = result.findings.filter((f) => f.tab === 'Mutaties' && f.column.startsWith('Verplichting-ID'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].severity).toBe('warning');
    expect(warnings[0].row).toBe(3);
    // The document quotes the message whole (its line breaks are spaces), with a closing full stop.
    const quoted = /\*(Realisatie zonder Verplichting-ID[^*]+)\.\*/.exec(doc.replace(/\n/g, ' '))![1];
    expect(warnings[0].problem).toBe(quoted);
  });

  test('Afgesloten: settled at € 2.300.000, nothing open, the forecast is what was spent (€ 200.000 room)', () => {
    const result = run([
      { ...grant, Afgesloten: 'Ja' },
      advance({ 'Verplichting-ID': 'M-001' }),
      payment('M-003', 2024, 'MOV', 1_100_000, { Datum: '01-09-2024', Jaar: '', 'Verplichting-ID': 'M-001' }),
    ]);
    const mov = figures(result, 2024, 'MOV');
    expect([mov.obligoCents, mov.spentCents, mov.forecastCents, mov.balanceCents]).toEqual([0, eur(2_300_000), eur(2_300_000), eur(200_000)]);
  });

  test('a blank Jaar is the year of Datum; a Jaar of 2024 dated 20-01-2025 counts from that Peildatum on', () => {
    const late = payment('M-014', 2024, 'MOV', 8_500, { Datum: '20-01-2025' });
    expect(figures(run([late]), 2024, 'MOV').realisedCents).toBe(0);
    expect(figures(run([late], '20-01-2025'), 2024, 'MOV').realisedCents).toBe(eur(8_500));
    // Blank Jaar: the payment of 01-07-2024 is 2024's.
    expect(figures(run([advance()]), 2024, 'MOV').realisedCents).toBe(eur(1_200_000));
  });
});
