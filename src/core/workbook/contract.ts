/**
 * The workbook contract (../shared/spec/werkboek.md): tab names, headers and the fixed vocabularies.
 * These are the product's user interface, not region data, so they live in code.
 */
export const TAB = {
  settings: 'Instellingen',
  municipalities: 'Gemeenten',
  actionLines: 'Actielijnen',
  actions: 'Acties',
  budget: 'Begroting',
  budgetChanges: 'Begrotingswijzigingen',
  coverage: 'Dekking',
  ledger: 'Mutaties',
  meetups: 'Meet-ups',
  indicators: 'Indicatoren',
  yearClosing: 'Jaarafsluiting',
  actionList: 'Actielijst',
  budgetCheck: 'Budgetcontrole',
  forecastHistory: 'Prognoseverloop',
  reserveHistory: 'Reserveverloop',
  reprioritisation: 'Herprioritering',
  checks: 'Controles',
  actionSignals: 'Actiesignalen',
  log: 'Logboek',
} as const;

export type TabName = (typeof TAB)[keyof typeof TAB];

export const HEADERS = {
  [TAB.settings]: ['Sleutel', 'Waarde'],
  [TAB.municipalities]: ['Gemeente', 'Subregio', 'Editors', 'Bijzonderheden'],
  [TAB.actionLines]: ['Code', 'Actielijn', 'Beoogd effect'],
  [TAB.actions]: ['ID', 'Actielijn', 'Gemeente', 'Actie', 'Eigenaar', 'Thema', 'Prioriteit', 'Deadline', 'Status', 'Begrotingspost', 'Geraamd', 'Toelichting', 'Bijgewerkt op', 'Bijgewerkt door', 'Oorspronkelijke deadline'],
  [TAB.budget]: ['Jaar', 'Code', 'Begrotingspost', 'Raming', 'Karakter', 'Toelichting'],
  [TAB.budgetChanges]: ['Datum', 'Jaar', 'Code', 'Bedrag', 'Besluit', 'Toelichting'],
  [TAB.coverage]: ['Jaar', 'Bron', 'Bedrag', 'Toelichting', 'Datum'],
  [TAB.ledger]: ['ID', 'Datum', 'Jaar', 'Code', 'Actie-ID', 'Soort', 'Bedrag', 'Verplichting-ID', 'Afgesloten', 'Omschrijving'],
  [TAB.meetups]: ['Datum', 'Thema', 'Netwerkpartners', 'Goede voorbeelden', 'Notities'],
  [TAB.indicators]: ['Indicator', 'Gemeente', 'Thema', 'Jaar', 'Waarde'],
  [TAB.yearClosing]: ['Jaar', 'Vastgesteld op', 'Besluit', 'Naar reserve', 'Toelichting'],
  [TAB.actionList]: ['Nr', 'Afspraak', 'Wie', 'Deadline', 'Status', 'Meet-up'],
  [TAB.budgetCheck]: [
    'Jaar', 'Code', 'Begrotingspost', 'Karakter', 'Primitief', 'Wijzigingen', 'Raming', 'Realisatie', 'Open verplichtingen', 'Besteed', 'Gepland', 'Niet belegd',
    'Prognose', 'Saldo', 'Uitputting', 'Signaal', 'Fase',
  ],
  [TAB.forecastHistory]: ['Peildatum', 'Jaar', 'Code', 'Raming', 'Besteed', 'Prognose', 'Saldo', 'Signaal'],
  [TAB.reserveHistory]: ['Jaar', 'Beginstand', 'Storting', 'Onttrekking', 'Eindstand', 'Besluit'],
  [TAB.reprioritisation]: ['Jaar', 'Code', 'Tekort', 'Voorstel', 'Actie-ID', 'Actie', 'Prioriteit', 'Vrij te maken', 'Toelichting'],
  [TAB.checks]: ['Tabblad', 'Rij', 'Kolom', 'Waarde', 'Probleem', 'Gevolg'],
  [TAB.actionSignals]: ['Signaal', 'Actie-ID', 'Gemeente', 'Actie', 'Eigenaar', 'Deadline', 'Status', 'Toelichting'],
  // `Keten` extends the contract: the hash chain that makes changes to earlier lines visible (core/logbook/chain.ts).
  [TAB.log]: ['Tijdstip', 'Gebruiker', 'Tabblad', 'Cel', 'Oud', 'Nieuw', 'Keten'],
} as const satisfies Record<TabName, readonly string[]>;

