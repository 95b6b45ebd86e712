import { TOTAL_CODE } from '../../workbook/contract';
import { Cents, formatEuro } from '../../values/money';
import { Action, Settings } from '../../workbook/model';
import { idKey } from '../../workbook/rowReader';
import { LineFigures, Proposal, ProposalItem, YearFigures } from '../types';
import { Candidate } from './candidates';
import { decisionBodyOf, escalateTo, programmeDecider, shiftDecider } from './deciders';
import { DeferralLedger, deferralNote, deferralProposal } from './deferral';

export { decisionBodyOf, escalateTo };
export const shiftProposal = (from: string, to: string) => `Begrotingswijziging van ${from} naar ${to}`;
export const lowerProposal = (code: string) => `Begrotingswijziging: raming ${code} verlagen`;
export const COVERED_BY_LINES = 'Gedekt door de voorstellen per begrotingspost';

const covered = (done: Cents, of: Cents) => `na dit voorstel gedekt: ${formatEuro(Math.min(done, of))} van ${formatEuro(of)}`;

/**
 * What a line can give: Raming − Prognose, or in a future year, where the Prognose is at least the
 * raming, a Flexibel line's Niet belegd (money no action is planned for yet).
 */
function roomOf(line: LineFigures): Cents {
  if (line.phase === 'toekomstig') return line.unallocatedCents ?? 0;
  return line.balanceCents;
}

/**
 * One year's proposals, on the figures the earlier years' deferrals leave it. Room and candidates
 * are shared: what one overrun takes is gone for the next, and the programme proposal only uses
 * what the line proposals left.
 */
export class YearPlanner {
  readonly proposals: Proposal[] = [];
  private readonly taken = new Set<Action>();
  /** What each line can still give, as the proposals so far would leave it. */
  private readonly room = new Map<string, Cents>();
  /** What the line proposals' deferrals already take off the year's prognose. */
  private deferredByLines: Cents = 0;

  constructor(
    private readonly figures: YearFigures,
    private readonly candidates: Candidate[],
    private readonly deferrals: DeferralLedger,
    private readonly settings: Settings,
    private readonly deferredTimes: ReadonlyMap<string, number>,
  ) {
    for (const line of figures.lines) this.room.set(line.code, roomOf(line));
  }

  private deferItem(code: string, shortfallCents: Cents, candidate: Candidate, coveredCents: Cents, thenLowerCents = 0): ProposalItem {
    this.taken.add(candidate.action);
    this.room.set(candidate.code, (this.room.get(candidate.code) ?? 0) + candidate.pipelineCents);
    const addsToShortfall = this.deferrals.wasShort(this.figures.year + 1, candidate.code);
    const effect = this.deferrals.defer(this.figures.year, candidate);
    const { action } = candidate;
    const then = thenLowerCents > 0 ? `; daarna de raming ${candidate.code} ${this.figures.year} met ${formatEuro(thenLowerCents)} verlagen in Begrotingswijzigingen` : '';
    const times = this.deferredTimes.get(idKey(action.id)) ?? 0;
    return {
      year: this.figures.year, code, shortfallCents, kind: 'defer', proposal: deferralProposal(effect), decidedBy: shiftDecider(this.settings),
      actionId: action.id, actionTitle: action.title, priority: action.priority ?? '', freedCents: candidate.pipelineCents,
      note: `${deferralNote(candidate, effect, this.settings.endYear, times, addsToShortfall)}${then}; ${covered(coveredCents, shortfallCents)}`,
      deferral: effect,
      lineCode: candidate.code,
      ...(code === TOTAL_CODE ? { thenLowerCents } : {}),
    };
  }

  private escalateItem(code: string, shortfallCents: Cents, uncoveredCents: Cents, why: string): ProposalItem {
    const decidedBy = programmeDecider(this.settings);
    return {
      year: this.figures.year, code, shortfallCents, kind: 'escalate', proposal: escalateTo(this.settings), decidedBy,
      actionId: '', actionTitle: '', priority: '', freedCents: 0,
      note: `Nog niet gedekt: ${formatEuro(uncoveredCents)}${why}; de beslissing ligt bij ${decidedBy}.`,
    };
  }

  /**
   * Lines with room left: by the Prognose rule, Flexibel room or a Vast/Wettelijk line settled below
   * its raming (an open subsidy or statutory line has none). A line in overrun counts once the
   * deferrals proposed for it made more room than its shortfall.
   */
  private sources(except: string): LineFigures[] {
    return this.figures.lines
      .filter((l) => l.code !== except && (this.room.get(l.code) ?? 0) > 0)
      .map((line, order) => ({ line, order }))
      .sort((a, b) => (this.room.get(b.line.code) ?? 0) - (this.room.get(a.line.code) ?? 0) || a.order - b.order)
      .map((s) => s.line);
  }

