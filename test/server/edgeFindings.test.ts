/**
 * The findings of issue 21 at the edges (rights, Logboek, the edit trigger), each reproduced as an
 * attacker or a hurried official would meet it, through the public server functions over the fake.
 */
import { TAB } from '../../src/core/workbook/contract';
import { LOG_HEAD_KEY, lineHash, readHead, writeHead } from '../../src/core/logbook/chain';
import { runBudgetCheck } from '../../src/server/budget';
import { installEditTrigger } from '../../src/server/edits';
import { applyProtections } from '../../src/server/protections';
import { FakeHandles, Value, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { canUserEdit, rawSheet } from '../fakes/protectionsExtension';
import { ACTIES_HEADER, COL, OWNER, PL, TIEL, rightsWorkbook } from './rightsWorkbook';
import { records, sheetDate } from './workbooks';
import { checksAfterBudgetCheck, userEditsActies } from './logbookHelpers';

let fakes: FakeHandles;
beforeEach(() => {
  // An edit the trigger could not handle is also written to the execution log; the tests look at what was remembered.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  fakes = installAppsScriptFakes({ activeUserEmail: PL, ownerEmail: OWNER });
  rightsWorkbook(fakes);
  applyProtections();
  installEditTrigger();
});
afterEach(() => {
  fakes.uninstall();
  jest.restoreAllMocks();
});

const cell = (row: number, header: string) => rawSheet(fakes, TAB.actions).values.get(row - 1, COL[header] - 1);
const logRows = () => (__values(fakes.spreadsheet, TAB.log) ?? []).slice(1);

const userEdits = (a1: string, values: Value[][], oldValue: Value | undefined, user: string) => userEditsActies(fakes, PL, a1, values, oldValue, user);

/** P1 2025 as the budget check computes it, run by the project leader. */
function p1of2025() {
  fakes.__setUser(PL, PL);
  runBudgetCheck();
  const line = records(fakes, TAB.budgetCheck).find((r) => r.Code === 'P1' && r.Jaar === 2025)!;
  return { gepland: line.Gepland, prognose: line.Prognose, signaal: line.Signaal };
}

/** Controles rows naming Logboek or an edit outside the rights, as [Tabblad, Rij, Kolom, start of Probleem]. */
const auditChecks = () => checksAfterBudgetCheck(fakes, PL, (r) => r[0] === TAB.log || String(r[4]).includes('buiten de rechten'));

/** A forged regional action with money, as a row of Acties in the workbook's own column order. */
const FORGED_ROW: Value[] = ACTIES_HEADER.map((h) => (({ Gemeente: 'Regio', Actie: 'Nep-actie', Actielijn: 'AL1', Deadline: sheetDate('2025-12-31'), Status: 'Loopt', Begrotingspost: 'P1', Geraamd: 900000 }) as Record<string, Value>)[h] ?? '');

describe('issue 21: anyone could add a regional action that counts', () => {
  it('gives officials no open row below Acties: Sheets refuses their paste in every column', () => {
    // rows 2-6 hold data; row 7 is the first blank row
    const open = ACTIES_HEADER.filter((h) => canUserEdit(fakes.spreadsheet, TAB.actions, 7, COL[h], TIEL));
    expect(open).toEqual([]);
  });

  it('keeps a pasted row out of the figures even where the sheet let the paste through', () => {
    // Before: P1 2025 has raming 1.000 and a realisatie of 100, nothing planned: prognose 100, OK.
    expect(p1of2025()).toEqual({ gepland: 0, prognose: 100, signaal: 'OK' });
    // Tiel's editor pastes a regional action with Begrotingspost P1 and Geraamd 900.000 into row 7.
    userEdits('A7:N7', [FORGED_ROW], undefined, TIEL);
    // Still nothing planned: 0 + 0 = 0, prognose 100 + 0 = 100.
    expect(p1of2025()).toEqual({ gepland: 0, prognose: 100, signaal: 'OK' });
    // The row is put back (it did not exist), what was pasted stays readable in Logboek.
    expect([cell(7, 'Gemeente'), cell(7, 'Begrotingspost'), cell(7, 'Geraamd'), cell(7, 'ID')]).toEqual(['', '', '', '']);
    expect(logRows().map((r) => String(r[5]))).toEqual(expect.arrayContaining(['900000']));
  });
});

describe('issue 21: a forged Logboek line passed as genuine', () => {
  it('keeps a flag standing when an official appends a line naming the project leader with a recomputed Keten and head', () => {
    // Tiel's editor pastes Geraamd into their own row 2: kept (old value unknown) and flagged.
    userEdits('K2:L2', [[250000, 'zie begroting']], undefined, TIEL);
    expect(auditChecks()).toEqual([[TAB.actions, 2, 'Geraamd (K)', 'Gewijzigd door ambtenaar@tiel.nl buiten ']]);
    // They append a line as if the project leader typed K2 again, chained with SHA-256 as anyone
    // can, and set the stored head to include it (their own script in the project can).
    const log = rawSheet(fakes, TAB.log);
    const rows = __values(fakes.spreadsheet, TAB.log)!;
    const previous = String(rows[rows.length - 1][6]).replace(/^'/, '');
    const forged: Value[] = [new Date(), PL, TAB.actions, 'K2', 250000, 250000];
    const hash = lineHash(previous, forged);
    fakes.counter.uncounted(() => log.getRange(rows.length + 1, 1, 1, 7).setValues([[...forged, hash]]));
    const head = readHead(fakes.properties.document.getProperty(LOG_HEAD_KEY));
    fakes.properties.document.setProperty(LOG_HEAD_KEY, writeHead({ lines: head.lines + 1, hash }));
    const checks = auditChecks();
    // the flag stays, and the forged line is named
    expect(checks).toContainEqual([TAB.actions, 2, 'Geraamd (K)', 'Gewijzigd door ambtenaar@tiel.nl buiten ']);
    expect(checks.filter((c) => c[0] === TAB.log && c[1] === rows.length + 1)).toHaveLength(1);
  });
});

describe('issue 21: a lock timeout lost the edit', () => {
  it('remembers an edit the trigger could not handle and puts it right on the next run', () => {
    fakes.locks.document.busy = true; // a long budget check holds the document lock
    // Tiel's editor types Geraamd 5.000.000 into their own row 2 (outside their rights).
    expect(() => userEdits('K2', [[5000000]], '', TIEL)).not.toThrow();
    fakes.locks.document.busy = false;
    // The next edit (anyone's, anywhere in Acties) runs the trigger again.
    userEdits('I5', [['Afgerond']], 'Loopt', TIEL);
    expect(cell(2, 'Geraamd')).toBe('');
    expect(logRows().map((r) => [r[1], r[3], r[4], r[5]])).toEqual(expect.arrayContaining([[TIEL, 'K2', '', 5000000]]));
  });

  it('never lets a row pasted during the timeout count: the next check puts it right first', () => {
    fakes.locks.document.busy = true;
    expect(() => userEdits('A7:N7', [FORGED_ROW], undefined, TIEL)).not.toThrow();
    fakes.locks.document.busy = false;
    expect(p1of2025()).toEqual({ gepland: 0, prognose: 100, signaal: 'OK' });
    expect(cell(7, 'ID')).toBe('');
  });
});

describe('issue 21: a big paste outside the rights', () => {
  /** `rows` Tiel rows with IDs from row 2 on, as the project leader keeps them. */
  function manyTielRows(rows: number) {
    fakes.counter.uncounted(() => {
      const sheet = rawSheet(fakes, TAB.actions);
      const values = Array.from({ length: rows }, (_, i) => ACTIES_HEADER.map((h) => (({ Gemeente: 'Tiel', Actie: `Actie ${i}`, ID: `A-${String(i + 1).padStart(3, '0')}`, Actielijn: 'AL1', Status: 'Loopt' }) as Record<string, Value>)[h] ?? ''));
      sheet.maxRows = Math.max(sheet.maxRows, rows + 1);
      values.forEach((line, r) => line.forEach((v, c) => sheet._setValue(r + 1, c, v)));
    });
  }

  it('records a paste of 52.000 cells in a bounded number of Logboek lines, notes and service calls', () => {
    manyTielRows(26_000);
    // Begrotingspost and Geraamd (J:K) of 26.000 own rows: 52.000 cells outside the rights.
    const pasted = Array.from({ length: 26_000 }, () => ['P1', 100] as Value[]);
    userEdits('J2:K26001', pasted, undefined, TIEL);
    expect(logRows().length).toBeLessThanOrEqual(600);
    expect(fakes.counter.count('Range.setNote') + fakes.counter.count('Range.setNotes')).toBeLessThanOrEqual(20);
    expect(fakes.counter.total).toBeLessThanOrEqual(120);
  });

  it('survives a paste of 156.000 cells, with a bounded record', () => {
    manyTielRows(78_000);
    const pasted = Array.from({ length: 78_000 }, () => ['P1', 100] as Value[]);
    expect(() => userEdits('J2:K78001', pasted, undefined, TIEL)).not.toThrow();
    expect(logRows().length).toBeLessThanOrEqual(600);
  });
});

describe('issue 24: one official edit through the trigger', () => {
  it('costs at most 15 service calls', () => {
    userEdits('I2', [['Afgerond']], 'Loopt', TIEL);
    userEdits('I5', [['Afgerond']], 'Loopt', TIEL);
    expect(fakes.counter.total).toBeLessThanOrEqual(15);
  });
});