/** Tabs the users maintain, in the order a new workbook shows them. */
export const USER_TABS = [
  TAB.settings, TAB.municipalities, TAB.actionLines, TAB.actions, TAB.budget, TAB.budgetChanges, TAB.coverage, TAB.ledger, TAB.meetups, TAB.indicators,
  TAB.yearClosing, TAB.actionList,
] as const;
/**
 * Columns the contract names as optional: read when present, never required (contract: Meet-ups).
 * `Dekking › Datum` and `Acties › Oorspronkelijke deadline` are in HEADERS, so a new workbook and
 * `Werkboek inrichten` add them, but no parser requires them: an older workbook reads as before.
 */
export const OPTIONAL_HEADERS: Partial<Record<TabName, readonly string[]>> = {
  [TAB.meetups]: ['Tijd', 'Locatie', 'Voorzitter', 'Notulist'],
  [TAB.indicators]: ['Gewenste richting'],
};

/** `Indicatoren` › `Gewenste richting`: which way a figure counts as improvement (more advice requests is good). */
export const DIRECTIONS = ['meer', 'minder'] as const;
export type Direction = (typeof DIRECTIONS)[number];
/** A column older workbooks have instead of one the contract names now: `Begroting` › `Wettelijk` became `Karakter`. */
export const LEGACY_HEADERS: Partial<Record<TabName, readonly string[]>> = {
  [TAB.budget]: ['Wettelijk'],
};

/**
 * Tabs the add-on rewrites whole on every check. `Prognoseverloop` is rewritten whole too, but keeps
 * the rows of other Peildata (see History in the contract). `Logboek` is only ever appended to.
 */
export const GENERATED_TABS = [TAB.budgetCheck, TAB.reserveHistory, TAB.forecastHistory, TAB.reprioritisation, TAB.checks, TAB.actionSignals] as const;

export const SETTING = {
  region: 'Regio',
  centre: 'Centrumgemeente',
  startYear: 'Startjaar',
  endYear: 'Eindjaar',
  referenceDate: 'Peildatum',
  warnThreshold: 'Drempel let op',
  projectLeader: 'Projectleider',
  controller: 'Controller',
  /** Who decides on budget changes: named in proposals and the agenda. */
  decisionBody: 'Besluitvorming',
  /** Who decides a shift between lines within the programme total, and a deferral (blank: Besluitvorming). */
  shiftDecisionBody: 'Besluitvorming verschuiving',
  /** Who decides a change of the programme total or of the reserve (blank: Besluitvorming). */
  programmeDecisionBody: 'Besluitvorming programma',
  surplusToReserve: 'Overschot naar reserve',
  /** A berap deviation at or above this amount needs a written explanation (contract: The berap). */
  explanationThreshold: 'Drempel toelichting',
  /** ... or at or above this share of the Raming. */
  explanationThresholdPercent: 'Drempel toelichting %',
  /** Municipalities whose contribution follows the DU VO amount, consulted after a circulaire. */
  contributors: 'Bijdragende gemeenten',
  /** Region texts of the meet-up agenda: they live in the workbook, so one Code.js serves every region. */
  campaigns: 'Campagnes',
  newsletter: 'Nieuwsbrief',
  localPlan: 'Lokaal plan',
  organiser: 'Organisator',
  /** What the region calls its meet-up and its approach: the agenda and the mails use these, never fixed words. */
  meetingName: 'Overleg',
  programmeName: 'Programma',
} as const;

/** `Instellingen` key the demo adds (not a setting of the contract): the workbook holds fictional data. */
export const DEMO_SETTING = 'Demo';

/** How fictional data is marked: the demo starts every text it adds with this; test fixtures name it too. */
export const FICTIONAL_MARK = 'FICTIEF';

/** `Karakter` of a budget line: how its forecast behaves (contract: Prognose). */
export const CHARACTERS = ['Wettelijk', 'Vast', 'Flexibel'] as const;
export type Character = (typeof CHARACTERS)[number];

export const STATUSES = ['Niet gestart', 'Loopt', 'Afgerond', 'Uitgesteld', 'Geschrapt'] as const;
export type Status = (typeof STATUSES)[number];
/** Statuses whose remaining `Geraamd` is still expected to be spent: a deferred action still will be. */
export const OPEN_STATUSES: readonly Status[] = ['Niet gestart', 'Loopt', 'Uitgesteld'];

