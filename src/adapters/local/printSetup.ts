import ExcelJS from 'exceljs';
import { XlsxPackage } from './xlsxPackage';
import { elements, escapeText, firstElement, getAttribute, rootPrefix } from './xml';

// How the tabs the add-on writes print: landscape A4, as wide as one page, the header row on every
// page. Without it a tab of 15 columns prints in strips of four columns, one sheet of paper each.

/** A4 in Excel's paper size numbering. */
const A4 = 9;
/** The header row, repeated on every printed page. */
const TITLE_ROWS = '1:1';

export function applyPrintSetup(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages down as the rows need.
    fitToHeight: 0,
    printTitlesRow: TITLE_ROWS,
  };
}

/** `'Tab''s naam'!$1:$1`, as a defined name refers to rows of a tab. */
function titleRows(tab: string, rows: string): string {
  const [from, to] = rows.split(':');
  return `'${tab.replace(/'/g, "''")}'!$${from}:$${to}`;
}

/**
 * The repeated header rows of tabs written into a workbook from elsewhere: a workbook-level defined
 * name (`_xlnm.Print_Titles`, local to the tab) that exceljs writes only when it writes the whole
 * workbook. Replaces the tab's earlier print titles; other names stay as they are.
 */
export async function setPrintTitles(pkg: XlsxPackage, tabs: ReadonlyMap<string, string>): Promise<void> {
  if (tabs.size === 0) return;
  let xml = (await pkg.text(pkg.workbookPart))!;
  const p = rootPrefix(xml, 'workbook');
  const sheetList = firstElement(xml, `${p}sheets`);
  if (!sheetList || sheetList.selfClosing) return;
  const order = elements(xml, `${p}sheet`, sheetList.openEnd, sheetList.end).map((s) => getAttribute(s.tag, 'name'));
  const names = [...tabs].flatMap(([tab, rows]) => {
    const index = order.indexOf(tab);
    return index === -1 ? [] : [{ index, xml: `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeText(titleRows(tab, rows))}</${p}definedName>` }];
  });
  if (names.length === 0) return;
  const ours = new Set(names.map((n) => String(n.index)));
  let list = firstElement(xml, `${p}definedNames`);
  if (list) {
    for (const d of elements(xml, `${p}definedName`, list.openEnd, list.end).reverse()) {
      if (getAttribute(d.tag, 'name') === '_xlnm.Print_Titles' && ours.has(getAttribute(d.tag, 'localSheetId') ?? '')) xml = xml.slice(0, d.start) + xml.slice(d.end);
    }
    list = firstElement(xml, `${p}definedNames`)!;
    const added = names.map((n) => n.xml).join('');
    xml = list.selfClosing
      ? `${xml.slice(0, list.start)}<${p}definedNames>${added}</${p}definedNames>${xml.slice(list.end)}`
      : `${xml.slice(0, list.end - `</${p}definedNames>`.length)}${added}${xml.slice(list.end - `</${p}definedNames>`.length)}`;
  } else {
    // In schema order: after the sheets and any external references.
    const after = firstElement(xml, `${p}externalReferences`) ?? firstElement(xml, `${p}sheets`)!;
    xml = `${xml.slice(0, after.end)}<${p}definedNames>${names.map((n) => n.xml).join('')}</${p}definedNames>${xml.slice(after.end)}`;
  }
  pkg.set(pkg.workbookPart, xml);
}
