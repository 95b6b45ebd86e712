/**
 * Issue 10: amounts of a million and more showed as `###` (money columns 12 wide). Every tab with a
 * money column is written through the local adapter and printed by LibreOffice, which draws `###`
 * where a number does not fit, exactly as a user sees it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkbook } from '../../../src/adapters/local/workbook';
import { MONEY_COLUMN_WIDTH } from '../../../src/adapters/local/tabLayout';
import { Cell } from '../../../src/core/sheet/cell';
import { GENERATED_TABS, LAYOUT, TabName } from '../../../src/core/workbook/contract';
import { convert } from '../../libreoffice/libreoffice';
import { pdfText } from '../../libreoffice/pdfText';

jest.setTimeout(120_000);

const moneyTabs = (Object.keys(LAYOUT) as TabName[]).filter((tab) => Object.values(LAYOUT[tab].formats ?? {}).includes('money'));

test('money columns fit € 99.999.999,99 and its negative: LibreOffice prints every amount, no ###', () => {
  expect(moneyTabs).toEqual(expect.arrayContaining(['Begroting', 'Dekking', 'Mutaties', 'Budgetcontrole']));
  const wb = LocalWorkbook.create();
  let amounts = 0;
  for (const tab of moneyTabs) {
    const layout = LAYOUT[tab];
    const row = (amount: number): Cell[] => layout.headers.map((h) => (layout.formats?.[h] === 'money' ? amount : null));
    const rows = [row(99_999_999.99), row(-99_999_999.99), row(1_000_000)];
    amounts += rows.flat().filter((v) => v !== null).length;
    if ((GENERATED_TABS as readonly string[]).includes(tab)) {
      wb.replaceTab(tab, layout, rows);
    } else {
      wb.createTab(tab, layout);
      wb.appendRows(tab, rows);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-money-'));
  const file = path.join(dir, 'bedragen.xlsx');
  return wb.save(file).then(() => {
    const texts = pdfText(convert(file, 'pdf', dir));
    expect(texts.filter((t) => t.includes('###'))).toEqual([]);
    // LibreOffice's locale here is en-US: € 99,999,999.99
    expect(texts.filter((t) => /99,999,999\.99/.test(t)).length + texts.filter((t) => /1,000,000\.00/.test(t)).length).toBe(amounts);
    expect(MONEY_COLUMN_WIDTH).toBeGreaterThanOrEqual('€ -99.999.999,99'.length);
  });
});
