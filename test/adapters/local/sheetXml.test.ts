import { excelSerial, patchCells } from '../../../src/adapters/local/sheetXml';

/** A worksheet as LibreOffice 7.4 writes one (trimmed): styled cells, a validation, protection. */
const LIBREOFFICE = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  '<dimension ref="A1:C3"/><cols><col collapsed="false" customWidth="false" hidden="false" outlineLevel="0" max="2" min="2" style="4" width="11.52"/></cols>',
  '<sheetData>',
  '<row r="1" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" s="0" t="s"><v>1</v></c><c r="C1" s="0" t="s"><v>2</v></c></row>',
  '<row r="2" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="B2" s="2" t="n"><v>45306</v></c><c r="C2" s="0" t="n"><v>100</v></c></row>',
  '<row r="3" customFormat="true" s="5" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A3" s="0"/><c r="C3" s="0" t="n"><v>250</v></c></row>',
  '</sheetData>',
  '<sheetProtection sheet="true" objects="true" scenarios="true"/>',
  '<dataValidations count="1"><dataValidation allowBlank="true" showErrorMessage="false" sqref="B2:B3" type="list"><formula1>&quot;Ja,Nee&quot;</formula1></dataValidation></dataValidations>',
  '<drawing r:id="rId2"/>',
  '</worksheet>',
].join('');

const text = (t: string) => ({ kind: 'text' as const, text: t });
const sheetData = (xml: string) => /<sheetData>([\s\S]*)<\/sheetData>/.exec(xml)![1];
const outside = (xml: string) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '').replace(/<dimension ref="[^"]*"\/>/, '');

describe('patchCells', () => {
  test('writes into an existing empty cell, keeping its style; nothing else of the part changes', () => {
    const out = patchCells(LIBREOFFICE, [{ row: 3, column: 1, value: text('A-053') }]);
    expect(out).toBe(LIBREOFFICE.replace('<c r="A3" s="0"/>', '<c r="A3" s="0" t="inlineStr"><is><t>A-053</t></is></c>'));
  });

  test('a new cell goes in column order and takes its row\'s style, or else its column\'s', () => {
    const out = patchCells(LIBREOFFICE, [
      { row: 2, column: 1, value: text('M-001') },
      { row: 3, column: 2, value: { kind: 'number', number: 7 } },
    ]);
    const rows = sheetData(out);
    // A2 before B2; row 2 has no format of its own, so A2 takes nothing (B2's column style is column 2's).
    expect(rows).toContain('<row r="2" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A2" t="inlineStr"><is><t>M-001</t></is></c><c r="B2" s="2" t="n">');
    // Row 3 is formatted (customFormat, s=5): B3 takes style 5, between A3 and C3.
    expect(rows).toContain('<c r="A3" s="0"/><c r="B3" s="5"><v>7</v></c><c r="C3"');
    expect(outside(out)).toBe(outside(LIBREOFFICE));
  });

  test('a cell in a column with a default style takes it; a new row is placed in order; the dimension grows', () => {
    const out = patchCells(LIBREOFFICE, [{ row: 5, column: 2, value: text('x') }, { row: 4, column: 4, value: text('y') }]);
    expect(sheetData(out).endsWith('</row><row r="4"><c r="D4" t="inlineStr"><is><t>y</t></is></c></row><row r="5"><c r="B5" s="4" t="inlineStr"><is><t>x</t></is></c></row>')).toBe(true);
    expect(out).toContain('<dimension ref="A1:D5"/>');
  });

  test('text is escaped, keeps its spaces, and never touches the shared strings; values of every kind', () => {
    const out = patchCells(LIBREOFFICE, [
      { row: 3, column: 1, value: text(' <b> & "x" _x0041_ \u0001 ') },
      { row: 2, column: 3, value: { kind: 'boolean', value: true } },
      { row: 1, column: 3, value: { kind: 'blank' } },
      { row: 2, column: 2, value: { kind: 'date', serial: excelSerial(new Date(Date.UTC(2024, 2, 15))) } },
      { row: 3, column: 3, value: { kind: 'number', number: Infinity } },
    ]);
    expect(out).toContain('<c r="A3" s="0" t="inlineStr"><is><t xml:space="preserve"> &lt;b&gt; &amp; "x" _x005F_x0041_ _x0001_ </t></is></c>');
    expect(out).toContain('<c r="C2" s="0" t="b"><v>1</v></c>');
    expect(out).toContain('<c r="C1" s="0"/>');
    // 15-03-2024 is day 45366 since 30-12-1899
    expect(out).toContain('<c r="B2" s="2"><v>45366</v></c>');
    expect(out).toContain('<c r="C3" s="0" t="e"><v>#NUM!</v></c>');
  });

  test('the style of a written cell can be chosen, e.g. a date format for a date', () => {
    const out = patchCells(LIBREOFFICE, [{ row: 2, column: 3, value: { kind: 'date', serial: 45366 } }], (current, value) => (value.kind === 'date' ? 9 : current));
    expect(out).toContain('<c r="C2" s="9"><v>45366</v></c>');
  });

  test('rows and cells without r, a prefixed namespace, an empty sheet', () => {
    const implicit = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(patchCells(implicit, [{ row: 2, column: 2, value: text('b') }, { row: 1, column: 2, value: text('z') }])).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>z</x:t></x:is></x:c></x:row><x:row><x:c><x:v>3</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
    );
    const empty = '<worksheet><dimension ref="A1"/><sheetData/></worksheet>';
    expect(patchCells(empty, [{ row: 2, column: 1, value: text('a') }])).toBe('<worksheet><dimension ref="A1:A2"/><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>');
  });

  test('spans widen to take a new cell; the last write of a cell wins', () => {
    const xml = '<worksheet><sheetData><row r="1" spans="1:2"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData></worksheet>';
    expect(patchCells(xml, [{ row: 1, column: 4, value: text('a') }, { row: 1, column: 4, value: text('b') }])).toBe(
      '<worksheet><sheetData><row r="1" spans="1:4"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="D1" t="inlineStr"><is><t>b</t></is></c></row></sheetData></worksheet>',
    );
  });

  test('refuses to overwrite the master cell of a shared formula that other cells depend on', () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c></row></sheetData></worksheet>';
    expect(() => patchCells(xml, [{ row: 1, column: 1, value: text('x') }])).toThrow('gedeelde formule');
  });
});
