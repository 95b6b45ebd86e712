import gzJson from '../../src/data/gelderland-zuid-2021-2025.json';
import { Region, RegionAction } from '../../src/core/region/schema';
import { parseRegion } from '../../src/core/region/validate';
import { OWNER_TO_BE_DECIDED, seedRows } from '../../src/core/region/seed';
import { TAB } from '../../src/core/workbook/contract';
import arnhemJson from '../fixtures/regio-arnhem.json';
import { citations, citedText, describeWithSeeds, keyStems, normalise, seedFiles, seedLines, wholeFile } from './sources';

/**
 * The region files against the documents they cite: every reference points at a real line of a
 * real seed, and that line says what the file claims (the action, the owner, the status, the figure).
 */

const gz = parseRegion(gzJson);
const arnhem = parseRegion(arnhemJson);

const SOURCE_KEYS = new Set(['bron', 'eigenaar_bron', 'status_bron', 'richting_bron', 'karakter_bron']);

/** Every source-like string in a file, with its path. */
function sources(value: unknown, path = ''): { path: string; bron: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sources(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      SOURCE_KEYS.has(k) && typeof v === 'string' ? [{ path: `${path}.${k}`, bron: v }] : sources(v, `${path}.${k}`));
  }
  return [];
}

function allActions(region: Region): { where: string; municipality: string; action: RegionAction }[] {
  return [
    ...region.acties.regionaal.map((action, i) => ({ where: `regionaal[${i}]`, municipality: 'Regio', action })),
    ...region.acties.per_gemeente.map((action, i) => ({ where: `per_gemeente[${i}]`, municipality: '(elke gemeente)', action })),
    ...Object.entries(region.acties.lokaal).flatMap(([name, list]) => list.map((action, i) => ({ where: `lokaal.${name}[${i}]`, municipality: name, action }))),
  ];
}

/** Words of a name that a citing line should contain: four letters or more, parenthetical part left out. */
const nameWords = (name: string) => normalise(name.replace(/\(.*\)/, '')).split(/[^a-z0-9]+/).filter((w) => w.length >= 4);

// What needs no seed document runs everywhere.
describe('the region files, without the seed documents', () => {
  test('citations: l.N and l.N-M belong to the file named last before them', () => {
    expect(citations('a.txt l.3-5, l.9; b.txt l.12 (zie ook)')).toEqual([
      { file: 'a.txt', from: 3, to: 5 }, { file: 'a.txt', from: 9, to: 9 }, { file: 'b.txt', from: 12, to: 12 },
    ]);
    expect(citations('FICTIEF: geen bron')).toEqual([]);
  });

  test.each([['Gelderland Zuid', gz], ['Arnhem (fixture)', arnhem]])('%s: the seeded owners are the placeholder, the municipality itself, or a sourced name', (_name, region) => {
    const sourced = new Set(allActions(region).filter(({ action }) => action.eigenaar && action.eigenaar_bron).map(({ action }) => action.eigenaar));
    for (const row of seedRows(region, 'UTC')[TAB.actions]!) {
      const owner = row.Eigenaar as string;
      const ok = owner === OWNER_TO_BE_DECIDED || owner === row.Gemeente || sourced.has(owner);
      expect({ id: row.ID, owner, ok }).toEqual({ id: row.ID, owner, ok: true });
    }
  });

  test('Gelderland Zuid: diacritics are kept, no stripped spellings in the region file', () => {
    const text = JSON.stringify(gzJson);
    const stripped = /\b(casuistiek|financiele|zorgcoordinat\w*|coordinat\w*|geevalueerd|ingredienten|ideeen|creeren|gecoordineerd|Verwey Jonker)\b/i;
    expect(text.match(stripped)).toBeNull();
    // And the accented forms are there where the documents use them.
    for (const word of ['casuïstiek', 'financiële', 'zorgcoördinator', 'coördinatie', 'één']) expect(text).toContain(word);
  });
});