  /** A line-year in (threatening) overrun: defer its own actions, then move room from healthy lines, then escalate. */
  planLine(line: LineFigures): void {
    const { year } = this.figures;
    const shortfallCents = line.forecastCents - line.estimateCents;
    const items: ProposalItem[] = [];
    let coveredCents = 0;
    for (const candidate of this.candidates) {
      if (coveredCents >= shortfallCents) break;
      if (candidate.code !== line.code || this.taken.has(candidate.action)) continue;
      coveredCents += candidate.pipelineCents;
      this.deferredByLines += candidate.pipelineCents;
      items.push(this.deferItem(line.code, shortfallCents, candidate, coveredCents));
    }
    for (const source of this.sources(line.code)) {
      if (coveredCents >= shortfallCents) break;
      const room = this.room.get(source.code)!;
      const shift = Math.min(room, shortfallCents - coveredCents);
      const partly = room < roomOf(source) ? `, waarvan nog ${formatEuro(room)} vrij` : '';
      const kind = source.phase === 'toekomstig' ? 'Niet belegd' : 'Saldo';
      const settled = source.character !== 'Flexibel' ? ' (afgerekend onder de raming)' : '';
      coveredCents += shift;
      this.room.set(source.code, room - shift);
      this.room.set(line.code, (this.room.get(line.code) ?? 0) + shift);
      items.push({
        year, code: line.code, shortfallCents, kind: 'shift', proposal: shiftProposal(source.code, line.code), decidedBy: shiftDecider(this.settings),
        actionId: '', actionTitle: '', priority: '', freedCents: shift, sourceCode: source.code,
        note: `${kind} ${source.code}${settled} ${formatEuro(roomOf(source))}${partly}; in Begrotingswijzigingen: ${formatEuro(-shift)} op ${source.code} ${year} en ${formatEuro(shift)} op ${line.code} ${year}; ${covered(coveredCents, shortfallCents)}`,
      });
    }
    const isCovered = coveredCents >= shortfallCents;
    if (!isCovered) items.push(this.escalateItem(line.code, shortfallCents, shortfallCents - coveredCents, ' na uitstel en verschuiving'));
    this.proposals.push({
      year, code: line.code, shortfallCents, items, covered: isCovered, uncoveredCents: Math.max(0, shortfallCents - coveredCents), uncoveredLaterYear: null,
    });
  }

  /**
   * A programme `Tekort`. Where the raming exceeds the dekking, only a lower raming helps: first
   * lower ramingen by their room, then defer actions to make more room and lower by that.
   * Where the prognose exceeds the dekking, deferrals help; those already proposed per line count.
   * Lowering the programme's ramingen is `Besluitvorming programma`'s; what stays uncovered too.
   */
  planProgramme(): void {
    const f = this.figures;
    if (f.shortfallCents <= 0) return;
    const { year } = f;
    const items: ProposalItem[] = [];
    let estimateGap = Math.max(0, f.totalEstimateCents - f.totalCoverageCents);
    let forecastGap = Math.max(0, f.totalForecastCents - f.totalCoverageCents - this.deferredByLines);
    const why: string[] = [];
    if (estimateGap > 0) why.push(`raming ${formatEuro(f.totalEstimateCents)} boven dekking ${formatEuro(f.totalCoverageCents)}`);
    if (f.totalForecastCents > f.totalCoverageCents) why.push(`prognose ${formatEuro(f.totalForecastCents)} boven dekking ${formatEuro(f.totalCoverageCents)}`);
    const done = () => f.shortfallCents - Math.max(estimateGap, forecastGap);

    // The contract names Flexibel ramingen; a settled subsidy's room is just as real (and final), so it counts too.
    for (const source of this.sources('')) {
      if (estimateGap <= 0) break;
      const room = this.room.get(source.code)!;
      const lower = Math.min(room, estimateGap);
      estimateGap -= lower;
      this.room.set(source.code, room - lower);
      const what = source.phase === 'toekomstig' ? 'niet belegd' : 'raming − prognose';
      items.push({
        year, code: TOTAL_CODE, shortfallCents: f.shortfallCents, kind: 'lower', proposal: lowerProposal(source.code), decidedBy: programmeDecider(this.settings),
        actionId: '', actionTitle: '', priority: '', freedCents: lower, sourceCode: source.code,
        note: `Ruimte op ${source.code}: ${formatEuro(room)} (${what}); in Begrotingswijzigingen: ${formatEuro(-lower)} op ${source.code} ${year}; ${covered(done(), f.shortfallCents)}`,
      });
    }
    for (const candidate of this.candidates) {
      if (estimateGap <= 0 && forecastGap <= 0) break;
      if (this.taken.has(candidate.action)) continue;
      forecastGap -= candidate.pipelineCents;
      // Deferring makes room on its line; lowering that line's raming by it closes the raming gap.
      const roomAfter = (this.room.get(candidate.code) ?? 0) + candidate.pipelineCents;
      const lower = Math.max(0, Math.min(candidate.pipelineCents, roomAfter, estimateGap));
      estimateGap -= lower;
      items.push(this.deferItem(TOTAL_CODE, f.shortfallCents, candidate, done(), lower));
      this.room.set(candidate.code, roomAfter - lower);
    }
    const uncovered = Math.max(estimateGap, forecastGap, 0);
    if (uncovered > 0) items.push(this.escalateItem(TOTAL_CODE, f.shortfallCents, uncovered, ` (${why.join('; ')})`));
    if (items.length === 0) {
      items.push({
        year, code: TOTAL_CODE, shortfallCents: f.shortfallCents, kind: 'covered', proposal: COVERED_BY_LINES, decidedBy: '',
        actionId: '', actionTitle: '', priority: '', freedCents: this.deferredByLines,
        note: `${why.join('; ')}; het uitstel dat hierboven per begrotingspost is voorgesteld, maakt ${formatEuro(this.deferredByLines)} vrij en dekt dit.`,
      });
    }
    this.proposals.push({ year, code: TOTAL_CODE, shortfallCents: f.shortfallCents, items, covered: uncovered === 0, uncoveredCents: uncovered, uncoveredLaterYear: null });
  }
}
