import { readFileSync } from 'fs';
import * as path from 'path';
import { RegionLoadError, DEFAULT_REGION_ID, builtInRegions, loadRegion } from '../../src/data/regions';

describe('built-in regions', () => {
  test('lists Gelderland Zuid (the default) and the empty template, with Dutch names', () => {
    expect(DEFAULT_REGION_ID).toBe('gelderland-zuid');
    expect(builtInRegions().map((r) => [r.id, r.naam])).toEqual([
      ['gelderland-zuid', 'Gelderland Zuid 2021-2025'],
      ['sjabloon', 'Leeg sjabloon'],
    ]);
    for (const r of builtInRegions()) expect(r.beschrijving.length).toBeGreaterThan(20);
  });

  test('loads a built-in region by id, in any case', () => {
    expect(loadRegion('gelderland-zuid').region.naam).toBe('Gelderland Zuid');
    expect(loadRegion(' Sjabloon ').gemeenten).toEqual([]);
  });

  test('loads a region file from its text or its parsed content', () => {
    const text = readFileSync(path.join(__dirname, '../fixtures/regio-arnhem.json'), 'utf8');
    expect(loadRegion(text).region.centrumgemeente).toBe('Arnhem');
    expect(loadRegion(JSON.parse(text)).gemeenten).toHaveLength(16);
  });

  test('an unknown id names the known ones; text that is not JSON says so; an invalid file lists its problems', () => {
    expect(() => loadRegion('utrecht')).toThrow(RegionLoadError);
    expect(() => loadRegion('utrecht')).toThrow('Onbekende regio "utrecht". Kies gelderland-zuid, sjabloon, of geef een eigen regiobestand (JSON).');
    expect(() => loadRegion('{ "formaat": 2, ')).toThrow(/^Het regiobestand is geen geldige JSON: /);
    expect(() => loadRegion('{ "formaat": 2 }')).toThrow(/^Het regiobestand is ongeldig \(\d+ fouten\):\n- region: ontbreekt/);
  });
});
