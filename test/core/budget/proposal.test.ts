import { compareCandidates } from '../../../src/core/budget/proposal';
import { naturalCompare } from '../../../src/core/order';
import { Action } from '../../../src/core/model';
import { action, check, coverage, eur, figures, line, payment } from '../fixtures';

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
    deadline: '2021-06-30', status: 'Loopt', budgetCode: 'ACT', plannedCents: 100, note: '', updatedOn: null, updatedBy: '',
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
    expect(p.items.every((i) => i.kind === 'defer' && i.proposal === 'Uitstellen' && i.freedCents === eur(1000))).toBe(true);
    // 7 x 1.000 = 7.000 covers 7.000 exactly
    expect(p.covered).toBe(true);
    expect(p.items[0].note).toBe('Geen deadline; na dit voorstel gedekt: € 1.000,00 van € 7.000,00');
    expect(p.items[6].note).toBe('Deadline 31-12-2021; na dit voorstel gedekt: € 7.000,00 van € 7.000,00');
  });

  it('stops as soon as the shortfall is covered, and skips actions with nothing left to free', () => {
    const result = check({
      budget: [line(2021, 'ACT', 10000)],
      coverage: [coverage(2021, 20000)],
      actions: [
        action('A-1', { Begrotingspost: 'ACT', Geraamd: 1000, Prioriteit: 'Laag', Deadline: '01-09-2021' }),
        action('A-2', { Begrotingspost: 'ACT', Geraamd: 2000, Prioriteit: 'Middel', Deadline: '01-09-2021' }),
        action('A-3', { Begrotingspost: 'ACT', Geraamd: 5000, Prioriteit: 'Hoog', Deadline: '01-09-2021' }),
        // fully held in the ledger: nothing left of Geraamd, so not a candidate though it is Laag
        action('A-4', { Begrotingspost: 'ACT', Geraamd: 3000, Prioriteit: 'Laag', Deadline: '01-09-2021' }),
        // done: not a candidate
        action('A-5', { Begrotingspost: 'ACT', Geraamd: 9000, Prioriteit: 'Laag', Deadline: '01-09-2021', Status: 'Afgerond' }),
      ],
      ledger: [payment('R-1', 2021, 'ACT', 1500), payment('R-2', 2021, 'ACT', 3000, { 'Actie-ID': 'A-4' })],
    });
    // Besteed 1.500 + 3.000 = 4.500; Gepland 1.000 + 2.000 + 5.000 + 0 = 8.000; Prognose 12.500; shortfall 2.500
    const [p] = result.proposals;
    expect(p.shortfallCents).toBe(eur(2500));
    // A-1 frees 1.000 (not enough), A-2 frees 2.000: 3.000 >= 2.500, stop before A-3
    expect(p.items.map((i) => [i.actionId, i.priority, i.freedCents])).toEqual([['A-1', 'Laag', eur(1000)], ['A-2', 'Middel', eur(2000)]]);
    expect(p.items.map((i) => i.note)).toEqual([
      'Deadline 01-09-2021; na dit voorstel gedekt: € 1.000,00 van € 2.500,00',
      'Deadline 01-09-2021; na dit voorstel gedekt: € 2.500,00 van € 2.500,00',
    ]);
    expect(p.covered).toBe(true);
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

  it('never proposes cutting a statutory line; it shifts or escalates instead', () => {
    const result = check({
      budget: [line(2021, 'VT', 10000, { Karakter: 'Wettelijk' }), line(2021, 'ACT', 10000)],
      coverage: [coverage(2021, 20000)],
      actions: [action('A-1', { Begrotingspost: 'VT', Geraamd: 3000, Prioriteit: 'Laag', Deadline: '01-09-2021' })],
      ledger: [payment('R-1', 2021, 'VT', 9000)],
    });
    // VT: Besteed 9.000, Gepland 3.000, Prognose 12.000 > 10.000: shortfall 2.000; ACT Saldo 10.000
    const [p] = result.proposals;
    expect(p.code).toBe('VT');
    expect(p.items.map((i) => [i.kind, i.proposal, i.freedCents])).toEqual([['shift', 'Verschuiven van ACT', eur(2000)]]);
    expect(p.items[0].note).toBe('Saldo ACT € 10.000,00; voorstel: € 2.000,00 verschuiven');
    expect(p.covered).toBe(true);
  });

  it('does not shift from a statutory line either', () => {
    const result = check({
      budget: [line(2021, 'ACT', 1000), line(2021, 'VT', 50000, { Karakter: 'Wettelijk' })],
      coverage: [coverage(2021, 60000)],
      ledger: [payment('R-1', 2021, 'ACT', 1500)],
    });
    // ACT: Besteed 1.500 > 1.000: Overschrijding, shortfall 500; VT has Saldo 50.000 but is statutory
    const [p] = result.proposals;
    expect(p.items.map((i) => i.kind)).toEqual(['escalate']);
    expect(p.items[0]).toMatchObject({ proposal: 'Besluit bestuurlijke werkgroep', freedCents: 0, note: 'Nog niet gedekt: € 500,00; de beslissing ligt bij de bestuurlijke werkgroep.' });
    expect(p.covered).toBe(false);
  });

  it('shares the room of a healthy line across the overrun lines of the year, largest Saldo first', () => {
    const result = check({
      budget: [
        line(2021, 'A', 10000), line(2021, 'B', 10000),
        line(2021, 'C', 10000), line(2021, 'D', 10000), line(2021, 'E', 10000),
        line(2021, 'VT', 10000, { Karakter: 'Wettelijk' }),
      ],
      coverage: [coverage(2021, 60000)],
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
    expect(a.items.map((i) => [i.proposal, i.freedCents])).toEqual([['Verschuiven van C', eur(3000)]]);
    expect(a.covered).toBe(true);
    // B needs 5.000: C's last 2.000, D 1.000, E 1.000 = 4.000; 1.000 left for the werkgroep
    expect(b.items.map((i) => [i.proposal, i.freedCents])).toEqual([
      ['Verschuiven van C', eur(2000)], ['Verschuiven van D', eur(1000)], ['Verschuiven van E', eur(1000)], ['Besluit bestuurlijke werkgroep', 0],
    ]);
    expect(b.items[0].note).toBe('Saldo C € 5.000,00, waarvan € 2.000,00 nog vrij; voorstel: € 2.000,00 verschuiven');
    expect(b.items[3].note).toBe('Nog niet gedekt: € 1.000,00; de beslissing ligt bij de bestuurlijke werkgroep.');
    expect(b.covered).toBe(false);
    // programme: raming 60.000 = dekking; prognose 13+15+5+9+9+0 = 51.000: no Totaal proposal
    expect(result.proposals.map((p) => p.code)).toEqual(['A', 'B']);
  });

  it('defers first and shifts only what deferring leaves; an overrun in Besteed needs the shift', () => {
    const result = check({
      budget: [line(2021, 'ACT', 10000), line(2021, 'MOV', 10000)],
      coverage: [coverage(2021, 20000)],
      actions: [action('A-1', { Begrotingspost: 'ACT', Geraamd: 2000, Prioriteit: 'Laag', Deadline: '01-09-2021' })],
      ledger: [payment('R-1', 2021, 'ACT', 11000), payment('R-2', 2021, 'MOV', 7000)],
    });
    // ACT: Besteed 11.000 > 10.000: Overschrijding; Prognose 13.000, shortfall 3.000
    // defer A-1 frees 2.000; shift 1.000 from MOV (Saldo 3.000)
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

  it('defers further actions not already proposed, on non-statutory lines, and escalates the rest', () => {
    const result = check(spec(25000));
    // shortfall max(30.000 - 25.000, 27.500 - 25.000) = 5.000
    expect(result.years[0].shortfallCents).toBe(eur(5000));
    expect(result.proposals.map((p) => p.code)).toEqual(['X', 'VT', 'Totaal']);
    const [x, vt, total] = result.proposals;
    // X: X1 (Laag, 3.000) covers 2.000
    expect(x.items.map((i) => i.actionId)).toEqual(['X1']);
    // VT: no deferral on a statutory line; 500 from Y's Saldo 5.000
    expect(vt.items.map((i) => [i.proposal, i.freedCents])).toEqual([['Verschuiven van Y', eur(500)]]);
    // Totaal: X1 already proposed, VT1 statutory: Y1 (Middel 1.000), X2 (Hoog 2.000) = 3.000; 2.000 uncovered
    expect(total.shortfallCents).toBe(eur(5000));
    expect(total.items.map((i) => [i.kind, i.actionId, i.freedCents])).toEqual([['defer', 'Y1', eur(1000)], ['defer', 'X2', eur(2000)], ['escalate', '', 0]]);
    expect(total.items.every((i) => i.code === 'Totaal' && i.shortfallCents === eur(5000))).toBe(true);
    expect(total.items[2].note).toBe('Nog niet gedekt: € 2.000,00; de beslissing ligt bij de bestuurlijke werkgroep.');
    expect(total.covered).toBe(false);
  });

  it('stops when the programme shortfall is covered', () => {
    const result = check(spec(29000));
    // shortfall max(30.000 - 29.000, 27.500 - 29.000, 0) = 1.000: Y1 frees 1.000, X2 not needed
    const total = result.proposals.find((p) => p.code === 'Totaal')!;
    expect(total.items.map((i) => i.actionId)).toEqual(['Y1']);
    expect(total.covered).toBe(true);
  });

  it('escalates a programme shortfall with nothing to defer', () => {
    const result = check({ budget: [line(2021, 'ACT', 1000)], coverage: [coverage(2021, 900)] });
    // raming 1.000 > dekking 900: shortfall 100; the line itself is OK (nothing spent)
    expect(result.proposals).toHaveLength(1);
    expect(result.proposals[0]).toMatchObject({ code: 'Totaal', shortfallCents: eur(100), covered: false });
    expect(result.proposals[0].items.map((i) => i.kind)).toEqual(['escalate']);
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
