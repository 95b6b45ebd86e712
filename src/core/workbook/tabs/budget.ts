import { CHARACTERS, Character, TAB } from '../contract';
import { Findings } from '../../sheet/findings';
import { BudgetLine } from '../model';
import { RowReader, WorkbookSnapshot, idKey, rowsOf, shown } from '../rowReader';

export interface BudgetRead {
  budgetLines: BudgetLine[];
  /** Every `Code` as `Begroting` spells it, by idKey: references in other tabs resolve to it. */
  canonicalCode: Map<string, string>;
  /** `2021|VT`: the line-years that exist, by year and idKey of the code. */
  lineYears: Set<string>;
}

/** `Begroting`: one line per year and code; a repeated line-year counts once. Read first: Startjaar and Eindjaar default to its years. */
export function parseBudget(snapshot: WorkbookSnapshot, findings: Findings, tz: string): BudgetRead {
  const budgetReaders = rowsOf(snapshot, TAB.budget, ['Jaar', 'Code', 'Raming'], findings, tz);
  const budgetLines: BudgetLine[] = [];
  const lineYears = new Set<string>();
  for (const r of budgetReaders) {
    const year = r.year('Jaar', true);
    const code = r.requiredText('Code');
    const estimateCents = r.money('Raming', true);
    if (estimateCents !== null && estimateCents < 0) r.problem('Raming', 'Raming mag niet negatief zijn; een verlaging is een regel in Begrotingswijzigingen');
    const character = readCharacter(r);
    if (!r.ok || year === null || estimateCents === null) continue;
    const id = `${year}|${idKey(code)}`;
    if (lineYears.has(id)) {
      r.problem('Code', `Begrotingspost ${shown(code)} staat voor ${year} vaker in Begroting; alleen de eerste telt`);
      continue;
    }
    lineYears.add(id);
    budgetLines.push({ row: r.row.rowNumber, year, code, name: r.text('Begrotingspost'), estimateCents, character, note: r.text('Toelichting') });
  }
  const canonicalCode = new Map<string, string>();
  for (const line of budgetLines) if (!canonicalCode.has(idKey(line.code))) canonicalCode.set(idKey(line.code), line.code);
  return { budgetLines, canonicalCode, lineYears };
}

/**
 * `Karakter`, or for a sheet from before it existed the old `Wettelijk` column: `Ja` is `Wettelijk`,
 * anything else `Flexibel`. A blank `Karakter` reads the same way (contract: Begroting).
 */
function readCharacter(r: RowReader): Character {
  const typed = r.text('Karakter');
  const chosen = CHARACTERS.find((c) => c.toLowerCase() === typed.toLowerCase());
  if (chosen) return chosen;
  const fallback: Character = r.row.has('Wettelijk') && r.yesNo('Wettelijk') ? 'Wettelijk' : 'Flexibel';
  // Leaving the line out would drop its raming and orphan its mutations; it counts with the fallback.
  if (typed) r.warn('Karakter', `Karakter "${shown(typed)}" is geen geldige keuze (${CHARACTERS.join(', ')}); de regel telt als ${fallback}`);
  return fallback;
}
