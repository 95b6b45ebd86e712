import { buildAgenda } from '../../../src/core/agenda/build';
import { renderHtml } from '../../../src/core/agenda/html';
import { escapeMarkdown, renderMarkdown } from '../../../src/core/agenda/markdown';
import { AGENDA_HEADERS, renderRows } from '../../../src/core/agenda/rows';
import { Agenda } from '../../../src/core/agenda/types';
import { CONFIG, SCRIPT_TITLE, load } from './fixture';

function agenda(): Agenda {
  const { programme, check } = load();
  return buildAgenda({ programme, check, quarter: { year: 2025, quarter: 1 }, config: CONFIG });
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
  const tag = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/gy;
  let i = 0;
  while (i < body.length) {
    if (body[i] === '<') {
      tag.lastIndex = i;
      const m = tag.exec(body);
      if (!m) {
        problems.push(`bad tag at ${i}: ${body.slice(i, i + 30)}`);
        break;
      }
      const [, closing, name] = m;
      if (closing) {
        const open = stack.pop();
        if (open !== name) problems.push(`</${name}> closes <${open}>`);
      } else if (!VOID.has(name)) {
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
  const html = renderHtml(agenda());

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

  it('is well-formed', () => {
    expect(checkWellFormed(html)).toEqual([]);
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
      '## 1. Opening en mededelingen',
      '## 2. Voortgang regioaanpak',
      '## 3. Budget',
      '## 4. Thema',
      '## 5. Goede voorbeelden uit gemeenten',
      '## 6. Lokale plannen',
      '## 7. Uitgenodigde netwerkpartners',
      '## 8. Rondvraag en sluiting',
    ]);
    expect(md).toContain('- **2.4** A-002 Campagnemateriaal \\<script\\>alert(1)\\</script\\> (regionaal), status Niet gestart — eigenaar: Augeo, deadline 15-02-2025');
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
    expect(md.endsWith('Sluiting\n')).toBe(true);
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
    expect(rows).toContainEqual(['2', 'Voortgang regioaanpak', '', '', '', '']);
    expect(rows).toContainEqual(['', 'AL1 Preventie en signalering', '', '', '', '']);
    expect(rows).toContainEqual(['2.4', '', `A-002 ${SCRIPT_TITLE} (regionaal), status Niet gestart`, 'Augeo', '', '15-02-2025']);
    // Tekort 23.000 on the decision row.
    expect(rows).toContainEqual(['3.1', '', 'Besluit herprioritering 2025, ACT Uitvoering actielijnen', '', '€ 23.000,00', '']);
  });

  it('neutralises text that a sheet would read as a formula', () => {
    const { programme, check } = load({ extraActions: [{ ID: 'A-013', Actielijn: 'AL1', Gemeente: 'Regio', Actie: '=HYPERLINK("x")', Eigenaar: '+Partner', Deadline: '2025-03-20', Status: 'Loopt' }] });
    const r = renderRows(buildAgenda({ programme, check, quarter: { year: 2025, quarter: 1 }, config: CONFIG }));
    const row = r.find((x) => String(x[2]).startsWith('A-013'))!;
    expect(row[3]).toBe("'+Partner");
    // The title does not start the cell, but the invitee row starts with the owner's name.
    expect(r.some((x) => x[2] === "'+Partner: eigenaar van A-013 (deadline dit kwartaal)")).toBe(true);
  });
});
