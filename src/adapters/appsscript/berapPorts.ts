import { BerapPorts } from '../../ports/berap';
import { sheetsBerapChart } from './berapChart';
import { appsScriptBerapDoc } from './berapDoc';
import { AppsScriptProtections } from './protections';

/** The berap's ports in Apps Script, the chart and the protection over one spreadsheet handle; none elsewhere. */
export function appsScriptBerapPorts(): BerapPorts {
  if (typeof SpreadsheetApp === 'undefined') return { doc: appsScriptBerapDoc() };
  const spreadsheet = SpreadsheetApp.getActive();
  return { doc: appsScriptBerapDoc(), chart: sheetsBerapChart(spreadsheet), protections: new AppsScriptProtections(spreadsheet) };
}
