import { compareCandidates } from '../../../src/core/budget/proposal';
import { naturalCompare } from '../../../src/core/workbook/ids';
import { Action } from '../../../src/core/workbook/model';
import { action, check, commitment, coverage, eur, figures, line, payment } from '../fixtures';

describe('naturalCompare', () => {
  it('orders IDs as people number them', () => {
    const ids = ['A-10', 'A-2', 'a-1', 'B-1', 'A-002', 'A-2b', 'A', ''];
    // '' first; 'A' is a prefix of the rest; A-1 < A-002 = A-2 by value (then raw text), A-2b after after
    expect([...ids].sort(naturalCompare)).toEqual(['', 'A', 'a-1', 'A-002', 'A-2', 'A-2b', 'A-10', 'B-1']);
  });

  it('is a consistent order: antisymmetric and zero only for the same text', () => {
    const ids = ['A-1', 'A-01', 'A-10', 'x', 'X', '9', '10'];
    for (const a of ids) for (const b of ids) {
      expect(Math.sign(naturalCompare(a, b)) + Math.sign(naturalCompare(b, a))).toBe(0);
      expect(naturalCompare(a, b) === 0).toBe(a === b);
    }
  });
});

describe('compareCandidates', () => {
  const base: Action = {
    row: 2, id: 'A-1', lineCode: 'AL1', municipality: 'Regio', title: '', owner: '', theme: '', priority: 'Middel',
    deadline: '2021-06-30', status: 'Loopt', budgetCode: 'ACT', plannedCents: 100, note: '', updatedOn: null, updatedBy: '', originalDeadline: null,
  };
  it('puts Laag before a blank priority, which sorts like Middel, before Hoog', () => {
    const a = { ...base, priority: 'Hoog' as const };
    const b = { ...base, priority: null };
    const c = { ...base, priority: 'Laag' as const };
    expect([a, b, c].sort(compareCandidates).map((x) => x.priority)).toEqual(['Laag', null, 'Hoog']);
    // blank and Middel are equal on priority, so the deadline decides
    expect(compareCandidates({ ...base, priority: null, deadline: '2021-01-01' }, { ...base, deadline: '2021-12-01' })).toBeGreaterThan(0);
  });
});

const DECIDES = { Besluitvorming: 'college van Stad, na advies van de werkgroep' };

