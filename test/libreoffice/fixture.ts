import * as fs from 'fs';
import * as path from 'path';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { localRuntime } from '../../src/adapters/local/runtime';
import { setupWorkbook } from '../../src/app/setup';
import { Cell } from '../../src/core/sheet/cell';
import { TAB, USER_TABS } from '../../src/core/workbook/contract';
import { defaultRegion } from '../../src/data/regions';
import { FodsCell, FodsDocument, FodsTable, FodsValue, buildFods, chartFrame, imageFrame } from './fods';
import { convert } from './libreoffice';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The user tabs of a freshly set-up default workbook, as grids. */
export function seededGrids(): Map<string, Cell[][]> {
  const wb = LocalWorkbook.create();
  setupWorkbook(localRuntime(wb, { today: '2024-10-01' }), defaultRegion());
  return new Map(USER_TABS.map((tab) => [tab, wb.readTab(tab) ?? []]));
}

/** Where the fixture's parts are, for the tests' hand calculations. */
export const FIXTURE = {
  /** Mutaties rows (1-based, as a user sees them) typed without ID. */
  ledgerRowsWithoutId: [3, 5],
  /** The Acties row typed without ID is the one after the seeded actions. */
  actionWithoutIdTitle: "Voorlichting 's avonds",
  comment: 'Nakijken: beschikking nog niet binnen',
  userDropdown: ['Subsidie', 'Inkoop'],
};

/**
 * The default region's workbook as a project leader keeps it in LibreOffice: seeded tabs plus
 * ledger rows (two without ID), a new action without ID, a chart on Begroting, an image on Acties,
 * a comment in Mutaties, the contract's dropdowns and a user's own, protected Begroting and
 * Dekking, a named range, and an old Budgetcontrole tab with a chart the user made on it.
 */
export function userWorkbook(): FodsDocument {
  const grids = seededGrids();
  const table = (tab: string, rows: (FodsValue | FodsCell)[][], extra: Partial<FodsTable> = {}): FodsTable => ({ name: tab, rows, ...extra });
  const grid = (tab: string) => (grids.get(tab) ?? []).map((row) => row.map((v) => (v === undefined ? null : v)) as FodsValue[]);

  const actions = grid(TAB.actions);
  const actionStatus = actions[0].indexOf('Status');
  const withStatusDropdown: (FodsValue | FodsCell)[][] = actions.map((row, r) => (r === 0 ? row : row.map((v, c) => (c === actionStatus ? { value: v, validation: 'status' } : v))));
  withStatusDropdown[0] = withStatusDropdown[0].map((v, c) => (c === 0 ? { value: v as FodsValue, frames: [imageFrame()] } : v));
  const newAction: FodsValue[] = [null, 'AL1', 'Tiel', FIXTURE.actionWithoutIdTitle, 'Piet', 'Voorlichting', 'Middel', day('2024-12-01'), 'Loopt', 'ACT', 2500, "'s-Hertogenbosch doet mee", null, null];

  const budgetGrid = grid(TAB.budget);
  const raming = budgetGrid[0].indexOf('Raming');
  const budgetValues = budgetGrid.slice(1, 7).map((r) => Number(r[raming]));
  const budget: (FodsValue | FodsCell)[][] = [budgetGrid[0].map((v, c) => (c === 0 ? { value: v, frames: [chartFrame('Begroting.D2:Begroting.D7', budgetValues)] } : v)), ...budgetGrid.slice(1)];

  const soort = (v: string) => ({ value: v, validation: 'soort' });
  const afgesloten = (v: string | null) => ({ value: v, validation: 'janee' });
  const eigen = (v: string | null) => ({ value: v, validation: 'eigen' });
  const ledger: (FodsValue | FodsCell)[][] = [
    ['ID', 'Datum', 'Jaar', 'Code', 'Actie-ID', 'Soort', 'Bedrag', 'Verplichting-ID', 'Afgesloten', 'Omschrijving', 'Eigen categorie'],
    [{ value: 'M-001', comment: FIXTURE.comment }, day('2024-01-15'), 2024, 'VT', null, soort('Verplichting'), 1_900_000, null, afgesloten(null), 'subsidiebeschikking Veilig Thuis', eigen('Subsidie')],
    [null, day('2024-03-01'), null, 'CSG', null, soort('Verplichting'), 130_000, null, afgesloten(null), 'opdracht CSG', eigen('Inkoop')],
    ['M-002', day('2024-06-28'), 2024, 'VT', null, soort('Realisatie'), 950_000, 'M-001', afgesloten(null), 'voorschot', eigen(null)],
    [null, day('2024-07-01'), 2024, 'CSG', null, soort('Realisatie'), 40_000, null, afgesloten('Nee'), "betaling 's avonds geboekt", eigen(null)],
  ];

  const budgetCheck: (FodsValue | FodsCell)[][] = [
    [{ value: 'Jaar', frames: [chartFrame('Budgetcontrole.D2:Budgetcontrole.D3', [1, 2], '14cm')] }, 'Code', 'Begrotingspost', 'Raming'],
    [2024, 'VT', 'oude regel', 1],
    [2024, 'MOV', 'oude regel', 2],
  ];

  return {
    validations: [
      { name: 'status', values: ['Niet gestart', 'Loopt', 'Afgerond', 'Uitgesteld', 'Geschrapt'], base: 'Acties.I2' },
      { name: 'soort', values: ['Verplichting', 'Realisatie'], base: 'Mutaties.F2' },
      { name: 'janee', values: ['Ja', 'Nee'], base: 'Mutaties.I2' },
      { name: 'eigen', values: FIXTURE.userDropdown, base: 'Mutaties.K2' },
    ],
    namedRanges: { Bedragen: '$Mutaties.$G$2:.$G$5' },
    tables: [
      table(TAB.settings, grid(TAB.settings)),
      table(TAB.municipalities, grid(TAB.municipalities)),
      table(TAB.actionLines, grid(TAB.actionLines)),
      table(TAB.actions, [...withStatusDropdown, [...newAction.slice(0, actionStatus), { value: 'Loopt', validation: 'status' }, ...newAction.slice(actionStatus + 1)]]),
      table(TAB.budget, budget, { protected: true }),
      table(TAB.coverage, grid(TAB.coverage), { protected: true }),
      table(TAB.ledger, ledger),
      table(TAB.meetups, grid(TAB.meetups)),
      table(TAB.indicators, grid(TAB.indicators)),
      table(TAB.budgetCheck, budgetCheck),
    ],
  };
}

/** Writes `doc` as .fods and lets LibreOffice save it as `<name>.xlsx` in `dir`. */
export function saveWithLibreOffice(doc: FodsDocument, dir: string, name: string): string {
  const fods = path.join(dir, `${name}.fods`);
  fs.writeFileSync(fods, buildFods(doc));
  return convert(fods, 'xlsx', dir);
}
