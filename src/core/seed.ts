import { Cell } from './cell';
import { DEFAULT_WARN_THRESHOLD_BASIS_POINTS, NO, REGION_MUNICIPALITY, SETTING, TAB, TabName } from './contract';
import { Day, makeDay, midnightIn } from './dates';
import { escapeCellText } from './escape';
import { Region, localActions, municipalIndicatorSeries, regionalIndicators } from './region';

export type SeedRecord = Record<string, Cell>;
export type Seed = Partial<Record<TabName, SeedRecord[]>>;

const INITIAL_STATUS = 'Niet gestart';

/** Text from the region file goes into cells escaped: a file is input too. */
const textCell = (value: string | null | undefined): Cell => (value ? escapeCellText(value) : null);

/** The built-in rhythm until the region file carries its own. */
const MEETUPS_PER_YEAR = 4;
const THURSDAY = 4;
const JULY = 6;
const AUGUST = 7;
const SEPTEMBER = 8;

/**
 * The default meet-up days of a year: the second Thursday of the middle month of each of
 * `perYear` equal parts of the year (4 a year: February, May, August, November). A meet-up that
 * would fall in July or August, the Dutch summer holidays, moves to September when September has
 * none (so 4 a year gives February, May, September, November). Users change the dates in the tab.
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

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface SeedAction {
  line: string;
  municipality: string;
  title: string;
  owner: string;
  theme: string;
  deadline: Day | null;
  budgetCode: string;
  note: string;
}

/** Every action the region file names, in the order the `Acties` tab gets them. */
function regionActions(region: Region): SeedAction[] {
  const out: SeedAction[] = [];
  for (const a of region.regionale_acties ?? []) {
    out.push({
      line: a.actielijn, municipality: REGION_MUNICIPALITY, title: a.actie, owner: a.eigenaar ?? '', theme: a.thema ?? '',
      deadline: a.deadline ?? null, budgetCode: a.begrotingspost ?? '', note: a.toelichting ?? '',
    });
  }
  // Organisation actions (the local plans, the evaluation) name no action line in the region file;
  // they organise the whole approach, so they go under the region's first action line unless the
  // file names one. Users can move them.
  const firstLine = region.actielijnen[0].code;
  for (const a of region.organisatie_acties ?? []) {
    const common = {
      line: a.actielijn ?? firstLine, title: a.actie, theme: a.thema ?? '', deadline: a.deadline ?? null,
      budgetCode: a.begrotingspost ?? '', note: a.toelichting ?? a.bron ?? '',
    };
    if (a.per_gemeente) {
      // One row per municipality, owned by that municipality: each ticks off its own plan.
      for (const g of region.gemeenten) out.push({ ...common, municipality: g.naam, owner: a.eigenaar ?? g.naam });
    } else {
      out.push({ ...common, municipality: REGION_MUNICIPALITY, owner: a.eigenaar ?? '' });
    }
  }
  for (const { municipality, actions } of localActions(region)) {
    for (const a of actions) {
      out.push({
        line: a.actielijn, municipality, title: a.actie, owner: a.eigenaar ?? municipality, theme: a.thema ?? '',
        deadline: a.deadline ?? null, budgetCode: a.begrotingspost ?? '', note: a.toelichting ?? '',
      });
    }
  }
  return out;
}

/** The themes of the region's actions and indicator series, sorted: the meet-ups rotate through them. */
export function regionThemes(region: Region): string[] {
  const themes = new Set<string>();
  for (const a of regionActions(region)) if (a.theme.trim()) themes.add(a.theme.trim());
  for (const { series } of municipalIndicatorSeries(region)) for (const s of series) if (s.thema?.trim()) themes.add(s.thema.trim());
  return [...themes].sort(byText);
}

/**
 * Network partners to invite for a theme: those from the region's list that own one of the theme's
 * actions, or are named in one, in the order of the region's list.
 */
