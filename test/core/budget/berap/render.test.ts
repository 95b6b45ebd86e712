import { renderBerapHtml } from '../../../../src/core/budget/berap/html';
import { renderBerapMarkdown } from '../../../../src/core/budget/berap/markdown';
import { BERAP_HEADERS, renderBerapRows } from '../../../../src/core/budget/berap/rows';
import { Grid } from '../../../../src/core/sheet/cell';
import { makeBerap } from './fixture';

const col = (h: string) => BERAP_HEADERS.indexOf(h as (typeof BERAP_HEADERS)[number]);
function withText(code: string, text: string): Grid {
  const rows = renderBerapRows(makeBerap());
  return [[...BERAP_HEADERS], ...rows.map((r) => (r[col('Code')] === code ? r.map((c, j) => (j === col('Toelichting') ? text : c)) : r))];
}

describe('the berap as Markdown', () => {
  const md = renderBerapMarkdown(makeBerap(withText('A', 'Lager *vastgesteld*'), true));
  it('has the title, the FICTIEF banner, right-aligned number columns and whole euros', () => {
    expect(md.startsWith('# Berap regioaanpak Testregio 2024, peildatum 01-10-2024\n')).toBe(true);
    expect(md).toContain('**FICTIEF:');
    expect(md).toContain('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|');
    // A: Raming 1.020.000, Prognose 960.000, Afwijking 60.000 V (5,9%), Vorige 900.000, Mutatie 60.000
    expect(md).toContain('| Post A (A) | € 1.000.000 | € 20.000 | € 1.020.000 | € 960.000 | € 0 | € 960.000 | € 60.000 | 5,9% | V | € 900.000 | € 60.000 |');
    expect(md).not.toMatch(/€ -?[\d.]+,\d\d/);
  });
  it('gives the typed text escaped, and says where a required one is missing', () => {
    expect(md).toContain('Lager \\*vastgesteld\\*');
    expect(md).toMatch(/### Post B \(B\)\n\nAfwijking € -15\.000 N \(-15,0%\)\.\n\n\*\*Toelichting ontbreekt/);
  });
});

describe('the berap as HTML', () => {
  const html = renderBerapHtml(makeBerap(withText('B', '<script>alert(1)</script>'), true));
  it('prints on A4 with numbers right aligned and the FICTIEF banner under the title', () => {
    expect(html).toContain('@page{size:A4 landscape');
    expect(html).toContain('th.num,td.num{text-align:right');
    expect(html).toContain('<td class="num">€ 1.020.000</td>');
    expect(html).toMatch(/<h1>Berap regioaanpak Testregio 2024, peildatum 01-10-2024<\/h1>\n<p class="banner" role="note">FICTIEF:/);
  });
  it('escapes what the controller typed', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('has an inline SVG chart of Raming and Prognose with a text alternative', () => {
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="berap-chart-title">Raming en prognose per begrotingspost</title>');
    expect(svg).toContain('Post A: raming € 1.020.000, prognose € 960.000; Post B: raming € 100.000, prognose € 115.000;');
    // two bars per line (4 lines) plus two legend squares
    expect(svg.match(/<rect /g)).toHaveLength(4 * 2 + 2);
  });
});
