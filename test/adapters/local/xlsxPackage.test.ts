import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { LocalWorkbook } from '../../../src/adapters/local/workbook';
import { XlsxPackage } from '../../../src/adapters/local/xlsxPackage';

/** A workbook as Excel lays it out (exceljs writes docProps/app.xml with the tab titles, as Excel does). */
async function excelLike(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Acties').getCell('A1').value = 'ID';
  book.addWorksheet('Mutaties').getCell('A1').value = 'ID';
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

const SHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Jaar</t></is></c></row></sheetData></worksheet>';

describe('XlsxPackage', () => {
  test('adds a tab: part, relationship, sheet entry, content type and title; the rest stays', async () => {
    const original = await excelLike();
    const pkg = await XlsxPackage.open(original);
    expect((await pkg.sheets()).map((s) => [s.name, s.part])).toEqual([['Acties', 'xl/worksheets/sheet1.xml'], ['Mutaties', 'xl/worksheets/sheet2.xml']]);
    expect(await pkg.addWorksheet('Budget & controle', SHEET)).toBe('xl/worksheets/sheet3.xml');
    const out = await JSZip.loadAsync(await pkg.toBuffer());
    const text = (name: string) => out.file(name)!.async('string');
    expect(await text('xl/workbook.xml')).toMatch(/<sheet sheetId="2" name="Mutaties" state="visible" r:id="rId\d+"\/><sheet name="Budget &amp; controle" sheetId="3" r:id="(rId\d+)"\/><\/sheets>/);
    const id = /name="Budget &amp; controle" sheetId="3" r:id="(rId\d+)"/.exec(await text('xl/workbook.xml'))![1];
    expect(await text('xl/_rels/workbook.xml.rels')).toContain(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>`);
    expect(await text('[Content_Types].xml')).toContain('<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
    expect(await text('docProps/app.xml')).toContain('<vt:i4>3</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>Acties</vt:lpstr><vt:lpstr>Mutaties</vt:lpstr><vt:lpstr>Budget &amp; controle</vt:lpstr></vt:vector>');
    const before = await JSZip.loadAsync(original);
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/styles.xml', 'xl/sharedStrings.xml']) {
      expect([name, await text(name)]).toEqual([name, await before.file(name)!.async('string')]);
    }
    const wb = await LocalWorkbook.fromBuffer(await pkg.toBuffer());
    expect(wb.tabNames()).toEqual(['Acties', 'Mutaties', 'Budget & controle']);
    expect(wb.readTab('Budget & controle')).toEqual([['Jaar']]);
  });

  test('drops the calculation chain with its relationship and content type', async () => {
    const zip = await JSZip.loadAsync(await excelLike());
    zip.file('xl/calcChain.xml', '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="1"/></calcChain>');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
    const pkg = await XlsxPackage.open(await zip.generateAsync({ type: 'nodebuffer' }));
    await pkg.dropCalcChain();
    const out = await JSZip.loadAsync(await pkg.toBuffer());
    expect(out.file('xl/calcChain.xml')).toBeNull();
    expect(await out.file('xl/_rels/workbook.xml.rels')!.async('string')).not.toContain('calcChain');
    expect(await out.file('[Content_Types].xml')!.async('string')).not.toContain('calcChain');
  });
});