export function themePartners(region: Region, theme: string): string[] {
  const actions = regionActions(region).filter((a) => a.theme.trim() === theme);
  const lower = (s: string) => s.toLowerCase();
  return (region.netwerkpartners ?? []).filter((p) =>
    actions.some((a) => lower(a.owner) === lower(p) || lower(a.title).includes(lower(p))),
  );
}

const pad3 = (n: number) => String(n).padStart(3, '0');

/**
 * The rows of a new workbook, from the region file only: records keyed by the contract's headers,
 * days as midnight in the sheet's time zone, money in euros (the sheet's unit).
 */
export function seedRows(region: Region, timeZone: string): Seed {
  const { start, eind } = region.region.looptijd;
  const years: number[] = [];
  for (let y = start; y <= eind; y++) years.push(y);
  const date = (day: Day | null): Cell => (day ? midnightIn(day, timeZone) : null);

  const settings: SeedRecord[] = [
    [SETTING.region, textCell(region.region.naam)],
    [SETTING.centre, textCell(region.region.centrumgemeente)],
    [SETTING.startYear, start],
    [SETTING.endYear, eind],
    [SETTING.referenceDate, null],
    [SETTING.warnThreshold, DEFAULT_WARN_THRESHOLD_BASIS_POINTS / 10000],
    [SETTING.projectLeader, null],
    [SETTING.controller, null],
    [SETTING.decisionBody, textCell(region.region.besluitvorming)],
    [SETTING.surplusToReserve, NO],
  ].map(([key, value]) => ({ Sleutel: key as string, Waarde: value as Cell }));

  const municipalities = region.gemeenten.map((g) => ({
    Gemeente: textCell(g.naam), Subregio: textCell(g.subregio), Editors: null, Bijzonderheden: textCell(g.bijzonderheden),
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
    Status: INITIAL_STATUS,
    Begrotingspost: textCell(a.budgetCode),
    Geraamd: null,
    Toelichting: textCell(a.note),
    'Bijgewerkt op': null,
    'Bijgewerkt door': null,
  }));

  const budget = years.flatMap((year) =>
    region.begroting.posten.map((p) => ({
      Jaar: year, Code: textCell(p.code), Begrotingspost: textCell(p.naam), Raming: p.raming, Karakter: p.karakter, Toelichting: textCell(p.toelichting),
    })),
  );

  const coverage = years.flatMap((year) =>
    region.dekking.bronnen.map((b) => ({ Jaar: year, Bron: textCell(b.bron), Bedrag: b.bedrag, Toelichting: textCell(b.toelichting) })),
  );

  const themes = regionThemes(region);
  const meetups = years
    .flatMap((year) => meetupDays(year, MEETUPS_PER_YEAR))
    .map((day, k) => {
      const theme = themes.length ? themes[k % themes.length] : '';
      return {
        Datum: date(day),
        Thema: textCell(theme),
        Netwerkpartners: textCell(theme ? themePartners(region, theme).join('; ') : ''),
        'Goede voorbeelden': null,
        Notities: null,
      };
    });

  const seriesSets = municipalIndicatorSeries(region);
  const themeOfIndicator = new Map<string, string>();
  for (const { series } of seriesSets) {
    for (const s of series) if (s.thema && !themeOfIndicator.has(s.indicator.toLowerCase())) themeOfIndicator.set(s.indicator.toLowerCase(), s.thema);
  }
  const indicators: SeedRecord[] = [];
  for (const { municipality, series } of seriesSets) {
    for (const s of series) {
      for (const y of Object.keys(s.waarden).sort()) {
        indicators.push({ Indicator: textCell(s.indicator), Gemeente: textCell(municipality), Thema: textCell(s.thema), Jaar: Number(y), Waarde: s.waarden[y] });
      }
    }
  }
  for (const { year, values } of regionalIndicators(region)) {
    for (const [name, value] of Object.entries(values)) {
      indicators.push({ Indicator: textCell(name), Gemeente: REGION_MUNICIPALITY, Thema: textCell(themeOfIndicator.get(name.toLowerCase())), Jaar: year, Waarde: value });
    }
  }

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
