import { CellCounter } from '../../../src/adapters/local/limits';

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