describe('reprioritisation proposal for a line in (threatening) overrun', () => {
  it('orders Laag -> Middel -> Hoog, then latest deadline first (none = latest), then ID', () => {
    const on = (id: string, Prioriteit: string, Deadline: string) => action(id, { Begrotingspost: 'ACT', Geraamd: 1000, Prioriteit, Deadline });
    const result = check({
      budget: [line(2021, 'ACT', 10000)],
      // dekking 17.000 = prognose: no programme shortfall, so only the line proposal
      coverage: [coverage(2021, 17000)],
      actions: [
        on('A-3', 'Hoog', '31-12-2021'),
        on('A-6', '', '01-01-2021'),
        on('A-10', 'Laag', '30-06-2021'),
        on('A-7', 'Middel', '30-06-2021'),
        on('A-2', 'Laag', '30-06-2021'),
        on('A-5', 'Laag', ''),
        on('A-4', 'Laag', '31-12-2021'),
      ],
      ledger: [payment('R-1', 2021, 'ACT', 10000)],
    });
    // Besteed 10.000 = Raming; Gepland 7 x 1.000 = 7.000; Prognose 17.000 -> Dreigende, shortfall 7.000
    expect(figures(result, 2021, 'ACT').signal).toBe('Dreigende overschrijding');
    expect(result.proposals).toHaveLength(1);
    const [p] = result.proposals;
    expect(p.shortfallCents).toBe(eur(7000));
    // Laag: A-5 (no deadline), A-4 (31-12), A-2 and A-10 (30-06, by ID); Middel/blank: A-7 (30-06), A-6 (01-01); Hoog: A-3
    expect(p.items.map((i) => i.actionId)).toEqual(['A-5', 'A-4', 'A-2', 'A-10', 'A-7', 'A-6', 'A-3']);
    // 2021 is the period's only year: each deferral moves the action to the next programme
    expect(p.items.every((i) => i.kind === 'defer' && i.proposal === 'Uitstellen naar volgend programma' && i.freedCents === eur(1000))).toBe(true);
    expect(p.items[0].deferral).toEqual({ toYear: null, forecastCents: null, balanceCents: null, signal: null, shiftsShortfall: false });
    // 7 x 1.000 = 7.000 covers 7.000 exactly
    expect(p.covered).toBe(true);
    expect(p.items[0].note).toBe('Geen deadline; de actie gaat over naar het volgende programma (na 2021); na dit voorstel gedekt: € 1.000,00 van € 7.000,00');
    expect(p.items[6].note).toBe('Deadline 31-12-2021; de actie gaat over naar het volgende programma (na 2021); na dit voorstel gedekt: € 7.000,00 van € 7.000,00');
  });

  it('stops as soon as the shortfall is covered, and skips actions with nothing left to free', () => {
    const result = check({
      budget: [line(2021, 'ACT', 1000)],
      coverage: [coverage(2021, 100000)],
      actions: [
        action('A-1', { Begrotingspost: 'ACT', Geraamd: 1000, Prioriteit: 'Laag', Deadline: '01-09-2021' }),
        action('A-2', { Begrotingspost: 'ACT', Geraamd: 2000, Prioriteit: 'Middel', Deadline: '01-09-2021' }),
        action('A-3', { Begrotingspost: 'ACT', Geraamd: 500, Prioriteit: 'Hoog', Deadline: '01-09-2021' }),
        // fully paid already: nothing left to free
        action('A-0', { Begrotingspost: 'ACT', Geraamd: 300, Prioriteit: 'Laag', Deadline: '01-09-2021' }),
      ],
      ledger: [payment('R-1', 2021, 'ACT', 300, { 'Actie-ID': 'A-0' })],
    });
    // Besteed 300; Gepland 1.000 + 2.000 + 500 = 3.500; Prognose 3.800 - Raming 1.000 = shortfall 2.800
    const [p] = result.proposals;
    expect(p.shortfallCents).toBe(eur(2800));
    // A-1 frees 1.000 (not enough), A-2 frees 2.000: 3.000 >= 2.800, stop before A-3
    expect(p.items.map((i) => [i.actionId, i.priority, i.freedCents])).toEqual([['A-1', 'Laag', eur(1000)], ['A-2', 'Middel', eur(2000)]]);
    expect(p.items.map((i) => i.note.replace(/.*; /, ''))).toEqual(['na dit voorstel gedekt: € 1.000,00 van € 2.800,00', 'na dit voorstel gedekt: € 2.800,00 van € 2.800,00']);
  });

  it('only takes actions of the same line and year', () => {
    const result = check({
      budget: [line(2021, 'ACT', 1000), line(2022, 'ACT', 100000), line(2021, 'MOV', 100000)],
      coverage: [coverage(2021, 1000000), coverage(2022, 1000000)],
      actions: [
        action('A-1', { Begrotingspost: 'ACT', Geraamd: 2000, Deadline: '01-09-2021' }),
        action('A-2', { Begrotingspost: 'ACT', Geraamd: 500, Deadline: '01-09-2022' }),
        action('A-3', { Begrotingspost: 'MOV', Geraamd: 500, Deadline: '01-09-2021' }),
      ],
    });
    // ACT 2021: Prognose 2.000 > 1.000, shortfall 1.000; only A-1 is on ACT in 2021
    const p = result.proposals.find((x) => x.code === 'ACT')!;
    expect(p.items.filter((i) => i.kind === 'defer').map((i) => i.actionId)).toEqual(['A-1']);
  });

  it('moves a deferred cost to the next year and says what it does there, also when that pushes it into overrun', () => {
    const result = check({
      // 2024 runs, 2025 is the future
      settings: { Peildatum: '01-10-2024' },
      budget: [line(2024, 'ACT', 10000), line(2025, 'ACT', 10000)],
      coverage: [coverage(2024, 100000), coverage(2025, 100000)],
      actions: [
        action('A-1', { Begrotingspost: 'ACT', Geraamd: 3000, Prioriteit: 'Laag', Deadline: '30-11-2024' }),
        action('A-2', { Begrotingspost: 'ACT', Geraamd: 1000, Prioriteit: 'Hoog', Deadline: '01-06-2025' }),
      ],
      ledger: [payment('R-1', 2024, 'ACT', 9000), payment('R-2', 2025, 'ACT', 7000)],
    });
    // 2024: Besteed 9.000 + Gepland 3.000 = 12.000 > 10.000: shortfall 2.000
    // 2025 (toekomstig) before: Besteed 7.000 + Gepland 1.000 = 8.000 (80%), Prognose at least the raming: 10.000, OK
    expect(figures(result, 2025, 'ACT')).toMatchObject({ forecastCents: eur(10000), signal: 'OK' });
    const [p] = result.proposals;
    expect(p).toMatchObject({ year: 2024, code: 'ACT', shortfallCents: eur(2000), covered: true });
    expect(p.items.map((i) => [i.proposal, i.actionId, i.freedCents])).toEqual([['Uitstellen naar 2025', 'A-1', eur(3000)]]);
    // 2025 after: 8.000 + 3.000 = 11.000 against 10.000: Saldo -1.000, Dreigende overschrijding
    expect(p.items[0].deferral).toEqual({ toYear: 2025, forecastCents: eur(11000), balanceCents: eur(-1000), signal: 'Dreigende overschrijding', shiftsShortfall: true });
    expect(p.items[0].note).toBe('Deadline 30-11-2024; in 2025: prognose ACT € 11.000,00, saldo € -1.000,00 (Dreigende overschrijding): verschuift het tekort naar 2025; na dit voorstel gedekt: € 2.000,00 van € 2.000,00');
    // and 2025's proposal covers what moved there: 1.000 short, A-2 (1.000) moves to the next programme
    expect(result.proposals[1]).toMatchObject({ year: 2025, code: 'ACT', shortfallCents: eur(1000), covered: true });
    expect(result.proposals[1].items.map((i) => [i.actionId, i.proposal])).toEqual([['A-2', 'Uitstellen naar volgend programma']]);
    // The proposal changes nothing: 2025 still shows its own figures
    expect(figures(result, 2025, 'ACT').signal).toBe('OK');
  });

  it('adds up several deferrals into the same next line-year', () => {
    const result = check({
      settings: { Peildatum: '01-03-2024' },
      budget: [line(2024, 'ACT', 1000), line(2025, 'ACT', 2000)],
      coverage: [coverage(2024, 100000), coverage(2025, 100000)],
      actions: [
        action('A-1', { Begrotingspost: 'ACT', Geraamd: 1000, Prioriteit: 'Laag', Deadline: '01-06-2024' }),
        action('A-2', { Begrotingspost: 'ACT', Geraamd: 1500, Prioriteit: 'Middel', Deadline: '01-06-2024' }),
      ],
    });
    // 2024: Gepland 2.500 > 1.000: shortfall 1.500; A-1 (1.000) then A-2 (1.500)
    const [p] = result.proposals;
    // ACT 2025 (toekomstig, raming 2.000) had nothing: 0 + 1.000 = 1.000, Prognose at least 2.000;
    // then 1.000 + 1.500 = 2.500 > 2.000: both deferrals count together
    expect(p.items.map((i) => i.deferral!.forecastCents)).toEqual([eur(2000), eur(2500)]);
    expect(p.items.map((i) => i.deferral!.balanceCents)).toEqual([0, eur(-500)]);
  });

  it('never defers an action on a Vast or Wettelijk line; it moves room or goes to Besluitvorming instead', () => {
    const result = check({
      settings: DECIDES,
      budget: [line(2021, 'VT', 10000, { Karakter: 'Wettelijk' }), line(2021, 'ACT', 10000)],
      coverage: [coverage(2021, 20000)],
      actions: [action('A-1', { Begrotingspost: 'VT', Geraamd: 3000, Prioriteit: 'Laag', Deadline: '01-09-2021' })],
      ledger: [payment('R-1', 2021, 'VT', 9000)],
    });
    // VT: Besteed 9.000, Gepland 3.000, Prognose max(12.000, 10.000) = 12.000 > 10.000: shortfall 2.000; ACT Saldo 10.000
    const [p] = result.proposals;
    expect(p.code).toBe('VT');
    expect(p.items.map((i) => [i.kind, i.proposal, i.freedCents, i.sourceCode])).toEqual([['shift', 'Begrotingswijziging van ACT naar VT', eur(2000), 'ACT']]);
    expect(p.items[0].note).toBe('Saldo ACT € 10.000,00; in Begrotingswijzigingen: € -2.000,00 op ACT 2021 en € 2.000,00 op VT 2021; na dit voorstel gedekt: € 2.000,00 van € 2.000,00');
    expect(p.covered).toBe(true);
  });

  it('never takes room from an open subsidy or statutory line: their Prognose is their raming', () => {
    const result = check({
      settings: DECIDES,
      budget: [line(2021, 'ACT', 1000), line(2021, 'VT', 50000, { Karakter: 'Wettelijk' }), line(2021, 'CSG', 20000, { Karakter: 'Vast' }), line(2021, 'GEN', 5000, { Karakter: 'Wettelijk' })],
      coverage: [coverage(2021, 80000)],
      ledger: [payment('R-1', 2021, 'ACT', 1500)],
    });
    // ACT: Besteed 1.500 > 1.000: Overschrijding, shortfall 500. VT, CSG and GEN have nothing booked:
    // Prognose = Raming, Saldo 0, so none of them is a source.
    expect(['VT', 'CSG', 'GEN'].map((c) => figures(result, 2021, c).balanceCents)).toEqual([0, 0, 0]);
    const [p] = result.proposals;
    expect(p.items.map((i) => i.kind)).toEqual(['escalate']);
    expect(p.items[0]).toMatchObject({
      proposal: 'Voorleggen aan college van Stad, na advies van de werkgroep',
      freedCents: 0,
      note: 'Nog niet gedekt: € 500,00 na uitstel en verschuiving; de beslissing ligt bij college van Stad, na advies van de werkgroep.',
    });
    expect(p.covered).toBe(false);
  });

  it('takes room from a Vast line that was settled below its raming', () => {
    const result = check({
      settings: { Peildatum: '01-10-2024' },
      budget: [line(2024, 'ACT', 1000), line(2024, 'OMG', 10000, { Karakter: 'Vast' })],
      coverage: [coverage(2024, 11000)],
      ledger: [
        payment('R-1', 2024, 'ACT', 1500),
        commitment('V-1', 2024, 'OMG', 10000, { Afgesloten: 'Ja' }),
        payment('R-2', 2024, 'OMG', 8000, { 'Verplichting-ID': 'V-1' }),
      ],
    });
    // OMG afgerekend at 8.000: Saldo 2.000. ACT short 500: moved from OMG
    const [p] = result.proposals;
    expect(p.items.map((i) => [i.kind, i.proposal, i.freedCents])).toEqual([['shift', 'Begrotingswijziging van OMG naar ACT', eur(500)]]);
    expect(p.items[0].note).toBe('Saldo OMG (afgerekend onder de raming) € 2.000,00; in Begrotingswijzigingen: € -500,00 op OMG 2024 en € 500,00 op ACT 2024; na dit voorstel gedekt: € 500,00 van € 500,00');
    expect(p.covered).toBe(true);
  });

  it('shares the room of a healthy line across the overrun lines of the year, largest Saldo first', () => {
    const result = check({
      budget: [
        line(2021, 'A', 10000), line(2021, 'B', 10000),
        line(2021, 'C', 10000), line(2021, 'D', 10000), line(2021, 'E', 10000),
        line(2021, 'VT', 10000, { Karakter: 'Wettelijk' }),
      ],
      // prognose 13 + 15 + 5 + 9 + 9 + 10 (VT at its raming) = 61.000 = dekking: no programme shortfall
      coverage: [coverage(2021, 61000)],
      ledger: [
        payment('R-1', 2021, 'A', 13000), // A: 3.000 over
        payment('R-2', 2021, 'B', 15000), // B: 5.000 over
        payment('R-3', 2021, 'C', 5000), // C: Saldo 5.000
        payment('R-4', 2021, 'D', 9000), // D: Saldo 1.000
        payment('R-5', 2021, 'E', 9000), // E: Saldo 1.000 (same as D; D comes first in Begroting)
      ],
    });
    const [a, b] = result.proposals;
    // A (first in Begroting) takes 3.000 of C's 5.000
    expect(a.items.map((i) => [i.proposal, i.freedCents])).toEqual([['Begrotingswijziging van C naar A', eur(3000)]]);
    expect(a.covered).toBe(true);
    // B needs 5.000: C's last 2.000, D 1.000, E 1.000 = 4.000; 1.000 left for Besluitvorming
    expect(b.items.map((i) => [i.proposal, i.freedCents])).toEqual([
      ['Begrotingswijziging van C naar B', eur(2000)], ['Begrotingswijziging van D naar B', eur(1000)], ['Begrotingswijziging van E naar B', eur(1000)], ['Voorleggen aan besluitvorming', 0],
    ]);
    expect(b.items[0].note).toBe('Saldo C € 5.000,00, waarvan nog € 2.000,00 vrij; in Begrotingswijzigingen: € -2.000,00 op C 2021 en € 2.000,00 op B 2021; na dit voorstel gedekt: € 2.000,00 van € 5.000,00');
    expect(b.items[3].note).toBe('Nog niet gedekt: € 1.000,00 na uitstel en verschuiving; de beslissing ligt bij de besluitvorming (vul Instellingen › Besluitvorming in).');
    expect(b.covered).toBe(false);
    expect(result.proposals.map((p) => p.code)).toEqual(['A', 'B']);
  });

  it('defers first and moves only what deferring leaves; an overrun in Besteed needs the move', () => {
    const result = check({
      budget: [line(2021, 'ACT', 10000), line(2021, 'MOV', 10000)],
      coverage: [coverage(2021, 20000)],
      actions: [action('A-1', { Begrotingspost: 'ACT', Geraamd: 2000, Prioriteit: 'Laag', Deadline: '01-09-2021' })],
      ledger: [payment('R-1', 2021, 'ACT', 11000), payment('R-2', 2021, 'MOV', 7000)],
    });
    // ACT: Besteed 11.000 > 10.000: Overschrijding; Prognose 13.000, shortfall 3.000
    // defer A-1 frees 2.000; move 1.000 from MOV (Saldo 3.000)
    expect(figures(result, 2021, 'ACT').signal).toBe('Overschrijding');
    const [p] = result.proposals;
    expect(p.shortfallCents).toBe(eur(3000));
    expect(p.items.map((i) => [i.kind, i.actionId, i.freedCents])).toEqual([['defer', 'A-1', eur(2000)], ['shift', '', eur(1000)]]);
    expect(p.covered).toBe(true);
  });
});

