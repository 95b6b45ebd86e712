import { COVERAGE_CODE } from '../../workbook/contract';
import { formatEuro } from '../../values/money';
import { CoverageEntry, Programme } from '../../workbook/model';
import { joinDutch } from '../../values/text';
import { Proposal } from '../types';

const NAMES_CIRCULAIRE = /circulaire/i;
const NAMES_GRANT = /circulaire|du\s*vo/i;

/**
 * The `Dekking` rows of a year that change the DU VO amount: a circulaire after the year's first
 * DU VO row, which is the amount itself. A later circulaire is a new row with the adjustment.
 */
export function circulaireChanges(coverage: readonly CoverageEntry[], year: number): CoverageEntry[] {
  const grant = coverage.filter((c) => c.year === year && NAMES_GRANT.test(c.source)).sort((a, b) => a.row - b.row);
  return grant.slice(1).filter((c) => NAMES_CIRCULAIRE.test(c.source) && c.amountCents !== 0);
}

export const CONSULT = 'Overleg met bijdragende gemeenten';

/**
 * A circulaire that changes the DU VO also changes what contributing municipalities owe, so the
 * proposal says they must be consulted (contract: Circulaires).
 */
export function circulaireNotes(year: number, programme: Programme): Proposal[] {
  const who = programme.settings.contributors.length
    ? joinDutch(programme.settings.contributors)
    : 'de gemeenten die bijdragen (vul Instellingen › Bijdragende gemeenten in)';
  return circulaireChanges(programme.coverage, year).map((c) => ({
    year,
    code: COVERAGE_CODE,
    shortfallCents: 0,
    covered: true,
    uncoveredCents: 0,
    uncoveredLaterYear: null,
    items: [{
      year, code: COVERAGE_CODE, shortfallCents: 0, kind: 'consult', proposal: CONSULT, decidedBy: '',
      actionId: '', actionTitle: '', priority: '', freedCents: c.amountCents,
      note: `${c.source} (Dekking rij ${c.row}) wijzigt de DU VO met ${formatEuro(c.amountCents)}; daarmee verandert ook wat ${who} bijdragen: overleg met hen is nodig.`,
    }],
  }));
}
