import { CheckResult } from '../core/check';
import { formatDay } from '../core/values/dates';
import { maxOf } from '../core/values/numbers';
import { formatEuro } from '../core/values/money';

type Align = 'left' | 'right';
interface Column {
  title: string;
  align?: Align;
  /** Longer cells are cut off with an ellipsis so the table keeps its shape in a terminal. */
  max?: number;
}

const GAP = '  ';

function fit(text: string, max: number | undefined): string {
  return max !== undefined && text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A fixed-width text table: a header, a rule, and the rows, columns padded to their widest cell. */
export function renderTable(columns: readonly Column[], rows: readonly string[][]): string[] {
  const cells = rows.map((row) => columns.map((c, i) => fit(row[i] ?? '', c.max)));
  const widths = columns.map((c, i) => maxOf(cells.map((r) => r[i].length), c.title.length));
  const line = (values: string[]) =>
    values.map((v, i) => (columns[i].align === 'right' ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(GAP).trimEnd();
  return [line(columns.map((c) => c.title)), widths.map((w) => '-'.repeat(w)).join(GAP), ...cells.map(line)];
}

const money = (title: string): Column => ({ title, align: 'right' });

/** The check's result as a Dutch text summary: the signals, the programme per year, the proposals. */
export function renderSummary(result: Pick<CheckResult, 'summary' | 'years'>): string {
  const { summary, years } = result;
  const out: string[] = [];
  out.push(`Budgetcontrole ${summary.region || '(regio onbekend)'} - peildatum ${formatDay(summary.referenceDate)}`);
  out.push(summary.message);
  out.push('');

  out.push('Signalen per begrotingspost en jaar');
  if (summary.signals.length === 0) {
    out.push('Geen signalen: alle begrotingsposten zijn OK.');
  } else {
    out.push(...renderTable(
      [{ title: 'Jaar' }, { title: 'Code' }, { title: 'Begrotingspost', max: 40 }, money('Raming'), money('Besteed'), money('Prognose'), money('Saldo'), { title: 'Signaal' }],
      summary.signals.map((s) => [
        String(s.year), s.code, s.name, formatEuro(s.estimateCents), formatEuro(s.spentCents), formatEuro(s.forecastCents), formatEuro(s.balanceCents), s.signal,
      ]),
    ));
  }
  out.push('');

  out.push('Programma per jaar (de DU VO is taakstellend: dekking moet raming en prognose dragen; een overschot vervalt tenzij het in de reserve gaat)');
  out.push(...renderTable(
    [{ title: 'Jaar' }, { title: 'Fase' }, money('Raming'), money('Dekking'), money('waarvan reserve'), money('Prognose'), { title: 'Signaal' }, money('Resultaat')],
    years.map((y) => [
      String(y.year), y.phase, formatEuro(y.totalEstimateCents), formatEuro(y.totalCoverageCents), y.reserveDrawCents ? formatEuro(y.reserveDrawCents) : '',
      formatEuro(y.totalForecastCents), y.programmeSignal, formatEuro(y.resultCents),
    ]),
  ));
  out.push('');

  out.push('Voorstel herprioritering (de add-on stelt voor; een mens beslist)');
  if (summary.proposals.length === 0) {
    out.push('Geen voorstel nodig: geen (dreigende) overschrijding of tekort.');
  } else {
    out.push(...renderTable(
      [{ title: 'Jaar' }, { title: 'Code' }, money('Tekort'), { title: 'Voorstel', max: 40 }, { title: 'Actie-ID' }, { title: 'Actie', max: 40 }, { title: 'Prioriteit' }, money('Bedrag')],
      summary.proposals.flatMap((p) =>
        p.items.map((item) => [
          String(item.year), item.code, item.kind === 'consult' || item.kind === 'reserve' ? '' : formatEuro(item.shortfallCents), item.proposal, item.actionId, item.actionTitle, item.priority,
          item.kind === 'escalate' ? '' : formatEuro(item.freedCents),
        ]),
      ),
    ));
    for (const p of summary.proposals.filter((p) => !p.covered)) {
      const to = p.items.find((i) => i.kind === 'escalate')?.proposal.replace(/^Voorleggen aan /, '') ?? 'de besluitvorming';
      out.push(`${p.year} ${p.code}: ${formatEuro(p.uncoveredCents)} van ${formatEuro(p.shortfallCents)} niet gedekt door het voorstel; besluit van ${to} nodig.`);
    }
  }
  if (summary.checks > 0) {
    const errors = summary.checks - summary.checkWarnings;
    out.push('');
    if (errors > 0) out.push(`${errors} ${errors === 1 ? 'cel kon' : 'cellen konden'} niet worden gelezen en ${errors === 1 ? 'telt' : 'tellen'} niet mee: zie het tabblad Controles.`);
    if (summary.checkWarnings > 0) out.push(`${summary.checkWarnings} ${summary.checkWarnings === 1 ? 'waarschuwing' : 'waarschuwingen'} (wel meegeteld, maar kijk ernaar): zie het tabblad Controles.`);
  }
  if (summary.rowsAfterReferenceDate > 0) {
    out.push(`${summary.rowsAfterReferenceDate} ${summary.rowsAfterReferenceDate === 1 ? 'rij is' : 'rijen zijn'} gedateerd na de peildatum en ${summary.rowsAfterReferenceDate === 1 ? 'telt' : 'tellen'} nog niet mee.`);
  }
  return out.join('\n');
}
