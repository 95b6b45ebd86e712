import { ForecastSnapshot } from '../history';
import { LineFigures, Proposal, ProposalItem, YearFigures } from '../types';
import { Day, formatDay } from '../../values/dates';
import { Cents } from '../../values/money';
import { COVERAGE_CODE, RESULT_CODE, TOTAL_CODE } from '../../workbook/contract';
import { Settings } from '../../workbook/model';
import { idKey } from '../../workbook/rowReader';
import { needsExplanation, signOf } from './rule';
import { Berap, BerapRow, OrphanedExplanation } from './types';

export const BERAP_FICTIONAL_BANNER =
  'FICTIEF: dit werkboek bevat verzonnen gegevens. Bedragen, besluiten en toelichtingen in deze berap kunnen verzonnen zijn; gebruik deze berap alleen als voorbeeld.';

/** The word for the approach when `Instellingen › Programma` is blank. */
export const DEFAULT_PROGRAMME_NAME = 'programma';

export interface BerapInput {
  settings: Pick<Settings, 'region' | 'referenceDate' | 'explanationThresholdCents' | 'explanationThresholdBasisPoints'>;
  /** The year of the Peildatum (or the nearest in Begroting), as every summary leads with. */
  year: YearFigures;
  /** `Prognoseverloop` as read, this check's snapshot included. */
  history: readonly ForecastSnapshot[];
  proposals: readonly Proposal[];
  /** The controller's texts by idKey(Code), from the tab as it was (carryOver.ts). */
  explanations: ReadonlyMap<string, { code: string; text: string }>;
  programmeName: string;
  fictional: boolean;
}

/** The latest snapshot before the Peildatum that holds lines of this year: the previous berap's figures. */
export function previousSnapshot(history: readonly ForecastSnapshot[], referenceDate: Day, year: number): ForecastSnapshot | null {
  const earlier = history.filter((s) => s.referenceDate < referenceDate && s.lines.some((l) => l.year === year));
  return earlier.length ? earlier[earlier.length - 1] : null;
}

/** `Uitstellen naar 2025: Campagne (A-012); besluit: college van …`, one step per item. */
function stepText(item: ProposalItem): string {
  const action = item.actionId ? ` ${item.actionTitle ? `${item.actionTitle} (${item.actionId})` : item.actionId}` : '';
  const decides = item.decidedBy ? `; besluit: ${item.decidedBy}` : '';
  return `${item.proposal}${action ? `:${action}` : ''}${decides}`;
}

/** The steps `Herprioritering` proposes for this Code in this year, in its order. */
function stepsFor(proposals: readonly Proposal[], year: number, code: string): string {
  const key = idKey(code);
  return proposals
    .filter((p) => p.year === year)
    .flatMap((p) => p.items)
    .filter((i) => idKey(i.code) === key)
    .map(stepText)
    .join('\n');
}

const sum = (values: readonly Cents[]) => values.reduce((a, b) => a + b, 0);

/** Afwijking / Raming as a fraction; null on a zero Raming, where a share means nothing. */
const share = (deviation: Cents, estimate: Cents) => (estimate === 0 ? null : deviation / estimate);

function lineRow(l: LineFigures, previous: Cents | null, input: BerapInput): BerapRow {
  const deviation = l.estimateCents - l.forecastCents;
  const { explanationThresholdCents: cents, explanationThresholdBasisPoints: bp } = input.settings;
  return {
    kind: 'line', code: l.code, name: l.name, character: l.character,
    primitiveCents: l.primitiveCents, changesCents: l.changesCents, estimateCents: l.estimateCents,
    realisedCents: l.realisedCents, obligoCents: l.obligoCents, forecastCents: l.forecastCents,
    deviationCents: deviation, deviationShare: share(deviation, l.estimateCents), sign: signOf(deviation),
    previousForecastCents: previous, mutationCents: previous === null ? null : l.forecastCents - previous,
    explanationRequired: needsExplanation(deviation, l.estimateCents, cents, bp),
    explanation: '', proposal: stepsFor(input.proposals, l.year, l.code),
  };
}

