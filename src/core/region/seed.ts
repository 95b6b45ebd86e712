import { Cell } from '../sheet/cell';
import { DEFAULT_EXPLANATION_THRESHOLD_BASIS_POINTS, DEFAULT_EXPLANATION_THRESHOLD_CENTS, DEFAULT_WARN_THRESHOLD_BASIS_POINTS, NO, OWNER_TO_BE_DECIDED, REGION_MUNICIPALITY, SETTING, Status, TAB, TabName } from '../workbook/contract';
import { Day, addDays, makeDay, midnightIn, yearOf } from '../values/dates';
import { escapeCellText } from '../sheet/escape';
import { Region, RegionAction, YearAmount, localPlanTitle, regionYears } from './schema';

export type SeedRecord = Record<string, Cell>;
export type Seed = Partial<Record<TabName, SeedRecord[]>>;

const INITIAL_STATUS: Status = 'Niet gestart';

export { OWNER_TO_BE_DECIDED };

/** `Notities` of a proposed meet-up: the documents give the rhythm, not the dates or the themes. */
export const MEETUP_ASSUMPTION = 'Voorgestelde datum en thema (aanname, niet uit de regioaanpak)';

/** Text from the region file goes into cells escaped: a file is input too. */
const textCell = (value: string | null | undefined): Cell => (value ? escapeCellText(value) : null);

const THURSDAY = 4;
const JULY = 6;
const AUGUST = 7;
const SEPTEMBER = 8;

/**
 * Proposed meet-up days of a year for a rhythm of `perYear`: the second Thursday of the middle month
 * of each of `perYear` equal parts of the year (4 a year: February, May, August, November). A meet-up
 * that would fall in July or August, the Dutch summer holidays, moves to September when September
 * has none (so 4 a year gives February, May, September, November). Users change the dates in the tab.
 */
export function meetupDays(year: number, perYear: number): Day[] {
  const months: number[] = [];
  for (let i = 0; i < perYear; i++) months.push(Math.floor(((i + 0.5) * 12) / perYear));
  for (let i = 0; i < months.length; i++) {
    if ((months[i] === JULY || months[i] === AUGUST) && !months.includes(SEPTEMBER)) months[i] = SEPTEMBER;
  }
  return months.map((month) => {
    const weekday = new Date(Date.UTC(year, month, 1)).getUTCDay();
    const firstThursday = 1 + ((THURSDAY - weekday + 7) % 7);
    return makeDay(year, month + 1, firstThursday + 7);
  });
}

/** Every `weeks` weeks from `from` up to the end of `lastYear`. */
export function everyWeeks(from: Day, weeks: number, lastYear: number): Day[] {
  const days: Day[] = [];
  for (let d = from; yearOf(d) <= lastYear; d = addDays(d, weeks * 7)) days.push(d);
  return days;
}

/** The proposed meet-up days of the region's period, from its rhythm; none without a rhythm. */
export function proposedMeetupDays(region: Region): Day[] {
  const rhythm = region.overleg.meetup?.ritme;
  const years = regionYears(region);
  if (!rhythm || !years.length) return [];
  if (rhythm.per_jaar) return years.flatMap((y) => meetupDays(y, rhythm.per_jaar!));
  if (rhythm.elke_weken && rhythm.vanaf) return everyWeeks(rhythm.vanaf, rhythm.elke_weken, years[years.length - 1]);
  return [];
}

interface SeedAction {
  line: string;
  municipality: string;
  title: string;
  owner: string;
  theme: string;
  deadline: Day | null;
  status: Status;
  budgetCode: string;
  note: string;
}

const joinNotes = (...parts: (string | undefined)[]) => parts.map((p) => p?.trim()).filter(Boolean).join(' ');
const assumption = (text: string | undefined) => (text ? `Aanname: ${text.replace(/\.$/, '')}.` : undefined);

function seedAction(a: RegionAction, municipality: string, owner: string): SeedAction {
  return {
    line: a.actielijn, municipality, title: a.actie, owner, theme: a.thema ?? '', deadline: a.deadline ?? null,
    status: a.status ?? INITIAL_STATUS, budgetCode: a.begrotingspost ?? '', note: joinNotes(assumption(a.aanname), a.toelichting),
  };
}

