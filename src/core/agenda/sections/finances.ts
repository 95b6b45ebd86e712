import { AppendixBuilder, Context, euro, pageItem, plural } from '../context';
import { AgendaSection } from '../types';
import { ForecastChange } from '../../budget/history';
import { decisionBodyOf } from '../../budget/proposal';
import { LineFigures, Proposal, ProposalItem, YearFigures } from '../../check';
import { COVERAGE_CODE, RESERVE_CODE, TOTAL_CODE } from '../../workbook/contract';
import { formatDay } from '../../values/dates';
import { joinDutch } from '../../values/text';
import { AgendaCheck } from '../context';

/** Budget line names by code: users read `Moviera`, not `MOV`. */
function lineNames(years: readonly YearFigures[]): (code: string) => string {
  const names = new Map<string, string>();
  for (const y of years) for (const l of y.lines) if (l.name.trim() && !names.has(l.code.toUpperCase())) names.set(l.code.toUpperCase(), l.name.trim());
  return (code) => names.get(code.toUpperCase()) ?? code;
}

/**
 * Item 4 on the page: per year that needs a decision one shortfall figure (the one the sidebar and
 * Budgetcontrole show) and what it is, and whether the advice covers it. The details in Bijlage B.
 */
export function finances(ctx: Context, check: AgendaCheck, appendix: AppendixBuilder): AgendaSection {
  const years = [...check.years].sort((a, b) => a.year - b.year);
  const name = lineNames(years);
  // A circulaire of a year before the meet-up's was discussed then; the other advice stays until it is solved.
  const meetingYear = Number(ctx.date.slice(0, 4));
  const proposals = check.proposals.filter((p) => p.code !== COVERAGE_CODE || p.year >= meetingYear);
  const lines = decisionLines(years, proposals, name);
  const body = decisionBodyOf(ctx.programme.settings);
  if (!lines.length) lines.push('Geen tekort en geen overschrijding: er is geen advies nodig.');
  else lines.push(`Dit is een advies; het besluit ligt bij ${body}.`);

  const intro = appendix.block();
  intro.notes.push(`Cijfers uit de budgetcontrole per peildatum ${formatDay(ctx.referenceDate)}.`);
  flaggedLines(appendix, years, name);
  balance(appendix, years);
  afterPeriod(appendix, check, ctx.programme.settings.endYear);
  changesSince(appendix, ctx, check.changes, years, name);
  advice(appendix, ctx, proposals, years, name);
  return pageItem(4, 'Financiën', 'ter advisering', lines.slice(0, 2).concat(lines.length > 3 ? [`${lines.slice(2, -1).join(' ')} ${lines[lines.length - 1]}`] : lines.slice(2)), { appendix: 'B' });
}

/** One line per year with a shortfall or an overrun to decide on; a reserve storting and a circulaire join the last. */
function decisionLines(years: readonly YearFigures[], proposals: readonly Proposal[], name: (code: string) => string): string[] {
  const lines: string[] = [];
  for (const y of years) {
    const own = proposals.filter((p) => p.year === y.year && p.code !== COVERAGE_CODE && p.code !== RESERVE_CODE);
    if (!own.length && y.programmeSignal !== 'Tekort') continue;
    const uncovered = own.reduce((t, p) => t + p.uncoveredCents, 0);
    const cover = !own.length ? 'nog zonder advies' : uncovered > 0 ? `het advies dekt ${euro(uncovered)} niet` : 'het advies dekt dit';
    if (y.programmeSignal === 'Tekort') {
      const estimateGap = y.totalEstimateCents - y.totalCoverageCents;
      const forecastGap = y.totalForecastCents - y.totalCoverageCents;
      const [first, second] = estimateGap >= forecastGap ? [['raming', estimateGap], ['prognose', forecastGap]] as const : [['prognose', forecastGap], ['raming', estimateGap]] as const;
      const also = second[1] > 0 ? `; de ${second[0]} ligt ${euro(second[1])} boven de dekking` : '';
      lines.push(`Programma ${y.year}: tekort ${euro(y.shortfallCents)}: de ${first[0]} ligt ${euro(first[1])} boven de dekking${also}; ${cover}.`);
      continue;
    }
    // The line proposals carry the figure; a programme proposal only when no line has one.
    const lineProposals = own.filter((p) => p.code !== TOTAL_CODE);
    const counted = lineProposals.length ? lineProposals : own;
    const total = counted.reduce((t, p) => t + p.shortfallCents, 0);
    const over = y.lines.filter((l) => lineProposals.some((p) => p.code.toUpperCase() === l.code.toUpperCase()));
    const what = over.length === 1 ? name(over[0].code) : over.length ? plural(over.length, 'post', 'posten') : 'het programma';
    // A line that is OK today is pushed over by the deferrals advised for an earlier year.
    const cause = over.length && over.every((l) => l.signal === 'OK') ? ' door het geadviseerde uitstel' : '';
    lines.push(`${y.year}: ${what} komt${cause} ${euro(total)} boven de raming; ${cover}.`);
  }
  for (const p of proposals) {
    if (p.code === RESERVE_CODE) lines.push(`${p.year}: advies: het overschot van ${euro(p.items.reduce((t, i) => t + i.freedCents, 0))} in de reserve storten.`);
    if (p.code === COVERAGE_CODE) {
      const amount = p.items.reduce((t, i) => t + i.freedCents, 0);
      lines.push(`Circulaire ${p.year}: de DU VO-uitkering ${amount < 0 ? 'daalt' : 'stijgt'} met ${euro(Math.abs(amount))}.`);
    }
  }
  return lines;
}

