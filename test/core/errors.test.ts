import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DutchError, dutchError, formatDutchError, inDutch, publicError } from '../../src/core/errors';

/** A real error from Node's file system. */
function systemError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('no error');
}

describe('dutchError', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-errors-'));
  const file = path.join(dir, 'regio.xlsx');
  fs.writeFileSync(file, 'x');

  test('Node\'s file errors: a Dutch sentence with the path, the original text kept for support', () => {
    expect(dutchError(systemError(() => fs.mkdirSync(file)))).toEqual({ message: `Het bestand of de map ${file} bestaat al.`, details: `EEXIST: file already exists, mkdir '${file}'` });
    expect(dutchError(systemError(() => fs.readFileSync(path.join(dir, 'weg.xlsx'))))).toEqual({
      message: `Het bestand of de map ${path.join(dir, 'weg.xlsx')} bestaat niet.`,
      details: `ENOENT: no such file or directory, open '${path.join(dir, 'weg.xlsx')}'`,
    });
    expect(dutchError(systemError(() => fs.writeFileSync(dir, 'x'))).message).toBe(`${dir} is een map, geen bestand.`);
    expect(dutchError(systemError(() => fs.readdirSync(path.join(file, 'x')))).message).toBe(`Een deel van het pad ${path.join(file, 'x')} is geen map.`);
    // As Node raises it when a user lacks the right (root is never refused, so it is built here).
    const denied = Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES', errno: -13, syscall: 'open', path: file });
    expect(formatDutchError(dutchError(denied))).toBe(`Geen toestemming voor ${file}: het is beveiligd of alleen-lezen.\nTechnische details: EACCES: permission denied, open '${file}'`);
  });

  test('Google service errors from Apps Script', () => {
    const cases: [string, RegExp][] = [
      ['Exception: Service Spreadsheets failed while accessing document with id 1AbC.', /^Google Spreadsheets kon het werkboek op dit moment niet lezen of bijwerken\./],
      ['Exception: You do not have permission to access the requested document.', /^Je hebt geen toestemming/],
      ['Exception: Service invoked too many times for one day: email.', /^De dagelijkse limiet van Google/],
      ['Exceeded maximum execution time', /^De server deed er te lang over\./],
      ['Exception: You are trying to edit a protected cell or object.', /^Dit deel van het werkboek is beveiligd: alleen de projectleider kan het wijzigen\./],
      ['Lock timeout: another process was holding the lock for too long.', /^Iemand anders werkt het werkboek op dit moment bij\./],
      ['Exception: The coordinates of the range are outside the dimensions of the sheet.', /^Het werkboek veranderde tijdens de handeling/],
      ['Exception: This action would increase the number of cells in the workbook above the limit of 10000000 cells.', /^Het werkboek zou groter worden dan Google Sheets toestaat/],
    ];
    for (const [english, dutch] of cases) {
      const text = dutchError(new Error(english));
      expect([english, text.message]).toEqual([english, expect.stringMatching(dutch)]);
      expect(text.details).toBe(english);
    }
  });

  test('a DutchError speaks for itself, its cause becomes the details; anything else is unexpected', () => {
    expect(dutchError(new DutchError('Tabblad Mutaties ontbreekt.'))).toEqual({ message: 'Tabblad Mutaties ontbreekt.', details: null });
    expect(dutchError(new DutchError('Kan niet opslaan.', { cause: new Error('ENOSPC: no space left on device, write') }))).toEqual({
      message: 'Kan niet opslaan.',
      details: 'ENOSPC: no space left on device, write',
    });
    expect(dutchError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toEqual({
      message: 'Er ging iets onverwachts mis.',
      details: "Cannot read properties of undefined (reading 'x')",
    });
    expect(dutchError('kapot')).toEqual({ message: 'Er ging iets onverwachts mis.', details: 'kapot' });
    expect(formatDutchError({ message: 'Klaar.', details: null })).toBe('Klaar.');
  });
});

describe('publicError: what a public Apps Script function throws', () => {
  const google = new Error('Service Spreadsheets failed while accessing document with id 1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789.');

  it('turns an English Google service error into Dutch, the original on a details line', () => {
    const thrown = publicError(google) as Error;
    expect(thrown.message).toBe(
      'Google Spreadsheets kon het werkboek op dit moment niet lezen of bijwerken. Probeer het over een paar minuten opnieuw.\n' +
        'Technische details: Service Spreadsheets failed while accessing document with id 1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789.',
    );
  });

  it('turns a bug (an engine error) into an unexpected-error sentence', () => {
    let bug: unknown;
    try {
      (undefined as unknown as { x: number }).x;
    } catch (error) {
      bug = error;
    }
    expect((publicError(bug) as Error).message).toMatch(/^Er ging iets onverwachts mis\.\nTechnische details: Cannot read properties of undefined/);
  });

  it('lets our own Dutch messages through untouched, also one that mentions a protection', () => {
    const own = new Error('De budgetcontrole is berekend, maar kon niet worden weggeschreven: de gegenereerde tabbladen zijn beveiligd.');
    expect(publicError(own)).toBe(own);
    const refusal = new Error('Alleen de projectleider (pl@regio.nl) kan de rechten toepassen; je bent ingelogd als a@b.nl.');
    expect(publicError(refusal)).toBe(refusal);
  });

  it('wraps a function so what it throws is Dutch, and passes its result and this', () => {
    const failing = inDutch(() => {
      throw google;
    });
    expect(failing).toThrow(/^Google Spreadsheets kon het werkboek/);
    const adding = inDutch(function (this: { base: number }, n: number) {
      return this.base + n;
    });
    expect(adding.call({ base: 2 }, 3)).toBe(5);
  });
});