describe('reprioritisation proposal for a programme shortfall', () => {
  // X: Besteed 7.000 + X1 3.000 + X2 2.000 = 12.000 > 10.000 (shortfall 2.000)
  // Y: Besteed 4.000 + Y1 1.000 = 5.000 (Saldo 5.000)
  // VT (statutory): Besteed 10.000 + VT1 500 = 10.500 > 10.000 (shortfall 500)
  // raming 30.000; prognose 12.000 + 5.000 + 10.500 = 27.500
  const spec = (dekking: number) => ({
    settings: DECIDES,
    budget: [line(2021, 'X', 10000), line(2021, 'Y', 10000), line(2021, 'VT', 10000, { Karakter: 'Wettelijk' })],
    coverage: [coverage(2021, dekking)],
    actions: [
      action('X1', { Begrotingspost: 'X', Geraamd: 3000, Prioriteit: 'Laag', Deadline: '01-09-2021' }),
      action('X2', { Begrotingspost: 'X', Geraamd: 2000, Prioriteit: 'Hoog', Deadline: '01-09-2021' }),
      action('Y1', { Begrotingspost: 'Y', Geraamd: 1000, Prioriteit: 'Middel', Deadline: '01-09-2021' }),
      action('VT1', { Begrotingspost: 'VT', Geraamd: 500, Prioriteit: 'Laag', Deadline: '01-09-2021' }),
    ],
    ledger: [payment('R-1', 2021, 'X', 7000), payment('R-2', 2021, 'Y', 4000), payment('R-3', 2021, 'VT', 10000)],
  });

  it('lowers Flexibel ramingen by their room, then defers to make room, and sends the rest to Besluitvorming', () => {
    const result = check(spec(20000));
    // shortfall max(30.000 - 20.000, 27.500 - 20.000) = 10.000
    expect(result.years[0].shortfallCents).toBe(eur(10000));
    expect(result.proposals.map((p) => p.code)).toEqual(['X', 'VT', 'Totaal']);
    const [x, vt, total] = result.proposals;
    // X: X1 (Laag, 3.000) covers 2.000; X's room becomes -2.000 + 3.000 = 1.000
    expect(x.items.map((i) => i.actionId)).toEqual(['X1']);
    // VT: no deferral on a statutory line; 500 from Y's Saldo 5.000 (largest room; X has 1.000 left after X1)
    expect(vt.items.map((i) => [i.proposal, i.freedCents])).toEqual([['Begrotingswijziging van Y naar VT', eur(500)]]);
    // Totaal: raming gap 30.000 - 20.000 = 10.000; prognose gap 27.500 - 20.000 - 3.000 (X1) = 4.500
    //  lower Y by its room left 4.500           -> raming gap 5.500
    //  lower X by the 1.000 X1 left beyond X's own shortfall -> raming gap 4.500
    //  defer Y1 (Middel, 1.000), lower Y 1.000  -> raming gap 3.500, prognose gap 3.500
    //  defer X2 (Hoog, 2.000), lower X 2.000    -> raming gap 1.500, prognose gap 1.500
    //  VT1 is on a statutory line; 1.500 stays uncovered
    expect(total.shortfallCents).toBe(eur(10000));
    expect(total.items.map((i) => [i.kind, i.proposal, i.actionId, i.freedCents])).toEqual([
      ['lower', 'Begrotingswijziging: raming Y verlagen', '', eur(4500)],
      ['lower', 'Begrotingswijziging: raming X verlagen', '', eur(1000)],
      ['defer', 'Uitstellen naar volgend programma', 'Y1', eur(1000)],
      ['defer', 'Uitstellen naar volgend programma', 'X2', eur(2000)],
      ['escalate', 'Voorleggen aan college van Stad, na advies van de werkgroep', '', 0],
    ]);
    expect(total.items.every((i) => i.code === 'Totaal' && i.shortfallCents === eur(10000))).toBe(true);
    expect(total.items[0].note).toBe('Ruimte op Y: € 4.500,00 (raming − prognose); in Begrotingswijzigingen: € -4.500,00 op Y 2021; na dit voorstel gedekt: € 4.500,00 van € 10.000,00');
    expect(total.items[2].note).toBe('Deadline 01-09-2021; de actie gaat over naar het volgende programma (na 2021); daarna de raming Y 2021 met € 1.000,00 verlagen in Begrotingswijzigingen; na dit voorstel gedekt: € 6.500,00 van € 10.000,00');
    expect([total.items[2].lineCode, total.items[2].thenLowerCents, total.items[3].lineCode, total.items[3].thenLowerCents]).toEqual(['Y', eur(1000), 'X', eur(2000)]);
    expect(total.items[4].note).toBe('Nog niet gedekt: € 1.500,00 (raming € 30.000,00 boven dekking € 20.000,00; prognose € 27.500,00 boven dekking € 20.000,00); de beslissing ligt bij college van Stad, na advies van de werkgroep.');
    expect(total.covered).toBe(false);
  });

  it('covers a raming above the dekking by lowering ramingen, without deferring anything', () => {
    const result = check(spec(25000));
    // raming gap 5.000; prognose gap 27.500 - 25.000 - 3.000 (X1, proposed for X) < 0
    // Y's room after VT took 500: 4.500 -> lower Y 4.500; X's room after X1: 1.000 -> lower X 500: covered
    const total = result.proposals.find((p) => p.code === 'Totaal')!;
    expect(total.items.map((i) => [i.kind, i.sourceCode, i.freedCents])).toEqual([['lower', 'Y', eur(4500)], ['lower', 'X', eur(500)]]);
    expect(total.covered).toBe(true);
  });

  it('lowers the raming of a subsidy settled below it too: its room is final', () => {
    const result = check({
      settings: { Peildatum: '01-10-2024' },
      budget: [line(2024, 'OMG', 10000, { Karakter: 'Vast' }), line(2024, 'VT', 10000, { Karakter: 'Wettelijk' })],
      coverage: [coverage(2024, 19000)],
      ledger: [commitment('V-1', 2024, 'OMG', 10000, { Afgesloten: 'Ja' }), payment('R-1', 2024, 'OMG', 8000, { 'Verplichting-ID': 'V-1' })],
    });
    // raming 20.000 > dekking 19.000: 1.000; OMG settled at 8.000 has 2.000 room
    const total = result.proposals.find((p) => p.code === 'Totaal')!;
    expect(total.items.map((i) => [i.kind, i.proposal, i.freedCents])).toEqual([['lower', 'Begrotingswijziging: raming OMG verlagen', eur(1000)]]);
    expect(total.covered).toBe(true);
  });

  it('defers when only the prognose exceeds the dekking: lowering a raming would not help', () => {
    const result = check({
      budget: [line(2021, 'ACT', 10000)],
      coverage: [coverage(2021, 10000)],
      actions: [
        action('A-1', { Begrotingspost: 'ACT', Geraamd: 800, Prioriteit: 'Laag', Deadline: '01-09-2021' }),
        action('A-2', { Begrotingspost: 'ACT', Geraamd: 500, Prioriteit: 'Hoog', Deadline: '01-09-2021' }),
      ],
      ledger: [payment('R-1', 2021, 'ACT', 9000)],
    });
    // ACT: 9.000 + 1.300 = 10.300 > 10.000: shortfall 300, A-1 covers it (line proposal).
    // Programme: prognose 10.300 - dekking 10.000 = 300, already covered by A-1: no further deferral.
    const total = result.proposals.find((p) => p.code === 'Totaal')!;
    expect(total).toMatchObject({ shortfallCents: eur(300), covered: true });
    expect(total.items).toEqual([expect.objectContaining({
      kind: 'covered', proposal: 'Gedekt door de voorstellen per begrotingspost', freedCents: eur(800),
      note: 'prognose € 10.300,00 boven dekking € 10.000,00; het uitstel dat hierboven per begrotingspost is voorgesteld, maakt € 800,00 vrij en dekt dit.',
    })]);
  });

  it('lowers a Flexibel raming by its room before anything else, and escalates what no room covers', () => {
    const room = check({ budget: [line(2021, 'ACT', 1000)], coverage: [coverage(2021, 900)] });
    // raming 1.000 > dekking 900: shortfall 100; ACT has nothing spent, so 1.000 room: lower it by 100
    expect(room.proposals).toHaveLength(1);
    expect(room.proposals[0].items.map((i) => [i.kind, i.proposal, i.freedCents])).toEqual([['lower', 'Begrotingswijziging: raming ACT verlagen', eur(100)]]);
    expect(room.proposals[0].covered).toBe(true);

    const none = check({ settings: DECIDES, budget: [line(2021, 'VT', 1000, { Karakter: 'Wettelijk' })], coverage: [coverage(2021, 900)] });
    // VT is statutory: no room, nothing to defer
    expect(none.proposals[0]).toMatchObject({ code: 'Totaal', shortfallCents: eur(100), covered: false });
    expect(none.proposals[0].items.map((i) => [i.kind, i.proposal])).toEqual([['escalate', 'Voorleggen aan college van Stad, na advies van de werkgroep']]);
  });

  it('proposes nothing when no line is in overrun and the programme is covered', () => {
    const result = check({
      budget: [line(2021, 'ACT', 1000)],
      coverage: [coverage(2021, 1000)],
      ledger: [payment('R-1', 2021, 'ACT', 950)],
    });
    // 95%: Let op, not an overrun
    expect(figures(result, 2021, 'ACT').signal).toBe('Let op');
    expect(result.proposals).toEqual([]);
  });

  it('never changes an action: the parsed actions are the same before and after', () => {
    const s = spec(25000);
    const before = JSON.stringify(s.actions);
    check(s);
    expect(JSON.stringify(s.actions)).toBe(before);
  });
});

