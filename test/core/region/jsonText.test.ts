import * as fc from 'fast-check';
import { JsonTextError, parseJsonText } from '../../../src/core/region/jsonText';

/** The Dutch problem parseJsonText reports, or '' when the text is JSON. */
function problem(text: string): string {
  try {
    parseJsonText(text);
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(JsonTextError);
    return (e as Error).message;
  }
}

describe('parseJsonText: a hand-written region file', () => {
  test('reads what JSON.parse reads, also after a byte order mark', () => {
    expect(parseJsonText('{ "a": [1, "x", null, true] }')).toEqual({ a: [1, 'x', null, true] });
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ a: 1 });
  });

  test.each([
    ['{ "a": 1', 'fout op regel 1, kolom 9: het bestand houdt halverwege op; er ontbreekt een } of ]'],
    ['{ "a": "x\ty" }', 'fout op regel 1, kolom 10: een tab of ander stuurteken in een tekst'],
    ['{ "a": "C:\\map" }', 'fout op regel 1, kolom 11: \\m is geen geldige code in een tekst; schrijf een \\ als \\\\'],
    ['{ naam: "x" }', 'fout op regel 1, kolom 3: zet een sleutel tussen dubbele aanhalingstekens, zoals "naam"'],
    ['{ "a" 1 }', 'fout op regel 1, kolom 7: na een sleutel komt een dubbele punt'],
    ['{ "a": "x }', 'fout op regel 1, kolom 8: een " ontbreekt aan het einde van deze tekst'],
    ['{ "a": "x\n" }', 'fout op regel 1, kolom 8: een " ontbreekt aan het einde van deze tekst'],
    ['{}\n{}', 'fout op regel 2, kolom 1: na het einde van de JSON staat nog tekst'],
    ['[1, 2,\n]', 'fout op regel 2, kolom 1: een komma na het laatste element'],
    ['{ "bedrag": 1,500,000 }', 'fout op regel 1, kolom 13: schrijf een getal zonder scheidingstekens'],
    ['{ "a": tru }', 'fout op regel 1, kolom 8: onverwacht teken t'],
  ])('%j', (text, message) => {
    expect(problem(text)).toContain(message);
  });

  test('whatever JSON.parse refuses, the Dutch reader refuses too, with a place in the text', () => {
    // JSON with one character changed, dropped or doubled: most are broken, some still valid.
    const texts = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('drop', 'double', ',', '}', ']', '"', "'", '/', ':')).map(([json, at, edit]) => {
      const i = json.length ? at % json.length : 0;
      if (edit === 'drop') return json.slice(0, i) + json.slice(i + 1);
      if (edit === 'double') return json.slice(0, i) + json[i] + json.slice(i);
      return json.slice(0, i) + edit + json.slice(i);
    });
    fc.assert(
      fc.property(texts, (text) => {
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          const message = problem(text);
          expect(message).toMatch(/^fout op regel \d+, kolom \d+: /);
          // found by the Dutch reader itself, not V8's English message passed on
          expect(message).not.toMatch(/Unexpected|Expected|Bad |is not valid/);
          return;
        }
        expect(parseJsonText(text)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
    // ~1 s idle; the machine's two cores are shared
  }, 30_000);
});
