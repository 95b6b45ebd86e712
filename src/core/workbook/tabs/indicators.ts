import { DIRECTIONS, Direction, REGION_MUNICIPALITY, TAB } from '../contract';
import { Findings } from '../../sheet/findings';
import { Indicator } from '../model';
import { WorkbookSnapshot, idKey, rowsOf, shown } from '../rowReader';

/** `Indicatoren`: a value per indicator, municipality and year. */
export function parseIndicators(snapshot: WorkbookSnapshot, findings: Findings, tz: string, municipalityName: Map<string, string>): Indicator[] {
  const indicators: Indicator[] = [];
  for (const r of rowsOf(snapshot, TAB.indicators, ['Indicator', 'Jaar', 'Waarde'], findings, tz)) {
    const indicator = r.requiredText('Indicator');
    const year = r.year('Jaar', true);
    const value = r.number('Waarde', true);
    const place = r.text('Gemeente');
    const direction = r.choice<Direction>('Gewenste richting', DIRECTIONS, false);
    const isRegion = !place || idKey(place) === idKey(REGION_MUNICIPALITY);
    if (!isRegion && !municipalityName.has(idKey(place))) r.problem('Gemeente', `Gemeente ${shown(place)} staat niet in Gemeenten (of gebruik ${REGION_MUNICIPALITY})`);
    if (!r.ok || year === null || value === null) continue;
    indicators.push({ row: r.row.rowNumber, indicator, municipality: isRegion ? REGION_MUNICIPALITY : municipalityName.get(idKey(place))!, theme: r.text('Thema'), year, value, direction });
  }
  return indicators;
}