function flaggedLines(s: AppendixBuilder, years: readonly YearFigures[], name: (code: string) => string): void {
  const flagged = s.block('Begrotingsposten die aandacht vragen');
  const notOk = years.flatMap((y) => y.lines.filter((l) => l.signal !== 'OK'));
  if (!notOk.length) {
    flagged.notes.push('Alle begrotingsposten staan op OK.');
    return;
  }
  flagged.table = {
    headers: ['Jaar', 'Begrotingspost', 'Raming', 'Prognose', 'Saldo', 'Signaal'],
    numeric: [2, 3, 4],
    rows: notOk.map((l) => ({
      cells: [String(l.year), name(l.code), euro(l.estimateCents), euro(l.forecastCents), euro(l.balanceCents), l.signal],
      summary: `${l.year} ${name(l.code)}: raming ${euro(l.estimateCents)}, prognose ${euro(l.forecastCents)}, saldo ${euro(l.balanceCents)}; ${l.signal}`,
    })),
  };
}

function balance(s: AppendixBuilder, years: readonly YearFigures[]): void {
  const b = s.block('Programmabalans');
  if (!years.length) {
    b.notes.push('Er is nog geen begroting vastgelegd.');
    return;
  }
  b.table = {
    headers: ['Jaar', 'Fase', 'Raming', 'Dekking', 'Prognose', 'Resultaat', 'Tekort'],
    numeric: [2, 3, 4, 5, 6],
    rows: years.map((y) => {
      const short = y.programmeSignal === 'Tekort' ? euro(y.shortfallCents) : '';
      return {
        cells: [String(y.year), y.phase, euro(y.totalEstimateCents), euro(y.totalCoverageCents), euro(y.totalForecastCents), euro(y.resultCents), short],
        summary: `${y.year} (${y.phase}): raming ${euro(y.totalEstimateCents)}, dekking ${euro(y.totalCoverageCents)}, prognose ${euro(y.totalForecastCents)}, resultaat ${euro(y.resultCents)}${short ? `; tekort ${short}` : ''}`,
      };
    }),
  };
  // The two figures a reader may meet: the result (dekking − prognose) and the tekort (the larger gap).
  b.notes.push('Resultaat = dekking − prognose. Tekort = wat de raming of de prognose boven de dekking ligt, het grootste van de twee: de DU VO is taakstellend. Een overschot vervalt, tenzij het bij de jaarrekening in de reserve wordt gestort.');
}

/** `Na JJJJ`: what is planned after the programme's last year, moved to the next programme. */
function afterPeriod(s: AppendixBuilder, check: AgendaCheck, endYear: number): void {
  const lines = (check.afterPeriod ?? []).filter((l) => l.plannedCents > 0);
  if (!lines.length) return;
  const b = s.block(`Naar het volgende programma (na ${endYear})`);
  for (const l of lines) s.item(b, `${l.name || l.code}: ${plural(l.actionIds.length, 'actie', 'acties')} (${l.actionIds.join(', ')})`, { amountCents: l.plannedCents, amountLabel: 'gepland' });
}

function changesSince(s: AppendixBuilder, ctx: Context, changes: readonly ForecastChange[], years: readonly YearFigures[], name: (code: string) => string): void {
  const b = s.block(ctx.previous ? `Wat veranderde sinds de vorige bijeenkomst (${formatDay(ctx.previous.date)})` : 'Wat veranderde sinds de vorige budgetcontrole');
  if (!changes.length) {
    b.notes.push(`Er is geen eerdere budgetcontrole om mee te vergelijken. Draai de budgetcontrole rond elke bijeenkomst; dan laat de volgende agenda zien wat er veranderde.`);
    return;
  }
  b.notes.push(`Vergeleken met de budgetcontrole van ${formatDay(changes[0].sinceDate)}.`);
  const order = new Map(years.flatMap((y) => y.lines.map((l, i) => [`${l.year}|${l.code}`, y.year * 1000 + i] as const)));
  const moved = changes.filter((c) => c.deltaCents !== 0 || c.fromSignal !== c.toSignal).sort((a, b) => (order.get(`${a.year}|${a.code}`) ?? 0) - (order.get(`${b.year}|${b.code}`) ?? 0));
  if (!moved.length) b.notes.push('Sindsdien zijn de prognoses niet veranderd.');
  for (const c of moved) {
    const how = c.deltaCents === 0 ? 'de prognose bleef gelijk' : `de prognose ${c.deltaCents > 0 ? 'steeg' : 'daalde'} met ${euro(Math.abs(c.deltaCents))}`;
    const signal = c.fromSignal !== c.toSignal ? `; signaal nu ${c.toSignal} (was ${c.fromSignal || 'onbekend'})` : '';
    s.item(b, `${name(c.code)} ${c.year}: ${how}, van ${euro(c.fromForecastCents)} naar ${euro(c.toForecastCents)}${signal}`);
  }
}

