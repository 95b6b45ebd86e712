import * as z from 'zod/mini';
import defaultRegionJson from '../data/gelderland-zuid-2021-2025.json';
import { CHARACTERS, DIRECTIONS, REGION_MUNICIPALITY, STATUSES } from './workbook/contract';
import { isValidDay } from './values/dates';
import { MONTHS_NL } from './values/text';

/**
 * The region file, format 2: the facts of one DU VO region (municipalities, action lines, themes,
 * budget and coverage per year, meeting rhythm, actions, indicators) that seed a new workbook.
 * Every region brings its own file; the code knows none of them.
 *
 * Objects are strict: an unknown or misspelt key is an error that names it, so a typo never silently
 * drops a fact. `_about` is the one documentation key allowed everywhere. Every fact carries its
 * `bron` (document and line or section); what a document does not say is marked as an `aanname`,
 * which the seed shows to users in `Toelichting` or `Notities`.
 */

export const REGION_FORMAT = 2;

const ABOUT = { _about: z.optional(z.string()) };
const text = z.string();
const requiredText = z.string().check(z.minLength(1, 'mag niet leeg zijn'));
/** Where a fact comes from: `regioaanpak-gelderland-zuid-2021-2025.txt l.817`, or `FICTIEF: …` in a test fixture. */
const source = requiredText;
const year = z.int().check(z.gte(1900), z.lte(2199));
/** An ISO day `YYYY-MM-DD`; checked for existence after parsing. */
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht een datum als JJJJ-MM-DD'));
const month = z.string().check(z.refine((m) => MONTHS_NL.includes(m), `verwacht een maand: ${MONTHS_NL.join(', ')}`));

const regionInfo = z.strictObject({
  ...ABOUT,
  /** Empty only in an unfilled template (no municipalities yet). */
  naam: text,
  centrumgemeente: text,
  programma: z.optional(text),
  looptijd: z.strictObject({ start: z.nullable(year), eind: z.nullable(year) }),
  inwoners: z.optional(z.number()),
  projectleider: z.optional(text),
  /** Who decides on budget changes (`Instellingen` › `Besluitvorming`). */
  besluitvorming: z.optional(text),
  bron: z.optional(source),
});

const municipality = z.strictObject({
  ...ABOUT,
  naam: requiredText,
  subregio: z.optional(text),
  bijzonderheden: z.optional(text),
  /** What the documents do not say about this municipality (its subregion): shown in `Bijzonderheden`. */
  aanname: z.optional(requiredText),
  bron: source,
});

const actionLine = z.strictObject({ ...ABOUT, code: requiredText, naam: requiredText, beoogd_effect: z.optional(text), bron: source });

/** A theme the meet-ups rotate through; actions and indicators name one of these. */
const theme = z.strictObject({ ...ABOUT, naam: requiredText, bron: source });

const partner = z.strictObject({ ...ABOUT, naam: requiredText, themas: z.optional(z.array(requiredText)), bron: source });

/** One year's amount: sourced (`bron`) or explicitly assumed (`aanname`, shown in `Toelichting`). */
const yearAmount = z.strictObject({
  jaar: year,
  /** Whole euros. */
  bedrag: z.number(),
  bron: z.optional(source),
  aanname: z.optional(requiredText),
});

const budgetPost = z.strictObject({
  ...ABOUT,
  code: requiredText,
  naam: requiredText,
  karakter: z.enum(CHARACTERS),
  karakter_bron: z.optional(source),
  toelichting: z.optional(text),
  bron: source,
  per_jaar: z.array(yearAmount),
});

const coverageSource = z.strictObject({
  ...ABOUT,
  /** What `Dekking` › `Bron` shows: `DU VO bedrag decembercirculaire 2020`. */
  naam: requiredText,
  toelichting: z.optional(text),
  bron: source,
  per_jaar: z.array(yearAmount),
});

/** A total the document states, checked against the sum of the lines of that year. */
const statedTotal = z.strictObject({ jaar: year, bedrag: z.number(), bron: source });

const actionShape = {
  ...ABOUT,
  actielijn: requiredText,
  actie: requiredText,
  /** Only where a document names the owner (with `eigenaar_bron`); otherwise the seed writes a placeholder. */
  eigenaar: z.optional(requiredText),
  eigenaar_bron: z.optional(source),
  thema: z.optional(requiredText),
  begrotingspost: z.optional(requiredText),
  deadline: z.optional(isoDay),
  /** Default `Niet gestart`; any other status needs `status_bron`. */
  status: z.optional(z.enum(STATUSES)),
  status_bron: z.optional(source),
  /** What is assumed rather than read (a deadline derived from "halverwege de looptijd"): shown in `Toelichting`. */
  aanname: z.optional(requiredText),
  toelichting: z.optional(text),
  bron: source,
};

