/**
 * Issue 17: a region file written from prose gave 22 errors such as `gemeenten[0]: verwacht object`,
 * without the keys that object needs. Each error names what is expected there.
 */
import regionJson from '../../../src/data/gelderland-zuid-2021-2025.json';
import { clone, problems } from './problems';

describe('a region file error names the keys that are expected', () => {
  test('municipalities typed as names: each needs an object with naam and bron', () => {
    const json = clone(regionJson) as any;
    json.gemeenten = ['Arnhem', 'Duiven'];
    const message = problems(json);
    expect(message).toContain('- gemeenten[0]: verwacht een object met naam, bron (en eventueel subregio, bijzonderheden, aanname), niet de tekst "Arnhem"');
    expect(message).not.toMatch(/verwacht object$/m);
  });

  test('a list typed as one text: a list of objects with their keys', () => {
    const json = clone(regionJson) as any;
    json.actielijnen = 'AL1, AL2';
    expect(problems(json)).toContain('- actielijnen: verwacht een lijst van objecten met code, naam, bron (en eventueel beoogd_effect), niet de tekst "AL1, AL2"');
  });

  test('a missing object names what it holds', () => {
    const json = clone(regionJson) as any;
    delete json.region.looptijd;
    delete json.begroting;
    const message = problems(json);
    expect(message).toContain('- region.looptijd: ontbreekt (verwacht een object met start, eind)');
    expect(message).toContain('- begroting: ontbreekt (verwacht een object met posten (en eventueel totaal))');
  });

  test('a rhythm typed as a word: the object and its keys', () => {
    const json = clone(regionJson) as any;
    json.overleg.meetup.ritme = 'maandelijks';
    expect(problems(json)).toContain('- overleg.meetup.ritme: verwacht een object met eventueel per_jaar, elke_weken, vanaf, aanname, niet de tekst "maandelijks"');
  });

  test('local actions per municipality: an object with a list per name', () => {
    const json = clone(regionJson) as any;
    json.acties.lokaal = [];
    expect(problems(json)).toMatch(/- acties\.lokaal: verwacht een object met per sleutel een lijst van objecten met actielijn, actie, bron \(en eventueel .*\), niet een lijst/);
  });

  test('a misspelt key gets the key that was meant, in the je-form', () => {
    const json = clone(regionJson) as any;
    json.gemeenten[0].nam = json.gemeenten[0].naam;
    delete json.gemeenten[0].naam;
    const message = problems(json);
    expect(message).toContain('- gemeenten[0].nam: onbekende sleutel "nam" (bedoel je "naam"?)');
    expect(message).toContain('- gemeenten[0].naam: ontbreekt');
  });
});
