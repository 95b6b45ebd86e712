import { buildAgenda } from '../../../src/core/agenda/build';
import { renderHtml } from '../../../src/core/agenda/html';
import { escapeMarkdown, renderMarkdown } from '../../../src/core/agenda/markdown';
import { AGENDA_HEADERS, renderRows } from '../../../src/core/agenda/rows';
import { Agenda } from '../../../src/core/agenda/types';
import { SCRIPT_TITLE, load } from './fixture';

function agenda(fictional = false): Agenda {
  return buildAgenda({ ...load(), fictional });
}

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link']);

/**
 * A tiny well-formedness check: every non-void tag is closed in order, attributes are quoted and no
 * raw `<` or `&` appears in text. Enough for the markup renderHtml produces; it is not a full parser.
 */
function checkWellFormed(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = html.replace(/^<!doctype html>\n/i, '');
  // SVG has camelCase attributes (viewBox) and self-closing elements (<rect/>).
  const tag = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-zA-Z0-9-]+="[^"<>]*")*)\s*(\/?)>/gy;
  let i = 0;
  while (i < body.length) {
    if (body[i] === '<') {
      tag.lastIndex = i;
      const m = tag.exec(body);
      if (!m) {
        problems.push(`bad tag at ${i}: ${body.slice(i, i + 30)}`);
        break;
      }
      const [, closing, name, , selfClosing] = m;
      if (closing) {
        const open = stack.pop();
        if (open !== name) problems.push(`</${name}> closes <${open}>`);
      } else if (!VOID.has(name) && !selfClosing) {
        stack.push(name);
      }
      i = tag.lastIndex;
      // CSS is raw text: skip to its end tag.
      if (name === 'style' && !closing) i = body.indexOf('</style>', i);
    } else {
      if (body[i] === '&' && !/^&(amp|lt|gt|quot|#39);/.test(body.slice(i, i + 6))) problems.push(`raw & at ${i}`);
      if (body[i] === '>') problems.push(`raw > at ${i}`);
      i++;
    }
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

describe('renderHtml', () => {
  const html = renderHtml(agenda(true));

  it('is a self-contained Dutch document', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  it('escapes a <script> in an action title', () => {
    expect(html).not.toContain(SCRIPT_TITLE);
    expect(html).toContain('Campagnemateriaal &lt;script&gt;alert(1)&lt;/script&gt;');
    // `&` in a good example is escaped too.
    expect(html).toContain('samenwerking met de bank &amp; notaris');
  });

  it('is well-formed, with the banner, the header and the overview', () => {
    expect(checkWellFormed(html)).toEqual([]);
    expect(html).toContain('<p class="banner" role="note">FICTIEF:');
    expect(html).toContain('<dt>Locatie</dt><dd>Stadhuis Alpha, zaal 2</dd>');
    expect(html).toContain('<h2><span>4. Financiën <span class="purpose">(ter advisering)</span></span><span class="ref">Bijlage B</span></h2>');
    // Print: one A4 page for the agenda proper, each appendix on a new page; amounts never wrap after `€`.
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('section.appendix{break-before:page');
    expect(html).toContain('<span class="amount">€\u00a023.000</span>');
  });

  it('the checker itself catches a broken document', () => {
    expect(checkWellFormed('<html><body><p>x</body></html>')).not.toEqual([]);
    expect(checkWellFormed('<p>a <b> c</p>')).not.toEqual([]);
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(agenda());

  it('has one heading per part and the items with their numbers', () => {
    expect(md.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## 1. Opening, verslag en actielijst, mededelingen (ter vaststelling)',
      '## 2. Ronde langs de gemeenten (ter bespreking) · Bijlage A',
      '## 3. Voortgang programma (ter bespreking) · Bijlage A',
      '## 4. Financiën (ter advisering) · Bijlage B',
      '## 5. Thema: Ouderenmishandeling (ter bespreking) · Bijlage C',
      '## 6. Goede voorbeelden uit gemeenten (ter informatie)',
      '## 7. Uitgenodigde netwerkpartners (ter informatie) · Bijlage A',
      '## 8. Rondvraag, besluitenlijst en sluiting (ter bespreking)',
      '## Bijlage A: voortgang en gemeenten',
      '## Bijlage B: financiën',
      '## Bijlage C: thema',
    ]);
    expect(md).toContain('Deadline verstreken: Campagnemateriaal \\<script\\>alert(1)\\</script\\> (A-002), niet gestart — eigenaar: Augeo, deadline 15-02-2025');
    expect(md).toContain('  - Begrotingswijziging: € 5.000 van Moviera naar Uitvoering actielijnen (2025)');
  });

  it('writes tables whose rows all have as many cells as the header', () => {
    const tableLines = md.split('\n').filter((l) => l.startsWith('|'));
    expect(tableLines.length).toBeGreaterThan(0);
    // Cells are separated by unescaped pipes only.
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    const groups = md.split('\n\n').filter((g) => g.startsWith('|'));
    for (const g of groups) {
      const lines = g.split('\n');
      for (const l of lines) expect(cells(l)).toBe(cells(lines[0]));
    }
  });

  it('escapes a pipe so it cannot split a table cell', () => {
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('regel 1\nregel 2')).toBe('regel 1 regel 2');
  });

  it('ends with exactly one newline', () => {
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });
});

describe('renderRows', () => {
  const rows = renderRows(agenda());

  it('has the agenda columns, one line per row', () => {
    expect(AGENDA_HEADERS).toEqual(['Nr', 'Onderdeel', 'Omschrijving', 'Eigenaar', 'Bedrag', 'Datum']);
    for (const r of rows) expect(r).toHaveLength(AGENDA_HEADERS.length);
    expect(rows.every((r) => r.every((c) => typeof c === 'string' && !c.includes('\n')))).toBe(true);
  });

  it('puts headings on their own rows and items with their number, owner, amount and date in nl-NL', () => {
    expect(rows[0]).toEqual(['', 'Agenda', 'Agenda overleg Testregio, 13-03-2025', '', '', '13-03-2025']);
    expect(rows).toContainEqual(['', '', 'Notulist: Secretariaat regio', '', '', '']);
    expect(rows).toContainEqual(['4', 'Financiën (ter advisering)', 'Details: Bijlage B', '', '', '']);
    expect(rows).toContainEqual(['', 'Bijlage A: voortgang en gemeenten', '', '', '', '']);
    expect(rows).toContainEqual(['', '› Preventie en signalering (AL1)', '', '', '', '']);
    expect(rows.some((r) => r[2] === `Deadline verstreken: ${SCRIPT_TITLE} (A-002), niet gestart` && r[3] === 'Augeo' && r[5] === '15-02-2025')).toBe(true);
    // The round of municipalities as one line per municipality, with counts.
    expect(rows).toContainEqual(['', '', 'Gamma: open 1, deadline vóór 12-06-2025 0, verstreken 1, lokaal plan ontbreekt', '', '', '']);
    // Tekort 23.000 on the advice row, whole euros.
    expect(rows.some((r) => r[2] === 'Advies bij de overschrijding van Uitvoering actielijnen in 2025' && r[4] === '€ 23.000')).toBe(true);
  });

  it('neutralises text that a sheet would read as a formula', () => {
    const r = renderRows(buildAgenda({ ...load({ extraActions: [{ ID: 'A-099', Actielijn: 'AL1', Gemeente: 'Regio', Actie: '=HYPERLINK("x")', Eigenaar: '+Partner', Deadline: '2025-03-20', Status: 'Loopt' }] }), fictional: false }));
    const row = r.find((x) => String(x[2]).includes('=HYPERLINK'))!;
    expect(row[3]).toBe("'+Partner");
    // On the page, the list of partners starts with that name.
    expect(r.some((x) => String(x[2]).startsWith("'+Partner, "))).toBe(true);
    // The invitee row starts with the owner's name.
    expect(r.some((x) => x[2] === "'+Partner")).toBe(true);
  });
});
