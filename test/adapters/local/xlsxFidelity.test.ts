/**
 * Issue 10: `check` on a workbook LibreOffice saved leaves every part of the user's tabs as it was.
 * The fixture is written as .fods and saved as .xlsx by LibreOffice itself (test/libreoffice/).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkbook } from '../../../src/adapters/local/workbook';
import { main } from '../../../src/cli/main';
import { GENERATED_TABS, TAB } from '../../../src/core/workbook/contract';
import { FIXTURE, saveWithLibreOffice, seededGrids, userWorkbook } from '../../libreoffice/fixture';
import { convert, zipEntries } from '../../libreoffice/libreoffice';

jest.setTimeout(120_000);

const quiet = { stdout: () => undefined, stderr: (t: string) => process.stderr.write(`${t}\n`) };
const text = (b: Buffer | undefined) => (b ?? Buffer.alloc(0)).toString('utf8');

/** Worksheet part of each tab, from workbook.xml and its relationships. */
function sheetParts(entries: Map<string, Buffer>): Map<string, string> {
  const workbook = text(entries.get('xl/workbook.xml'));
  const rels = text(entries.get('xl/_rels/workbook.xml.rels'));
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], path.posix.join('xl', m[2])]));
  return new Map([...workbook.matchAll(/<sheet name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => [m[1], targets.get(m[2])!]));
}

/** The cells of a worksheet part by reference, each as its XML. */
function cells(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].map((m) => [m[1], m[0]]));
}

const outsideSheetData = (xml: string) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>');

let dir: string;
let original: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-lo-'));
  original = saveWithLibreOffice(userWorkbook(), dir, 'regio');
});