/**
 * Every action the region file names, in the order the `Acties` tab gets them: the regional actions,
 * then per municipality its share of the obligations followed by its own actions, so that each
 * municipality's rows form one block (one protection per municipality).
 */
export function regionActions(region: Region): SeedAction[] {
  const out: SeedAction[] = region.acties.regionaal.map((a) => seedAction(a, REGION_MUNICIPALITY, a.eigenaar ?? OWNER_TO_BE_DECIDED));
  const lokaal = new Map(Object.entries(region.acties.lokaal).map(([name, actions]) => [name.trim().toLowerCase(), actions]));
  for (const g of region.gemeenten) {
    for (const obligation of region.acties.per_gemeente) {
      // The document makes it each municipality's own task, so the municipality owns its row.
      const row = seedAction(obligation, g.naam, g.naam);
      const deviation = Object.entries(obligation.afwijkingen ?? {}).find(([name]) => name.trim().toLowerCase() === g.naam.trim().toLowerCase())?.[1];
      if (deviation?.status) row.status = deviation.status;
      if (deviation?.toelichting) row.note = joinNotes(row.note, deviation.toelichting);
      out.push(row);
    }
    for (const a of lokaal.get(g.naam.trim().toLowerCase()) ?? []) out.push(seedAction(a, g.naam, a.eigenaar ?? g.naam));
  }
  return out;
}

/** The themes the meet-ups rotate through, in the region file's order. */
export function regionThemes(region: Region): string[] {
  return region.themas.map((t) => t.naam);
}

/**
 * Network partners to invite for a theme, in the order of the region's list: those the region file
 * links to the theme, those that own one of the theme's actions, and those named in one.
 */
export function themePartners(region: Region, theme: string): string[] {
  const lower = (s: string) => s.trim().toLowerCase();
  const actions = regionActions(region).filter((a) => lower(a.theme) === lower(theme));
  return region.netwerkpartners
    .filter((p) =>
      (p.themas ?? []).some((t) => lower(t) === lower(theme)) ||
      actions.some((a) => lower(a.owner) === lower(p.naam) || lower(a.title).includes(lower(p.naam))))
    .map((p) => p.naam);
}

/** `Naam: maand, maand; Naam: maand`: the format of `Instellingen` › `Campagnes`. */
export function campaignsText(region: Region): string {
  return (region.overleg.campagnes ?? []).map((c) => `${c.naam}: ${c.maanden.join(', ')}`).join('; ');
}

/** The row's `Toelichting`: the assumption first, so nobody reads an assumed amount as a fact. */
function amountNote(amount: YearAmount | undefined, note: string | undefined): string {
  return joinNotes(assumption(amount?.aanname), note);
}

const pad3 = (n: number) => String(n).padStart(3, '0');

/**
 * The rows of a new workbook, from the region file only: records keyed by the contract's headers
 * (and its optional ones), days as midnight in the sheet's time zone, money in euros (the sheet's unit).
 */