const action = z.strictObject(actionShape);

/** Where one municipality's row of a per-municipality obligation differs: its status, a note. */
const deviation = z.strictObject({
  status: z.optional(z.enum(STATUSES)),
  status_bron: z.optional(source),
  toelichting: z.optional(text),
  bron: z.optional(source),
});

/** An obligation of every municipality: one row per municipality, owned by it. */
const municipalObligation = z.strictObject({
  ...actionShape,
  /** The local plan: its title is `Instellingen` › `Lokaal plan`. */
  lokaal_plan: z.optional(z.boolean()),
  afwijkingen: z.optional(z.record(z.string(), deviation)),
});

/** The meeting rhythm: `{ "per_jaar": 4 }` or `{ "elke_weken": 6, "vanaf": "2024-01-11" }`. */
const rhythm = z.strictObject({
  per_jaar: z.optional(z.int().check(z.gte(1), z.lte(52))),
  elke_weken: z.optional(z.int().check(z.gte(1), z.lte(52))),
  vanaf: z.optional(isoDay),
  aanname: z.optional(requiredText),
});

const meetup = z.strictObject({
  ...ABOUT,
  naam: z.optional(text),
  ritme: rhythm,
  /** Owner names that organise the meet-up (`Instellingen` › `Organisator`). */
  organisator: z.array(requiredText),
  beschrijving: z.optional(text),
  bron: source,
});

const campaign = z.strictObject({
  naam: requiredText,
  maanden: z.array(month).check(z.minLength(1, 'minstens één maand')),
  bron: source,
  /** When the months are not in the document. */
  aanname: z.optional(requiredText),
});

const governance = z.strictObject({
  ...ABOUT,
  werkgroep: z.optional(text),
  portefeuillehouder: z.optional(text),
  rapportage: z.optional(text),
  bron: source,
});

const meetings = z.strictObject({
  ...ABOUT,
  meetup: z.optional(meetup),
  nieuwsbrief: z.optional(z.strictObject({ tekst: requiredText, bron: source })),
  campagnes: z.optional(z.array(campaign)),
  bestuur: z.optional(governance),
});

const series = z.strictObject({
  ...ABOUT,
  indicator: requiredText,
  /** A municipality from `gemeenten`, or `Regio`. */
  gemeente: requiredText,
  thema: requiredText,
  /** Which way counts as improvement; `null` where the document sets no goal (e.g. meldingen). */
  richting: z.nullable(z.enum(DIRECTIONS)),
  richting_bron: source,
  /** Year → value. */
  waarden: z.record(z.string().check(z.regex(/^\d{4}$/, 'verwacht een jaartal')), z.number()),
  bron: source,
});

export const regionSchema = z.strictObject({
  ...ABOUT,
  formaat: z.literal(REGION_FORMAT),
  region: regionInfo,
  gemeenten: z.array(municipality),
  /** Municipalities tied to the region by agreements but not in its approach (Gennep); not seeded. */
  buiten_regioaanpak: z.optional(z.array(municipality)),
  actielijnen: z.array(actionLine),
  themas: z.array(theme),
  netwerkpartners: z.array(partner),
  begroting: z.strictObject({ ...ABOUT, posten: z.array(budgetPost), totaal: z.optional(statedTotal) }),
  dekking: z.strictObject({
    ...ABOUT,
    bronnen: z.array(coverageSource),
    totaal: z.optional(statedTotal),
    /** Municipalities whose contribution follows the DU VO amount (`Instellingen` › `Bijdragende gemeenten`). */
    bijdragende_gemeenten: z.optional(z.strictObject({ namen: z.array(requiredText), bron: source })),
  }),
  overleg: meetings,
  acties: z.strictObject({
    ...ABOUT,
    regionaal: z.array(action),
    per_gemeente: z.array(municipalObligation),
    /** Municipality name → its own actions. */
    lokaal: z.record(z.string(), z.array(action)),
  }),
  indicatoren: z.array(series),
});

export type Region = z.infer<typeof regionSchema>;
export type RegionAction = z.infer<typeof action>;
export type MunicipalObligation = z.infer<typeof municipalObligation>;
export type YearAmount = z.infer<typeof yearAmount>;
export type IndicatorSeries = z.infer<typeof series>;
export type Campaign = z.infer<typeof campaign>;