describe('circulaires', () => {
  it('says the contributing municipalities must be consulted when a circulaire changes the DU VO', () => {
    const result = check({
      settings: { 'Bijdragende gemeenten': 'Gennep, Maasdriel en Zaltbommel' },
      budget: [line(2024, 'ACT', 10000)],
      coverage: [
        coverage(2024, 10000, 'DU VO decembercirculaire 2023'),
        coverage(2024, 500, 'Bijdrage Maasdriel'),
        coverage(2024, -1500, 'Meicirculaire 2024 korting'),
      ],
    });
    const notes = result.proposals.filter((p) => p.code === 'Dekking');
    expect(notes).toHaveLength(1);
    expect(notes[0].items).toEqual([expect.objectContaining({
      kind: 'consult', proposal: 'Overleg met bijdragende gemeenten', freedCents: eur(-1500),
      note: 'Meicirculaire 2024 korting (Dekking rij 4) wijzigt de DU VO met € -1.500,00; daarmee verandert ook wat Gennep, Maasdriel en Zaltbommel bijdragen: overleg met hen is nodig.',
    })]);
  });

  it('does not treat the year\'s DU VO amount itself, or a contribution, as a change', () => {
    const result = check({
      budget: [line(2024, 'ACT', 10000)],
      coverage: [coverage(2024, 10000, 'DU VO decembercirculaire 2023'), coverage(2024, 500, 'Bijdrage Zaltbommel')],
    });
    expect(result.proposals.filter((p) => p.code === 'Dekking')).toEqual([]);
  });
});
