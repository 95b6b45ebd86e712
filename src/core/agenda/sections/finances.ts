import { Context, SectionBuilder } from '../context';
import { AgendaSection } from '../types';
import { ForecastChange } from '../../budget/history';
import { decisionBodyOf } from '../../budget/proposal';
import { LineFigures, Proposal, ProposalItem, YearFigures } from '../../check';
import { COVERAGE_CODE, TOTAL_CODE } from '../../workbook/contract';
import { formatDay } from '../../values/dates';
import { formatEuro } from '../../values/money';
import { joinDutch } from '../../values/text';
import { AgendaCheck } from '../context';

/** Budget line names by code: users read `Moviera`, not `MOV`. */
function lineNames(years: readonly YearFigures[]): (code: string) => string {
  const names = new Map<string, string>();
  for (const y of years) for (const l of y.lines) if (l.name.trim() && !names.has(l.code.toUpperCase())) names.set(l.code.toUpperCase(), l.name.trim());
  return (code) => names.get(code.toUpperCase()) ?? code;
}

export function finances(ctx: Context, check: AgendaCheck): AgendaSection {
  const s = new SectionBuilder(4, 'Financiën', 'ter advisering');
  const years = [...check.years].sort((a, b) => a.year - b.year);
  const name = lineNames(years);
  const intro = s.block();
  if (check.summary) intro.notes.push(`Cijfers uit de budgetcontrole per peildatum ${formatDay(check.summary.referenceDate)}.`);

  const flagged = s.block('Begrotingsposten die aandacht vragen');
  const notOk = years.flatMap((y) => y.lines.filter((l) => l.signal !== 'OK'));
  if (!notOk.length) flagged.notes.push('Alle begrotingsposten staan op OK.');
  else {
    flagged.table = {
      headers: ['Jaar', 'Begrotingspost', 'Raming', 'Prognose', 'Saldo', 'Signaal'],
      rows: notOk.map((l) => ({
        cells: [String(l.year), name(l.code), formatEuro(l.estimateCents), formatEuro(l.forecastCents), formatEuro(l.balanceCents), l.signal],
        summary: `${l.year} ${name(l.code)}: raming ${formatEuro(l.estimateCents)}, prognose ${formatEuro(l.forecastCents)}, saldo ${formatEuro(l.balanceCents)}; ${l.signal}`,
      })),
    };
  }

  const balance = s.block('Programmabalans');
  if (!years.length) balance.notes.push('Er is nog geen begroting vastgelegd.');
  else {
    balance.table = {
      headers: ['Jaar', 'Fase', 'Raming', 'Dekking', 'Prognose', 'Resultaat', 'Signaal'],
      rows: years.map((y) => ({
        cells: [String(y.year), y.phase, formatEuro(y.totalEstimateCents), formatEuro(y.totalCoverageCents), formatEuro(y.totalForecastCents), formatEuro(y.resultCents), y.programmeSignal],
        summary: `${y.year} (${y.phase}): raming ${formatEuro(y.totalEstimateCents)}, dekking ${formatEuro(y.totalCoverageCents)}, prognose ${formatEuro(y.totalForecastCents)}, resultaat ${formatEuro(y.resultCents)}; ${y.programmeSignal}`,
      })),
    };
    // Each year's result stands alone: a surplus lapses unless it is put into the reserve by decision.
    balance.notes.push('Het resultaat is per jaar: een overschot vervalt, tenzij het bij de jaarrekening in de reserve wordt gestort.');
  }

  changesSince(s, ctx, check.changes, years, name);
  // A circulaire of a year before the meet-up's was discussed then; the other advice stays until it is solved.
  const meetingYear = Number(ctx.date.slice(0, 4));
  advice(s, ctx, check.proposals.filter((p) => p.code !== COVERAGE_CODE || p.year >= meetingYear), years, name);
  return s.section();
}

function changesSince(s: SectionBuilder, ctx: Context, changes: readonly ForecastChange[], years: readonly YearFigures[], name: (code: string) => string): void {
  const b = s.block(ctx.previous ? `Wat veranderde sinds de vorige meet-up (${formatDay(ctx.previous.date)})` : 'Wat veranderde sinds de vorige budgetcontrole');
  if (!changes.length) {
    b.notes.push('Er is geen eerdere budgetcontrole om mee te vergelijken. Draai de budgetcontrole rond elke meet-up; dan laat de volgende agenda zien wat er veranderde.');
    return;
  }
  b.notes.push(`Vergeleken met de budgetcontrole van ${formatDay(changes[0].sinceDate)}.`);
  const order = new Map(years.flatMap((y) => y.lines.map((l, i) => [`${l.year}|${l.code}`, y.year * 1000 + i] as const)));
  const moved = changes.filter((c) => c.deltaCents !== 0 || c.fromSignal !== c.toSignal).sort((a, b) => (order.get(`${a.year}|${a.code}`) ?? 0) - (order.get(`${b.year}|${b.code}`) ?? 0));
  if (!moved.length) b.notes.push('Sindsdien zijn de prognoses niet veranderd.');
  for (const c of moved) {
    const how = c.deltaCents === 0 ? 'de prognose bleef gelijk' : `de prognose ${c.deltaCents > 0 ? 'steeg' : 'daalde'} met ${formatEuro(Math.abs(c.deltaCents))}`;
    const signal = c.fromSignal !== c.toSignal ? `; signaal nu ${c.toSignal} (was ${c.fromSignal || 'onbekend'})` : '';
    s.item(b, `${name(c.code)} ${c.year}: ${how}, van ${formatEuro(c.fromForecastCents)} naar ${formatEuro(c.toForecastCents)}${signal}`);
  }
}

