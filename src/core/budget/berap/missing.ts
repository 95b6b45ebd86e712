import { columnLetter } from '../../sheet/a1';
import { Grid, cellText } from '../../sheet/cell';
import { Finding } from '../../sheet/findings';
import { headerIndex } from '../../sheet/headers';
import { formatDay } from '../../values/dates';
import { formatEuroRounded, parseMoney } from '../../values/money';
import { YES } from '../../workbook/contract';
import { BERAP_TAB } from './rows';

export interface BerapTab {
  name: string;
  grid: Grid;
}

/**
 * Every required explanation still missing in the berap tabs, as a `Controles` warning
 * (`Berap 01-10-2024: toelichting ontbreekt bij Veilig Thuis, afwijking € -60.000 N`). Read from
 * the tab as it stands, so typing the text clears the line at the next check, whatever the figures
 * have done since. A tab whose columns were removed is not judged.
 */
export function missingExplanationFindings(tabs: readonly BerapTab[]): Finding[] {
  const out: Finding[] = [];
  for (const tab of [...tabs].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const date = BERAP_TAB.exec(tab.name)?.[1];
    const header = tab.grid[0] ?? [];
    const col = (h: string) => headerIndex(header, h);
    const [code, name, deviation, sign, required, text] = ['Code', 'Begrotingspost', 'Afwijking', 'V/N', 'Toelichting verplicht', 'Toelichting'].map(col);
    if (!date || required < 0 || text < 0) continue;
    tab.grid.slice(1).forEach((row, i) => {
      if (cellText(row[required]).trim().toLowerCase() !== YES.toLowerCase() || cellText(row[text]).trim()) return;
      const label = (name >= 0 && cellText(row[name]).trim()) || (code >= 0 ? cellText(row[code]).trim() : '') || `rij ${i + 2}`;
      const amount = deviation >= 0 ? parseMoney(row[deviation] ?? '') : null;
      const shown = amount?.kind === 'ok' ? `, afwijking ${formatEuroRounded(amount.cents)}${sign >= 0 && cellText(row[sign]).trim() ? ` ${cellText(row[sign]).trim()}` : ''}` : '';
      out.push({
        tab: tab.name, row: i + 2, column: `Toelichting (${columnLetter(text)})`, value: '',
        problem: `Berap ${formatDay(date)}: toelichting ontbreekt bij ${label}${shown}`, severity: 'warning',
      });
    });
  }
  return out;
}
