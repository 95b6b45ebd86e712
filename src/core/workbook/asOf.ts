import { Day, formatDay, yearOf } from '../values/dates';
import { RowReader } from './rowReader';

/**
 * Every figure is as known on the Peildatum (contract: The Peildatum and the years). A dated row of
 * `Mutaties`, `Begrotingswijzigingen` or `Dekking` after the Peildatum is not bad input, only not
 * known yet: it is left out and counted for the summary, never listed. A `Mutaties` or
 * `Begrotingswijzigingen` row of a vastgesteld year dated after its accounts were adopted is bad
 * input: the figures of that year are final.
 */
export class AsOfPeildatum {
  /** Rows left out because they are dated after the Peildatum. */
  laterRows = 0;

  constructor(readonly referenceDate: Day, private readonly adoptedOn: ReadonlyMap<number, Day>) {}

  /** The year was vastgesteld on or before the Peildatum. */
  isAdopted(year: number): boolean {
    return this.adoptedOn.has(year);
  }

  /** Whether a row with this date and year counts; `final` for the tabs the adoption freezes. */
  admits(r: RowReader, date: Day | null, year: number | null, final: boolean): boolean {
    if (date === null) return true;
    if (date > this.referenceDate) {
      this.laterRows++;
      return false;
    }
    const adopted = final && year !== null ? this.adoptedOn.get(year) : undefined;
    if (adopted !== undefined && date > adopted) {
      r.problem('Datum', `geboekt na vaststelling jaarrekening ${year} (${formatDay(adopted)}): de cijfers van ${year} liggen vast; boek dit in ${yearOf(date)} of pas Jaarafsluiting aan`);
      return false;
    }
    return true;
  }
}
