import regionJson from '../../../src/data/gelderland-zuid-2021-2025.json';
import templateJson from '../../../src/data/sjabloon.json';
import { defaultRegion } from '../../../src/data/regions';
import { localPlanTitle, regionYears } from '../../../src/core/region/schema';
import { parseRegion } from '../../../src/core/region/validate';
import { clone, problems } from './problems';
import arnhemJson from '../../fixtures/regio-arnhem.json';

describe('parseRegion: the built-in Gelderland Zuid file', () => {
  const region = defaultRegion();

  test('region, period, municipalities, lines, themes, partners, budget and coverage', () => {
    expect(region.formaat).toBe(2);
    expect(region.region.naam).toBe('Gelderland Zuid');
    expect(region.region.centrumgemeente).toBe('Nijmegen');
    expect(region.region.looptijd).toEqual({ start: 2021, eind: 2025 });
    expect(regionYears(region)).toEqual([2021, 2022, 2023, 2024, 2025]);
    // Rijk van Nijmegen 7 + Rivierenland 8 = 15 municipalities
    expect(region.gemeenten).toHaveLength(15);
    expect(region.actielijnen.map((l) => l.code)).toEqual(['AL1', 'AL2', 'AL3', 'AL4']);
    expect(region.themas).toHaveLength(9);
    expect(region.netwerkpartners).toHaveLength(23);
    expect(region.begroting.posten.map((p) => p.code)).toEqual(['VT', 'CSG', 'MOV', 'OMG', 'ACT', 'GEN']);
    expect(region.dekking.bronnen).toHaveLength(3);
    expect(region.dekking.bijdragende_gemeenten?.namen).toEqual(['Gennep', 'Maasdriel', 'Zaltbommel']);
    expect(region.overleg.meetup?.ritme).toEqual({ per_jaar: 4 });
  });

  test('actions: 37 regional, 6 obligations of every municipality, 22 of Nijmegen', () => {
    expect(region.acties.regionaal).toHaveLength(37);
    expect(region.acties.per_gemeente).toHaveLength(6);
    expect(Object.keys(region.acties.lokaal)).toEqual(['Nijmegen']);
    expect(region.acties.lokaal.Nijmegen).toHaveLength(22);
    expect(localPlanTitle(region)).toBe('Lokaal plan van aanpak huiselijk geweld en kindermishandeling opstellen');
  });

  test('every budget line and coverage source has one amount per year: 2021 sourced, 2022-2025 assumed', () => {
    for (const line of [...region.begroting.posten, ...region.dekking.bronnen]) {
      expect(line.per_jaar.map((a) => a.jaar)).toEqual([2021, 2022, 2023, 2024, 2025]);
      expect(line.per_jaar[0].bron).toMatch(/^regioaanpak-gelderland-zuid-2021-2025\.txt l\.\d+/);
      expect(line.per_jaar[0].aanname).toBeUndefined();
      for (const later of line.per_jaar.slice(1)) expect(later.aanname).toMatch(/^verondersteld gelijk aan 2021/);
    }
  });
});

