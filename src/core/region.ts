import * as z from 'zod/mini';
import defaultRegionJson from '../data/gelderland-zuid-2021-2025.json';
import { CHARACTERS } from './contract';
import { isValidDay } from './dates';

/**
 * The region file: the facts of one DU VO region (municipalities, action lines, budget, coverage,
 * actions) that seed a new workbook. Every region brings its own file; the code knows none of them.
 * Objects are loose: documentation keys (`_about`, `bron`) and future additions are kept, not rejected.
 */

const text = z.string();
const requiredText = z.string().check(z.minLength(1, 'mag niet leeg zijn'));
const year = z.int().check(z.gte(1900), z.lte(2199));
/** An ISO day `YYYY-MM-DD`; checked for existence after parsing. */
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht een datum als JJJJ-MM-DD'));

const regionInfo = z.looseObject({
  naam: requiredText,
  centrumgemeente: requiredText,
  programma: z.optional(text),
  looptijd: z.looseObject({ start: year, eind: year }),
  inwoners: z.optional(z.number()),
  projectleider: z.optional(text),
  /** Who decides on budget changes (`Instellingen` › `Besluitvorming`). */
  besluitvorming: z.optional(text),
});

const municipality = z.looseObject({
  naam: requiredText,
  subregio: z.optional(text),
  bijzonderheden: z.optional(text),
});

const actionLine = z.looseObject({
  code: requiredText,
  naam: requiredText,
  beoogd_effect: z.optional(text),
});

const budgetPost = z.looseObject({
  code: requiredText,
  naam: requiredText,
  /** Whole euros per budget year. */
  raming: z.number().check(z.gte(0)),
  karakter: z.enum(CHARACTERS),
  toelichting: z.optional(text),
});

const coverageSource = z.looseObject({
  bron: requiredText,
  bedrag: z.number(),
  toelichting: z.optional(text),
});

const regionalAction = z.looseObject({
  actielijn: requiredText,
  actie: requiredText,
  eigenaar: z.optional(text),
  thema: z.optional(z.nullable(text)),
  begrotingspost: z.optional(text),
  deadline: z.optional(isoDay),
  toelichting: z.optional(text),
});

/** Actions of the programme's organisation; `per_gemeente` means one action for every municipality. */
const organisationAction = z.looseObject({
  actie: requiredText,
  per_gemeente: z.optional(z.boolean()),
  actielijn: z.optional(text),
  eigenaar: z.optional(text),
  thema: z.optional(z.nullable(text)),
  begrotingspost: z.optional(text),
  deadline: z.optional(isoDay),
  toelichting: z.optional(text),
  bron: z.optional(text),
});

/** A municipality's own action has the same shape as a regional one. */
const localAction = regionalAction;

const seriesSchema = z.looseObject({
  indicator: requiredText,
  thema: z.optional(z.nullable(text)),
  /** Year → value. */
  waarden: z.record(z.string().check(z.regex(/^\d{4}$/, 'verwacht een jaartal')), z.number()),
});

const seriesSet = z.looseObject({ reeksen: z.array(seriesSchema) });
const regionalValues = z.looseObject({ waarden: z.record(z.string(), z.number()) });

const campaign = z.looseObject({ naam: requiredText, maanden: z.array(z.int().check(z.gte(1), z.lte(12))) });

export const regionSchema = z.looseObject({
  region: regionInfo,
  gemeenten: z.array(municipality).check(z.minLength(1, 'minstens één gemeente')),
  actielijnen: z.array(actionLine).check(z.minLength(1, 'minstens één actielijn')),
  begroting: z.looseObject({ posten: z.array(budgetPost), totale_kosten: z.optional(z.number()) }),
  dekking: z.looseObject({ bronnen: z.array(coverageSource), totaal: z.optional(z.number()) }),
  overleg: z.optional(z.looseObject({ campagnes: z.optional(z.array(text)) })),
  netwerkpartners: z.optional(z.array(text)),
  regionale_acties: z.optional(z.array(regionalAction)),
  organisatie_acties: z.optional(z.array(organisationAction)),
  agenda: z.optional(
    z.looseObject({
      campagnes: z.optional(z.array(campaign)),
      nieuwsbrief: z.optional(text),
      organisator_eigenaren: z.optional(z.array(text)),
    }),
  ),
});

