/**
 * `npm run bench`, the edit trigger's part: service calls (and what they cost at 50 ms a call) of
 * one official's edit, of a paste of 52.000 cells outside the rights, and of the project leader's
 * catch-up that carries out an official's "Actie toevoegen". Over the in-memory SpreadsheetApp fake.
 */
import { HEADERS, TAB } from '../core/workbook/contract';
import { a1 } from '../core/sheet/a1';
import { addAction, applyProtections, installEditTrigger, onChangeInstalled, onEditInstalled, setupWorkbook } from '../server/index';
import { FakeHandles, __setValuesRaw, __values, installAppsScriptFakes } from '../../test/fakes/spreadsheetApp';
import '../../test/fakes/protectionsExtension';

const LEADER = 'projectleider@bench.invalid';
const OFFICIAL_MS = 50;
/** 26.000 rows × Begrotingspost and Geraamd: the 52.000 cells of issue 21. */
const PASTE_ROWS = 26_000;

interface EditFigures {
  name: string;
  calls: number;
  ms: number;
}

function workbook(rows: number): { fakes: FakeHandles; official: string } {
  const fakes = installAppsScriptFakes({ activeUserEmail: LEADER, ownerEmail: 'eigenaar@bench.invalid' });
  setupWorkbook('gelderland-zuid');
  let official = '';
  fakes.counter.uncounted(() => {
    const ss = fakes.spreadsheet;
    const [mHeader, ...ms] = __values(ss, TAB.municipalities)!;
    const first = String(ms[0][mHeader.indexOf('Gemeente')]);
    official = `a@${first.toLowerCase().replace(/[^a-z]+/g, '')}.invalid`;
    __setValuesRaw(ss.getSheetByName(TAB.municipalities)!, 2, mHeader.indexOf('Editors') + 1, [[official]]);
    const header = HEADERS[TAB.actions];
    const sheet = ss.getSheetByName(TAB.actions)!;
    sheet.getRange(2, 1, Math.max(1, sheet.getLastRow()), header.length).clearContent();
    const values = Array.from({ length: rows }, (_, i) => header.map((h) => (({ ID: `A-${String(i + 1).padStart(3, '0')}`, Actielijn: 'AL1', Gemeente: first, Actie: `fictieve actie ${i + 1}`, Status: 'Loopt' }) as Record<string, unknown>)[h] ?? ''));
    __setValuesRaw(sheet, 2, 1, values);
  });
  applyProtections();
  installEditTrigger();
  return { fakes, official };
}

function timed(fakes: FakeHandles, name: string, run: () => void): EditFigures {
  fakes.counter.reset();
  const start = process.hrtime.bigint();
  run();
  if (process.env.BENCH_BREAKDOWN) console.log(name, fakes.counter.breakdown());
  return { name, calls: fakes.counter.total, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

function userEdit(fakes: FakeHandles, official: string, a1: string, values: unknown[][], oldValue?: unknown) {
  // building the event is Sheets' work, not the trigger's
  const range = fakes.counter.uncounted(() => fakes.spreadsheet.getSheetByName(TAB.actions)!.getRange(a1));
  fakes.counter.uncounted(() => range.setValues(values));
  fakes.__setUser(official, LEADER);
  const single = values.length === 1 && values[0].length === 1;
  return { range, source: fakes.spreadsheet, user: fakes.counter.uncounted(() => fakes.Session.getActiveUser()), value: single ? values[0][0] : undefined, oldValue: single ? oldValue : undefined } as never;
}

export function benchEdits(): EditFigures[] {
  const out: EditFigures[] = [];
  const { fakes, official } = workbook(500);
  try {
    const status = fakes.spreadsheet.getSheetByName(TAB.actions)!.getRange(1, 1, 1, 20).getValues()[0].indexOf('Status') + 1;
    const e = userEdit(fakes, official, a1(2, status), [['Afgerond']], 'Loopt');
    out.push(timed(fakes, 'one edit by an official (Status of their own row)', () => onEditInstalled(e)));
    fakes.__setUser(official);
    addAction({ actie: 'Fictieve actie (benchmark)', actielijn: 'AL1' });
    out.push(timed(fakes, "project leader's catch-up: Actie toevoegen carried out, rights applied again", () => {
      fakes.__setUser(official, LEADER);
      onChangeInstalled({ changeType: 'EDIT', source: fakes.spreadsheet } as never);
    }));
  } finally {
    fakes.uninstall();
  }
  const big = workbook(PASTE_ROWS);
  try {
    const pasted = Array.from({ length: PASTE_ROWS }, () => ['ACT', 100]);
    const header = HEADERS[TAB.actions];
    const from = header.indexOf('Begrotingspost') + 1;
    const range = `${a1(2, from)}:${a1(PASTE_ROWS + 1, from + 1)}`;
    const e = userEdit(big.fakes, big.official, range, pasted);
    out.push(timed(big.fakes, `a paste of ${(2 * PASTE_ROWS).toLocaleString('en-US')} cells outside the rights`, () => onEditInstalled(e)));
  } finally {
    big.fakes.uninstall();
  }
  return out;
}

export function formatEditBench(figures: readonly EditFigures[]): string[] {
  return [
    'Edit trigger: service calls (at 50 ms a call) and this machine\'s time for our code',
    ...figures.map((f) => `  ${f.name.padEnd(76)} ${String(f.calls).padStart(4)} calls  ~${((f.calls * OFFICIAL_MS) / 1000).toFixed(2)} s  (${f.ms.toFixed(0)} ms here)`),
  ];
}