describe('parseRegion: strict', () => {
  test('a misspelt key is a Dutch error naming the key, its path and the key that was meant', () => {
    const json = clone(regionJson) as any;
    json.acties.regionaal[0].eigenar = json.acties.regionaal[0].eigenaar;
    delete json.acties.regionaal[0].eigenaar;
    const message = problems(json);
    expect(message).toContain('Het regiobestand is ongeldig (1 fout):');
    expect(message).toContain('- acties.regionaal[0].eigenar: onbekende sleutel "eigenar" (bedoel je "eigenaar"?)');
  });

  test('an unknown key without a near match lists the keys that are allowed there', () => {
    const json = clone(regionJson) as any;
    json.region.website = 'https://example.org';
    json.toekomstig_veld = { iets: 1 };
    const message = problems(json);
    expect(message).toContain('(2 fouten)');
    expect(message).toMatch(/- region\.website: onbekende sleutel "website" \(toegestaan: naam, centrumgemeente, programma, programma_kort, looptijd, inwoners, projectleider, besluitvorming, bron\)/);
    expect(message).toMatch(/- toekomstig_veld: onbekende sleutel "toekomstig_veld"/);
  });

  test('_about documentation keys are allowed in every object', () => {
    const json = clone(regionJson) as any;
    json.gemeenten[0]._about = 'toelichting voor wie het bestand onderhoudt';
    json.acties.regionaal[0]._about = 'idem';
    json.indicatoren[0]._about = 'idem';
    expect(problems(json)).toBe('');
  });

  test('lists every invalid path in one Dutch error', () => {
    const json = clone(regionJson) as any;
    delete json.region.centrumgemeente;
    json.begroting.posten[1].per_jaar[0].bedrag = 'honderdtwintigduizend';
    json.begroting.posten[1].karakter = 'Vrij';
    json.gemeenten[2].naam = 42;
    delete json.acties.lokaal.Nijmegen[0].actielijn;
    json.overleg.campagnes[0].maanden = ['Juni'];
    const message = problems(json);
    expect(message).toMatch(/^Het regiobestand is ongeldig \(6 fouten\):/);
    expect(message).toContain('- region.centrumgemeente: ontbreekt');
    expect(message).toContain('- begroting.posten[1].per_jaar[0].bedrag: verwacht een getal, niet de tekst "honderdtwintigduizend"');
    expect(message).toContain('- begroting.posten[1].karakter: verwacht Wettelijk, Vast of Flexibel, niet de tekst "Vrij"');
    expect(message).toContain('- gemeenten[2].naam: verwacht tekst, niet het getal 42');
    expect(message).toContain('- acties.lokaal.Nijmegen[0].actielijn: ontbreekt');
    expect(message).toContain('- overleg.campagnes[0].maanden[0]: verwacht een maand: januari, februari');
  });

  test('a fact without its bron is rejected: an action, a budget line, a municipality, an indicator series', () => {
    const json = clone(regionJson) as any;
    delete json.acties.regionaal[5].bron;
    delete json.acties.per_gemeente[2].bron;
    delete json.begroting.posten[0].bron;
    delete json.gemeenten[0].bron;
    delete json.indicatoren[0].bron;
    const message = problems(json);
    expect(message).toContain('(5 fouten)');
    for (const path of ['acties.regionaal[5].bron', 'acties.per_gemeente[2].bron', 'begroting.posten[0].bron', 'gemeenten[0].bron', 'indicatoren[0].bron']) {
      expect(message).toContain(`- ${path}: ontbreekt`);
    }
  });

  test('a file of the old format is told which format this program reads', () => {
    const json = clone(regionJson) as any;
    delete json.formaat;
    expect(problems(json)).toContain('- formaat: ontbreekt');
    expect(problems(json)).toContain('Dit programma leest regiobestanden van formaat 2 ("formaat": 2).');
  });

  test('rejects something that is not an object at all', () => {
    expect(problems(null)).toMatch(/^Het regiobestand is ongeldig/);
    expect(problems([1, 2])).toMatch(/^Het regiobestand is ongeldig/);
  });
});

describe('parseRegion: consistency', () => {
  test('references point somewhere and days exist', () => {
    const json = clone(regionJson) as any;
    json.acties.regionaal[0].actielijn = 'AL9';
    json.acties.regionaal[1].begrotingspost = 'XYZ';
    json.acties.regionaal[2].thema = 'Cyberpesten';
    json.acties.per_gemeente[0].deadline = '2022-02-30';
    json.acties.lokaal.Nimwegen = [];
    json.region.centrumgemeente = 'Arnhem';
    json.indicatoren[0].gemeente = 'Arnhem';
    const message = problems(json);
    expect(message).toContain('(7 fouten)');
    expect(message).toContain('- acties.regionaal[0].actielijn: actielijn AL9 staat niet in actielijnen');
    expect(message).toContain('- acties.regionaal[1].begrotingspost: begrotingspost XYZ staat niet in begroting.posten');
    expect(message).toContain('- acties.regionaal[2].thema: thema Cyberpesten staat niet in themas');
    expect(message).toContain('- acties.per_gemeente[0].deadline: deze datum bestaat niet');
    expect(message).toContain('- acties.lokaal.Nimwegen: Nimwegen staat niet in gemeenten');
    expect(message).toContain('- region.centrumgemeente: Arnhem staat niet in gemeenten');
    expect(message).toContain('- indicatoren[0].gemeente: Arnhem staat niet in gemeenten (of gebruik Regio)');
  });

  test('an owner needs its source, a status other than Niet gestart needs its source', () => {
    const json = clone(regionJson) as any;
    delete json.acties.regionaal[0].eigenaar_bron;
    json.acties.regionaal[1].status = 'Afgerond';
    json.acties.per_gemeente[1].eigenaar = 'Berg en Dal';
    json.acties.per_gemeente[1].eigenaar_bron = 'regioaanpak-gelderland-zuid-2021-2025.txt l.1035';
    const message = problems(json);
    expect(message).toContain('- acties.regionaal[0].eigenaar_bron: ontbreekt: noem waar de eigenaar staat, of laat eigenaar weg');
    expect(message).toContain('- acties.regionaal[1].status_bron: ontbreekt: waar staat dat de actie afgerond is?');
    expect(message).toContain('- acties.per_gemeente[1].eigenaar: een verplichting per gemeente is van die gemeente; laat eigenaar weg');
  });

  test('every year of the period has exactly one amount, sourced or assumed', () => {
    const json = clone(regionJson) as any;
    json.begroting.posten[0].per_jaar[1].bron = 'regioaanpak-gelderland-zuid-2021-2025.txt l.1709';
    json.begroting.posten[1].per_jaar.pop();
    json.begroting.posten[2].per_jaar[4].jaar = 2026;
    delete json.dekking.bronnen[0].per_jaar[2].aanname;
    json.begroting.posten[3].per_jaar[0].bedrag = -1;
    const message = problems(json);
    expect(message).toContain('- begroting.posten[0].per_jaar[1]: geef een bron of een aanname (precies één van beide)');
    expect(message).toContain('- begroting.posten[1].per_jaar: bedrag voor 2025 ontbreekt');
    expect(message).toContain('- begroting.posten[2].per_jaar[4].jaar: 2026 valt buiten de looptijd 2021-2025');
    expect(message).toContain('- begroting.posten[2].per_jaar: bedrag voor 2025 ontbreekt');
    expect(message).toContain('- dekking.bronnen[0].per_jaar[2]: geef een bron of een aanname (precies één van beide)');
    expect(message).toContain('- begroting.posten[3].per_jaar[0].bedrag: mag niet negatief zijn');
  });

  test('a stated total must equal the lines of its year', () => {
    const json = clone(regionJson) as any;
    json.begroting.posten[4].per_jaar[0].bedrag = 854288;
    // 5.519.594 + 1 = 5.519.595
    expect(problems(json)).toContain('- begroting.totaal.bedrag: de regels van 2021 tellen op tot 5519595, niet 5519594');
  });

  test('a rhythm is per_jaar or elke_weken with a start date, and the contributors exist', () => {
    const json = clone(regionJson) as any;
    json.overleg.meetup.ritme = { per_jaar: 4, elke_weken: 6 };
    json.dekking.bijdragende_gemeenten.namen.push('Arnhem');
    const message = problems(json);
    expect(message).toContain('- overleg.meetup.ritme: geef per_jaar of elke_weken (precies één van beide)');
    expect(message).toContain('- overleg.meetup.ritme.vanaf: ontbreekt: elke_weken telt vanaf een datum');
    expect(message).toContain('- dekking.bijdragende_gemeenten.namen[3]: Arnhem staat niet in gemeenten of buiten_regioaanpak');
  });

  test('a period that ends before it starts, repeated codes, two local plans', () => {
    const json = clone(regionJson) as any;
    json.region.looptijd = { start: 2025, eind: 2021 };
    json.begroting.posten[1].code = 'VT';
    json.acties.per_gemeente[1].lokaal_plan = true;
    const message = problems(json);
    expect(message).toContain('- region.looptijd.eind: ligt voor start');
    expect(message).toContain('- begroting.posten[1].code: begrotingspost VT komt vaker voor');
    expect(message).toContain('- acties.per_gemeente[1].lokaal_plan: er is al een lokaal plan');
  });
});