describeWithSeeds('the region files against the seed documents (../shared/seeds)', () => {
  describe('the seed documents', () => {
    test('are where the region files say they are', () => {
      expect(seedFiles()).toEqual(expect.arrayContaining([
        'regioaanpak-gelderland-zuid-2021-2025.txt', 'lokale-agenda-nijmegen.txt', 'gendergerelateerd-geweld-nijmegen-2025.txt', 'voortgang-arnhem-regio.txt',
      ]));
    });
  });

  describe.each([
    ['Gelderland Zuid', gz, gzJson],
    ['Arnhem (fixture)', arnhem, arnhemJson],
  ])('%s: every source', (name, region, json) => {
    test('cites an existing line of an existing seed, or says FICTIEF (fixture only)', () => {
      const all = sources(json);
      expect(all.length).toBeGreaterThan(50);
      const files = new Set(seedFiles());
      for (const { path, bron } of all) {
        const cited = citations(bron);
        if (name.startsWith('Arnhem') && bron.startsWith('FICTIEF')) continue;
        expect({ path, cited: cited.length > 0 }).toEqual({ path, cited: true });
        for (const c of cited) {
          expect({ path, file: files.has(c.file) }).toEqual({ path, file: true });
          const lines = seedLines(c.file);
          expect({ path, c, exists: c.from >= 1 && c.from <= c.to && c.to <= lines.length }).toEqual({ path, c, exists: true });
          expect({ path, c, blank: lines.slice(c.from - 1, c.to).every((l) => !l.trim()) }).toEqual({ path, c, blank: false });
        }
      }
    });

    test('every action has a bron whose lines name it (at least half of its key words)', () => {
      const actions = allActions(region);
      expect(actions.length).toBeGreaterThan(10);
      for (const { where, action } of actions) {
        expect({ where, bron: citations(action.bron).length > 0 }).toEqual({ where, bron: true });
        const text = citedText(action.bron, 3);
        const stems = keyStems(action.actie);
        const found = stems.filter((s) => text.includes(s));
        expect({ where, enough: found.length * 2 >= stems.length }).toEqual({ where, enough: true });
      }
    });

    test('a named owner is not the placeholder, and its source names it', () => {
      for (const { where, action } of allActions(region)) {
        if (!action.eigenaar) continue;
        expect(action.eigenaar).not.toBe(OWNER_TO_BE_DECIDED);
        const bron = action.eigenaar_bron ?? '';
        const cited = citations(bron);
        expect({ where, cited: cited.length > 0 }).toEqual({ where, cited: true });
        // The owner's name occurs in a cited document...
        const phrase = normalise(action.eigenaar.replace(/\(.*\)/, '')).trim();
        expect({ where, phrase, inFile: cited.some((c) => wholeFile(c.file).includes(phrase)) }).toEqual({ where, phrase, inFile: true });
        // ...and the cited lines (with two lines around each) hold every word of it.
        const words = new Set(citedText(bron, 2).split(/[^a-z0-9]+/));
        expect({ where, nearLine: nameWords(action.eigenaar).every((w) => words.has(w)) }).toEqual({ where, nearLine: true });
      }
    });

    test('a status other than Niet gestart is what its cited lines say', () => {
      const evidence: Record<string, RegExp> = {
        Loopt: /loopt|lopen|gestart|op dit moment|ontwikkelen|faciliteert|faciliteren|gecoordineerd|uitreiking|betrokken|blijven|aandacht binnen/,
        Afgerond: /lokale aanvulling|vastgesteld/,
      };
      const withStatus = allActions(region).filter(({ action }) => action.status && action.status !== 'Niet gestart');
      expect(withStatus.length).toBeGreaterThan(0);
      for (const { where, action } of withStatus) {
        expect({ where, matches: evidence[action.status!].test(citedText(action.status_bron ?? '', 1)) }).toEqual({ where, matches: true });
      }
    });

  });

  describe('Gelderland Zuid: figures and names against the documents', () => {
    const dutch = (n: number) => n.toLocaleString('nl-NL').replace(/\s/g, '');

    test('every sourced amount is printed on its cited line', () => {
      const sourced = [...gz.begroting.posten, ...gz.dekking.bronnen].flatMap((l) => l.per_jaar.filter((a) => a.bron));
      // 6 budget lines + 3 coverage sources, 2021 each
      expect(sourced).toHaveLength(9);
      const raw = (bron: string) => citations(bron).map((c) => seedLines(c.file).slice(c.from - 1, c.to).join('\n')).join('\n');
      // As the document prints it: `€ 1.900.000,-`
      for (const a of sourced) expect(raw(a.bron!)).toMatch(new RegExp(`€\\s*${dutch(a.bedrag).replace(/\./g, '\\.')},-`));
    });

    test('every indicator value is on the lines its series cites', () => {
      for (const s of gz.indicatoren) {
        const text = citedText(s.bron, 0);
        for (const value of Object.values(s.waarden)) expect({ series: s.indicator, value, found: text.includes(String(value)) }).toEqual({ series: s.indicator, value, found: true });
      }
    });

    test('every theme and network partner is named on its cited lines', () => {
      for (const t of gz.themas) expect({ theme: t.naam, found: keyStems(t.naam).some((s) => citedText(t.bron, 2).includes(s)) || citedText(t.bron, 2).includes(normalise(t.naam)) }).toEqual({ theme: t.naam, found: true });
      for (const p of gz.netwerkpartners) {
        const text = citedText(p.bron, 2);
        expect({ partner: p.naam, found: nameWords(p.naam).some((w) => text.includes(w)) || text.includes(normalise(p.naam)) }).toEqual({ partner: p.naam, found: true });
      }
    });

    test('desired directions: more advice requests (lokale agenda l.68), no goal for reports (l.70-74)', () => {
      for (const s of gz.indicatoren) {
        if (s.indicator.startsWith('Adviesvragen')) expect(s.richting).toBe('meer');
        if (s.indicator.startsWith('Meldingen')) expect(s.richting).toBeNull();
      }
      expect(citedText('lokale-agenda-nijmegen.txt l.68', 0)).toContain('toename van het aantal adviesvragen');
      expect(citedText('lokale-agenda-nijmegen.txt l.70-72', 0)).toContain('geen doelstelling te koppelen');
    });

    test('the line numbers the issue cited, as they really are', () => {
      const at = (file: string, line: number) => normalise(seedLines(file)[line - 1]);
      const R = 'regioaanpak-gelderland-zuid-2021-2025.txt';
      const L = 'lokale-agenda-nijmegen.txt';
      expect(at(R, 44)).toContain('eens per vier jaar stellen de regiogemeenten samen een aanpak op');
      expect(at(R, 817)).toContain('stalking: binnen veilig thuis');
      expect(at(R, 827)).toContain('elke gemeente in 2022');
      expect(at(R, 1035)).toContain('kwaliteitskader');
      expect(at(R, 1071)).toContain('vaste contactpersonen');
      // Keeping the list of contacts current is l.1534-1538, not l.1071.
      expect(citedText(`${R} l.1534-1538`, 0)).toContain('houden dit overzicht zelf actueel');
      expect(at(R, 1309)).toContain('iedere gemeente in de regio structu');
      expect(at(R, 1504)).toContain('op dit moment loopt in onze regio het actieoverleg');
      // Joining the toekomsttuinen: l.1548-1550.
      expect(citedText(`${R} l.1548-1550`, 0)).toContain('alle gemeenten goed aangesloten');
      expect(at(R, 1596)).toContain('twee keer per jaar');
      expect(at(R, 1742)).toContain('verrekening gennep vt');
      expect(at(R, 2251)).toContain('werkgroep samenwerkingsafspraken');
      expect(at(R, 2259)).toContain('escalaties worden jaarlijks besproken');
      expect(at(R, 2326)).toContain('gezamenlijke casuistiek');
      expect(at(R, 2340)).toContain('versterkte samenwerking');
      expect(at(L, 207)).toContain('een keer per jaar bij het onderwijs');
      expect(at(L, 243)).toContain('leerbijeenkomsten met de wijkteams uit te breiden');
      // The seed's "voldoende passend aanbod" starts on l.359 and ends on l.361.
      expect(citedText(`${L} l.359-361`, 0)).toContain('voldoende passend aanbod');
      expect(at(L, 398)).toContain('dialoogbegeleiders');
      expect(at(L, 434)).toContain('ervaringsdeskundigen');
      expect(at('gendergerelateerd-geweld-nijmegen-2025.txt', 76)).toContain('gecoordineerd door de ggd');
    });
  });
});
