import { HEADERS, Highlight, LAYOUT, TAB } from '../../../src/core/workbook/contract';
import { HIGHLIGHT_MARK, highlightFormulas, isHighlightFormula } from '../../../src/core/sheet/highlights';

const ACTIONS = LAYOUT[TAB.actions].highlights!;
const MARK = HIGHLIGHT_MARK;

describe('highlightFormulas', () => {
  it('places the Acties rules on the contract columns: Deadline H, Status I, 15 columns wide (Oorspronkelijke deadline last)', () => {
    const rules = highlightFormulas(ACTIONS, [...HEADERS[TAB.actions]]);
    expect(rules.map((r) => [r.range, r.formula, r.background])).toEqual([
      [{ fromColumn: 9, toColumn: 9 }, `=AND(TRIM($I2)="Afgerond",${MARK})`, '#d9ead3'],
      [{ fromColumn: 9, toColumn: 9 }, `=AND(TRIM($I2)="Loopt",${MARK})`, '#cfe2f3'],
      [{ fromColumn: 9, toColumn: 9 }, `=AND(TRIM($I2)="Uitgesteld",${MARK})`, '#fce5cd'],
      [{ fromColumn: 9, toColumn: 9 }, `=AND(TRIM($I2)="Geschrapt",${MARK})`, '#efefef'],
      [{ fromColumn: 1, toColumn: 15 }, `=AND($H2<>"",$H2<TODAY(),TRIM($I2)<>"Afgerond",TRIM($I2)<>"Geschrapt",${MARK})`, '#f4cccc'],
    ]);
    expect(rules[4].columns).toEqual({ Deadline: 8, Status: 9 });
  });

  it('follows shuffled columns, found by header whatever their case or spaces', () => {
    // Status first (A); 26 filler columns B..AA; Deadline 28th = AB; one more column: 29 wide.
    const header = [' status ', ...Array.from({ length: 26 }, (_, i) => `Kolom ${i}`), 'DEADLINE', 'Eigen'];
    const rules = highlightFormulas(ACTIONS, header);
    expect(rules[0]).toMatchObject({ range: { fromColumn: 1, toColumn: 1 }, formula: `=AND(TRIM($A2)="Afgerond",${MARK})` });
    expect(rules[4]).toMatchObject({
      range: { fromColumn: 1, toColumn: 29 },
      formula: `=AND($AB2<>"",$AB2<TODAY(),TRIM($A2)<>"Afgerond",TRIM($A2)<>"Geschrapt",${MARK})`,
      columns: { Deadline: 28, Status: 1 },
    });
  });

  it('leaves out a rule whose header the tab lacks', () => {
    const withoutDeadline = HEADERS[TAB.actions].filter((h) => h !== 'Deadline');
    // The four status rules stay (Status moved to H), the past-deadline rule needs Deadline.
    expect(highlightFormulas(ACTIONS, withoutDeadline).map((r) => r.formula)).toEqual(
      ['Afgerond', 'Loopt', 'Uitgesteld', 'Geschrapt'].map((s) => `=AND(TRIM($H2)="${s}",${MARK})`),
    );
    expect(highlightFormulas(ACTIONS, HEADERS[TAB.actions].filter((h) => h !== 'Status'))).toEqual([]);
    expect(highlightFormulas(ACTIONS, [])).toEqual([]);
  });

  it('doubles quotes inside a text literal', () => {
    const odd: Highlight[] = [{ kind: 'valueEquals', header: 'X', value: 'zeg "ja"', background: '#ffffff' }];
    expect(highlightFormulas(odd, ['X'])[0].formula).toBe(`=AND(TRIM($A2)="zeg ""ja""",${MARK})`);
  });
});

describe('isHighlightFormula', () => {
  it("knows the add-on's formulas, with or without `=`, and not a user's", () => {
    for (const r of highlightFormulas(ACTIONS, [...HEADERS[TAB.actions]])) {
      expect(isHighlightFormula(r.formula)).toBe(true);
      expect(isHighlightFormula(r.formula.slice(1))).toBe(true);
    }
    expect(isHighlightFormula('=AND($H2<>"", n( "regiomonitor" ) = 0)')).toBe(true);
    expect(isHighlightFormula('=$I2="Afgerond"')).toBe(false);
    expect(isHighlightFormula('=$D2="Regiomonitor"')).toBe(false);
  });
});

describe('the Acties highlights', () => {
  it('colour each status but Niet gestart, before the whole-row past-deadline rule', () => {
    const kinds = ACTIONS.map((h) => (h.kind === 'valueEquals' ? h.value : h.kind));
    expect(kinds).toEqual(['Afgerond', 'Loopt', 'Uitgesteld', 'Geschrapt', 'pastDeadline']);
  });

  it('keep black text readable: contrast at least 4.5:1 (WCAG)', () => {
    const channel = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16) / 255));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    // Black has luminance 0, so the ratio is (L + 0.05) / 0.05; 4.5 needs L >= 0.175.
    // e.g. #f4cccc: r 244 → 0.905, g,b 204 → 0.604; L = 0.2126·0.905 + 0.7874·0.604 ≈ 0.668 → ratio ≈ 14.4.
    expect((luminance('#f4cccc') + 0.05) / 0.05).toBeCloseTo(14.4, 0);
    for (const h of ACTIONS) expect((luminance(h.background) + 0.05) / 0.05).toBeGreaterThanOrEqual(4.5);
  });
});
