import { PRIORITIES, Priority, REGION_MUNICIPALITY, STATUSES, Status, TAB } from '../contract';
import { Findings } from '../../sheet/findings';
import { Day, parseDay, yearOf } from '../../values/dates';
import { Action, Settings } from '../model';
import { RowReader, WorkbookSnapshot, idKey, reportDuplicates, rowsOf, shown } from '../rowReader';

/** What `Acties` points at in the tabs read before it. */
export interface ActionReferences {
  settings: Settings;
  lineCode: Map<string, string>;
  municipalityName: Map<string, string>;
  canonicalCode: Map<string, string>;
  lineYears: Set<string>;
}

/**
 * `Acties`: a row whose action line, municipality or budget line is not in its tab is listed and
 * left out. `knownActionIds` holds every ID in the tab, readable row or not, so references to them
 * from `Mutaties` are not dangling.
 */
export function parseActions(snapshot: WorkbookSnapshot, findings: Findings, tz: string, refs: ActionReferences): { actions: Action[]; knownActionIds: Set<string> } {
  const { settings, lineCode, municipalityName, canonicalCode, lineYears } = refs;
  const actionReaders = rowsOf(snapshot, TAB.actions, ['ID', 'Actielijn', 'Gemeente', 'Actie', 'Status'], findings, tz);
  const duplicateActions = reportDuplicates(actionReaders, 'ID', 'ID', findings, TAB.actions);
  const knownActionIds = new Set(actionReaders.map((r) => idKey(r.text('ID'))).filter(Boolean));
  const actions: Action[] = [];
  for (const r of actionReaders) {
    const id = r.text('ID');
    const lineText = r.requiredText('Actielijn');
    const municipalityText = r.requiredText('Gemeente');
    const title = r.requiredText('Actie');
    const status = r.choice<Status>('Status', STATUSES, true);
    const priority = r.choice<Priority>('Prioriteit', PRIORITIES, false);
    const deadline = r.day('Deadline', false);
    const plannedCents = r.money('Geraamd', false);
    const budgetText = r.text('Begrotingspost');
    if (lineText && !lineCode.has(idKey(lineText))) r.problem('Actielijn', `Actielijn ${shown(lineText)} staat niet in Actielijnen`);
    const isRegion = idKey(municipalityText) === idKey(REGION_MUNICIPALITY);
    if (municipalityText && !isRegion && !municipalityName.has(idKey(municipalityText))) {
      r.problem('Gemeente', `Gemeente ${shown(municipalityText)} staat niet in Gemeenten (of gebruik ${REGION_MUNICIPALITY})`);
    }
    if (budgetText && !canonicalCode.has(idKey(budgetText))) r.problem('Begrotingspost', `Begrotingspost ${shown(budgetText)} staat niet in Begroting`);
    if (plannedCents !== null && plannedCents < 0) r.problem('Geraamd', 'Geraamd mag niet negatief zijn');
    // Geraamd counts in the deadline's year (no deadline: the period's last); without a budget line
    // for that year the amount would silently count nowhere. After Eindjaar it belongs to the next
    // programme: shown under `Na JJJJ`, not an error.
    const pipelineYear = deadline ? yearOf(deadline) : settings.endYear;
    const inPeriod = pipelineYear <= settings.endYear;
    if (inPeriod && budgetText && canonicalCode.has(idKey(budgetText)) && plannedCents && !lineYears.has(`${pipelineYear}|${idKey(budgetText)}`)) {
      r.problem(deadline ? 'Deadline' : 'Begrotingspost', `Geraamd valt in ${pipelineYear}, maar Begroting heeft geen regel ${canonicalCode.get(idKey(budgetText))} voor ${pipelineYear}`);
    }
    if (!r.ok || duplicateActions.has(r) || status === null) continue;
    actions.push({
      row: r.row.rowNumber,
      id,
      lineCode: lineCode.get(idKey(lineText))!,
      municipality: isRegion ? REGION_MUNICIPALITY : municipalityName.get(idKey(municipalityText))!,
      title,
      owner: r.text('Eigenaar'),
      theme: r.text('Thema'),
      priority,
      deadline,
      status,
      budgetCode: budgetText ? canonicalCode.get(idKey(budgetText))! : null,
      plannedCents,
      note: r.text('Toelichting'),
      updatedOn: parseDay(r.row.get('Bijgewerkt op'), tz).kind === 'ok' ? (parseDay(r.row.get('Bijgewerkt op'), tz) as { day: Day }).day : null,
      updatedBy: r.text('Bijgewerkt door'),
      originalDeadline: readOriginalDeadline(r),
    });
  }
  return { actions, knownActionIds };
}

/** `Oorspronkelijke deadline` is the add-on's; a value it cannot read is named and ignored, never blocks the action. */
function readOriginalDeadline(r: RowReader): Day | null {
  const read = parseDay(r.row.get('Oorspronkelijke deadline'), r.timeZone);
  if (read.kind === 'ok') return read.day;
  if (read.kind === 'error') r.warn('Oorspronkelijke deadline', `Oorspronkelijke deadline: ${read.problem}; de add-on leest hem niet`);
  return null;
}
