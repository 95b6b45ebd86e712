import { REGION_MUNICIPALITY } from '../workbook/contract';
import { isValidDay } from '../values/dates';
import { Path, RegionProblem } from './messages';
import { Region, RegionAction, YearAmount, regionYears } from './schema';

const upper = (s: string) => s.trim().toUpperCase();

/** Consistency the seed relies on: references point somewhere, days exist, every year is accounted for. */
export function crossChecks(region: Region): RegionProblem[] {
  const problems: RegionProblem[] = [];
  const problem = (path: Path, message: string) => problems.push({ path, message });
  const info = region.region;
  const filled = region.gemeenten.length > 0;
  const { start, eind } = info.looptijd;

  if (filled) {
    if (!info.naam.trim()) problem(['region', 'naam'], 'mag niet leeg zijn');
    if (!info.centrumgemeente.trim()) problem(['region', 'centrumgemeente'], 'mag niet leeg zijn');
    if (!info.bron) problem(['region', 'bron'], 'ontbreekt');
    if (start === null) problem(['region', 'looptijd', 'start'], 'ontbreekt');
    if (eind === null) problem(['region', 'looptijd', 'eind'], 'ontbreekt');
  }
  if ((start === null) !== (eind === null)) problem(['region', 'looptijd'], 'vul start en eind allebei in, of geen van beide');
  if (start !== null && eind !== null && eind < start) problem(['region', 'looptijd', 'eind'], 'ligt voor start');
  const years = regionYears(region);

  const names = new Set(region.gemeenten.map((g) => upper(g.naam)));
  const outsiders = new Set((region.buiten_regioaanpak ?? []).map((g) => upper(g.naam)));
  const lineCodes = new Set(region.actielijnen.map((l) => upper(l.code)));
  const postCodes = new Set(region.begroting.posten.map((p) => upper(p.code)));
  const themes = new Set(region.themas.map((t) => upper(t.naam)));

  const unique = (values: string[], path: (i: number) => Path, what: string) => {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (seen.has(upper(v))) problem(path(i), `${what} ${v} komt vaker voor`);
      seen.add(upper(v));
    });
  };
  unique(region.gemeenten.map((g) => g.naam), (i) => ['gemeenten', i, 'naam'], 'gemeente');
  unique(region.actielijnen.map((l) => l.code), (i) => ['actielijnen', i, 'code'], 'actielijn');
  unique(region.themas.map((t) => t.naam), (i) => ['themas', i, 'naam'], 'thema');
  unique(region.netwerkpartners.map((p) => p.naam), (i) => ['netwerkpartners', i, 'naam'], 'netwerkpartner');
  unique(region.begroting.posten.map((p) => p.code), (i) => ['begroting', 'posten', i, 'code'], 'begrotingspost');
  unique(region.dekking.bronnen.map((b) => b.naam), (i) => ['dekking', 'bronnen', i, 'naam'], 'dekkingsbron');
  if (info.centrumgemeente.trim() && !names.has(upper(info.centrumgemeente))) {
    problem(['region', 'centrumgemeente'], `${info.centrumgemeente} staat niet in gemeenten`);
  }

  const checkTheme = (value: string | undefined, path: Path) => {
    if (value !== undefined && !themes.has(upper(value))) problem(path, `thema ${value} staat niet in themas`);
  };
  region.netwerkpartners.forEach((p, i) => (p.themas ?? []).forEach((t, j) => checkTheme(t, ['netwerkpartners', i, 'themas', j])));

  // Every year of the period has exactly one amount per line, sourced or assumed.
  const checkYears = (amounts: YearAmount[], path: Path, negativeAllowed: boolean) => {
    const seen = new Set<number>();
    amounts.forEach((a, i) => {
      const at = [...path, i];
      if (!a.bron === !a.aanname) problem(at, 'geef een bron of een aanname (precies één van beide)');
      if (!negativeAllowed && a.bedrag < 0) problem([...at, 'bedrag'], 'mag niet negatief zijn');
      if (seen.has(a.jaar)) problem([...at, 'jaar'], `jaar ${a.jaar} komt vaker voor`);
      else if (years.length && !years.includes(a.jaar)) problem([...at, 'jaar'], `${a.jaar} valt buiten de looptijd ${start}-${eind}`);
      seen.add(a.jaar);
    });
    for (const y of years) if (!seen.has(y)) problem(path, `bedrag voor ${y} ontbreekt`);
  };
  region.begroting.posten.forEach((p, i) => checkYears(p.per_jaar, ['begroting', 'posten', i, 'per_jaar'], false));
  region.dekking.bronnen.forEach((b, i) => checkYears(b.per_jaar, ['dekking', 'bronnen', i, 'per_jaar'], true));
  const checkTotal = (total: { jaar: number; bedrag: number } | undefined, lines: { per_jaar: YearAmount[] }[], path: Path) => {
    if (!total) return;
    const sum = lines.reduce((s, l) => s + (l.per_jaar.find((a) => a.jaar === total.jaar)?.bedrag ?? 0), 0);
    if (Math.round(sum * 100) !== Math.round(total.bedrag * 100)) problem([...path, 'bedrag'], `de regels van ${total.jaar} tellen op tot ${sum}, niet ${total.bedrag}`);
  };
  checkTotal(region.begroting.totaal, region.begroting.posten, ['begroting', 'totaal']);
  checkTotal(region.dekking.totaal, region.dekking.bronnen, ['dekking', 'totaal']);
  (region.dekking.bijdragende_gemeenten?.namen ?? []).forEach((n, i) => {
    if (!names.has(upper(n)) && !outsiders.has(upper(n))) problem(['dekking', 'bijdragende_gemeenten', 'namen', i], `${n} staat niet in gemeenten of buiten_regioaanpak`);
  });

  const meetupInfo = region.overleg.meetup;
  if (meetupInfo) {
    const r = meetupInfo.ritme;
    const path = ['overleg', 'meetup', 'ritme'];
    if ((r.per_jaar === undefined) === (r.elke_weken === undefined)) problem(path, 'geef per_jaar of elke_weken (precies één van beide)');
    if (r.elke_weken !== undefined && !r.vanaf) problem([...path, 'vanaf'], 'ontbreekt: elke_weken telt vanaf een datum');
    if (r.per_jaar !== undefined && r.vanaf) problem([...path, 'vanaf'], 'hoort alleen bij elke_weken');
    if (r.vanaf) {
      const [y, m, d] = r.vanaf.split('-').map(Number);
      if (!isValidDay(y, m, d)) problem([...path, 'vanaf'], 'deze datum bestaat niet');
      else if (years.length && !years.includes(y)) problem([...path, 'vanaf'], `${r.vanaf} valt buiten de looptijd ${start}-${eind}`);
    }
  }

  const checkAction = (a: RegionAction, path: Path) => {
    if (!lineCodes.has(upper(a.actielijn))) problem([...path, 'actielijn'], `actielijn ${a.actielijn} staat niet in actielijnen`);
    if (a.begrotingspost !== undefined && !postCodes.has(upper(a.begrotingspost))) problem([...path, 'begrotingspost'], `begrotingspost ${a.begrotingspost} staat niet in begroting.posten`);
    checkTheme(a.thema, [...path, 'thema']);
    if (a.deadline) {
      const [y, m, d] = a.deadline.split('-').map(Number);
      if (!isValidDay(y, m, d)) problem([...path, 'deadline'], 'deze datum bestaat niet');
    }
    if (a.eigenaar && !a.eigenaar_bron) problem([...path, 'eigenaar_bron'], 'ontbreekt: noem waar de eigenaar staat, of laat eigenaar weg');
    if (!a.eigenaar && a.eigenaar_bron) problem([...path, 'eigenaar'], 'ontbreekt bij eigenaar_bron');
    if (a.status && a.status !== 'Niet gestart' && !a.status_bron) problem([...path, 'status_bron'], `ontbreekt: waar staat dat de actie ${a.status.toLowerCase()} is?`);
  };
  region.acties.regionaal.forEach((a, i) => checkAction(a, ['acties', 'regionaal', i]));
  let localPlans = 0;
  region.acties.per_gemeente.forEach((a, i) => {
    const path = ['acties', 'per_gemeente', i];
    checkAction(a, path);
    if (a.eigenaar) problem([...path, 'eigenaar'], 'een verplichting per gemeente is van die gemeente; laat eigenaar weg');
    if (a.lokaal_plan && ++localPlans > 1) problem([...path, 'lokaal_plan'], 'er is al een lokaal plan');
    for (const [name, d] of Object.entries(a.afwijkingen ?? {})) {
      if (!names.has(upper(name))) problem([...path, 'afwijkingen', name], `${name} staat niet in gemeenten`);
      if (d.status && d.status !== 'Niet gestart' && !d.status_bron) problem([...path, 'afwijkingen', name, 'status_bron'], 'ontbreekt');
    }
  });
  for (const [name, actions] of Object.entries(region.acties.lokaal)) {
    if (!names.has(upper(name))) problem(['acties', 'lokaal', name], `${name} staat niet in gemeenten`);
    actions.forEach((a, i) => checkAction(a, ['acties', 'lokaal', name, i]));
  }

  const seriesSeen = new Set<string>();
  region.indicatoren.forEach((s, i) => {
    const path = ['indicatoren', i];
    if (upper(s.gemeente) !== upper(REGION_MUNICIPALITY) && !names.has(upper(s.gemeente))) problem([...path, 'gemeente'], `${s.gemeente} staat niet in gemeenten (of gebruik ${REGION_MUNICIPALITY})`);
    checkTheme(s.thema, [...path, 'thema']);
    const k = `${upper(s.indicator)}|${upper(s.gemeente)}`;
    if (seriesSeen.has(k)) problem([...path, 'indicator'], `${s.indicator} voor ${s.gemeente} komt vaker voor`);
    seriesSeen.add(k);
  });
  return problems;
}