function advice(s: AppendixBuilder, ctx: Context, proposals: readonly Proposal[], years: readonly YearFigures[], name: (code: string) => string): void {
  const { settings } = ctx.programme;
  const b = s.block('Advies herprioritering');
  if (!proposals.length) {
    b.notes.push('Er is geen herprioritering nodig.');
    return;
  }
  b.notes.push(`Dit is een advies; het besluit ligt bij: ${decisionBodyOf(settings)}. Het werkboek wijzigt zelf niets: na het besluit passen de eigenaren status en bedragen aan.`);
  const rank = (p: Proposal) => (p.code === TOTAL_CODE ? 1 : p.code === COVERAGE_CODE ? 2 : 0);
  const lineOrder = new Map(years.flatMap((y) => y.lines.map((l, i) => [`${l.year}|${l.code}`, i] as const)));
  const sorted = [...proposals].sort((a, c) => a.year - c.year || rank(a) - rank(c) || (lineOrder.get(`${a.year}|${a.code}`) ?? 0) - (lineOrder.get(`${c.year}|${c.code}`) ?? 0));
  const lineOf = new Map<string, LineFigures>(years.flatMap((y) => y.lines.map((l) => [`${l.year}|${l.code}`, l] as const)));
  const step = (i: ProposalItem, p: Proposal) => adviceStep(i, p, name, settings.endYear, decisionBodyOf(settings));
  for (const p of sorted) {
    if (p.code === COVERAGE_CODE) {
      const amount = p.items.reduce((sum, i) => sum + i.freedCents, 0);
      const who = settings.contributors.length ? joinDutch(settings.contributors) : 'de gemeenten die bijdragen';
      const how = `${amount < 0 ? 'daalt' : 'stijgt'} met ${euro(Math.abs(amount))}`;
      s.item(b, `Circulaire ${p.year}: de DU VO-uitkering ${how}. Daarmee verandert ook wat ${who} bijdragen; advies: met hen overleggen.`);
      continue;
    }
    if (p.code === RESERVE_CODE) {
      s.item(b, `Resultaat ${p.year}: ${p.items.map((i) => step(i, p)).join('; ')}`, { details: [`Besluit bij de jaarrekening ${p.year}, door: ${p.items[0]?.decidedBy || decisionBodyOf(settings)}. Zonder besluit vervalt het overschot.`] });
      continue;
    }
    // A line that is OK today can be pushed over by the deferrals advised for an earlier year.
    const signal = lineOf.get(`${p.year}|${p.code}`)?.signal;
    const what = p.code === TOTAL_CODE ? `het programmatekort in ${p.year}` : signal && signal !== 'OK' ? `de ${signal.toLowerCase()} van ${name(p.code)} in ${p.year}` : `het tekort dat het uitstel op ${name(p.code)} in ${p.year} legt`;
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
          : `. In ${effect.toYear} wordt de prognose van ${name(item.lineCode ?? p.code)} ${euro(effect.forecastCents)}, saldo ${euro(effect.balanceCents)} (${effect.signal})`;
      }
      // A programme deferral may be followed by lowering the line's raming by what it freed.
      // The line was just named in `where`; a second long name makes the step hard to read.
      const lineAgain = where && !where.startsWith('. Neem') ? 'deze post' : name(item.lineCode ?? '');
      const then = item.thenLowerCents ? `. Daarna de raming ${p.year} van ${lineAgain} met ${euro(item.thenLowerCents)} verlagen` : '';
      return `Uitstellen naar ${to}: ${action}; maakt ${euro(item.freedCents)} vrij${where}${then}`;
    }
    case 'shift':
      return `Begrotingswijziging: ${euro(item.freedCents)} van ${name(item.sourceCode ?? '')} naar ${name(p.code)} (${p.year})`;
    case 'lower':
      return `Begrotingswijziging: de raming van ${name(item.sourceCode ?? '')} ${p.year} met ${euro(item.freedCents)} verlagen`;
    case 'escalate':
      return `Niet gedekt: ${euro(p.uncoveredCents)}; dit deel vraagt een besluit van: ${decisionBody}`;
    case 'covered':
      return `Het uitstel dat hierboven per begrotingspost wordt geadviseerd, maakt ${euro(item.freedCents)} vrij en dekt dit tekort`;
    case 'reserve':
      return `storting in de reserve: ${euro(item.freedCents)}`;
    default:
      return item.proposal;
  }
}