describe('check on a workbook saved by LibreOffice', () => {
  let before: Map<string, Buffer>;
  let after: Map<string, Buffer>;
  let file: string;

  beforeAll(async () => {
    file = path.join(dir, 'check.xlsx');
    fs.copyFileSync(original, file);
    before = await zipEntries(file);
    expect(await main(['check', file, '--peildatum', '2024-10-01'], quiet)).toBe(0);
    after = await zipEntries(file);
  });

  test('the fixture holds what a user adds: a chart, an image, a comment, validations, protection, a name', () => {
    const names = [...before.keys()];
    expect(names.filter((n) => n.startsWith('xl/charts/chart'))).toHaveLength(2);
    expect(names.some((n) => n.startsWith('xl/media/'))).toBe(true);
    expect(names.some((n) => /xl\/comments\d*\.xml/.test(n))).toBe(true);
    const parts = sheetParts(before);
    expect(text(before.get(parts.get(TAB.budget)!))).toContain('<sheetProtection sheet="true"');
    expect(text(before.get(parts.get(TAB.ledger)!))).toContain('<dataValidations count="3">');
    expect(text(before.get(parts.get(TAB.ledger)!))).toContain('&quot;Subsidie,Inkoop&quot;');
    expect(text(before.get('xl/workbook.xml'))).toContain('name="Bedragen"');
  });

  test('every entry that belongs to a user tab is byte-identical; only the listed parts change', () => {
    const parts = sheetParts(before);
    const patched = new Set([parts.get(TAB.actions), parts.get(TAB.ledger)]);
    const generated = new Set(GENERATED_TABS.map((t) => parts.get(t)).filter(Boolean));
    const mayChange = new Set(['xl/workbook.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'docProps/app.xml', 'xl/styles.xml']);
    const changed = [...before.keys()].filter((name) => !before.get(name)!.equals(after.get(name) ?? Buffer.alloc(0)));
    for (const name of changed) expect([name, patched.has(name) || generated.has(name) || mayChange.has(name)]).toEqual([name, true]);
    // Nothing of the user's disappears.
    for (const name of before.keys()) expect([name, after.has(name)]).toEqual([name, true]);
    // Charts, drawings, the image, comments, shared strings and the other tabs' XML: unchanged.
    const untouched = [...before.keys()].filter((n) => /^xl\/(charts|drawings|media)\/|comments|sharedStrings|_rels\/sheet/.test(n));
    expect(untouched.length).toBeGreaterThanOrEqual(12);
    for (const name of untouched) expect([name, before.get(name)!.equals(after.get(name)!)]).toEqual([name, true]);
    for (const tab of [TAB.settings, TAB.municipalities, TAB.actionLines, TAB.budget, TAB.coverage, TAB.meetups, TAB.indicators]) {
      expect([tab, before.get(parts.get(tab)!)!.equals(after.get(parts.get(tab)!)!)]).toEqual([tab, true]);
    }
  });

  test('in Acties and Mutaties only the ID cells of rows typed without ID, and a blank Oorspronkelijke deadline, change', () => {
    const parts = sheetParts(before);
    const actionRow = (seededGrids().get(TAB.actions)?.length ?? 0) + 1;
    // The check fills Oorspronkelijke deadline (O) once, in every row that has a Deadline (H): the contract allows that write.
    const withDeadline = [...cells(text(before.get(parts.get(TAB.actions)!))).keys()].filter((ref) => /^H\d+$/.test(ref) && ref !== 'H1').map((ref) => `O${ref.slice(1)}`);
    expect(withDeadline.length).toBeGreaterThan(10);
    for (const [tab, ids, filled] of [[TAB.ledger, FIXTURE.ledgerRowsWithoutId.map((r) => `A${r}`), []], [TAB.actions, [`A${actionRow}`], withDeadline]] as const) {
      const old = text(before.get(parts.get(tab)!));
      const now = text(after.get(parts.get(tab)!));
      // Validations, protection, drawing and comment references, column widths: the same bytes.
      expect(outsideSheetData(now)).toBe(outsideSheetData(old));
      const oldCells = cells(old);
      const newCells = cells(now);
      const differing = [...new Set([...oldCells.keys(), ...newCells.keys()])].filter((ref) => oldCells.get(ref) !== newCells.get(ref));
      expect([tab, differing.sort()]).toEqual([tab, [...ids, ...filled].sort()]);
      // Written inline, so the shared-string table stays as it was.
      for (const ref of ids) expect(newCells.get(ref)).toMatch(new RegExp(`^<c r="${ref}"( s="\\d+")? t="inlineStr"><is><t>[AM]-\\d{3,}</t></is></c>$`));
    }
  });

  test('defined names and the user tabs\' entries in workbook.xml stay as they were', () => {
    const definedNames = (b: Buffer | undefined) => /<definedNames>[\s\S]*<\/definedNames>/.exec(text(b))?.[0];
    // Added: the header row repeated on each printed page of the generated tabs (one name each).
    const tabs = [...text(after.get('xl/workbook.xml')).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const printTitles = /<definedName name="_xlnm\.Print_Titles" localSheetId="(\d+)">[^<]*<\/definedName>/g;
    const titled = [...(definedNames(after.get('xl/workbook.xml')) ?? '').matchAll(printTitles)].map((m) => tabs[Number(m[1])]);
    expect(titled.sort()).toEqual([...GENERATED_TABS].sort());
    expect(definedNames(after.get('xl/workbook.xml'))!.replace(printTitles, '')).toBe(definedNames(before.get('xl/workbook.xml')));
    const sheetsBefore = /<sheets>([\s\S]*)<\/sheets>/.exec(text(before.get('xl/workbook.xml')))![1];
    expect(text(after.get('xl/workbook.xml'))).toContain(sheetsBefore);
    // Styles are only appended to: every index the user's cells use means what it meant.
    const xfs = (b: Buffer | undefined) => /<cellXfs[^>]*>([\s\S]*)<\/cellXfs>/.exec(text(b))![1];
    expect(xfs(after.get('xl/styles.xml')).startsWith(xfs(before.get('xl/styles.xml')))).toBe(true);
  });

  test('the generated tabs are added, and the chart the user put on the old Budgetcontrole stays', async () => {
    const parts = sheetParts(after);
    for (const tab of GENERATED_TABS) expect(parts.has(tab)).toBe(true);
    const budgetCheck = text(after.get(parts.get(TAB.budgetCheck)!));
    expect(budgetCheck).toMatch(/<drawing r:id="rId\d+"\/>/);
    expect(budgetCheck).not.toContain('oude regel');
    const wb = await LocalWorkbook.load(file);
    // 5 years x (6 lines + total row + coverage row) = 40 rows under the header
    expect(wb.readTab(TAB.budgetCheck)!.length).toBeGreaterThan(30);
    const ids = wb.readTab(TAB.ledger)!.map((r) => r[0]);
    expect(ids.slice(0, 2)).toEqual(['ID', 'M-001']);
    expect(ids[3]).toBe('M-002');
    expect(ids[2]).toMatch(/^M-0*3$/);
    expect(ids[4]).toMatch(/^M-0*4$/);
  });

  test('LibreOffice opens the result and still finds the charts, the image, the comment, the dropdowns and the protection', () => {
    const fods = fs.readFileSync(convert(file, 'fods', path.join(dir, 'reopened')), 'utf8');
    expect(fods.match(/<draw:object\b/g)?.length).toBe(2);
    expect(fods).toMatch(/<draw:image\b/);
    expect(fods).toContain(FIXTURE.comment);
    expect(fods).toContain('&quot;Subsidie&quot;;&quot;Inkoop&quot;');
    expect(fods).toMatch(/<table:table table:name="Begroting"[^>]*table:protected="true"/);
    expect(fods).toMatch(/<table:table table:name="Budgetcontrole"/);
    // CSG 2024: 130.000 committed + 40.000 paid > 120.000 raming
    expect(fods.slice(fods.indexOf('table:name="Budgetcontrole"'))).toContain('<text:p>Overschrijding</text:p>');
    expect(fods).toContain('<text:p>&apos;s-Hertogenbosch doet mee</text:p>');
  });

  test('a second check changes nothing of the user tabs either, and the file does not grow', async () => {
    const again = path.join(dir, 'again.xlsx');
    fs.copyFileSync(file, again);
    expect(await main(['check', again, '--peildatum', '2024-10-01'], quiet)).toBe(0);
    const second = await zipEntries(again);
    const parts = sheetParts(after);
    const generated = new Set(GENERATED_TABS.map((t) => parts.get(t)));
    for (const [name, bytes] of after) {
      if (generated.has(name)) continue;
      expect([name, bytes.equals(second.get(name)!)]).toEqual([name, true]);
    }
    expect(fs.statSync(again).size).toBeLessThan(fs.statSync(file).size * 1.02);
  });
});

/** The sqref ranges of a worksheet's validations, e.g. `D2:D1000 F2:F1000`, as [column, from, to]. */
function validationRanges(xml: string): { sqref: string; formula: string; cells: [string, number, number][] }[] {
  return [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*>[\s\S]*?<formula1>([\s\S]*?)<\/formula1>/g)].map((m) => ({
    sqref: m[1],
    formula: m[2],
    cells: m[1].split(' ').map((r) => {
      const [a, b] = r.split(':');
      const [, col, from] = /^([A-Z]+)(\d+)$/.exec(a)!;
      const to = b ? Number(/\d+$/.exec(b)![0]) : Number(from);
      return [col, Number(from), to] as [string, number, number];
    }),
  }));
}

describe('init, then the user adds a dropdown and rows in LibreOffice, then check', () => {
  test('the user\'s dropdowns are neither duplicated nor overlapped, and stay byte for byte', async () => {
    const work = fs.mkdtempSync(path.join(dir, 'init-'));
    const created = path.join(work, 'regio.xlsx');
    expect(await main(['init', created], quiet)).toBe(0);
    // The user opens it in LibreOffice, adds a column with a dropdown of their own and two ledger
    // rows without ID, and saves it as .xlsx.
    let fods = fs.readFileSync(convert(created, 'fods', path.join(work, 'lo')), 'utf8');
    const table = fods.indexOf('<table:table table:name="Mutaties"');
    const header = fods.indexOf('<table:table-cell table:number-columns-repeated="16374"/>', table);
    fods = `${fods.slice(0, header)}<table:table-cell office:value-type="string"><text:p>Eigen categorie</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16373"/>${fods.slice(header + '<table:table-cell table:number-columns-repeated="16374"/>'.length)}`;
    const template = /<table:table-row table:style-name="(ro\d+)" table:number-rows-repeated="999">\s*<table:table-cell table:number-columns-repeated="3"\/>\s*<table:table-cell table:content-validation-name="(val\d+)"\/>\s*<table:table-cell\/>\s*<table:table-cell table:content-validation-name="(val\d+)"\/>\s*<table:table-cell table:number-columns-repeated="2"\/>\s*<table:table-cell table:content-validation-name="(val\d+)"\/>\s*<table:table-cell table:number-columns-repeated="16375"\/>\s*<\/table:table-row>/;
    const m = template.exec(fods.slice(table));
    expect(m).not.toBeNull();
    const [whole, style, code, kind, closed] = m!;
    const cell = (value: string | number | null, validation?: string, date = false) => {
      const v = validation ? ` table:content-validation-name="${validation}"` : '';
      if (value === null) return `<table:table-cell${v}/>`;
      if (date) return `<table:table-cell${v} office:value-type="date" office:date-value="${value}"><text:p>${value}</text:p></table:table-cell>`;
      if (typeof value === 'number') return `<table:table-cell${v} office:value-type="float" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`;
      return `<table:table-cell${v} office:value-type="string"><text:p>${value}</text:p></table:table-cell>`;
    };
    const ledgerRow = (date: string, line: string, amount: number, what: string, category: string) =>
      `<table:table-row table:style-name="${style}">${cell(null)}${cell(date, undefined, true)}${cell(null)}${cell(line, code)}${cell(null)}${cell('Verplichting', kind)}${cell(amount)}${cell(null)}${cell(null, closed)}${cell(what)}${cell(category, 'eigen')}<table:table-cell table:number-columns-repeated="16373"/></table:table-row>`;
    const rest = whole.replace('number-rows-repeated="999"', 'number-rows-repeated="997"').replace('<table:table-cell table:number-columns-repeated="16375"/>', '<table:table-cell/><table:table-cell table:content-validation-name="eigen"/><table:table-cell table:number-columns-repeated="16373"/>');
    fods = fods.slice(0, table) + fods.slice(table).replace(whole, ledgerRow('2024-03-01', 'CSG', 130000, 'opdracht', 'Inkoop') + ledgerRow('2024-04-01', 'VT', 50000, 'bijdrage', 'Subsidie') + rest);
    fods = fods.replace('</table:content-validations>', '<table:content-validation table:name="eigen" table:condition="of:cell-content-is-in-list(&quot;Subsidie&quot;;&quot;Inkoop&quot;)" table:allow-empty-cell="true" table:display-list="unsorted" table:base-cell-address="Mutaties.K2"/></table:content-validations>');
    const edited = path.join(work, 'lo', 'bewerkt.fods');
    fs.writeFileSync(edited, fods);
    const file = convert(edited, 'xlsx', work);

    const before = await zipEntries(file);
    const ledgerPart = sheetParts(before).get(TAB.ledger)!;
    const validationsBefore = validationRanges(text(before.get(ledgerPart)));
    expect(validationsBefore.map((v) => v.formula)).toContain('&quot;Subsidie,Inkoop&quot;');

    expect(await main(['check', file, '--peildatum', '2024-10-01'], quiet)).toBe(0);
    const after = await zipEntries(file);
    const xml = text(after.get(ledgerPart));
    expect(outsideSheetData(xml)).toBe(outsideSheetData(text(before.get(ledgerPart))));
    const validations = validationRanges(xml);
    expect(validations).toEqual(validationsBefore);
    // Each dropdown once, and no cell under two of them.
    expect(new Set(validations.map((v) => v.formula)).size).toBe(validations.length);
    const cellsSeen = new Map<string, number>();
    for (const v of validations) for (const [col, from, to] of v.cells) for (let r = from; r <= to; r++) cellsSeen.set(`${col}${r}`, (cellsSeen.get(`${col}${r}`) ?? 0) + 1);
    expect([...cellsSeen.values()].every((n) => n === 1)).toBe(true);
    // The two new rows got their IDs.
    const wb = await LocalWorkbook.load(file);
    expect(wb.readTab(TAB.ledger)!.slice(1, 3).map((r) => [r[0], r[10]])).toEqual([[expect.stringMatching(/^M-0*1$/), 'Inkoop'], [expect.stringMatching(/^M-0*2$/), 'Subsidie']]);
  });
});