export type Region = z.infer<typeof regionSchema>;
export type RegionalAction = z.infer<typeof regionalAction>;
export type OrganisationAction = z.infer<typeof organisationAction>;
export type LocalAction = z.infer<typeof localAction>;
export type IndicatorSeries = z.infer<typeof seriesSchema>;

/*
 * Keys that name a municipality or a year are matched by pattern, so a region file for another
 * region needs no code change: `lokale_acties_<gemeente>` (local actions of that municipality),
 * `indicatoren_<gemeente>` with `reeksen` (its indicator series) and `indicatoren_regio_<jaar>`
 * (regional figures of one year).
 */
const LOCAL_ACTIONS_KEY = /^lokale_acties_(.+)$/;
const REGIONAL_INDICATORS_KEY = /^indicatoren_regio_(\d{4})$/;
const SERIES_KEY = /^indicatoren_(.+)$/;

function patternSchema(key: string) {
  if (LOCAL_ACTIONS_KEY.test(key)) return z.array(localAction);
  if (REGIONAL_INDICATORS_KEY.test(key)) return regionalValues;
  if (SERIES_KEY.test(key)) return seriesSet;
  return null;
}

const slug = (name: string) => name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** The municipality a key suffix names (`nijmegen`, `berg_en_dal`); the centre municipality when none matches. */
function municipalityFor(region: Region, suffix: string): string {
  return region.gemeenten.find((g) => slug(g.naam) === slug(suffix))?.naam ?? region.region.centrumgemeente;
}

export interface LocalActions {
  municipality: string;
  actions: LocalAction[];
}

/** The local actions in the region file, per municipality, in file order. */
export function localActions(region: Region): LocalActions[] {
  const out: LocalActions[] = [];
  for (const [k, value] of Object.entries(region)) {
    const m = LOCAL_ACTIONS_KEY.exec(k);
    if (!m) continue;
    const parsed = z.array(localAction).safeParse(value);
    if (parsed.success) out.push({ municipality: municipalityFor(region, m[1]), actions: parsed.data });
  }
  return out;
}

export interface MunicipalSeries {
  municipality: string;
  series: IndicatorSeries[];
}

/** Indicator series per municipality (`indicatoren_<gemeente>`), in file order. */
export function municipalIndicatorSeries(region: Region): MunicipalSeries[] {
  const out: MunicipalSeries[] = [];
  for (const [k, value] of Object.entries(region)) {
    if (REGIONAL_INDICATORS_KEY.test(k)) continue;
    const m = SERIES_KEY.exec(k);
    if (!m) continue;
    const parsed = seriesSet.safeParse(value);
    if (parsed.success) out.push({ municipality: municipalityFor(region, m[1]), series: parsed.data.reeksen });
  }
  return out;
}

export interface RegionalIndicators {
  year: number;
  values: Record<string, number>;
}

/** Regional figures per year (`indicatoren_regio_<jaar>`), years ascending. */
export function regionalIndicators(region: Region): RegionalIndicators[] {
  const out: RegionalIndicators[] = [];
  for (const [k, value] of Object.entries(region)) {
    const m = REGIONAL_INDICATORS_KEY.exec(k);
    if (!m) continue;
    const parsed = regionalValues.safeParse(value);
    if (parsed.success) out.push({ year: Number(m[1]), values: parsed.data.waarden });
  }
  return out.sort((a, b) => a.year - b.year);
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
    case 'invalid_key':
      return 'ongeldige sleutel';
    default:
      return 'ongeldige waarde';
  }
}

function pathText(path: Path): string {
  if (!path.length) return '(bestand)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function zodProblems(error: z.core.$ZodError, root: unknown, prefix: Path = []): RegionProblem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    return { path, message: dutchIssue(issue, valueAt(root, path)) };
  });
}