function advice(s: SectionBuilder, ctx: Context, proposals: readonly Proposal[], years: readonly YearFigures[], name: (code: string) => string): void {
  const { settings } = ctx.programme;
  const b = s.block('Advies herprioritering');
  if (!proposals.length) {
    b.notes.push('Er is geen herprioritering nodig.');
    return;
  }
  b.notes.push(`De meet-up adviseert; het besluit ligt bij: ${decisionBodyOf(settings)}. Het werkboek wijzigt zelf niets: na het besluit passen de eigenaren status en bedragen aan.`);
  const rank = (p: Proposal) => (p.code === TOTAL_CODE ? 1 : p.code === COVERAGE_CODE ? 2 : 0);
  const lineOrder = new Map(years.flatMap((y) => y.lines.map((l, i) => [`${l.year}|${l.code}`, i] as const)));
  const sorted = [...proposals].sort((a, c) => a.year - c.year || rank(a) - rank(c) || (lineOrder.get(`${a.year}|${a.code}`) ?? 0) - (lineOrder.get(`${c.year}|${c.code}`) ?? 0));
  const lineOf = new Map<string, LineFigures>(years.flatMap((y) => y.lines.map((l) => [`${l.year}|${l.code}`, l] as const)));
  const step = (i: ProposalItem, p: Proposal) => adviceStep(i, p, name, settings.endYear, decisionBodyOf(settings));
  for (const p of sorted) {
    if (p.code === COVERAGE_CODE) {
      const amount = p.items.reduce((sum, i) => sum + i.freedCents, 0);
      const who = settings.contributors.length ? joinDutch(settings.contributors) : 'de gemeenten die bijdragen';
      const how = `${amount < 0 ? 'daalt' : 'stijgt'} met ${formatEuro(Math.abs(amount))}`;
      s.item(b, `Circulaire ${p.year}: de DU VO-uitkering ${how}. Daarmee verandert ook wat ${who} bijdragen; advies: met hen overleggen.`);
      continue;
    }
    const what = p.code === TOTAL_CODE ? `het programmatekort in ${p.year}` : `de ${(lineOf.get(`${p.year}|${p.code}`)?.signal ?? 'Overschrijding').toLowerCase()} van ${name(p.code)} in ${p.year}`;
    const details = p.items.map((i) => step(i, p));
    if (p.covered) details.push('Met dit advies is het tekort gedekt.');
    s.item(b, `Advies bij ${what}`, { amountCents: p.shortfallCents, amountLabel: 'tekort', details });
  }
}

/** One step of an advice in words, with budget line names instead of codes. */
function adviceStep(item: ProposalItem, p: Proposal, name: (code: string) => string, endYear: number, decisionBody: string): string {
  switch (item.kind) {
    case 'defer': {
      const action = `${item.actionTitle}${item.actionId ? ` (${item.actionId})` : ''}${item.priority ? `, prioriteit ${item.priority.toLowerCase()}` : ''}`;
      const effect = item.deferral;
      const to = !effect || effect.toYear === null ? `het volgende programma (na ${endYear})` : String(effect.toYear);
      let where = '';
      if (effect && effect.toYear !== null) {
        where = effect.forecastCents === null || effect.balanceCents === null
          ? `. Neem de kosten op in de begroting van ${effect.toYear}`
          : `. In ${effect.toYear} wordt de prognose van ${name(item.lineCode ?? p.code)} ${formatEuro(effect.forecastCents)}, saldo ${formatEuro(effect.balanceCents)} (${effect.signal})`;
      }
      // A programme deferral may be followed by lowering the line's raming by what it freed.
      const then = item.thenLowerCents ? `. Daarna de raming van ${name(item.lineCode ?? '')} ${p.year} met ${formatEuro(item.thenLowerCents)} verlagen` : '';
      return `Uitstellen naar ${to}: ${action}; maakt ${formatEuro(item.freedCents)} vrij${where}${then}`;
    }
    case 'shift':
      return `Begrotingswijziging: ${formatEuro(item.freedCents)} van ${name(item.sourceCode ?? '')} naar ${name(p.code)} (${p.year})`;
    case 'lower':
      return `Begrotingswijziging: de raming van ${name(item.sourceCode ?? '')} ${p.year} met ${formatEuro(item.freedCents)} verlagen`;
    case 'escalate':
      return `Niet gedekt: ${formatEuro(p.uncoveredCents)}; dit deel vraagt een besluit van: ${decisionBody}`;
    case 'covered':
      return `Het uitstel dat hierboven per begrotingspost wordt geadviseerd, maakt ${formatEuro(item.freedCents)} vrij en dekt dit tekort`;
    default:
      return item.proposal;
  }
}
