import { Cell, Grid, cellText, isBlank } from './sheet/cell';
import {
  CHARACTERS, Character, DIRECTIONS, Direction, DEFAULT_WARN_THRESHOLD_BASIS_POINTS, HEADERS, LEDGER_KINDS, LEGACY_HEADERS, LedgerKind, OPTIONAL_HEADERS, PRIORITIES, Priority,
  REGION_MUNICIPALITY, SETTING, STATUSES, Status, TAB, TabName, YES, NO,
} from './contract';
import { Day, cellTextIn, parseDay, timeOfDay, yearOf } from './values/dates';
import { Finding, Findings, SkippedTab } from './sheet/findings';
import { Cents, parseMoney } from './values/money';
import {
  Action, ActionLine, BudgetChange, BudgetLine, Campaign, CoverageEntry, Indicator, LedgerEntry, Meetup, Municipality, Programme, Settings,
} from './model';
import { MONTHS_NL } from './values/text';
import { maxOf, minOf, parseDutchNumber } from './values/numbers';
import { Table, TableRow, readTable } from './table';

/** The user tabs as read in one batch each; `null` for a tab that does not exist. */
export type WorkbookSnapshot = Partial<Record<TabName, Grid | null>>;

export interface ParseContext {
  /** The spreadsheet's time zone, to turn Date cells into calendar days. */
  timeZone: string;
  /** Today, used when `Peildatum` is blank. */
  today: Day;
  /** A reference date that wins over `Peildatum` (the CLI's `--peildatum`). */
  referenceDate?: Day;
}

export interface ParseResult {
  programme: Programme;
  findings: Finding[];
  /** Tabs whose rows were all left out for a missing required column. */
  skippedTabs: SkippedTab[];
  /** Every `Acties` ID in the sheet, readable row or not: references to them are not dangling. */
  knownActionIds: Set<string>;
}

const key = (text: string) => text.trim().toUpperCase();

