import JSZip from 'jszip';
import { CellCounter, LIMITS, checkSheetSizes } from '../../../src/adapters/local/limits';
import { LocalWorkbook } from '../../../src/adapters/local/workbook';
import { XlsxPackage } from '../../../src/adapters/local/xlsxPackage';

describe('CellCounter', () => {
  const xml = '<worksheet><cols><col min="1" max="2"/></cols><sheetData><row r="1"><c r="A1" s="1"/><c r="B1"><v>2</v></c><c>3</c></row></sheetData><conditionalFormatting><cfRule type="expression"/></conditionalFormatting></worksheet>';

  test('counts cell elements, not <col> or <cfRule>', () => {
    const counter = new CellCounter();
    counter.add(Buffer.from(xml));
    expect(counter.cells).toBe(3);
    expect(counter.bytes).toBe(xml.length);
  });

  test('counts a tag split between chunks once, wherever the split falls', () => {
    for (let size = 1; size <= 7; size++) {
      const counter = new CellCounter();
      for (let i = 0; i < xml.length; i += size) counter.add(Buffer.from(xml.slice(i, i + size)));
      expect([size, counter.cells]).toEqual([size, 3]);
    }
  });
});

describe('checkSheetSizes', () => {
  /** A one-tab workbook whose shared-string table holds `count` strings of 20 characters. */
  async function workbookWithStrings(count: number): Promise<XlsxPackage> {
    const wb = LocalWorkbook.create();
    wb.createTab('Blad', { headers: ['Tekst'] });
    wb.appendRows('Blad', [['een']]);
    const zip = await JSZip.loadAsync(await wb.toBuffer());
    const items = Array.from({ length: count }, (_, i) => `<si><t>${String(i).padStart(20, 'x')}</t></si>`).join('');
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">${items}</sst>`);
    return XlsxPackage.open(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  }

  test('the shared-string table counts in the unpacked size: 50.000 strings of 36 bytes (1,8 MB) pass 2 MB, not 1 MB', async () => {
    // <si><t> + 20 characters + </t></si> = 7 + 20 + 9 = 36 bytes a string; 50.000 × 36 = 1.800.000 bytes
    const pkg = await workbookWithStrings(50_000);
    await expect(checkSheetSizes(pkg, { ...LIMITS, sheetXmlBytes: 2_000_000 })).resolves.toBeUndefined();
    await expect(checkSheetSizes(pkg, { ...LIMITS, sheetXmlBytes: 1_000_000 })).rejects.toThrow(
      'Het werkboek is te groot voor de CLI: de tabbladen met hun teksten (sharedStrings) zijn uitgepakt meer dan 1 MB groot; de grens is 1 MB.',
    );
  });
});