export const PRIORITIES = ['Hoog', 'Middel', 'Laag'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const LEDGER_KINDS = ['Verplichting', 'Realisatie'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** `Actielijst` › `Status`: what was agreed at a meet-up is open until it is done. */
export const ACTION_LIST_STATUSES = ['Open', 'Afgerond'] as const;

export const YES = 'Ja';
export const NO = 'Nee';
/** `Gemeente` value of an action owned by the region rather than one municipality. */
export const REGION_MUNICIPALITY = 'Regio';
/** `Eigenaar` of a regional action whose documents name no owner: visibly open, never invented. */
export const OWNER_TO_BE_DECIDED = `${REGION_MUNICIPALITY} (eigenaar te bepalen)`;

export const SIGNALS = ['Overschrijding', 'Dreigende overschrijding', 'Let op', 'OK'] as const;
export type Signal = (typeof SIGNALS)[number];
export type ProgrammeSignal = 'Tekort' | 'OK';

/** `Budgetcontrole › Fase`: where a year stands relative to the Peildatum (contract: The Peildatum and the years). */
export const PHASES = ['afgelopen', 'vastgesteld', 'lopend', 'toekomstig'] as const;
export type Phase = (typeof PHASES)[number];

/** `Controles › Gevolg`: an error leaves its row out, a warning is counted but worth a look. */
export const CONSEQUENCE = { error: 'niet meegeteld', warning: 'wel meegeteld' } as const;
export const NO_PROBLEMS = 'Geen problemen gevonden';

/** A `Dekking` row whose `Bron` starts with this is a decided draw on the reserve (contract: Reserve). */
export const RESERVE_DRAW_PREFIX = 'Onttrekking reserve';

/** `Budgetcontrole › Jaar` of the actions planned after the programme's last year. */
export const afterPeriodLabel = (endYear: number) => `Na ${endYear}`;

export const TOTAL_CODE = 'Totaal';
export const COVERAGE_CODE = 'Dekking';
export const RESERVE_CODE = 'Reserve';
export const RESULT_CODE = 'Resultaat';

/** Defaults the contract gives for blank settings. */
export const DEFAULT_WARN_THRESHOLD_BASIS_POINTS = 9000;
/** `Drempel toelichting`: € 50.000. */
export const DEFAULT_EXPLANATION_THRESHOLD_CENTS = 5_000_000;
/** `Drempel toelichting %`: 10%. */
export const DEFAULT_EXPLANATION_THRESHOLD_BASIS_POINTS = 1000;

export type ColumnFormat = 'money' | 'date' | 'datetime' | 'percent' | 'integer' | 'text';

/** A dropdown: fixed values, or the values of a column in another tab (kept live by the sheet). */
export type Dropdown = { values: readonly string[] } | { tab: TabName; header: string; extra?: readonly string[] };

/**
 * Conditional formatting, declared by header so an adapter can place it wherever the columns are now.
 * It only colours cells, never changes a value. Order matters: Sheets colours a cell by the first
 * rule that holds, so a rule on one column placed before a whole-row rule wins in that column.
 * `background` is a light colour on which black text keeps a contrast of at least 4.5:1.
 */
export type Highlight =
  /** The whole data row: `deadline` is filled in, before today, and `status` is none of `doneValues`. */
  | { kind: 'pastDeadline'; deadline: string; status: string; doneValues: readonly string[]; background: string }
  /** The cell of `header` when it holds `value` (case and surrounding spaces ignored, as the parser does). */
  | { kind: 'valueEquals'; header: string; value: string; background: string };

export interface TabLayout {
  headers: readonly string[];
  formats?: Readonly<Record<string, ColumnFormat>>;
  dropdowns?: Readonly<Record<string, Dropdown>>;
  highlights?: readonly Highlight[];
}

const yesNo: Dropdown = { values: [YES, NO] };

export const LAYOUT: Record<TabName, TabLayout> = {
  [TAB.settings]: { headers: HEADERS[TAB.settings] },
  [TAB.municipalities]: { headers: HEADERS[TAB.municipalities] },
  [TAB.actionLines]: { headers: HEADERS[TAB.actionLines] },
  [TAB.actions]: {
    headers: HEADERS[TAB.actions],
    formats: { Deadline: 'date', Geraamd: 'money', 'Bijgewerkt op': 'datetime', 'Oorspronkelijke deadline': 'date' },
    dropdowns: {
      Actielijn: { tab: TAB.actionLines, header: 'Code' },
      Gemeente: { tab: TAB.municipalities, header: 'Gemeente', extra: [REGION_MUNICIPALITY] },
      Prioriteit: { values: PRIORITIES },
      Status: { values: STATUSES },
      Begrotingspost: { tab: TAB.budget, header: 'Code' },
    },
    // Status colours first, so the Status cell of a late row still shows its status.
    highlights: [
      { kind: 'valueEquals', header: 'Status', value: 'Afgerond', background: '#d9ead3' },
      { kind: 'valueEquals', header: 'Status', value: 'Loopt', background: '#cfe2f3' },
      { kind: 'valueEquals', header: 'Status', value: 'Uitgesteld', background: '#fce5cd' },
      { kind: 'valueEquals', header: 'Status', value: 'Geschrapt', background: '#efefef' },
      // `Uitgesteld` stays open, as in Actiesignalen: a postponed action past its deadline needs a new one.
      { kind: 'pastDeadline', deadline: 'Deadline', status: 'Status', doneValues: ['Afgerond', 'Geschrapt'], background: '#f4cccc' },
    ],
  },
  [TAB.budget]: { headers: HEADERS[TAB.budget], formats: { Jaar: 'integer', Raming: 'money' }, dropdowns: { Karakter: { values: CHARACTERS } } },
  [TAB.budgetChanges]: {
    headers: HEADERS[TAB.budgetChanges],
    formats: { Datum: 'date', Jaar: 'integer', Bedrag: 'money' },
    dropdowns: { Code: { tab: TAB.budget, header: 'Code' } },
  },
  [TAB.coverage]: { headers: HEADERS[TAB.coverage], formats: { Jaar: 'integer', Bedrag: 'money', Datum: 'date' } },
  [TAB.ledger]: {
    headers: HEADERS[TAB.ledger],
    formats: { Datum: 'date', Jaar: 'integer', Bedrag: 'money' },
    dropdowns: { Code: { tab: TAB.budget, header: 'Code' }, Soort: { values: LEDGER_KINDS }, Afgesloten: yesNo },
  },
  [TAB.meetups]: { headers: HEADERS[TAB.meetups], formats: { Datum: 'date' } },
  [TAB.indicators]: { headers: HEADERS[TAB.indicators], formats: { Jaar: 'integer' } },
  [TAB.yearClosing]: { headers: HEADERS[TAB.yearClosing], formats: { Jaar: 'integer', 'Vastgesteld op': 'date', 'Naar reserve': 'money' } },
  [TAB.actionList]: {
    headers: HEADERS[TAB.actionList],
    formats: { Deadline: 'date', 'Meet-up': 'date' },
    dropdowns: { Status: { values: ACTION_LIST_STATUSES } },
  },
  [TAB.budgetCheck]: {
    headers: HEADERS[TAB.budgetCheck],
    formats: {
      Jaar: 'integer', Primitief: 'money', Wijzigingen: 'money', Raming: 'money', Realisatie: 'money', 'Open verplichtingen': 'money',
      Besteed: 'money', Gepland: 'money', 'Niet belegd': 'money', Prognose: 'money', Saldo: 'money', Uitputting: 'percent',
    },
  },
  [TAB.reserveHistory]: {
    headers: HEADERS[TAB.reserveHistory],
    formats: { Jaar: 'integer', Beginstand: 'money', Storting: 'money', Onttrekking: 'money', Eindstand: 'money' },
  },
  [TAB.forecastHistory]: {
    headers: HEADERS[TAB.forecastHistory],
    formats: { Peildatum: 'date', Jaar: 'integer', Raming: 'money', Besteed: 'money', Prognose: 'money', Saldo: 'money' },
  },
  [TAB.reprioritisation]: { headers: HEADERS[TAB.reprioritisation], formats: { Jaar: 'integer', Tekort: 'money', 'Vrij te maken': 'money' } },
  [TAB.checks]: { headers: HEADERS[TAB.checks], formats: { Rij: 'integer' } },
  // Deadline as a Date with a date format, so users can sort and filter on it.
  [TAB.actionSignals]: { headers: HEADERS[TAB.actionSignals], formats: { Deadline: 'date' } },
  [TAB.log]: { headers: HEADERS[TAB.log], formats: { Tijdstip: 'datetime' } },
};
