/**
 * The keyed Logboek over the fake, through the public functions: the first keyed run anchoring a
 * chain from before the key, the controller's check (who holds no key), and edits the trigger missed.
 */
import { TAB } from '../../src/core/workbook/contract';
import { LOG_HEAD_KEY, chainLines, lineHash, writeHead } from '../../src/core/logbook/chain';
import { ANCHOR_KEY, LOG_KEY, SEALED_HEAD_KEY } from '../../src/core/logbook/editCache';
import { MISSED_PREFIX } from '../../src/core/logbook/queue';
import { COPY_WIDTH, ROW_COPY_TAB } from '../../src/core/logbook/rowCopy';
import { installEditTrigger, onChangeInstalled } from '../../src/server/edits';
import { FakeHandles, Value, __setValuesRaw, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { rawSheet } from '../fakes/protectionsExtension';
import { ACTIES_HEADER, CONTROLLER, OWNER, PL, TIEL, rightsWorkbook } from './rightsWorkbook';
import { sheetDate } from './workbooks';
import { checksAfterBudgetCheck, logVerdict, userEditsActies } from './logbookHelpers';

let fakes: FakeHandles;
beforeEach(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  fakes = installAppsScriptFakes({ activeUserEmail: PL, ownerEmail: OWNER });
  rightsWorkbook(fakes);
  installEditTrigger();
});
afterEach(() => {
  fakes.uninstall();
  jest.restoreAllMocks();
});

const logRows = () => __values(fakes.spreadsheet, TAB.log)!.slice(1);
const waitingMissed = () => Object.keys(fakes.properties.document.getProperties()).filter((k) => k.startsWith(MISSED_PREFIX));

const userEdits = (a1: string, values: Value[][], oldValue: Value | undefined, user: string) => userEditsActies(fakes, PL, a1, values, oldValue, user);
/** Controles as [Tabblad, Rij, start of Probleem], after a check by `who`. */
const checksBy = (who: string) => checksAfterBudgetCheck(fakes, who, (r) => r[0] === TAB.log || /buiten de rechten|wacht nog/.test(String(r[4]))).map(([tab, row, , problem]) => [tab, row, problem]);