const blankRow = (kind: BerapRow['kind'], code: string, name: string): BerapRow => ({
  kind, code, name, character: '', primitiveCents: null, changesCents: null, estimateCents: null, realisedCents: null, obligoCents: null,
  forecastCents: null, deviationCents: null, deviationShare: null, sign: '', previousForecastCents: null, mutationCents: null,
  explanationRequired: null, explanation: '', proposal: '',
});

/**
 * The berap at the Peildatum: a row per budget line of the year, then `Totaal` (the sums), `Dekking`
 * (the year's dekking, reserve draws counted) and `Resultaat` (Raming: Dekking − Totaal raming, the
 * budgeted result; Prognose: Dekking − Totaal prognose, the contract's resultaat; Afwijking: the
 * difference, which equals the Totaal row's). Texts typed for Codes that are no row any more are
 * returned as orphans, so nothing the controller wrote is dropped.
 */
export function buildBerap(input: BerapInput): Berap {
  const { year: y, settings } = input;
  const before = previousSnapshot(input.history, settings.referenceDate, y.year);
  const previousOf = new Map((before?.lines ?? []).filter((l) => l.year === y.year).map((l) => [idKey(l.code), l.forecastCents]));
  const lines = y.lines.map((l) => lineRow(l, previousOf.get(idKey(l.code)) ?? null, input));

  const total = blankRow('total', TOTAL_CODE, 'Totaal programma');
  const pick = (f: (r: BerapRow) => Cents | null) => sum(lines.map((r) => f(r) ?? 0));
  Object.assign(total, {
    primitiveCents: pick((r) => r.primitiveCents), changesCents: pick((r) => r.changesCents), estimateCents: y.totalEstimateCents,
    realisedCents: pick((r) => r.realisedCents), obligoCents: pick((r) => r.obligoCents), forecastCents: y.totalForecastCents,
  });
  total.deviationCents = y.totalEstimateCents - y.totalForecastCents;
  total.deviationShare = share(total.deviationCents, y.totalEstimateCents);
  total.sign = signOf(total.deviationCents);
  if (before) {
    total.previousForecastCents = sum([...previousOf.values()]);
    total.mutationCents = y.totalForecastCents - total.previousForecastCents;
  }
  total.proposal = stepsFor(input.proposals, y.year, TOTAL_CODE);

  const coverage = blankRow('coverage', COVERAGE_CODE, 'Dekking');
  coverage.estimateCents = y.totalCoverageCents;
  coverage.forecastCents = y.totalCoverageCents;

  const result = blankRow('result', RESULT_CODE, 'Resultaat (dekking − lasten)');
  result.estimateCents = y.totalCoverageCents - y.totalEstimateCents;
  result.forecastCents = y.resultCents;
  result.deviationCents = result.forecastCents - result.estimateCents;
  result.sign = signOf(result.deviationCents);

  const rows = [...lines, total, coverage, result];
  const used = new Set<string>();
  for (const row of rows) {
    const typed = input.explanations.get(idKey(row.code));
    if (typed) {
      row.explanation = typed.text;
      used.add(idKey(row.code));
    }
  }
  const orphans: OrphanedExplanation[] = [...input.explanations.entries()]
    .filter(([key]) => !used.has(key))
    .map(([, v]) => ({ code: v.code, explanation: v.text }));
  const programmeName = input.programmeName.trim() || DEFAULT_PROGRAMME_NAME;
  return {
    title: `Berap ${programmeName}${settings.region ? ` ${settings.region}` : ''} ${y.year}, peildatum ${formatDay(settings.referenceDate)}`,
    region: settings.region,
    programmeName,
    referenceDate: settings.referenceDate,
    year: y.year,
    phase: y.phase,
    previousDate: before?.referenceDate ?? null,
    banner: input.fictional ? BERAP_FICTIONAL_BANNER : '',
    thresholdCents: settings.explanationThresholdCents,
    thresholdBasisPoints: settings.explanationThresholdBasisPoints,
    rows,
    orphans,
  };
}

/** The rows whose explanation is required and still missing. */
export const missingExplanations = (berap: Pick<Berap, 'rows'>) => berap.rows.filter((r) => r.explanationRequired && !r.explanation.trim());
