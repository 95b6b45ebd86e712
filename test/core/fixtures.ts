/**
 * Small hand-made workbooks for the core tests. Rows are written as `header → value` records and
 * put into the contract's column order (or any order a test asks for), so each test shows only the
 * cells that matter to it. Amounts are given as Sheets gives them: numbers in euros, or text.
 */
import { Cell, Grid } from '../../src/core/sheet/cell';
import { runCheck } from '../../src/core/check';
import { CheckResult, LineFigures } from '../../src/core/check';
import { HEADERS, TAB, TabName, USER_TABS } from '../../src/core/workbook/contract';
import { ParseContext, WorkbookSnapshot } from '../../src/core/workbook/rowReader';
import { parseWorkbook } from '../../src/core/workbook/parse';

export type Row = Record<string, Cell>;

export const CONTEXT: ParseContext = { timeZone: 'Europe/Amsterdam', today: '2021-06-01' };

export interface WorkbookSpec {
  /** `Sleutel` → `Waarde`; merged over DEFAULT_SETTINGS (a value of undefined drops a key). */
  settings?: Record<string, Cell | undefined>;
  municipalities?: Row[];
  actionLines?: Row[];
  actions?: Row[];
  budget?: Row[];
  budgetChanges?: Row[];
  coverage?: Row[];
  ledger?: Row[];
  meetups?: Row[];
  indicators?: Row[];
  /** `Jaarafsluiting`: one row per year whose accounts were adopted. */
  yearClosings?: Row[];
  /** Column order per tab, for tests of shuffled and extra columns. */
  headers?: Partial<Record<TabName, string[]>>;
}

export const DEFAULT_SETTINGS: Record<string, Cell> = { Regio: 'Testregio', Centrumgemeente: 'Stad' };

/**
 * A grid with the header row first; cells for headers the row does not name stay blank. Row keys
 * match headers trimmed and case-insensitive, as the add-on reads them, so a test can mess up the
 * header row and keep its rows as they are.
 */
export function grid(headers: readonly string[], rows: Row[]): Grid {
  const norm = (h: string) => h.trim().toLowerCase();
  const normalised = headers.map(norm);
  return [
    [...headers],
    ...rows.map((row) => {
      const byHeader = new Map(Object.entries(row).map(([h, v]) => [norm(h), v]));
      for (const h of byHeader.keys()) if (!normalised.includes(h)) throw new Error(`fixture: unknown header ${h}`);
      return normalised.map((h) => (byHeader.has(h) ? byHeader.get(h)! : ''));
    }),
  ];
}

export function workbook(spec: WorkbookSpec = {}): WorkbookSnapshot {
  const settings = { ...DEFAULT_SETTINGS, ...spec.settings };
  const rows: Partial<Record<TabName, Row[]>> = {
    [TAB.settings]: Object.entries(settings).filter(([, v]) => v !== undefined).map(([Sleutel, Waarde]) => ({ Sleutel, Waarde: Waarde as Cell })),
    [TAB.municipalities]: spec.municipalities ?? [{ Gemeente: 'Stad' }, { Gemeente: 'Dorp' }],
    [TAB.actionLines]: spec.actionLines ?? [{ Code: 'AL1', Actielijn: 'Preventie' }, { Code: 'AL2', Actielijn: 'Expertise' }],
    [TAB.actions]: spec.actions ?? [],
    [TAB.budget]: spec.budget ?? [],
    [TAB.budgetChanges]: spec.budgetChanges ?? [],
    [TAB.coverage]: spec.coverage ?? [],
    [TAB.ledger]: spec.ledger ?? [],
    [TAB.meetups]: spec.meetups ?? [],
    [TAB.indicators]: spec.indicators ?? [],
    [TAB.yearClosing]: spec.yearClosings ?? [],
  };
  const snapshot: WorkbookSnapshot = {};
  for (const tab of USER_TABS) {
    const headers = spec.headers?.[tab] ?? [...HEADERS[tab]];
    snapshot[tab] = grid(headers, rows[tab] ?? []);
  }
  return snapshot;
}

/** A `Begroting` row; Raming in euros. */
export const line = (Jaar: number, Code: string, Raming: Cell, more: Row = {}): Row => ({ Jaar, Code, Begrotingspost: `Post ${Code}`, Raming, Karakter: 'Flexibel', ...more });

/** A regional `Acties` row on action line AL1, running, unless `more` says otherwise. */
export const action = (ID: string, more: Row = {}): Row => ({ ID, Actielijn: 'AL1', Gemeente: 'Regio', Actie: `Actie ${ID}`, Status: 'Loopt', ...more });

export const commitment = (ID: string, Jaar: number, Code: string, Bedrag: Cell, more: Row = {}): Row => ({ ID, Jaar, Code, Soort: 'Verplichting', Bedrag, ...more });

export const payment = (ID: string, Jaar: number, Code: string, Bedrag: Cell, more: Row = {}): Row => ({ ID, Jaar, Code, Soort: 'Realisatie', Bedrag, ...more });

export const coverage = (Jaar: number, Bedrag: Cell, Bron = 'DU VO circulaire'): Row => ({ Jaar, Bron, Bedrag });

export function check(spec: WorkbookSpec, context: ParseContext = CONTEXT): CheckResult {
  return runCheck(workbook(spec), context);
}

export function parse(spec: WorkbookSpec, context: ParseContext = CONTEXT) {
  return parseWorkbook(workbook(spec), context);
}

/** The figures of one line-year; fails the test when the line is not there. */
export function figures(result: Pick<CheckResult, 'years'>, year: number, code: string): LineFigures {
  const found = result.years.find((y) => y.year === year)?.lines.find((l) => l.code === code);
  if (!found) throw new Error(`no figures for ${code} ${year}`);
  return found;
}

/** Euros to cents, so expectations read like the sheet. */
export const eur = (amount: number): number => Math.round(amount * 100);