/** A user's value inside a message: the cell itself is shown in `Waarde`, so a long one is cut here. */
const SHOWN_MAX = 80;
export function shown(text: string): string {
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX - 1)}…` : text;
}

/**
 * Reads one row's fields and collects what is wrong with it. A row with any problem in a field the
 * figures use is left out (`ok` false) and every problem is listed, so one pass shows the user all.
 */
class RowReader {
  ok = true;
  constructor(private readonly table: Table, readonly row: TableRow, private readonly findings: Findings, private readonly timeZone: string) {}

  problem(header: string, problem: string, value: Cell = this.row.get(header)): void {
    this.ok = false;
    this.findings.add({ tab: this.table.tab, row: this.row.rowNumber, column: this.row.where(header), value: cellTextIn(value, this.timeZone), problem });
  }

  /** A problem that does not leave the row out: the field falls back to its default. */
  warn(header: string, problem: string, value: Cell = this.row.get(header)): void {
    this.findings.add({ tab: this.table.tab, row: this.row.rowNumber, column: this.row.where(header), value: cellTextIn(value, this.timeZone), problem });
  }

  text(header: string): string {
    return cellText(this.row.get(header)).trim();
  }

  requiredText(header: string): string {
    const value = this.text(header);
    if (!value) this.problem(header, `${header} ontbreekt`);
    return value;
  }

  money(header: string, required: boolean): Cents | null {
    const read = parseMoney(this.row.get(header));
    if (read.kind === 'ok') return read.cents;
    if (read.kind === 'blank') {
      if (required) this.problem(header, `${header} ontbreekt`);
      return null;
    }
    this.problem(header, `${header}: ${read.problem}`);
    return null;
  }

  day(header: string, required: boolean): Day | null {
    const read = parseDay(this.row.get(header), this.timeZone);
    if (read.kind === 'ok') return read.day;
    if (read.kind === 'blank') {
      if (required) this.problem(header, `${header} ontbreekt`);
      return null;
    }
    this.problem(header, `${header}: ${read.problem}`);
    return null;
  }

  year(header: string, required: boolean): number | null {
    const cell = this.row.get(header);
    if (isBlank(cell)) {
      if (required) this.problem(header, `${header} ontbreekt`);
      return null;
    }
    const value = typeof cell === 'number' ? cell : typeof cell === 'string' && /^\s*\d{4}\s*$/.test(cell) ? Number(cell) : NaN;
    if (!Number.isInteger(value) || value < 1900 || value > 2199) {
      this.problem(header, `${header}: geen geldig jaartal`);
      return null;
    }
    return value;
  }

  number(header: string, required: boolean): number | null {
    const cell = this.row.get(header);
    if (isBlank(cell)) {
      if (required) this.problem(header, `${header} ontbreekt`);
      return null;
    }
    const value = parseDutchNumber(cell);
    if (value === null) this.problem(header, `${header}: geen getal`);
    return value;
  }

  /** Matches a vocabulary case-insensitively and returns the contract's spelling. */
  choice<T extends string>(header: string, values: readonly T[], required: boolean): T | null {
    const value = this.text(header);
    if (!value) {
      if (required) this.problem(header, `${header} ontbreekt`);
      return null;
    }
    const match = values.find((v) => v.toLowerCase() === value.toLowerCase());
    if (!match) this.problem(header, `${header} "${shown(value)}" is geen geldige keuze (${values.join(', ')})`);
    return match ?? null;
  }

  yesNo(header: string): boolean {
    const cell = this.row.get(header);
    if (typeof cell === 'boolean') return cell;
    const value = this.text(header).toLowerCase();
    if (!value || value === NO.toLowerCase()) return false;
    if (value === YES.toLowerCase()) return true;
    this.problem(header, `${header} moet ${YES} of ${NO} zijn`);
    return false;
  }
}

function rowsOf(snapshot: WorkbookSnapshot, tab: TabName, required: readonly string[], findings: Findings, timeZone: string): RowReader[] {
  const headers = [...HEADERS[tab], ...(OPTIONAL_HEADERS[tab] ?? []), ...(LEGACY_HEADERS[tab] ?? [])];
  const table = readTable(tab, snapshot[tab] ?? null, headers, required, findings, HEADERS[tab]);
  return table.rows.map((row) => new RowReader(table, row, findings, timeZone));
}

/** Reports every repeated value of a column (IDs, codes), keeping the first occurrence as the real one. */
function reportDuplicates(readers: RowReader[], header: string, what: string, findings: Findings, tab: string): Set<RowReader> {
  const seen = new Map<string, number>();
  const duplicates = new Set<RowReader>();
  for (const r of readers) {
    const value = r.text(header);
    if (!value) continue;
    const first = seen.get(key(value));
    if (first === undefined) {
      seen.set(key(value), r.row.rowNumber);
    } else {
      duplicates.add(r);
      findings.add({ tab, row: r.row.rowNumber, column: r.row.where(header), value, problem: `${what} ${shown(value)} komt vaker voor (eerst in rij ${first})` });
    }
  }
  return duplicates;
}

function parseSettings(snapshot: WorkbookSnapshot, findings: Findings, context: ParseContext, budgetYears: number[]): Settings {
  const readers = rowsOf(snapshot, TAB.settings, ['Sleutel', 'Waarde'], findings, context.timeZone);
  const byKey = new Map<string, RowReader>();
  for (const r of readers) {
    const k = r.text('Sleutel').toLowerCase();
    if (k && !byKey.has(k)) byKey.set(k, r);
  }
  const reader = (name: string) => byKey.get(name.toLowerCase());
  const text = (name: string) => reader(name)?.text('Waarde') ?? '';
  const year = (name: string, fallback: number) => reader(name)?.year('Waarde', false) ?? fallback;

  const thisYear = yearOf(context.today);
  const startYear = year(SETTING.startYear, budgetYears.length ? minOf(budgetYears, budgetYears[0]) : thisYear);
  const endYear = year(SETTING.endYear, budgetYears.length ? maxOf(budgetYears, budgetYears[0]) : thisYear);
  const referenceDate = context.referenceDate ?? reader(SETTING.referenceDate)?.day('Waarde', false) ?? context.today;

  let warnThresholdBasisPoints = DEFAULT_WARN_THRESHOLD_BASIS_POINTS;
  const thresholdReader = reader(SETTING.warnThreshold);
  if (thresholdReader && thresholdReader.text('Waarde')) {
    const raw = thresholdReader.text('Waarde').replace('%', '');
    const value = parseDutchNumber(typeof thresholdReader.row.get('Waarde') === 'number' ? (thresholdReader.row.get('Waarde') as number) : raw);
    // Sheets gives 0.9 for a 90% cell; users also type `90` or `90%`.
    const fraction = value === null ? null : value > 1 ? value / 100 : value;
    if (fraction === null || fraction <= 0 || fraction > 1) {
      thresholdReader.problem('Waarde', `${SETTING.warnThreshold}: geen percentage tussen 0 en 100; 90% wordt gebruikt`);
    } else {
      warnThresholdBasisPoints = Math.round(fraction * 10000);
    }
  }
  const reserveReader = reader(SETTING.surplusToReserve);
  const surplusToReserve = reserveReader ? reserveReader.yesNo('Waarde') : false;
  if (endYear < startYear) {
    findings.add({ tab: TAB.settings, row: reader(SETTING.endYear)?.row.rowNumber ?? 0, column: 'Waarde', value: String(endYear), problem: 'Eindjaar ligt voor Startjaar' });
  }
  return {
    region: text(SETTING.region),
    centre: text(SETTING.centre),
    startYear,
    endYear: Math.max(endYear, startYear),
    referenceDate,
    warnThresholdBasisPoints,
    projectLeader: text(SETTING.projectLeader).toLowerCase(),
    controller: text(SETTING.controller).toLowerCase(),
    decisionBody: text(SETTING.decisionBody),
    surplusToReserve,
    contributors: splitList(text(SETTING.contributors)),
    campaigns: parseCampaigns(reader(SETTING.campaigns)),
    newsletter: text(SETTING.newsletter),
    localPlanTitle: text(SETTING.localPlan),
    // Names may hold "en" (`Projectleider zorg en veiligheid`): only commas, semicolons and lines separate.
    organisers: text(SETTING.organiser).split(/[,;\n]+/).map((t) => t.trim()).filter(Boolean),
  };
}

/** A text the add-on wrote with a protective apostrophe reads back with it in some programs. */
const unescaped = (text: string) => text.replace(/^'(?=[=+\-@])/, '');

/**
 * `Campagnes`: `Naam: maand[, maand]; Naam: maand`, campaigns separated by `;` or a new line,
 * months by `,` or `en`. What cannot be read is listed in Controles and left out; the rest counts.
 */
function parseCampaigns(r: RowReader | undefined): Campaign[] {
  if (!r) return [];
  const campaigns: Campaign[] = [];
  for (const part of r.text('Waarde').split(/[;\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const colon = part.lastIndexOf(':');
    const name = unescaped(colon < 0 ? part : part.slice(0, colon).trim());
    if (colon < 0 || !name) {
      r.warn('Waarde', `${SETTING.campaigns}: "${shown(part)}" is niet te lezen; schrijf Naam: maand, maand (bijvoorbeeld Orange the World: november, december). Deze campagne telt niet mee`);
      continue;
    }
    const months: number[] = [];
    for (const word of part.slice(colon + 1).split(/\s*(?:,|\sen\s)\s*/).map((m) => m.trim().toLowerCase()).filter(Boolean)) {
      const month = MONTHS_NL.indexOf(word) + 1;
      if (month > 0) {
        if (!months.includes(month)) months.push(month);
      } else {
        r.warn('Waarde', `${SETTING.campaigns}: "${shown(word)}" bij ${shown(name)} is geen maand (${MONTHS_NL[0]} … ${MONTHS_NL[11]})`);
      }
    }
    if (months.length) campaigns.push({ name, months });
    else r.warn('Waarde', `${SETTING.campaigns}: ${shown(name)} heeft geen maand en telt niet mee`);
  }
  return campaigns;
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** A list typed in one cell: `Gennep, Maasdriel en Zaltbommel` or one per line. */
export function splitList(text: string): string[] {
  return text.split(/\s*(?:[,;\n]|\sen\s)\s*/).map((t) => t.trim()).filter(Boolean);
}

export function splitEditors(text: string): string[] {
  return text.split(/[,;\s]+/).map((e) => e.trim().toLowerCase()).filter(Boolean);
}

/**
 * Turns the user tabs into the domain model. Never throws on user input: what cannot be read or
 * points nowhere becomes a finding, and the row is left out of the figures.
 */
export function parseWorkbook(snapshot: WorkbookSnapshot, context: ParseContext): ParseResult {
  const findings = new Findings();
  const tz = context.timeZone;

  // Budget first: Startjaar and Eindjaar default to its years.
  const budgetReaders = rowsOf(snapshot, TAB.budget, ['Jaar', 'Code', 'Raming'], findings, tz);
  const budgetLines: BudgetLine[] = [];
  const lineYears = new Set<string>();
  for (const r of budgetReaders) {
    const year = r.year('Jaar', true);
    const code = r.requiredText('Code');
    const estimateCents = r.money('Raming', true);
    if (estimateCents !== null && estimateCents < 0) r.problem('Raming', 'Raming mag niet negatief zijn; een verlaging is een regel in Begrotingswijzigingen');
    const character = readCharacter(r);
    if (!r.ok || year === null || estimateCents === null) continue;
    const id = `${year}|${key(code)}`;
    if (lineYears.has(id)) {
      r.problem('Code', `Begrotingspost ${shown(code)} staat voor ${year} vaker in Begroting; alleen de eerste telt`);
      continue;
    }
    lineYears.add(id);
    budgetLines.push({ row: r.row.rowNumber, year, code, name: r.text('Begrotingspost'), estimateCents, character, note: r.text('Toelichting') });
  }
  const canonicalCode = new Map<string, string>();
  for (const line of budgetLines) if (!canonicalCode.has(key(line.code))) canonicalCode.set(key(line.code), line.code);

  const settings = parseSettings(snapshot, findings, context, budgetLines.map((l) => l.year));

  const municipalityReaders = rowsOf(snapshot, TAB.municipalities, ['Gemeente'], findings, tz);
  const duplicateMunicipalities = reportDuplicates(municipalityReaders, 'Gemeente', 'Gemeente', findings, TAB.municipalities);
  const municipalities: Municipality[] = [];
  for (const r of municipalityReaders) {
    const name = r.requiredText('Gemeente');
    if (!r.ok || duplicateMunicipalities.has(r)) continue;
    const editors = splitEditors(r.text('Editors'));
    for (const e of editors.filter((e) => !EMAIL.test(e))) {
      findings.add({ tab: TAB.municipalities, row: r.row.rowNumber, column: r.row.where('Editors'), value: e, problem: `"${shown(e)}" is geen e-mailadres` });
    }
    municipalities.push({ row: r.row.rowNumber, name, subregion: r.text('Subregio'), editors: editors.filter((e) => EMAIL.test(e)), notes: r.text('Bijzonderheden') });
  }
  const municipalityName = new Map(municipalities.map((m) => [key(m.name), m.name]));

  const lineReaders = rowsOf(snapshot, TAB.actionLines, ['Code'], findings, tz);
  const duplicateLines = reportDuplicates(lineReaders, 'Code', 'Actielijn', findings, TAB.actionLines);
  const actionLines: ActionLine[] = [];
  for (const r of lineReaders) {
    const code = r.requiredText('Code');
    if (!r.ok || duplicateLines.has(r)) continue;
    actionLines.push({ row: r.row.rowNumber, code, name: r.text('Actielijn'), effect: r.text('Beoogd effect') });
  }
  const lineCode = new Map(actionLines.map((l) => [key(l.code), l.code]));

  const actionReaders = rowsOf(snapshot, TAB.actions, ['ID', 'Actielijn', 'Gemeente', 'Actie', 'Status'], findings, tz);
  const duplicateActions = reportDuplicates(actionReaders, 'ID', 'ID', findings, TAB.actions);
  const knownActionIds = new Set(actionReaders.map((r) => key(r.text('ID'))).filter(Boolean));
  const actions: Action[] = [];
  for (const r of actionReaders) {
    const id = r.text('ID');
    const lineText = r.requiredText('Actielijn');
    const municipalityText = r.requiredText('Gemeente');
    const title = r.requiredText('Actie');
    const status = r.choice<Status>('Status', STATUSES, true);
    const priority = r.choice<Priority>('Prioriteit', PRIORITIES, false);
    const deadline = r.day('Deadline', false);
    const plannedCents = r.money('Geraamd', false);
    const budgetText = r.text('Begrotingspost');
    if (lineText && !lineCode.has(key(lineText))) r.problem('Actielijn', `Actielijn ${shown(lineText)} staat niet in Actielijnen`);
    const isRegion = key(municipalityText) === key(REGION_MUNICIPALITY);
    if (municipalityText && !isRegion && !municipalityName.has(key(municipalityText))) {
      r.problem('Gemeente', `Gemeente ${shown(municipalityText)} staat niet in Gemeenten (of gebruik ${REGION_MUNICIPALITY})`);
    }
    if (budgetText && !canonicalCode.has(key(budgetText))) r.problem('Begrotingspost', `Begrotingspost ${shown(budgetText)} staat niet in Begroting`);
    if (plannedCents !== null && plannedCents < 0) r.problem('Geraamd', 'Geraamd mag niet negatief zijn');
    // Geraamd counts in the deadline's year (no deadline: the period's last); without a budget line
    // for that year the amount would silently count nowhere.
    const pipelineYear = deadline ? yearOf(deadline) : settings.endYear;
    if (budgetText && canonicalCode.has(key(budgetText)) && plannedCents && !lineYears.has(`${pipelineYear}|${key(budgetText)}`)) {
      r.problem(deadline ? 'Deadline' : 'Begrotingspost', `Geraamd valt in ${pipelineYear}, maar Begroting heeft geen regel ${canonicalCode.get(key(budgetText))} voor ${pipelineYear}`);
    }
    if (!r.ok || duplicateActions.has(r) || status === null) continue;
    actions.push({
      row: r.row.rowNumber,
      id,
      lineCode: lineCode.get(key(lineText))!,
      municipality: isRegion ? REGION_MUNICIPALITY : municipalityName.get(key(municipalityText))!,
      title,
      owner: r.text('Eigenaar'),
      theme: r.text('Thema'),
      priority,
      deadline,
      status,
      budgetCode: budgetText ? canonicalCode.get(key(budgetText))! : null,
      plannedCents,
      note: r.text('Toelichting'),
      updatedOn: parseDay(r.row.get('Bijgewerkt op'), tz).kind === 'ok' ? (parseDay(r.row.get('Bijgewerkt op'), tz) as { day: Day }).day : null,
      updatedBy: r.text('Bijgewerkt door'),
    });
  }

  const budgetChanges = parseBudgetChanges(snapshot, findings, tz, canonicalCode, lineYears);

  const coverage: CoverageEntry[] = [];
  for (const r of rowsOf(snapshot, TAB.coverage, ['Jaar', 'Bedrag'], findings, tz)) {
    const year = r.year('Jaar', true);
    const amountCents = r.money('Bedrag', true);
    if (!r.ok || year === null || amountCents === null) continue;
    coverage.push({ row: r.row.rowNumber, year, source: r.text('Bron'), amountCents, note: r.text('Toelichting') });
  }

  const ledger = parseLedger(snapshot, findings, tz, canonicalCode, lineYears, knownActionIds);
  const meetups = parseMeetups(snapshot, findings, tz);
  const indicators = parseIndicators(snapshot, findings, tz, municipalityName);

  return {
    programme: { settings, municipalities, actionLines, actions, budgetLines, budgetChanges, coverage, ledger, meetups, indicators },
    findings: findings.list,
    skippedTabs: findings.skipped,
    knownActionIds,
  };
}

/**
 * `Karakter`, or for a sheet from before it existed the old `Wettelijk` column: `Ja` is `Wettelijk`,
 * anything else `Flexibel`. A blank `Karakter` reads the same way (contract: Begroting).
 */
function readCharacter(r: RowReader): Character {
  const typed = r.text('Karakter');
  const chosen = CHARACTERS.find((c) => c.toLowerCase() === typed.toLowerCase());
  if (chosen) return chosen;
  const fallback: Character = r.row.has('Wettelijk') && r.yesNo('Wettelijk') ? 'Wettelijk' : 'Flexibel';
  // Leaving the line out would drop its raming and orphan its mutations; it counts with the fallback.
  if (typed) r.warn('Karakter', `Karakter "${shown(typed)}" is geen geldige keuze (${CHARACTERS.join(', ')}); de regel telt als ${fallback}`);
  return fallback;
}

/** `Begrotingswijzigingen`: decided changes per line-year; one that points at no line-year counts nowhere, so it is listed. */
function parseBudgetChanges(snapshot: WorkbookSnapshot, findings: Findings, tz: string, canonicalCode: Map<string, string>, lineYears: Set<string>): BudgetChange[] {
  // An older workbook has no such tab yet: nothing was decided, and `Werkboek inrichten` adds it.
  if (!snapshot[TAB.budgetChanges]) return [];
  const changes: BudgetChange[] = [];
  for (const r of rowsOf(snapshot, TAB.budgetChanges, ['Jaar', 'Code', 'Bedrag'], findings, tz)) {
    const date = r.day('Datum', false);
    const year = r.year('Jaar', true);
    const codeText = r.requiredText('Code');
    const amountCents = r.money('Bedrag', true);
    const code = canonicalCode.get(key(codeText));
    if (codeText && !code) r.problem('Code', `Begrotingspost ${shown(codeText)} staat niet in Begroting`);
    else if (code && year !== null && !lineYears.has(`${year}|${key(code)}`)) r.problem('Code', `Begroting heeft geen regel ${code} voor ${year}`);
    if (!r.ok || year === null || amountCents === null || !code) continue;
    changes.push({ row: r.row.rowNumber, date, year, code, amountCents, decision: r.text('Besluit'), note: r.text('Toelichting') });
  }
  return changes;
}

function parseLedger(
  snapshot: WorkbookSnapshot, findings: Findings, tz: string, canonicalCode: Map<string, string>, lineYears: Set<string>, knownActionIds: Set<string>,
): LedgerEntry[] {
  const readers = rowsOf(snapshot, TAB.ledger, ['Code', 'Soort', 'Bedrag'], findings, tz);
  const duplicates = reportDuplicates(readers, 'ID', 'ID', findings, TAB.ledger);
  // Commitments are known by ID before any realisation is read: a payment may sit above its order.
  const commitmentIds = new Set<string>();
  const otherIds = new Set<string>();
  for (const r of readers) {
    const id = key(r.text('ID'));
    if (!id || duplicates.has(r)) continue;
    const kind = LEDGER_KINDS.find((k) => k.toLowerCase() === r.text('Soort').toLowerCase());
    (kind === 'Verplichting' ? commitmentIds : otherIds).add(id);
  }
  const entries: LedgerEntry[] = [];
  for (const r of readers) {
    const id = r.text('ID');
    const date = r.day('Datum', false);
    const explicitYear = r.year('Jaar', false);
    const codeText = r.requiredText('Code');
    const kind = r.choice<LedgerKind>('Soort', LEDGER_KINDS, true);
    const amountCents = r.money('Bedrag', true);
    const actionText = r.text('Actie-ID');
    const commitmentText = r.text('Verplichting-ID');
    const closed = r.yesNo('Afgesloten');
    const year = explicitYear ?? (date ? yearOf(date) : null);
    if (year === null && r.ok) r.problem('Jaar', 'Jaar en Datum ontbreken beide; vul er een in');
    const code = canonicalCode.get(key(codeText));
    if (codeText && !code) r.problem('Code', `Begrotingspost ${shown(codeText)} staat niet in Begroting`);
    else if (code && year !== null && !lineYears.has(`${year}|${key(code)}`)) r.problem('Code', `Begroting heeft geen regel ${code} voor ${year}`);
    if (actionText && !knownActionIds.has(key(actionText))) r.problem('Actie-ID', `Actie ${shown(actionText)} staat niet in Acties`);
    if (commitmentText) {
      if (kind === 'Verplichting') r.problem('Verplichting-ID', 'Alleen een Realisatie kan een verplichting aflossen');
      else if (!commitmentIds.has(key(commitmentText))) {
        r.problem('Verplichting-ID', otherIds.has(key(commitmentText)) ? `${shown(commitmentText)} is geen Verplichting` : `Verplichting ${shown(commitmentText)} staat niet in Mutaties`);
      }
    }
    if (closed && kind === 'Realisatie') r.problem('Afgesloten', 'Afgesloten geldt alleen voor een Verplichting');
    if (kind === 'Verplichting' && amountCents !== null && amountCents < 0) {
      r.problem('Bedrag', 'Een Verplichting mag niet negatief zijn; zet Afgesloten op Ja om wat over is vrij te geven');
    }
    if (!r.ok || kind === null || amountCents === null || year === null || !code) continue;
    entries.push({
      row: r.row.rowNumber,
      id: duplicates.has(r) ? '' : id,
      date,
      year,
      code,
      actionId: actionText || null,
      kind,
      amountCents,
      commitmentId: commitmentText || null,
      closed,
      description: r.text('Omschrijving'),
    });
  }
  return entries;
}

function parseMeetups(snapshot: WorkbookSnapshot, findings: Findings, tz: string): Meetup[] {
  const meetups: Meetup[] = [];
  for (const r of rowsOf(snapshot, TAB.meetups, ['Datum'], findings, tz)) {
    const date = r.day('Datum', true);
    if (!r.ok || date === null) continue;
    meetups.push({
      row: r.row.rowNumber,
      date,
      theme: r.text('Thema'),
      partners: r.text('Netwerkpartners').split(/[;\n]+/).map((p) => p.trim()).filter(Boolean),
      goodExamples: r.text('Goede voorbeelden'),
      notes: r.text('Notities'),
      time: timeText(r.row.get('Tijd'), tz),
      place: r.text('Locatie'),
      chair: r.text('Voorzitter'),
      minuteTaker: r.text('Notulist'),
    });
  }
  return meetups.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
}

/** `Tijd` as typed (`13.30-16.00 uur`), or a time cell (Sheets: a Date on 30-12-1899; a fraction of a day) as `13:30`. */
function timeText(cell: Cell, tz: string): string {
  if (cell instanceof Date) return isNaN(cell.getTime()) ? '' : timeOfDay(cell, tz);
  if (typeof cell === 'number' && cell >= 0 && cell < 1) {
    const minutes = Math.round(cell * 24 * 60);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  return cellText(cell).trim();
}

function parseIndicators(snapshot: WorkbookSnapshot, findings: Findings, tz: string, municipalityName: Map<string, string>): Indicator[] {
  const indicators: Indicator[] = [];
  for (const r of rowsOf(snapshot, TAB.indicators, ['Indicator', 'Jaar', 'Waarde'], findings, tz)) {
    const indicator = r.requiredText('Indicator');
    const year = r.year('Jaar', true);
    const value = r.number('Waarde', true);
    const place = r.text('Gemeente');
    const direction = r.choice<Direction>('Gewenste richting', DIRECTIONS, false);
    const isRegion = !place || key(place) === key(REGION_MUNICIPALITY);
    if (!isRegion && !municipalityName.has(key(place))) r.problem('Gemeente', `Gemeente ${shown(place)} staat niet in Gemeenten (of gebruik ${REGION_MUNICIPALITY})`);
    if (!r.ok || year === null || value === null) continue;
    indicators.push({ row: r.row.rowNumber, indicator, municipality: isRegion ? REGION_MUNICIPALITY : municipalityName.get(key(place))!, theme: r.text('Thema'), year, value, direction });
  }
  return indicators;
}

/** Canonical comparison key for IDs and codes typed by hand (`vt`, ` A-001 `). */
export const idKey = key;