describe('the template and a second region', () => {
  test('the empty template parses: no municipalities, no period, nothing invented', () => {
    const template = parseRegion(templateJson);
    expect(template.region.naam).toBe('');
    expect(regionYears(template)).toEqual([]);
    expect([template.gemeenten, template.actielijnen, template.begroting.posten, template.dekking.bronnen, template.acties.regionaal, template.indicatoren]).toEqual([[], [], [], [], [], []]);
  });

  test('once a municipality is filled in, the template needs a name, centre, period and source', () => {
    const json = clone(templateJson) as any;
    json.gemeenten.push({ naam: 'Ergens', bron: 'eigen regiovisie p. 3' });
    const message = problems(json);
    for (const line of ['region.naam: mag niet leeg zijn', 'region.centrumgemeente: mag niet leeg zijn', 'region.bron: ontbreekt', 'region.looptijd.start: ontbreekt', 'region.looptijd.eind: ontbreekt']) {
      expect(message).toContain(`- ${line}`);
    }
  });

  test('the Arnhem fixture parses with the same schema: 16 municipalities, every six weeks, two Veilig Thuis organisations', () => {
    const arnhem = parseRegion(arnhemJson);
    expect(arnhem.region.naam).toBe('Arnhem-Achterhoek');
    expect(arnhem.gemeenten).toHaveLength(16);
    expect(arnhem.overleg.meetup?.ritme).toMatchObject({ elke_weken: 6, vanaf: '2019-01-10' });
    const statutory = arnhem.begroting.posten.filter((p) => p.karakter === 'Wettelijk');
    expect(statutory.map((p) => p.naam)).toEqual(['Veilig Thuis A (FICTIEF)', 'Veilig Thuis B (FICTIEF)']);
  });

  test('Arnhem: whatever the report does not give is marked FICTIEF', () => {
    const arnhem = parseRegion(arnhemJson);
    // The report names Arnhem only (l.39); the other 15 names are fictional.
    expect(arnhem.gemeenten.filter((g) => !g.naam.includes('FICTIEF')).map((g) => g.naam)).toEqual(['Arnhem']);
    for (const g of arnhem.gemeenten.slice(1)) expect(g.bron).toMatch(/^FICTIEF/);
    // It gives no amount at all.
    for (const line of [...arnhem.begroting.posten, ...arnhem.dekking.bronnen]) {
      for (const a of line.per_jaar) expect(a.aanname).toMatch(/^FICTIEF bedrag/);
    }
    expect(arnhem.overleg.meetup?.ritme.aanname).toMatch(/^FICTIEF/);
  });
});
