import { RESERVE_CODE, TOTAL_CODE } from '../../workbook/contract';
import { formatEuro } from '../../values/money';
import { joinDutch } from '../../values/text';
import { Settings } from '../../workbook/model';
import { Proposal, YearFigures } from '../types';
import { escalateTo, programmeDecider } from './deciders';

export const storeInReserve = (cents: number) => `Storting in de reserve: ${formatEuro(cents)}`;

/**
 * An ended year can no longer be steered: its overrun or `Tekort` gets one row for `Besluitvorming
 * programma`, to be settled in the jaarrekening, and no deferrals. With `Overschot naar reserve` =
 * `Ja`, a surplus of a year not yet vastgesteld is proposed as a storting; nothing is booked by itself.
 */
export function endedYearProposals(y: YearFigures, settings: Settings): Proposal[] {
  const out: Proposal[] = [];
  const overruns = y.lines.filter((l) => l.signal === 'Overschrijding');
  if (overruns.length || y.programmeSignal === 'Tekort') {
    const lineShortfall = overruns.reduce((t, l) => t + (l.spentCents - l.estimateCents), 0);
    const shortfallCents = y.programmeSignal === 'Tekort' ? y.shortfallCents : lineShortfall;
    const what = [
      ...overruns.map((l) => `overschrijding ${l.code} ${formatEuro(l.spentCents - l.estimateCents)}`),
      ...(y.programmeSignal === 'Tekort' ? [`programmatekort ${formatEuro(y.shortfallCents)}`] : []),
    ];
    const decidedBy = programmeDecider(settings);
    out.push({
      year: y.year, code: TOTAL_CODE, shortfallCents, covered: false, uncoveredCents: shortfallCents, uncoveredLaterYear: null,
      items: [{
        year: y.year, code: TOTAL_CODE, shortfallCents, kind: 'escalate', proposal: escalateTo(settings), decidedBy,
        actionId: '', actionTitle: '', priority: '', freedCents: 0,
        note: `${y.year} is voorbij (${y.phase}): ${joinDutch(what)}; niet meer bij te sturen met uitstel, te verwerken in de jaarrekening ${y.year}`,
      }],
    });
  }
  if (settings.surplusToReserve && y.phase === 'afgelopen' && y.resultCents > 0) {
    out.push({
      year: y.year, code: RESERVE_CODE, shortfallCents: 0, covered: true, uncoveredCents: 0, uncoveredLaterYear: null,
      items: [{
        year: y.year, code: RESERVE_CODE, shortfallCents: 0, kind: 'reserve', proposal: storeInReserve(y.resultCents), decidedBy: programmeDecider(settings),
        actionId: '', actionTitle: '', priority: '', freedCents: y.resultCents,
        note: `${y.year} sloot met een resultaat van ${formatEuro(y.resultCents)}; Overschot naar reserve = Ja: besluit bij de jaarrekening ${y.year} over de storting en zet het bedrag in Jaarafsluiting › Naar reserve. Zonder besluit vervalt het overschot`,
      }],
    });
  }
  return out;
}
