import { DEFAULT_EXPLANATION_THRESHOLD_BASIS_POINTS, DEFAULT_EXPLANATION_THRESHOLD_CENTS, DEFAULT_WARN_THRESHOLD_BASIS_POINTS, SETTING, TAB } from '../contract';
import { Cents, formatEuroRounded, parseMoney } from '../../values/money';
import { Findings } from '../../sheet/findings';
import { Campaign, Settings } from '../model';
import { MONTHS_NL } from '../../values/text';
import { maxOf, minOf, parseDutchNumber } from '../../values/numbers';
import { yearOf } from '../../values/dates';
import { ParseContext, RowReader, WorkbookSnapshot, rowsOf, shown } from '../rowReader';

/** `Instellingen`: one value per key; Startjaar and Eindjaar default to the years of `Begroting`. */
export function parseSettings(snapshot: WorkbookSnapshot, findings: Findings, context: ParseContext, budgetYears: number[]): Settings {
  const readers = rowsOf(snapshot, TAB.settings, ['Sleutel', 'Waarde'], findings, context.timeZone);
  const byKey = new Map<string, RowReader>();
  for (const r of readers) {
    const k = r.text('Sleutel').toLowerCase();
    if (k && !byKey.has(k)) byKey.set(k, r);
  }
  const reader = (name: string) => byKey.get(name.toLowerCase());
  const text = (name: string) => reader(name)?.text('Waarde') ?? '';
  const year = (name: string, fallback: number) => reader(name)?.year('Waarde', false) ?? fallback;

  const thisYear = yearOf(context.today);
  const startYear = year(SETTING.startYear, budgetYears.length ? minOf(budgetYears, budgetYears[0]) : thisYear);
  const endYear = year(SETTING.endYear, budgetYears.length ? maxOf(budgetYears, budgetYears[0]) : thisYear);
  const referenceDate = context.referenceDate ?? reader(SETTING.referenceDate)?.day('Waarde', false) ?? context.today;

  const warnThresholdBasisPoints = percentSetting(reader(SETTING.warnThreshold), SETTING.warnThreshold, DEFAULT_WARN_THRESHOLD_BASIS_POINTS);
  const explanationThresholdBasisPoints = percentSetting(reader(SETTING.explanationThresholdPercent), SETTING.explanationThresholdPercent, DEFAULT_EXPLANATION_THRESHOLD_BASIS_POINTS);
  const explanationThresholdCents = amountSetting(reader(SETTING.explanationThreshold), SETTING.explanationThreshold, DEFAULT_EXPLANATION_THRESHOLD_CENTS);
  const reserveReader = reader(SETTING.surplusToReserve);
  const surplusToReserve = reserveReader ? reserveReader.yesNo('Waarde') : false;
  if (endYear < startYear) {
    findings.add({ tab: TAB.settings, row: reader(SETTING.endYear)?.row.rowNumber ?? 0, column: 'Waarde', value: String(endYear), problem: 'Eindjaar ligt voor Startjaar' });
  }
  return {
    region: text(SETTING.region),
    centre: text(SETTING.centre),
    startYear,
    endYear: Math.max(endYear, startYear),
    referenceDate,
    warnThresholdBasisPoints,
    explanationThresholdCents,
    explanationThresholdBasisPoints,
    projectLeader: text(SETTING.projectLeader).toLowerCase(),
    controller: text(SETTING.controller).toLowerCase(),
    decisionBody: text(SETTING.decisionBody),
    shiftDecisionBody: text(SETTING.shiftDecisionBody),
    programmeDecisionBody: text(SETTING.programmeDecisionBody),
    surplusToReserve,
    contributors: splitList(text(SETTING.contributors)),
    campaigns: parseCampaigns(reader(SETTING.campaigns)),
    newsletter: text(SETTING.newsletter),
    localPlanTitle: text(SETTING.localPlan),
    // Names may hold "en" (`Projectleider zorg en veiligheid`): only commas, semicolons and lines separate.
    organisers: text(SETTING.organiser).split(/[,;\n]+/).map((t) => t.trim()).filter(Boolean),
    meetingName: text(SETTING.meetingName),
    programmeName: text(SETTING.programmeName),
  };
}

const percentText = (basisPoints: number) => `${basisPoints / 100}%`.replace('.', ',');

/** A percentage setting as basis points: Sheets gives 0.9 for a 90% cell; users also type `90` or `90%`. */
function percentSetting(r: RowReader | undefined, key: string, fallback: number): number {
  if (!r || !r.text('Waarde')) return fallback;
  const raw = r.text('Waarde').replace('%', '');
  const value = parseDutchNumber(typeof r.row.get('Waarde') === 'number' ? (r.row.get('Waarde') as number) : raw);
  const fraction = value === null ? null : value > 1 ? value / 100 : value;
  if (fraction === null || fraction <= 0 || fraction > 1) {
    r.problem('Waarde', `${key}: geen percentage tussen 0 en 100; ${percentText(fallback)} wordt gebruikt`);
    return fallback;
  }
  return Math.round(fraction * 10000);
}

/** An amount setting in cents; what cannot be read, or is negative, is listed and the default used. */
function amountSetting(r: RowReader | undefined, key: string, fallback: Cents): Cents {
  if (!r || !r.text('Waarde')) return fallback;
  const read = parseMoney(r.row.get('Waarde') ?? '');
  if (read.kind === 'ok' && read.cents >= 0) return read.cents;
  r.problem('Waarde', `${key}: geen bedrag van € 0 of meer; ${formatEuroRounded(fallback)} wordt gebruikt`);
  return fallback;
}

/** A text the add-on wrote with a protective apostrophe reads back with it in some programs. */
const unescaped = (text: string) => text.replace(/^'(?=[=+\-@])/, '');

/**
 * `Campagnes`: `Naam: maand[, maand]; Naam: maand`, campaigns separated by `;` or a new line,
 * months by `,` or `en`. What cannot be read is listed in Controles and left out; the rest counts.
 */
function parseCampaigns(r: RowReader | undefined): Campaign[] {
  if (!r) return [];
  const campaigns: Campaign[] = [];
  for (const part of r.text('Waarde').split(/[;\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const colon = part.lastIndexOf(':');
    const name = unescaped(colon < 0 ? part : part.slice(0, colon).trim());
    if (colon < 0 || !name) {
      r.warn('Waarde', `${SETTING.campaigns}: "${shown(part)}" is niet te lezen; schrijf Naam: maand, maand (bijvoorbeeld Orange the World: november, december). Deze campagne telt niet mee`);
      continue;
    }
    const months: number[] = [];
    for (const word of part.slice(colon + 1).split(/\s*(?:,|\sen\s)\s*/).map((m) => m.trim().toLowerCase()).filter(Boolean)) {
      const month = MONTHS_NL.indexOf(word) + 1;
      if (month > 0) {
        if (!months.includes(month)) months.push(month);
      } else {
        r.warn('Waarde', `${SETTING.campaigns}: "${shown(word)}" bij ${shown(name)} is geen maand (${MONTHS_NL[0]} … ${MONTHS_NL[11]})`);
      }
    }
    if (months.length) campaigns.push({ name, months });
    else r.warn('Waarde', `${SETTING.campaigns}: ${shown(name)} heeft geen maand en telt niet mee`);
  }
  return campaigns;
}

/** A list typed in one cell: `Gennep, Maasdriel en Zaltbommel` or one per line. */
export function splitList(text: string): string[] {
  return text.split(/\s*(?:[,;\n]|\sen\s)\s*/).map((t) => t.trim()).filter(Boolean);
}
