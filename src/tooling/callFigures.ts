/**
 * Service calls per user action, counted through the SpreadsheetApp fake: what a user waits for in
 * Apps Script, where each call costs 10 to 100 ms. Shared by `npm run bench` and
 * test/server/callBudgets.test.ts, so the printed figures are the asserted ones.
 */
import { TAB } from '../core/workbook/contract';
import { applyProtections, generateBerap, getSidebar, installEditTrigger, onEditInstalled, runBudgetCheck } from '../server/index';
import { installDriveFake } from '../../test/fakes/driveAdvanced';
import { FakeHandles, __sortRows } from '../../test/fakes/spreadsheetApp';
import { BENCH_CONTROLLER, BENCH_LEADER, PROTECTION_ACTIONS, workbookWithActions, workbookWithLedger } from './benchWorkbooks';

/** What a service call costs in Apps Script, roughly (10 to 100 ms). */
export const MS_PER_CALL = 50;

export interface CallFigure {
  action: string;
  calls: number;
  breakdown: Record<string, number>;
  /** Tabs in the workbook, hidden ones included: what "once per sheet" is measured against. */
  sheets: number;
}

function counted(fakes: FakeHandles, action: string, run: () => unknown): CallFigure {
  fakes.counter.reset();
  run();
  return { action, calls: fakes.counter.total, breakdown: fakes.counter.breakdown(), sheets: fakes.spreadsheet.sheets.length };
}

/** The budget check in its steady state (generated tabs exist) at `rows` ledger rows. */
export function budgetCheckCalls(rows: number): CallFigure {
  const fakes = workbookWithLedger(rows);
  try {
    return counted(fakes, `budget check, ${rows.toLocaleString('en-US')} ledger rows`, () => runBudgetCheck());
  } finally {
    fakes.uninstall();
  }
}

/**
 * `Berap maken` at `rows` ledger rows (the bench's Peildatum 30-06-2023): the first time (a new tab,
 * its protection, chart and Doc) and made again (tab, protection and Doc in place). With the Drive
 * advanced service the manifest enables, as the agenda's Doc.
 */
export function berapCalls(rows = 2_000): { first: CallFigure; again: CallFigure } {
  const fakes = workbookWithLedger(rows);
  const drive = installDriveFake({ counter: fakes.counter });
  try {
    const label = `Berap maken, ${rows.toLocaleString('en-US')} ledger rows`;
    const first = counted(fakes, `${label}, the first time`, () => generateBerap('2023-06-30'));
    const again = counted(fakes, `${label}, made again`, () => generateBerap('2023-06-30'));
    return { first, again };
  } finally {
    drive.uninstall();
    fakes.uninstall();
  }
}

/** `getSidebar` for each role: project leader, controller, an official, someone without a role. */
export function sidebarCalls(): CallFigure[] {
  const { fakes, official } = workbookWithActions('sorted');
  try {
    runBudgetCheck();
    const roles: [string, string][] = [['project leader', BENCH_LEADER], ['controller', BENCH_CONTROLLER], ['official', official], ['no role', 'iemand@elders.invalid']];
    return roles.map(([role, email]) => {
      fakes.__setUser(email);
      return counted(fakes, `opening the sidebar (getSidebar), ${role}`, () => getSidebar());
    });
  } finally {
    fakes.uninstall();
  }
}

/**
 * `Rechten per gemeente toepassen` at 500 actions sorted by municipality: the first time, again
 * over the same rows, and again after the rows were sorted the other way round (every municipality's
 * rows moved, so each of its protections is replaced).
 */
export function protectionCalls(): { first: CallFigure; again: CallFigure; moved: CallFigure } {
  const { fakes } = workbookWithActions('sorted');
  try {
    const first = counted(fakes, `applyProtections, ${PROTECTION_ACTIONS} sorted actions, the first time`, () => applyProtections());
    const again = counted(fakes, `applyProtections, ${PROTECTION_ACTIONS} sorted actions, again (nothing moved)`, () => applyProtections());
    fakes.counter.uncounted(() => {
      const sheet = fakes.spreadsheet.getSheetByName(TAB.actions)!;
      const column = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as unknown[]).indexOf('Gemeente');
      __sortRows(sheet, (a, b) => String(b[column]).localeCompare(String(a[column])));
    });
    const moved = counted(fakes, `applyProtections, ${PROTECTION_ACTIONS} sorted actions, replacing its own (rows moved)`, () => applyProtections());
    return { first, again, moved };
  } finally {
    fakes.uninstall();
  }
}

/** One official's edit of Status in their own row, through the installed trigger. */
export function editCalls(): CallFigure {
  const { fakes, official } = workbookWithActions('sorted');
  try {
    applyProtections();
    installEditTrigger();
    const range = fakes.counter.uncounted(() => fakes.spreadsheet.getSheetByName(TAB.actions)!.getRange('I2'));
    fakes.counter.uncounted(() => range.setValue('Afgerond'));
    fakes.__setUser(official, BENCH_LEADER);
    const user = fakes.counter.uncounted(() => fakes.Session.getActiveUser());
    const e = { range, source: fakes.spreadsheet, user, value: 'Afgerond', oldValue: 'Loopt' };
    return counted(fakes, 'one edit by an official, through the trigger', () => onEditInstalled(e as never));
  } finally {
    fakes.uninstall();
  }
}

export function allCallFigures(): CallFigure[] {
  const rights = protectionCalls();
  const berap = berapCalls();
  return [budgetCheckCalls(2_000), budgetCheckCalls(20_000), ...sidebarCalls(), rights.first, rights.again, rights.moved, editCalls(), berap.first, berap.again];
}

/** The top methods of a breakdown, for a line of the report. */
export function topMethods(breakdown: Record<string, number>, n = 4): string {
  return Object.entries(breakdown).sort(([, a], [, b]) => b - a).slice(0, n).map(([m, c]) => `${c} ${m}`).join(', ');
}

export function formatCallFigures(figures: readonly CallFigure[]): string[] {
  return [
    `Service calls per action (at ${MS_PER_CALL} ms a call)`,
    ...figures.map((f) => `  ${f.action.padEnd(64)} ${String(f.calls).padStart(4)} calls  ~${((f.calls * MS_PER_CALL) / 1000).toFixed(2)} s  (${topMethods(f.breakdown)})`),
  ];
}

if (/[\\/]callFigures\.[jt]s$/.test(process.argv[1] ?? '')) {
  const figures = allCallFigures();
  for (const l of formatCallFigures(figures)) console.log(l);
  if (process.env.BENCH_BREAKDOWN) for (const f of figures) console.log(f.action, f.breakdown);
}
