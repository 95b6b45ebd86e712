import regionJson from '../../src/data/gelderland-zuid-2021-2025.json';
import { defaultRegion, localActions, municipalIndicatorSeries, parseRegion, regionalIndicators } from '../../src/core/region';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('parseRegion', () => {
  test('reads the built-in Gelderland Zuid file', () => {
    const region = defaultRegion();
    expect(region.region.naam).toBe('Gelderland Zuid');
    expect(region.region.centrumgemeente).toBe('Nijmegen');
    expect(region.region.looptijd).toEqual({ start: 2021, eind: 2025 });
    // Rijk van Nijmegen 7 + Rivierenland 8 = 15 municipalities
    expect(region.gemeenten).toHaveLength(15);
    expect(region.actielijnen.map((l) => l.code)).toEqual(['AL1', 'AL2', 'AL3', 'AL4']);
    // VT, CSG, MOV, OMG, ACT, GEN
    expect(region.begroting.posten).toHaveLength(6);
    expect(region.dekking.bronnen).toHaveLength(3);
    // AL1 6 + AL2 6 + AL3 6 + AL4 9 = 27 regional actions
    expect(region.regionale_acties).toHaveLength(27);
  });

  test('keeps unknown extra keys', () => {
    const json = clone(regionJson) as Record<string, unknown>;
    json.toekomstig_veld = { iets: 1 };
    (json.region as Record<string, unknown>).website = 'https://example.org';
    const region = parseRegion(json);
    expect((region as Record<string, unknown>).toekomstig_veld).toEqual({ iets: 1 });
    expect((region.region as Record<string, unknown>).website).toBe('https://example.org');
    expect(region._about).toBe(regionJson._about);
  });

  test('finds keyed sections by pattern: local actions, series and regional figures', () => {
    const region = defaultRegion();
    const local = localActions(region);
    expect(local.map((l) => [l.municipality, l.actions.length])).toEqual([['Nijmegen', 9]]);
    expect(municipalIndicatorSeries(region).map((s) => [s.municipality, s.series.length])).toEqual([['Nijmegen', 10]]);
    const regional = regionalIndicators(region);
    expect(regional.map((r) => r.year)).toEqual([2020]);
    expect(Object.keys(regional[0].values)).toHaveLength(13);
    expect(regional[0].values['Adviezen Veilig Thuis']).toBe(6453);
  });

  test('a lokale_acties_ key naming another municipality belongs to that municipality', () => {
    const json = clone(regionJson) as Record<string, unknown>;
    json.lokale_acties_berg_en_dal = [{ actielijn: 'AL2', actie: 'Lokaal netwerk' }];
    const local = localActions(parseRegion(json));
    expect(local.map((l) => l.municipality)).toEqual(['Nijmegen', 'Berg en Dal']);
  });

  test('lists every invalid path in one Dutch error', () => {
    const json = clone(regionJson) as any;
    json.region.naam = '';
    delete json.region.centrumgemeente;
    json.begroting.posten[1].raming = 'honderdtwintigduizend';
    json.gemeenten[2].naam = 42;
    json.lokale_acties_nijmegen[0] = { actie: 'zonder actielijn' };
    let message = '';
    try {
      parseRegion(json);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Het regiobestand is ongeldig \(5 fouten\):/);
    expect(message).toContain('- region.naam: mag niet leeg zijn');
    expect(message).toContain('- region.centrumgemeente: ontbreekt');
    expect(message).toContain('- begroting.posten[1].raming: verwacht getal');
    expect(message).toContain('- gemeenten[2].naam: verwacht tekst');
    expect(message).toContain('- lokale_acties_nijmegen[0].actielijn: ontbreekt');
  });

  test('rejects references that point nowhere and days that do not exist', () => {
    const json = clone(regionJson) as any;
    json.regionale_acties[0].actielijn = 'AL9';
    json.regionale_acties[1].begrotingspost = 'XYZ';
    json.organisatie_acties[0].deadline = '2022-02-30';
    json.region.centrumgemeente = 'Arnhem';
    expect(() => parseRegion(json)).toThrow(/regionale_acties\[0\]\.actielijn: actielijn AL9 staat niet in actielijnen/);
    expect(() => parseRegion(json)).toThrow(/regionale_acties\[1\]\.begrotingspost: begrotingspost XYZ/);
    expect(() => parseRegion(json)).toThrow(/organisatie_acties\[0\]\.deadline: deze datum bestaat niet/);
    expect(() => parseRegion(json)).toThrow(/region\.centrumgemeente: Arnhem staat niet in gemeenten/);
  });

  test('rejects a period that ends before it starts and repeated codes', () => {
    const json = clone(regionJson) as any;
    json.region.looptijd = { start: 2025, eind: 2021 };
    json.begroting.posten[1].code = 'VT';
    expect(() => parseRegion(json)).toThrow(/region\.looptijd\.eind: ligt voor start/);
    expect(() => parseRegion(json)).toThrow(/begroting\.posten\[1\]\.code: begrotingspost VT komt vaker voor/);
  });

  test('rejects something that is not an object at all', () => {
    expect(() => parseRegion(null)).toThrow(/Het regiobestand is ongeldig/);
    expect(() => parseRegion([1, 2])).toThrow(/Het regiobestand is ongeldig/);
  });
});