/** Consistency the seed relies on: references point somewhere, days exist, codes are unique. */
function crossChecks(region: Region): RegionProblem[] {
  const problems: RegionProblem[] = [];
  const { start, eind } = region.region.looptijd;
  if (eind < start) problems.push({ path: ['region', 'looptijd', 'eind'], message: 'ligt voor start' });
  const lineCodes = new Set(region.actielijnen.map((l) => l.code.toUpperCase()));
  const postCodes = new Set(region.begroting.posten.map((p) => p.code.toUpperCase()));
  const names = new Set(region.gemeenten.map((g) => g.naam.toUpperCase()));
  const unique = (values: string[], path: (i: number) => Path, what: string) => {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (seen.has(v.toUpperCase())) problems.push({ path: path(i), message: `${what} ${v} komt vaker voor` });
      seen.add(v.toUpperCase());
    });
  };
  unique(region.gemeenten.map((g) => g.naam), (i) => ['gemeenten', i, 'naam'], 'gemeente');
  unique(region.actielijnen.map((l) => l.code), (i) => ['actielijnen', i, 'code'], 'actielijn');
  unique(region.begroting.posten.map((p) => p.code), (i) => ['begroting', 'posten', i, 'code'], 'begrotingspost');
  if (!names.has(region.region.centrumgemeente.toUpperCase())) {
    problems.push({ path: ['region', 'centrumgemeente'], message: `${region.region.centrumgemeente} staat niet in gemeenten` });
  }
  const checkAction = (a: { actielijn?: string; begrotingspost?: string; deadline?: string }, path: Path) => {
    if (a.actielijn && !lineCodes.has(a.actielijn.toUpperCase())) problems.push({ path: [...path, 'actielijn'], message: `actielijn ${a.actielijn} staat niet in actielijnen` });
    if (a.begrotingspost && !postCodes.has(a.begrotingspost.toUpperCase())) problems.push({ path: [...path, 'begrotingspost'], message: `begrotingspost ${a.begrotingspost} staat niet in begroting.posten` });
    if (a.deadline) {
      const [y, m, d] = a.deadline.split('-').map(Number);
      if (!isValidDay(y, m, d)) problems.push({ path: [...path, 'deadline'], message: 'deze datum bestaat niet' });
    }
  };
  (region.regionale_acties ?? []).forEach((a, i) => checkAction(a, ['regionale_acties', i]));
  (region.organisatie_acties ?? []).forEach((a, i) => checkAction(a, ['organisatie_acties', i]));
  for (const [k, value] of Object.entries(region)) {
    if (LOCAL_ACTIONS_KEY.test(k) && Array.isArray(value)) (value as LocalAction[]).forEach((a, i) => checkAction(a, [k, i]));
  }
  return problems;
}

/** Validates a region file. Throws one Dutch error listing every invalid path, so a region fixes its file in one go. */
export function parseRegion(json: unknown): Region {
  const result = regionSchema.safeParse(json);
  const problems: RegionProblem[] = result.success ? [] : zodProblems(result.error, json);
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    for (const [k, value] of Object.entries(json)) {
      const schema = patternSchema(k);
      if (!schema) continue;
      const parsed = schema.safeParse(value);
      if (!parsed.success) problems.push(...zodProblems(parsed.error, json, [k]));
    }
  }
  if (result.success && !problems.length) problems.push(...crossChecks(result.data));
  if (problems.length) {
    const lines = problems.map((p) => `- ${pathText(p.path)}: ${p.message}`);
    throw new Error(`Het regiobestand is ongeldig (${problems.length} ${problems.length === 1 ? 'fout' : 'fouten'}):\n${lines.join('\n')}`);
  }
  return result.data as Region;
}

/** Gelderland Zuid 2021-2025: the built-in default and the demo region. */
export function defaultRegion(): Region {
  return parseRegion(defaultRegionJson);
}