/** The years of the region's period, in order; none for an unfilled template. */
export function regionYears(region: Region): number[] {
  const { start, eind } = region.region.looptijd;
  const years: number[] = [];
  if (start === null || eind === null) return years;
  for (let y = start; y <= eind; y++) years.push(y);
  return years;
}

/** The title of the local-plan obligation (`Instellingen` › `Lokaal plan`), '' when the region has none. */
export function localPlanTitle(region: Region): string {
  return region.acties.per_gemeente.find((a) => a.lokaal_plan)?.actie ?? '';
}

/** Month name (`juni`) → 1..12. */
export function monthNumber(name: string): number {
  return MONTHS_NL.indexOf(name) + 1;
}

type Path = readonly PropertyKey[];
interface RegionProblem {
  path: Path;
  message: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst', number: 'getal', int: 'geheel getal', boolean: 'true of false', array: 'lijst', object: 'object', record: 'object',
};

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const p of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[p];
  }
  return value;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  innerType?: { _zod: { def: SchemaDef } };
  element?: { _zod: { def: SchemaDef } };
  valueType?: { _zod: { def: SchemaDef } };
}

/** The keys an object at `path` may have, found by walking the schema: for a hint on a misspelt key. */
function allowedKeys(path: Path): string[] {
  let def: SchemaDef | undefined = (regionSchema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  for (const p of path) {
    while (def && (def.type === 'optional' || def.type === 'nullable')) def = def.innerType?._zod.def;
    if (!def) return [];
    if (def.type === 'object' && typeof p === 'string') def = def.shape?.[p]?._zod.def;
    else if (def.type === 'array') def = def.element?._zod.def;
    else if (def.type === 'record') def = def.valueType?._zod.def;
    else return [];
  }
  while (def && (def.type === 'optional' || def.type === 'nullable')) def = def.innerType?._zod.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function unknownKey(key: string, path: Path): string {
  const candidates = allowedKeys(path).filter((k) => k !== '_about');
  const closest = candidates
    .map((k) => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase()) }))
    .filter((c) => c.d <= Math.max(2, Math.floor(key.length / 4)))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))[0];
  const hint = closest ? `bedoelt u "${closest.k}"?` : `toegestaan: ${candidates.join(', ')}`;
  return `onbekende sleutel "${key}" (${hint})`;
}

function dutchIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? 'ontbreekt' : `verwacht ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.message && !issue.message.startsWith('Too small') ? issue.message : `te klein (minimaal ${String(issue.minimum)})`;
    case 'too_big':
      return `te groot (maximaal ${String(issue.maximum)})`;
    case 'invalid_format':
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'ongeldige notatie';
    case 'invalid_value':
      return input === undefined ? 'ontbreekt' : `verwacht ${issue.values.map((v) => String(v)).join(' of ')}`;
    case 'invalid_key':
      return 'ongeldige sleutel';
    case 'custom':
      return issue.message;
    default:
      return 'ongeldige waarde';
  }
}

function pathText(path: Path): string {
  if (!path.length) return '(bestand)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function zodProblems(error: z.core.$ZodError, root: unknown): RegionProblem[] {
  return error.issues.flatMap((issue): RegionProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: [...issue.path, k], message: unknownKey(k, issue.path) }));
    }
    return [{ path: issue.path, message: dutchIssue(issue, valueAt(root, issue.path)) }];
  });
}

const upper = (s: string) => s.trim().toUpperCase();

/** Consistency the seed relies on: references point somewhere, days exist, every year is accounted for. */
function crossChecks(region: Region): RegionProblem[] {
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

/**
 * Validates a region file. Throws one Dutch error listing every problem with its path, so a region
 * fixes its file in one go.
 */
export function parseRegion(json: unknown): Region {
  const result = regionSchema.safeParse(json);
  const problems = result.success ? crossChecks(result.data) : zodProblems(result.error, json);
  if (problems.length) {
    const lines = problems.map((p) => `- ${pathText(p.path)}: ${p.message}`);
    const format = json && typeof json === 'object' && (json as Record<string, unknown>).formaat !== REGION_FORMAT
      ? `\nDit programma leest regiobestanden van formaat ${REGION_FORMAT} ("formaat": ${REGION_FORMAT}).`
      : '';
    throw new Error(`Het regiobestand is ongeldig (${problems.length} ${problems.length === 1 ? 'fout' : 'fouten'}):\n${lines.join('\n')}${format}`);
  }
  return result.data as Region;
}

/** Gelderland Zuid 2021-2025: the built-in default and the demo region. */
export function defaultRegion(): Region {
  return parseRegion(defaultRegionJson);
}
