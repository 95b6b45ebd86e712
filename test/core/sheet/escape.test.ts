import { escapeCellText, guardFormula } from '../../../src/core/sheet/escape';

describe('escapeCellText', () => {
  test('neutralises text that would become a formula', () => {
    expect(escapeCellText('=SUM(A1:A9)')).toBe(`'=SUM(A1:A9)`);
    expect(escapeCellText('+31 6 1234')).toBe(`'+31 6 1234`);
    expect(escapeCellText('-5')).toBe(`'-5`);
    expect(escapeCellText('@a')).toBe(`'@a`);
    expect(escapeCellText('gewone tekst')).toBe('gewone tekst');
  });

  test('keeps a leading apostrophe: Sheets strips one, so it gets a second', () => {
    expect(escapeCellText(`'s avonds`)).toBe(`''s avonds`);
    expect(escapeCellText(`'s-Hertogenbosch`)).toBe(`''s-Hertogenbosch`);
    expect(escapeCellText(`'=x`)).toBe(`''=x`);
  });
});

describe('guardFormula', () => {
  test('the adapters\' safety net: neutralises formulas, leaves escaped text as it is', () => {
    expect(guardFormula('=x')).toBe(`'=x`);
    for (const text of ['=x', `'s avonds`, '+31', 'tekst', '']) {
      expect(guardFormula(escapeCellText(text))).toBe(escapeCellText(text));
    }
  });
});
