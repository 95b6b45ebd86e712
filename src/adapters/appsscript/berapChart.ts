import { CHART_TITLE } from '../../core/budget/berap/chart';
import { BERAP_HEADERS } from '../../core/budget/berap/rows';
import { BerapChartPort } from '../../ports/berap';

const column = (header: (typeof BERAP_HEADERS)[number]) => BERAP_HEADERS.indexOf(header) + 1;

/** Whether a chart on the tab is the one the add-on made: it carries the berap chart's title. */
function isBerapChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): boolean {
  try {
    return chart.getOptions().get('title') === CHART_TITLE;
  } catch {
    return false;
  }
}

/**
 * The berap tab's chart of Raming and Prognose per budget line, embedded in Sheets. The chart made
 * before is removed first, so remaking the berap replaces it; a chart a user added is left alone.
 * The tab is rewritten in the contract's column order, so the ranges are fixed: Begrotingspost,
 * Raming and Prognose, header and the budget lines (the rows above Totaal).
 */
export function sheetsBerapChart(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): BerapChartPort {
  return {
    replace(tabName, berap) {
      const sheet = spreadsheet.getSheetByName(tabName);
      if (!sheet) return;
      for (const chart of sheet.getCharts()) if (isBerapChart(chart)) sheet.removeChart(chart);
      const lines = berap.rows.filter((r) => r.kind === 'line').length;
      if (lines === 0) return;
      const range = (header: (typeof BERAP_HEADERS)[number]) => sheet.getRange(1, column(header), lines + 1, 1);
      const chart = sheet
        .newChart()
        .asBarChart()
        .addRange(range('Begrotingspost'))
        .addRange(range('Raming'))
        .addRange(range('Prognose'))
        .setNumHeaders(1)
        .setOption('title', CHART_TITLE)
        .setOption('legend', { position: 'top' })
        // Below the table and its notes, so it never covers a row the controller types in.
        .setPosition(berap.rows.length + berap.orphans.length + 6, column('Begrotingspost'), 0, 0)
        .build();
      sheet.insertChart(chart);
    },
  };
}

/** The chart port over the active spreadsheet; null outside Apps Script. */
export function appsScriptBerapChart(): BerapChartPort | null {
  return typeof SpreadsheetApp === 'undefined' ? null : sheetsBerapChart(SpreadsheetApp.getActive());
}
