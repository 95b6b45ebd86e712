import { missingExplanationFindings } from '../../../../src/core/budget/berap/missing';
import { BERAP_HEADERS, ORPHANS_HEADING, renderBerapRows } from '../../../../src/core/budget/berap/rows';
import { runCheck } from '../../../../src/core/check';
import { Grid, cellText } from '../../../../src/core/sheet/cell';
import { CONTEXT } from '../../fixtures';
import { HISTORY, berapWorkbook, makeBerap } from './fixture';

/** The tab as the sheet holds it: header row, then the rendered rows; Sheets drops the protective apostrophe. */
const tabOf = (rows: Grid): Grid => [[...BERAP_HEADERS], ...rows.map((r) => r.map((c) => (typeof c === 'string' ? c.replace(/^'/, '') : c)))];
const col = (h: string) => BERAP_HEADERS.indexOf(h as (typeof BERAP_HEADERS)[number]);

/** The controller types `text` into the Toelichting of the row whose Code is `code`. */
function type(tab: Grid, code: string, text: string): Grid {
  return tab.map((r, i) => (i > 0 && r[col('Code')] === code ? r.map((c, j) => (j === col('Toelichting') ? text : c)) : r));
}

describe('the controller\'s Toelichting', () => {
  it('survives remaking the berap, row by Code, wherever the user moved the columns', () => {
    let tab = tabOf(renderBerapRows(makeBerap()));
    tab = type(tab, 'A', 'Subsidie lager vastgesteld.');
    tab = type(tab, 'Totaal', '=HYPERLINK("x")');
    // the user moves Toelichting to the front: columns are found by header
    const moved = tab.map((r) => [r[col('Toelichting')], ...r.filter((_, j) => j !== col('Toelichting'))]);
    const again = makeBerap(moved);
    expect(again.rows.find((r) => r.code === 'A')!.explanation).toBe('Subsidie lager vastgesteld.');
    expect(again.rows.find((r) => r.code === 'Totaal')!.explanation).toBe('=HYPERLINK("x")');
    expect(again.orphans).toEqual([]);
    // written back escaped: the text is never read as a formula
    const rows = renderBerapRows(again);
    expect(rows.find((r) => r[0] === 'Totaal')![col('Toelichting')]).toBe('\'=HYPERLINK("x")');
  });

  it('keeps the text of a line that no longer exists in a visible row below, and gives it back when the line returns', () => {
    let tab = tabOf(renderBerapRows(makeBerap()));
    // a row for a line E that an earlier Begroting had
    tab.push(BERAP_HEADERS.map((h) => (h === 'Code' ? 'E' : h === 'Toelichting' ? 'Post E is opgeheven per 2024.' : '')));
    const berap = makeBerap(tab);
    expect(berap.orphans).toEqual([{ code: 'E', explanation: 'Post E is opgeheven per 2024.' }]);
    const rows = renderBerapRows(berap);
    const heading = rows.findIndex((r) => r[col('Begrotingspost')] === ORPHANS_HEADING);
    expect(heading).toBeGreaterThan(berap.rows.length - 1);
    expect(rows[heading + 1][col('Code')]).toBe('E');
    expect(rows[heading + 1][col('Toelichting')]).toBe('Post E is opgeheven per 2024.');
    // remade again from that tab: still there (the heading row has no Code and is not read as a line)
    const twice = makeBerap(tabOf(rows));
    expect(twice.orphans).toEqual([{ code: 'E', explanation: 'Post E is opgeheven per 2024.' }]);
  });
});

describe('Controles lists each missing required explanation at every later check', () => {
  const name = 'Berap 2024-10-01';

  it('names the berap, the line and its deviation, as a warning on the Toelichting cell', () => {
    const tab = type(tabOf(renderBerapRows(makeBerap())), 'A', 'Subsidie lager vastgesteld.');
    const check = runCheck(berapWorkbook(), CONTEXT, HISTORY, null, null, [{ name, grid: tab }]);
    const lines = check.findings.filter((f) => f.tab === name);
    // A has its text; B (Afwijking -15.000, N) has none
    expect(lines).toEqual([{
      tab: name, row: 3, column: 'Toelichting (P)', value: '', severity: 'warning',
      problem: 'Berap 01-10-2024: toelichting ontbreekt bij Post B, afwijking € -15.000 N',
    }]);
    const controles = check.outputs.Controles.map((r) => r.map(cellText));
    expect(controles).toContainEqual([name, '3', 'Toelichting (P)', '', 'Berap 01-10-2024: toelichting ontbreekt bij Post B, afwijking € -15.000 N', 'wel meegeteld']);
  });

  it('is gone once the text is typed', () => {
    const tab = type(type(tabOf(renderBerapRows(makeBerap())), 'A', 'x'), 'B', 'y');
    expect(missingExplanationFindings([{ name, grid: tab }])).toEqual([]);
  });
});
