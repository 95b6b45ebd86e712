import { Cell, Grid } from '../core/sheet/cell';
import { Finding } from '../core/sheet/findings';
import { parseA1 } from '../core/sheet/a1';
import { LOG_HEAD_KEY } from '../core/logbook/chain';
import { REVIEW_KEY } from '../core/logbook/editCache';
import { logbookFindings } from '../core/logbook/findings';
import { parseKeten } from '../core/logbook/keyed';
import { MAX_ENTRY_CHARS, missedEdits } from '../core/logbook/queue';
import { KeyedState, keyedState, logTrust } from '../core/logbook/trust';
import { TAB, TabName } from '../core/workbook/contract';
import { parseWorkbook } from '../core/workbook/parse';
import { WorkbookSnapshot } from '../core/workbook/rowReader';
import { Runtime } from '../ports/runtime';

/** The review kept for checks by whoever lacks the key: when, and the Logboek findings then. */
interface Review {
  at: string;
  findings: Finding[];
}

function readReview(value: string | null): Review | null {
  try {
    const p = value ? (JSON.parse(value) as Review) : null;
    return p && typeof p.at === 'string' && Array.isArray(p.findings) ? p : null;
  } catch {
    return null;
  }
}

/** As many findings as fit in one document property, the rest counted in a last one. */
function storableReview(at: string, findings: readonly Finding[]): string {
  const kept: Finding[] = [];
  for (let i = 0; i < findings.length; i++) {
    const next = JSON.stringify({ at, findings: [...kept, findings[i]] });
    if (next.length > MAX_ENTRY_CHARS - 400) {
      kept.push({ tab: TAB.log, row: 0, column: '', value: String(findings.length - i), problem: `Nog ${findings.length - i} meldingen over Logboek; de projectleider ziet ze in de eigen budgetcontrole.` });
      break;
    }
    kept.push(findings[i]);
  }
  return JSON.stringify({ at, findings: kept });
}

function keyedLines(grid: Grid | null): boolean {
  return (grid ?? []).some((line) => ['pending', 'sealed'].includes(parseKeten(line[6] as Cell).kind));
}

/**
 * Logboek's findings for a budget check, and the snapshot to compute with.
 * - The trigger owner (holding the key) judges every line; the findings are kept in the document
 *   properties as the review for checks by others.
 * - Anyone else (the controller) cannot verify keyed lines: they get the project leader's last review.
 *   Edits the trigger has not handled yet (the lock stayed taken) are listed, and their rows left out
 *   of this check's figures and IDs: the project leader's trigger or check still has to judge them.
 */
export function logbookForCheck(runtime: Runtime, snapshot: WorkbookSnapshot, known?: KeyedState | null): { findings: Finding[]; snapshot: WorkbookSnapshot; grid: Grid | null } {
  const wb = runtime.workbook;
  const grid = wb.tabNames().includes(TAB.log) ? wb.readTab(TAB.log) : null;
  // As the catch-up left it, when one ran; else as the runner's own properties hold it.
  const keyed = known !== undefined ? known : runtime.privateProperties ? keyedState(runtime.privateProperties.getAll()) : null;
  const { programme } = parseWorkbook({ [TAB.settings]: snapshot[TAB.settings], [TAB.municipalities]: snapshot[TAB.municipalities] }, { timeZone: wb.timeZone, today: runtime.today() });
  const headersOf = (tab: string) => snapshot[tab as TabName]?.[0] ?? null;
  const shared = runtime.properties.getAll();
  const review = readReview(shared[REVIEW_KEY] ?? null);
  if (!keyed && review && keyedLines(grid)) return { ...withoutWaiting(shared, snapshot, review.findings), grid };
  const findings = logbookFindings({ grid, trust: logTrust(keyed, shared[LOG_HEAD_KEY]) }, programme.settings.projectLeader, headersOf);
  if (keyed) runtime.properties.set({ [REVIEW_KEY]: storableReview(runtime.now().toISOString(), findings) });
  return { ...withoutWaiting(shared, snapshot, findings), grid };
}

function withoutWaiting(shared: Readonly<Record<string, string>>, snapshot: WorkbookSnapshot, findings: Finding[]): { findings: Finding[]; snapshot: WorkbookSnapshot } {
  const waiting = missedEdits(shared).filter((m) => m.edit?.tab && parseA1(m.edit.range));
  if (!waiting.length) return { findings, snapshot };
  const out: WorkbookSnapshot = { ...snapshot };
  const extra: Finding[] = [];
  for (const { edit } of waiting) {
    const where = parseA1(edit!.range)!;
    const tab = edit!.tab as TabName;
    const grid = out[tab];
    if (grid) {
      out[tab] = grid.map((line, i) => (i + 1 >= where.row && i + 1 < where.row + where.numRows && i > 0 ? line.map(() => '') : line));
    }
    extra.push({ tab, row: where.row, column: '', value: edit!.range, problem: `Bewerking door ${edit!.user || 'onbekende gebruiker'} wacht nog op de trigger van de projectleider (het werkboek was bezet): deze rij(en) tellen pas mee als die bewerking is verwerkt.` });
  }
  return { findings: [...findings, ...extra], snapshot: out };
}
