import * as z from 'zod/mini';
import { CHARACTERS, DIRECTIONS, STATUSES } from '../workbook/contract';
import { MONTHS_NL } from '../values/text';

/**
 * The region file, format 2: the facts of one DU VO region (municipalities, action lines, themes,
 * budget and coverage per year, meeting rhythm, actions, indicators) that seed a new workbook.
 * Every region brings its own file; the code knows none of them.
 *
 * Objects are strict: an unknown or misspelt key is an error that names it, so a typo never silently
 * drops a fact. `_about` is the one documentation key, allowed in every object (not in the maps whose
 * keys are names or years: `lokaal`, `afwijkingen`, `waarden`). Every fact carries its
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
  /** The short word users say for the programme (`regioaanpak`): `Instellingen` › `Programma`. */
  programma_kort: z.optional(text),
  looptijd: z.strictObject({ ...ABOUT, start: z.nullable(year), eind: z.nullable(year) }),
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
  ...ABOUT,
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
const statedTotal = z.strictObject({ ...ABOUT, jaar: year, bedrag: z.number(), bron: source });

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
  ...ABOUT,
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
  ...ABOUT,
  per_jaar: z.optional(z.int().check(z.gte(1), z.lte(52))),
  elke_weken: z.optional(z.int().check(z.gte(1), z.lte(52))),
  vanaf: z.optional(isoDay),
  aanname: z.optional(requiredText),
});

const meetup = z.strictObject({
  ...ABOUT,
  naam: z.optional(text),
  /** The short word users say for the meet-up (`ambtelijke meet-up`): `Instellingen` › `Overleg`. */
  kort: z.optional(text),
  ritme: rhythm,
  /** Owner names that organise the meet-up (`Instellingen` › `Organisator`). */
  organisator: z.array(requiredText),
  beschrijving: z.optional(text),
  bron: source,
});

const campaign = z.strictObject({
  ...ABOUT,
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
  nieuwsbrief: z.optional(z.strictObject({ ...ABOUT, tekst: requiredText, bron: source })),
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
    bijdragende_gemeenten: z.optional(z.strictObject({ ...ABOUT, namen: z.array(requiredText), bron: source })),
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
