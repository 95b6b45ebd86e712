import { Grid, cellText } from '../../sheet/cell';
import { headerIndex } from '../../sheet/headers';
import { idKey } from '../../workbook/rowReader';

/** A text the add-on wrote with a protective apostrophe reads back with it in some programs. */
const unescaped = (text: string) => text.replace(/^'(?=[=+\-@'])/, '');

/**
 * The controller's `Toelichting` per Code, from the berap tab as it stands (rows below the table
 * for lines that no longer exist included, so a text survives any number of remakes). Columns are
 * found by header, wherever the user moved them. Two rows with one Code keep both texts.
 */
export function explanationsByCode(tab: Grid | null): Map<string, { code: string; text: string }> {
  const out = new Map<string, { code: string; text: string }>();
  if (!tab || tab.length < 2) return out;
  const codeAt = headerIndex(tab[0], 'Code');
  const textAt = headerIndex(tab[0], 'Toelichting');
  if (codeAt < 0 || textAt < 0) return out;
  for (const row of tab.slice(1)) {
    const code = cellText(row[codeAt]).trim();
    const text = unescaped(cellText(row[textAt]).trim());
    if (!code || !text) continue;
    const known = out.get(idKey(code));
    if (!known) out.set(idKey(code), { code, text });
    else if (!known.text.split('\n').includes(text)) known.text = `${known.text}\n${text}`;
  }
  return out;
}
