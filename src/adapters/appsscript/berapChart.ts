import { CHART_TITLE } from '../../core/budget/berap/chart';
import { BERAP_HEADERS } from '../../core/budget/berap/rows';
import { Berap } from '../../core/budget/berap/types';
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

/** What places the chart: its ranges (header and lines) and where it is anchored. */
function placement(berap: Berap): string {
  const lines = berap.rows.filter((r) => r.kind === 'line').length;
  if (lines === 0) return '';
  return `v1:${lines}:${SERIES.map(column).join(',')}:${berap.rows.length + berap.orphans.length + 6}`;
}

const SERIES = ['Begrotingspost', 'Raming', 'Prognose'] as const;

/**
 * The berap tab's chart of Raming and Prognose per budget line, embedded in Sheets. The chart made
 * before stays when it still stands where the last run put it over the same ranges (its values
 * follow the cells); else it is removed and made again, so there is never a second one. A chart a
 * user added is left alone.
 * The tab is rewritten in the contract's column order, so the ranges are fixed: Begrotingspost,
 * Raming and Prognose, header and the budget lines (the rows above Totaal).
 */
export function sheetsBerapChart(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): BerapChartPort {
  return {
    replace(tabName, berap, standing) {
      const sheet = spreadsheet.getSheetByName(tabName);
      if (!sheet) return '';
      const want = placement(berap);
      const ours = sheet.getCharts().filter(isBerapChart);
      // Made by the last run and still there (deleted by hand, it is made again).
      if (want && standing === want && ours.length === 1) return want;
      for (const chart of ours) sheet.removeChart(chart);
      if (!want) return '';
      const lines = berap.rows.filter((r) => r.kind === 'line').length;
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
      return want;
    },
  };
}

/** The chart port over the active spreadsheet; null outside Apps Script. */
export function appsScriptBerapChart(): BerapChartPort | null {
  return typeof SpreadsheetApp === 'undefined' ? null : sheetsBerapChart(SpreadsheetApp.getActive());
}