export function seedRows(region: Region, timeZone: string): Seed {
  const years = regionYears(region);
  const { start, eind } = region.region.looptijd;
  const date = (day: Day | null): Cell => (day ? midnightIn(day, timeZone) : null);
  const list = (items: readonly string[]) => items.join(', ');

  const settings: SeedRecord[] = ([
    [SETTING.region, textCell(region.region.naam)],
    [SETTING.centre, textCell(region.region.centrumgemeente)],
    [SETTING.startYear, start],
    [SETTING.endYear, eind],
    [SETTING.referenceDate, null],
    [SETTING.warnThreshold, DEFAULT_WARN_THRESHOLD_BASIS_POINTS / 10000],
    [SETTING.projectLeader, null],
    [SETTING.controller, null],
    [SETTING.decisionBody, textCell(region.region.besluitvorming)],
    // Blank: the same body as Besluitvorming, until the region says who decides shifts and totals.
    [SETTING.shiftDecisionBody, null],
    [SETTING.programmeDecisionBody, null],
    [SETTING.surplusToReserve, NO],
    [SETTING.explanationThreshold, DEFAULT_EXPLANATION_THRESHOLD_CENTS / 100],
    [SETTING.explanationThresholdPercent, DEFAULT_EXPLANATION_THRESHOLD_BASIS_POINTS / 10000],
    [SETTING.contributors, textCell(list(region.dekking.bijdragende_gemeenten?.namen ?? []))],
    [SETTING.campaigns, textCell(campaignsText(region))],
    [SETTING.newsletter, textCell(region.overleg.nieuwsbrief?.tekst)],
    [SETTING.localPlan, textCell(localPlanTitle(region))],
    [SETTING.organiser, textCell(list(region.overleg.meetup?.organisator ?? []))],
    [SETTING.meetingName, textCell(region.overleg.meetup?.kort ?? region.overleg.meetup?.naam)],
    [SETTING.programmeName, textCell(region.region.programma_kort ?? region.region.programma)],
  ] as [string, Cell][]).map(([key, value]) => ({ Sleutel: key, Waarde: value }));

  const municipalities = region.gemeenten.map((g) => ({
    Gemeente: textCell(g.naam), Subregio: textCell(g.subregio), Editors: null, Bijzonderheden: textCell(joinNotes(g.bijzonderheden, assumption(g.aanname))),
  }));

  const actionLines = region.actielijnen.map((l) => ({
    Code: textCell(l.code), Actielijn: textCell(l.naam), 'Beoogd effect': textCell(l.beoogd_effect),
  }));

  const actions = regionActions(region).map((a, i) => ({
    ID: `A-${pad3(i + 1)}`,
    Actielijn: textCell(a.line),
    Gemeente: textCell(a.municipality),
    Actie: textCell(a.title),
    Eigenaar: textCell(a.owner),
    Thema: textCell(a.theme),
    Prioriteit: null,
    Deadline: date(a.deadline),
    Status: a.status,
    Begrotingspost: textCell(a.budgetCode),
    Geraamd: null,
    Toelichting: textCell(a.note),
    'Bijgewerkt op': null,
    'Bijgewerkt door': null,
  }));

  const budget = years.flatMap((year) =>
    region.begroting.posten.map((p) => {
      const amount = p.per_jaar.find((a) => a.jaar === year);
      return {
        Jaar: year, Code: textCell(p.code), Begrotingspost: textCell(p.naam), Raming: amount?.bedrag ?? 0, Karakter: p.karakter,
        Toelichting: textCell(amountNote(amount, p.toelichting)),
      };
    }),
  );

  const coverage = years.flatMap((year) =>
    region.dekking.bronnen.map((b) => {
      const amount = b.per_jaar.find((a) => a.jaar === year);
      return { Jaar: year, Bron: textCell(b.naam), Bedrag: amount?.bedrag ?? 0, Toelichting: textCell(amountNote(amount, b.toelichting)) };
    }),
  );

  const themes = regionThemes(region);
  const meetups = proposedMeetupDays(region).map((day, k) => {
    const theme = themes.length ? themes[k % themes.length] : '';
    return {
      Datum: date(day),
      Thema: textCell(theme),
      Netwerkpartners: textCell(theme ? themePartners(region, theme).join('; ') : ''),
      'Goede voorbeelden': null,
      Notities: MEETUP_ASSUMPTION,
    };
  });

  const indicators: SeedRecord[] = region.indicatoren.flatMap((s) =>
    Object.keys(s.waarden).sort().map((y) => ({
      Indicator: textCell(s.indicator),
      Gemeente: textCell(s.gemeente),
      Thema: textCell(s.thema),
      Jaar: Number(y),
      Waarde: s.waarden[y],
      'Gewenste richting': s.richting,
    })),
  );

  return {
    [TAB.settings]: settings,
    [TAB.municipalities]: municipalities,
    [TAB.actionLines]: actionLines,
    [TAB.actions]: actions,
    [TAB.budget]: budget,
    [TAB.coverage]: coverage,
    [TAB.ledger]: [],
    [TAB.meetups]: meetups,
    [TAB.indicators]: indicators,
  };
}