describe('the first keyed run', () => {
  it('anchors a chain kept before the key, which keeps verifying, and catches a line appended after its head', () => {
    // As an earlier version left it: two chained lines, the head in the document properties, no key.
    const legacy = chainLines({ lines: 0, hash: '' }, [
      [sheetDate('2025-03-01'), TIEL, TAB.actions, 'I2', 'Niet gestart', 'Loopt'],
      [sheetDate('2025-03-02'), TIEL, TAB.actions, 'I5', 'Niet gestart', 'Loopt'],
    ]);
    // and a line someone appended after that head, recomputing the plain chain as anyone can
    const forged: Value[] = [sheetDate('2025-03-03'), PL, TAB.actions, 'K2', 1, 1];
    const forgedHash = lineHash(String(legacy.rows[1][6]).replace(/^'/, ''), forged);
    fakes.counter.uncounted(() => __setValuesRaw(rawSheet(fakes, TAB.log), 2, 1, [...legacy.rows, [...forged, forgedHash]] as unknown[][]));
    fakes.properties.document.setProperty(LOG_HEAD_KEY, writeHead(legacy.head));
    for (const key of [LOG_KEY, ANCHOR_KEY, SEALED_HEAD_KEY]) fakes.__userProperties(PL).deleteProperty(key);

    // An official's edit: the trigger, as the project leader, makes the key on this first run.
    userEdits('I2', [['Afgerond']], 'Loopt', TIEL);
    expect(fakes.__userProperties(PL).getProperty(LOG_KEY)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(fakes.__userProperties(PL).getProperty(ANCHOR_KEY)!)).toEqual(legacy.head);
    // nobody else's properties hold it
    expect(fakes.__userProperties(TIEL).getProperty(LOG_KEY)).toBeNull();
    expect(fakes.properties.document.getProperty(LOG_KEY)).toBeNull();

    const checks = checksBy(PL);
    expect(checks).toEqual([[TAB.log, 4, 'Logboek-regel met een Keten zonder sleut']]);
    const verdict = logVerdict(fakes, PL);
    // header, two anchored lines, the forged one, the new keyed one
    expect(verdict.verified).toEqual([false, true, true, false, true]);
  });
});

describe('an update over a row copy an earlier version kept', () => {
  it('rewrites the copy in this layout on the first keyed run, so a row deleted afterwards is still logged with its content', () => {
    // The earlier copy: [ID, content] per row of the tab, Acties in A:B, Mutaties in D:E.
    const copy = rawSheet(fakes, ROW_COPY_TAB);
    fakes.counter.uncounted(() => {
      copy.getRange(1, 1, copy.getMaxRows(), COPY_WIDTH).clearContent();
      __setValuesRaw(copy, 1, 1, [['Acties: ID', 'Acties: inhoud', '', 'Mutaties: ID', 'Mutaties: inhoud'], ['A-001', 'ID: A-001 · oud'], ['A-002', 'ID: A-002 · oud']]);
    });
    for (const key of [LOG_KEY, ANCHOR_KEY, SEALED_HEAD_KEY]) fakes.__userProperties(PL).deleteProperty(key);
    userEdits('I2', [['Afgerond']], 'Loopt', TIEL);
    expect(__values(fakes.spreadsheet, ROW_COPY_TAB)![0].slice(0, 3)).toEqual(['Acties: ID', 'Acties: rij', 'Acties: inhoud']);
    // A-002 has its place in row 3 of the copy, with the row it was in (3) and what the old copy knew
    expect(__values(fakes.spreadsheet, ROW_COPY_TAB)![2].slice(0, 3)).toEqual(['A-002', 3, 'ID: A-002 · oud']);
    fakes.counter.uncounted(() => rawSheet(fakes, TAB.actions).deleteRow(3));
    fakes.__setUser(PL, PL);
    onChangeInstalled({ changeType: 'REMOVE_ROW', source: fakes.spreadsheet } as never);
    const deleted = logRows().filter((r) => r[5] === '(rij verwijderd)');
    expect(deleted.map((r) => [r[3], r[4]])).toEqual([['rij 3', 'ID: A-002 · oud']]);
    // the rebuild after it: this version's copy of every row that is left
    expect(__values(fakes.spreadsheet, ROW_COPY_TAB)![2].slice(0, 2)).toEqual(['', '']);
    expect(String(__values(fakes.spreadsheet, ROW_COPY_TAB)![4][2])).toMatch(/^Gemeente: Tiel · Actie: Lokaal plan · ID: A-004/);
  });
});

describe('the controller, who holds no key', () => {
  it("sees the project leader's last judgement of Logboek, and cannot make a line pass", () => {
    userEdits('K2:L2', [[250000, 'zie begroting']], undefined, TIEL);
    expect(checksBy(PL)).toEqual([[TAB.actions, 2, 'Gewijzigd door ambtenaar@tiel.nl buiten ']]);
    expect(checksBy(CONTROLLER)).toEqual([[TAB.actions, 2, 'Gewijzigd door ambtenaar@tiel.nl buiten ']]);
    // A line written without the key, as if the project leader approved K2: the leader's next check names it.
    const log = rawSheet(fakes, TAB.log);
    const n = logRows().length;
    fakes.counter.uncounted(() => log.getRange(n + 2, 1, 1, 7).setValues([[new Date(), PL, TAB.actions, 'K2', 250000, 250000, 'k:' + '0'.repeat(64)]]));
    const leader = checksBy(PL);
    expect(leader).toContainEqual([TAB.actions, 2, 'Gewijzigd door ambtenaar@tiel.nl buiten ']);
    expect(leader).toContainEqual([TAB.log, n + 2, 'Logboek-regel gewijzigd, of een eerdere ']);
  });
});

describe('edits the trigger could not handle', () => {
  it('leaves a row pasted while the lock was taken out of the controller’s check, and the project leader’s check puts it right', () => {
    fakes.locks.document.busy = true;
    userEdits('A7:N7', [ACTIES_HEADER.map((h) => ({ Gemeente: 'Regio', Actie: 'Nep', Actielijn: 'AL1', Status: 'Loopt', Begrotingspost: 'P1', Geraamd: 900000 } as Record<string, Value>)[h] ?? '')], undefined, TIEL);
    fakes.locks.document.busy = false;
    expect(waitingMissed()).toHaveLength(1);
    expect(checksBy(CONTROLLER)).toContainEqual([TAB.actions, 7, 'Bewerking door ambtenaar@tiel.nl wacht n']);
    // nothing planned on P1 2025, and no ID given to the row
    const p1 = () => __values(fakes.spreadsheet, TAB.budgetCheck)!.find((r) => r[1] === 'P1');
    expect(p1()![10]).toBe(0);
    expect(rawSheet(fakes, TAB.actions).values.get(6, 2)).toBe('');
    checksBy(PL);
    expect(waitingMissed()).toEqual([]);
    expect(rawSheet(fakes, TAB.actions).values.get(6, 10)).toBe('');
    expect(logRows().filter((r) => r[1] === 'Regiomonitor').map((r) => [r[3], r[5]])).toEqual([['A7:N7', 'buiten rechten teruggezet']]);
  });

  it('logs rows deleted while the lock was taken, on the next run', () => {
    fakes.locks.document.busy = true;
    fakes.counter.uncounted(() => rawSheet(fakes, TAB.actions).deleteRow(3));
    fakes.__setUser(PL, PL);
    onChangeInstalled({ changeType: 'REMOVE_ROW', source: fakes.spreadsheet } as never);
    fakes.locks.document.busy = false;
    expect(waitingMissed()).toHaveLength(1);
    onChangeInstalled({ changeType: 'EDIT', source: fakes.spreadsheet } as never);
    expect(logRows().map((r) => [r[3], r[5]])).toEqual([['rij 3', '(rij verwijderd)']]);
    expect(String(logRows()[0][4])).toMatch(/ID: A-002/);
    expect(waitingMissed()).toEqual([]);
  });
});

describe('a line put between sealed lines', () => {
  it('is named once; the genuine lines around it still hold', () => {
    userEdits('I2', [['Afgerond']], 'Loopt', TIEL);
    userEdits('I5', [['Afgerond']], 'Loopt', TIEL);
    checksBy(PL); // seals both
    const log = rawSheet(fakes, TAB.log);
    fakes.counter.uncounted(() => log.insertRowsAfter(2, 1));
    fakes.counter.uncounted(() => log.getRange(3, 1, 1, 7).setValues([[new Date(), PL, TAB.actions, 'K2', 1, 1, 'k:' + '1'.repeat(64)]]));
    expect(checksBy(PL)).toEqual([[TAB.log, 3, 'Logboek-regel gewijzigd, of een eerdere ']]);
    expect(logVerdict(fakes, PL).verified).toEqual([false, true, false, true]);
  });
});
