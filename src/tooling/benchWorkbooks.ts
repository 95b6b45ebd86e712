/**
 * The fictional workbooks `npm run bench` and the call-budget tests run on, over the in-memory
 * SpreadsheetApp fake: the seeded default region with a ledger of any size, or with 500 actions.
 */
import { HEADERS, TAB } from '../core/workbook/contract';
import { DEFAULT_TIME_ZONE, makeDay, midnightIn } from '../core/values/dates';
import { runBudgetCheck, setupWorkbook } from '../server/index';
import { FakeHandles, __setValuesRaw, __values, installAppsScriptFakes } from '../../test/fakes/spreadsheetApp';
import '../../test/fakes/protectionsExtension';
import { installSheetsApi } from '../../test/fakes/sheetsApi';
import { fictionalPayments } from './benchLedger';

const REFERENCE_DATE = '30-06-2023';
const TIME_ZONE = DEFAULT_TIME_ZONE;
export const BENCH_LEADER = 'projectleider@bench.invalid';
export const BENCH_CONTROLLER = 'controller@bench.invalid';
export const BENCH_OWNER = 'eigenaar@bench.invalid';

/**
 * The fakes as the add-on runs: with the Sheets advanced service its manifest enables
 * (appsscript.json); `sheetsApi: false` measures a script without it.
 */
function install(options: Parameters<typeof installAppsScriptFakes>[0], sheetsApi: boolean): FakeHandles {
  const fakes = installAppsScriptFakes(options);
  if (!sheetsApi) return fakes;
  const off = installSheetsApi(fakes);
  const uninstall = fakes.uninstall;
  fakes.uninstall = () => {
    off();
    uninstall();
  };
  return fakes;
}

function setSetting(fakes: FakeHandles, key: string, value: unknown): void {
  fakes.counter.uncounted(() => {
    const ss = fakes.spreadsheet;
    const settings = __values(ss, TAB.settings)!;
    const at = settings.findIndex((r) => r[0] === key);
    if (at > 0) __setValuesRaw(ss.getSheetByName(TAB.settings)!, at + 1, 2, [[value]]);
  });
}

/**
 * A seeded default workbook with `rows` fictional payments spread over its budget lines, as Sheets'
 * getValues returns them: a Date for the date cell, numbers, and '' for a blank (half the rows leave
 * Jaar blank, so the year comes from the Date). Plus decided budget changes and an earlier snapshot
 * in Prognoseverloop, so every read and write of a real check is there. Two checks have run: the
 * steady state is what is measured.
 */
export function workbookWithLedger(rows: number, options: { sheetsApi?: boolean } = {}): FakeHandles {
  const fakes = install({}, options.sheetsApi ?? true);
  setupWorkbook('gelderland-zuid');
  setSetting(fakes, 'Peildatum', REFERENCE_DATE);
  fakes.counter.uncounted(() => {
    const ss = fakes.spreadsheet;
    const ledger = fictionalPayments(__values(ss, TAB.budget)!, rows, (y, m, d) => midnightIn(makeDay(y, m, d), TIME_ZONE), '');
    const sheet = ss.getSheetByName(TAB.ledger)!;
    __setValuesRaw(sheet, sheet.getLastRow() + 1, 1, ledger);
    const changes = ss.getSheetByName(TAB.budgetChanges)!;
    const change = (year: number, code: string, euros: number) => HEADERS[TAB.budgetChanges].map((h) =>
      ({ Datum: midnightIn(makeDay(year, 3, 12), TIME_ZONE), Jaar: year, Code: code, Bedrag: euros, Besluit: 'FICTIEF (benchmark)', Toelichting: '' } as Record<string, unknown>)[h]);
    __setValuesRaw(changes, 2, 1, [change(2023, 'ACT', -50_000), change(2023, 'CSG', 50_000)]);
  });
  // An earlier Peildatum's snapshot, so the check upserts next to rows it keeps.
  setSetting(fakes, 'Peildatum', '31-03-2023');
  runBudgetCheck();
  setSetting(fakes, 'Peildatum', REFERENCE_DATE);
  runBudgetCheck(); // creates nothing new but warms up; steady state is what is measured
  return fakes;
}

export const PROTECTION_ACTIONS = 500;

/**
 * The seeded region with every municipality given two (fictional) editors, a controller, and
 * `Acties` replaced by 500 fictional actions, either grouped by municipality or dealt out in turn
 * (interleaved). `official` edits the first municipality's rows.
 */
export function workbookWithActions(order: 'sorted' | 'interleaved', options: { sheetsApi?: boolean } = {}): { fakes: FakeHandles; official: string } {
  const fakes = install({ activeUserEmail: BENCH_LEADER, ownerEmail: BENCH_OWNER }, options.sheetsApi ?? true);
  setupWorkbook('gelderland-zuid'); // names the runner as project leader
  setSetting(fakes, 'Controller', BENCH_CONTROLLER);
  let official = '';
  fakes.counter.uncounted(() => {
    const ss = fakes.spreadsheet;
    const [mHeader, ...ms] = __values(ss, TAB.municipalities)!;
    const names = ms.map((r) => String(r[mHeader.indexOf('Gemeente')]));
    const slug = (n: string) => n.toLowerCase().replace(/[^a-z]+/g, '');
    official = `a@${slug(names[0])}.invalid`;
    __setValuesRaw(ss.getSheetByName(TAB.municipalities)!, 2, mHeader.indexOf('Editors') + 1, names.map((n) => [`a@${slug(n)}.invalid, b@${slug(n)}.invalid`]));
    const header = HEADERS[TAB.actions];
    const rows = Array.from({ length: PROTECTION_ACTIONS }, (_, i) => {
      const m = order === 'interleaved' ? names[i % names.length] : names[Math.floor((i * names.length) / PROTECTION_ACTIONS)];
      const record: Record<string, unknown> = { ID: `A-${String(i + 1).padStart(3, '0')}`, Actielijn: 'AL1', Gemeente: m, Actie: `fictieve actie ${i + 1}`, Status: 'Loopt' };
      return header.map((h) => record[h] ?? '');
    });
    const sheet = ss.getSheetByName(TAB.actions)!;
    sheet.getRange(2, 1, Math.max(1, sheet.getLastRow()), header.length).clearContent();
    __setValuesRaw(sheet, 2, 1, rows);
  });
  return { fakes, official };
}
