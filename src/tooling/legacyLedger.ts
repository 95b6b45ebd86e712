/**
 * The ledger parser as it was before issue 24 (each field read and normalised where it was needed,
 * the ID three times per row, a date's year parsed back from its text), kept only so `npm run bench`
 * can time the current parser against it over the same cells in one run.
 */
import { LEDGER_KINDS, LedgerKind, TAB } from '../core/workbook/contract';
import { Findings } from '../core/sheet/findings';
import { Day, parseDay, yearOf } from '../core/values/dates';
import { LedgerEntry } from '../core/workbook/model';
import { RowReader, WorkbookSnapshot, idKey, rowsOf, shown } from '../core/workbook/rowReader';
import { AsOfPeildatum } from '../core/workbook/asOf';

/** RowReader.day as it was: every Date cell turned into its day's text afresh. */
function day(r: RowReader, header: string, required: boolean): Day | null {
  const read = parseDay(r.row.get(header), r.timeZone);
  if (read.kind === 'ok') return read.day;
  if (read.kind === 'blank') {
    if (required) r.problem(header, `${header} ontbreekt`);
    return null;
  }
  r.problem(header, `${header}: ${read.problem}`);
  return null;
}

function reportDuplicates(readers: RowReader[], header: string, what: string, findings: Findings, tab: string): Set<RowReader> {
  const seen = new Map<string, number>();
  const duplicates = new Set<RowReader>();
  for (const r of readers) {
    const value = r.text(header);
    if (!value) continue;
    const first = seen.get(idKey(value));
    if (first === undefined) {
      seen.set(idKey(value), r.row.rowNumber);
    } else {
      duplicates.add(r);
      findings.add({ tab, row: r.row.rowNumber, column: r.row.where(header), value, problem: `${what} ${shown(value)} komt vaker voor (eerst in rij ${first})` });
    }
  }
  return duplicates;
}

/** `Mutaties`: commitments and payments; a payment may settle a commitment by `Verplichting-ID`. */
export function legacyParseLedger(
  snapshot: WorkbookSnapshot, findings: Findings, tz: string, canonicalCode: Map<string, string>, lineYears: Set<string>, knownActionIds: Set<string>, asOf: AsOfPeildatum,
): LedgerEntry[] {
  const readers = rowsOf(snapshot, TAB.ledger, ['Code', 'Soort', 'Bedrag'], findings, tz);
  const duplicates = reportDuplicates(readers, 'ID', 'ID', findings, TAB.ledger);
  // Commitments are known by ID before any realisation is read: a payment may sit above its order.
  // By ID, the line (Code as typed, by idKey) each commitment is on: a payment pays off a commitment of its own line only.
  const commitmentLines = new Map<string, string>();
  const otherIds = new Set<string>();
  for (const r of readers) {
    const id = idKey(r.text('ID'));
    if (!id || duplicates.has(r)) continue;
    const kind = LEDGER_KINDS.find((k) => k.toLowerCase() === r.text('Soort').toLowerCase());
    if (kind === 'Verplichting') commitmentLines.set(id, idKey(r.text('Code')));
    else otherIds.add(id);
  }
  const entries: LedgerEntry[] = [];
  for (const r of readers) {
    const id = r.text('ID');
    const date = day(r, 'Datum', false);
    const explicitYear = r.year('Jaar', false);
    const codeText = r.requiredText('Code');
    const kind = r.choice<LedgerKind>('Soort', LEDGER_KINDS, true);
    const amountCents = r.money('Bedrag', true);
    const actionText = r.text('Actie-ID');
    const commitmentText = r.text('Verplichting-ID');
    const closed = r.yesNo('Afgesloten');
    const year = explicitYear ?? (date ? yearOf(date) : null);
    if (year === null && r.ok) r.problem('Jaar', 'Jaar en Datum ontbreken beide; vul er een in');
    const code = canonicalCode.get(idKey(codeText));
    if (codeText && !code) r.problem('Code', `Begrotingspost ${shown(codeText)} staat niet in Begroting`);
    else if (code && year !== null && !lineYears.has(`${year}|${idKey(code)}`)) r.problem('Code', `Begroting heeft geen regel ${code} voor ${year}`);
    if (actionText && !knownActionIds.has(idKey(actionText))) r.problem('Actie-ID', `Actie ${shown(actionText)} staat niet in Acties`);
    if (commitmentText) {
      if (kind === 'Verplichting') r.problem('Verplichting-ID', 'Alleen een Realisatie kan een verplichting aflossen');
      else if (!commitmentLines.has(idKey(commitmentText))) {
        r.problem('Verplichting-ID', otherIds.has(idKey(commitmentText)) ? `${shown(commitmentText)} is geen Verplichting` : `Verplichting ${shown(commitmentText)} staat niet in Mutaties`);
      } else if (codeText && commitmentLines.get(idKey(commitmentText)) !== idKey(codeText)) {
        // Counted on both lines otherwise: the commitment's obligo falls on its own line, the payment on this one.
        r.problem('Verplichting-ID', `Verplichting ${shown(commitmentText)} staat op begrotingspost ${shown(commitmentLines.get(idKey(commitmentText))!)}, deze betaling op ${shown(codeText)}: een betaling lost alleen een verplichting van dezelfde post af`);
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
