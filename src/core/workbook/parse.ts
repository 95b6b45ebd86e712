import { Findings, Finding, SkippedTab } from '../sheet/findings';
import { Programme } from './model';
import { ParseContext, WorkbookSnapshot } from './rowReader';
import { parseActionLines } from './tabs/actionLines';
import { parseActionList } from './tabs/actionList';
import { parseActions } from './tabs/actions';
import { parseBudget } from './tabs/budget';
import { parseBudgetChanges } from './tabs/budgetChanges';
import { parseCoverage } from './tabs/coverage';
import { parseIndicators } from './tabs/indicators';
import { parseLedger } from './tabs/ledger';
import { parseMeetups } from './tabs/meetups';
import { parseMunicipalities } from './tabs/municipalities';
import { parseSettings } from './tabs/settings';
import { parseYearClosings } from './tabs/yearClosing';
import { AsOfPeildatum } from './asOf';

export interface ParseResult {
  programme: Programme;
  findings: Finding[];
  /** Tabs whose rows were all left out for a missing required column. */
  skippedTabs: SkippedTab[];
  /** Every `Acties` ID in the sheet, readable row or not: references to them are not dangling. */
  knownActionIds: Set<string>;
  /** Dated rows of Mutaties, Begrotingswijzigingen and Dekking left out for lying after the Peildatum. */
  rowsAfterReferenceDate: number;
}

/**
 * Turns the user tabs into the domain model, one tab parser each (./tabs/), in the order their
 * references need: a tab is read after the tabs it points into. Never throws on user input: what
 * cannot be read or points nowhere becomes a finding, and the row is left out of the figures.
 */
export function parseWorkbook(snapshot: WorkbookSnapshot, context: ParseContext): ParseResult {
  const findings = new Findings();
  const tz = context.timeZone;
  // Budget first: Startjaar and Eindjaar default to its years.
  const { budgetLines, canonicalCode, lineYears } = parseBudget(snapshot, findings, tz);
  const settings = parseSettings(snapshot, findings, context, budgetLines.map((l) => l.year));
  const yearClosings = parseYearClosings(snapshot, findings, tz, settings.referenceDate, new Set(budgetLines.map((l) => l.year)));
  const asOf = new AsOfPeildatum(settings.referenceDate, new Map(yearClosings.map((c) => [c.year, c.adoptedOn])));
  const { municipalities, municipalityName } = parseMunicipalities(snapshot, findings, tz);
  const { actionLines, lineCode } = parseActionLines(snapshot, findings, tz);
  const { actions, knownActionIds } = parseActions(snapshot, findings, tz, { settings, lineCode, municipalityName, canonicalCode, lineYears });
  const budgetChanges = parseBudgetChanges(snapshot, findings, tz, canonicalCode, lineYears, asOf);
  const coverage = parseCoverage(snapshot, findings, tz, asOf);
  const ledger = parseLedger(snapshot, findings, tz, canonicalCode, lineYears, knownActionIds, asOf);
  const meetups = parseMeetups(snapshot, findings, tz);
  const indicators = parseIndicators(snapshot, findings, tz, municipalityName);
  const actionList = parseActionList(snapshot, findings, tz);
  return {
    programme: { settings, municipalities, actionLines, actions, budgetLines, budgetChanges, coverage, ledger, meetups, indicators, yearClosings, actionList },
    findings: findings.list,
    skippedTabs: findings.skipped,
    knownActionIds,
    rowsAfterReferenceDate: asOf.laterRows,
  };
}
