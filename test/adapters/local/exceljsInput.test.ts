/**
 * exceljs's copy of a user's file leaves drawings out: the sheet's `<drawing>` element must go with
 * its relationship, whatever order the writer stored the parts in. LibreOffice stores a sheet's
 * .rels ahead of the sheet; reading the rels after rewriting them left `<drawing r:id>` pointing at
 * nothing, and exceljs failed with "Cannot read properties of undefined (reading 'Target')".
 */
import JSZip from 'jszip';
import { exceljsInput } from '../../../src/adapters/local/exceljsInput';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheetData/><drawing r:id="rId1"/></worksheet>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`;

async function packageWith(order: 'rels first' | 'sheet first'): Promise<Uint8Array> {
  const zip = new JSZip();
  const parts: [string, string][] = [['xl/worksheets/sheet1.xml', SHEET], ['xl/worksheets/_rels/sheet1.xml.rels', RELS]];
  if (order === 'rels first') parts.reverse();
  for (const [name, xml] of parts) zip.file(name, xml);
  zip.file('xl/drawings/drawing1.xml', '<xdr:wsDr xmlns:xdr="x"/>');
  return zip.generateAsync({ type: 'uint8array' });
}

test.each(['rels first', 'sheet first'] as const)('the drawing reference and its relationship both go (%s)', async (order) => {
  const copy = await JSZip.loadAsync(await exceljsInput(await packageWith(order)));
  expect(await copy.file('xl/worksheets/sheet1.xml')!.async('string')).not.toContain('<drawing');
  expect(await copy.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string')).not.toContain('drawing');
  expect(copy.file('xl/drawings/drawing1.xml')).toBeNull();
});
