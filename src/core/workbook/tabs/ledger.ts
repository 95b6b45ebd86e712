import { LEDGER_KINDS, LedgerKind, TAB } from '../contract';
import { Findings } from '../../sheet/findings';
import { LedgerEntry } from '../model';
import { WorkbookSnapshot, idKey, reportDuplicates, rowsOf, shown } from '../rowReader';
import { AsOfPeildatum } from '../asOf';

const KIND_BY_TEXT = new Map<string, LedgerKind>(LEDGER_KINDS.map((k) => [k.toLowerCase(), k]));

/**
 * `Mutaties`: commitments and payments; a payment may settle a commitment by `Verplichting-ID`.
 * Each cell is read and normalised once per row (a ledger may have 100.000 rows): the ID, `Soort`
 * and `Code` are shared by the duplicate check, the commitments and the entries.
 */
export function parseLedger(
  snapshot: WorkbookSnapshot, findings: Findings, tz: string, canonicalCode: Map<string, string>, lineYears: Set<string>, knownActionIds: Set<string>, asOf: AsOfPeildatum,
): LedgerEntry[] {
  const readers = rowsOf(snapshot, TAB.ledger, ['Code', 'Soort', 'Bedrag'], findings, tz);
  const n = readers.length;
  const ids: string[] = new Array(n);
  const kindTexts: string[] = new Array(n);
  const codeTexts: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = readers[i];
    ids[i] = r.text('ID');
    kindTexts[i] = r.text('Soort');
    codeTexts[i] = r.text('Code');
  }
  const duplicates = reportDuplicates(readers, 'ID', 'ID', findings, TAB.ledger, ids);
  // Commitments are known by ID before any realisation is read: a payment may sit above its order.
  // By ID, the line (Code as typed, by idKey) each commitment is on: a payment pays off a commitment of its own line only.
  const commitmentLines = new Map<string, string>();
  const otherIds = new Set<string>();
  for (let i = 0; i < n; i++) {
    const id = idKey(ids[i]);
    if (!id || duplicates.has(readers[i])) continue;
    if (KIND_BY_TEXT.get(kindTexts[i].toLowerCase()) === 'Verplichting') commitmentLines.set(id, idKey(codeTexts[i]));
    else otherIds.add(id);
  }
  const entries: LedgerEntry[] = [];
  for (let i = 0; i < n; i++) {
    const r = readers[i];
    const id = ids[i];
    const dated = r.datedDay('Datum', false);
    const date = dated?.day ?? null;
    const explicitYear = r.year('Jaar', false);
    const codeText = r.requiredText('Code', codeTexts[i]);
    const kind = r.choice<LedgerKind>('Soort', LEDGER_KINDS, true, kindTexts[i]);
    const amountCents = r.money('Bedrag', true);
    const actionText = r.text('Actie-ID');
    const commitmentText = r.text('Verplichting-ID');
    const closed = r.yesNo('Afgesloten');
    const year = explicitYear ?? dated?.year ?? null;
    if (year === null && r.ok) r.problem('Jaar', 'Jaar en Datum ontbreken beide; vul er een in');
    const codeKey = idKey(codeText);
    const code = canonicalCode.get(codeKey);
    if (codeText && !code) r.problem('Code', `Begrotingspost ${shown(codeText)} staat niet in Begroting`);
    else if (code && year !== null && !lineYears.has(`${year}|${idKey(code)}`)) r.problem('Code', `Begroting heeft geen regel ${code} voor ${year}`);
    if (actionText && !knownActionIds.has(idKey(actionText))) r.problem('Actie-ID', `Actie ${shown(actionText)} staat niet in Acties`);
    if (commitmentText) {
      const commitmentKey = idKey(commitmentText);
      const commitmentLine = commitmentLines.get(commitmentKey);
      if (kind === 'Verplichting') r.problem('Verplichting-ID', 'Alleen een Realisatie kan een verplichting aflossen');
      else if (commitmentLine === undefined) {
        r.problem('Verplichting-ID', otherIds.has(commitmentKey) ? `${shown(commitmentText)} is geen Verplichting` : `Verplichting ${shown(commitmentText)} staat niet in Mutaties`);
      } else if (codeText && commitmentLine !== codeKey) {
        // Counted on both lines otherwise: the commitment's obligo falls on its own line, the payment on this one.
        r.problem('Verplichting-ID', `Verplichting ${shown(commitmentText)} staat op begrotingspost ${shown(commitmentLine)}, deze betaling op ${shown(codeText)}: een betaling lost alleen een verplichting van dezelfde post af`);
      }
    }
    if (closed && kind === 'Realisatie') r.problem('Afgesloten', 'Afgesloten geldt alleen voor een Verplichting');
    if (kind === 'Verplichting' && amountCents !== null && amountCents < 0) {
      r.problem('Bedrag', 'Een Verplichting mag niet negatief zijn; zet Afgesloten op Ja om wat over is vrij te geven');
    }
    if (!r.ok || kind === null || amountCents === null || year === null || !code || !asOf.admits(r, date, year, true)) continue;
    entries.push({
      row: r.row.rowNumber,
      id: duplicates.has(r) ? '' : id,
      date,
      year,
      code,
      actionId: actionText || null,
      kind,
      amountCents,
      commitmentId: commitmentText || null,
      closed,
      description: r.text('Omschrijving'),
    });
  }
  return entries;
}
