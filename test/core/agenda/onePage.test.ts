/**
 * Issue 22: the agenda proper on one page, the details in appendices (contract v3, "The meet-up
 * agenda"). Each finding of the issue, reproduced on the hand-made fixture (see fixture.ts).
 */
import { buildAgenda } from '../../../src/core/agenda/build';
import { renderHtml } from '../../../src/core/agenda/html';
import { renderMarkdown } from '../../../src/core/agenda/markdown';
import { SETTINGS, load } from './fixture';

const make = (options: Parameters<typeof load>[0] = {}, date = '2025-03-13') => {
  const { programme, check, meetup } = load(options, date);
  const agenda = buildAgenda({ programme, check, meetup, fictional: false });
  return { agenda, md: renderMarkdown(agenda), html: renderHtml(agenda) };
};

/** The Markdown up to the first appendix: the agenda proper. */
const page = (md: string) => md.split(/\n## Bijlage A/)[0];

describe('the agenda proper (issue 22)', () => {
  it('labels the previous verslag and actielijst ter vaststelling', () => {
    expect(page(make().md)).toMatch(/1\. Opening[^\n]*\(ter vaststelling\)/);
  });

  it('shows time, place, chair and minute-taker, with a placeholder where Meet-ups has none', () => {
    const md = page(make({}, '2025-06-12').md);
    for (const label of ['Tijd', 'Locatie', 'Voorzitter', 'Notulist']) expect(md).toContain(`${label}: nog in te vullen`);
    expect(page(make().md)).toContain('Locatie: Stadhuis Alpha, zaal 2');
  });

  it('writes whole euros: no cents anywhere', () => {
    const { md } = make();
    expect(md).not.toMatch(/€ -?[\d.]+,\d\d/);
    // Tekort Uitvoering actielijnen 2025: prognose 73.000 − raming 50.000 = 23.000.
    expect(md).toContain('€ 23.000');
  });

  it('takes the words for the meeting and the programme from Instellingen', () => {
    const { agenda, md } = make({ settings: [...SETTINGS, { Sleutel: 'Overleg', Waarde: 'regionaal overleg' }, { Sleutel: 'Programma', Waarde: 'Samen Veilig' }] });
    expect(agenda.title).toBe('Agenda regionaal overleg Testregio, 13-03-2025');
    expect(md).toContain('Voortgang Samen Veilig');
    expect(md).not.toMatch(/ambtelijke meet-up|regioaanpak/i);
  });

  it('counts actions without a deadline per action line instead of listing them', () => {
    const { md } = make();
    // A-012 Regionaal datadashboard (AL3) has no deadline.
    expect(md).not.toContain('Regionaal datadashboard');
    expect(md).toMatch(/Helpende data[^\n]*\n*[^\n]*1 open actie zonder deadline/);
  });

  it('puts the details in Bijlage A, B and C after the agenda proper', () => {
    const { md } = make();
    const headings = md.split('\n').filter((l) => l.startsWith('## Bijlage'));
    expect(headings).toEqual(['## Bijlage A: voortgang en gemeenten', '## Bijlage B: financiën', '## Bijlage C: thema']);
    // The overdue regional action A-013 is named in Bijlage A, not on the page.
    expect(page(md)).not.toContain('Monitor huiselijk geweld');
    expect(md.split('## Bijlage A')[1]).toContain('Monitor huiselijk geweld (A-013)');
  });

  it('shows the indicator trend as an inline SVG chart with a text alternative, beside the figures', () => {
    const { html } = make();
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/);
    expect(html).toMatch(/<title id="[^"]+">[^<]*Meldingen ouderenmishandeling/);
    expect(html).toContain('@page');
  });
});
