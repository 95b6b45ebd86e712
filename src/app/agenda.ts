import { buildAgenda } from '../core/agenda/build';
import { agendaTabName } from '../core/agenda/format';
import { renderHtml } from '../core/agenda/html';
import { renderMarkdown } from '../core/agenda/markdown';
import { Quarter, defaultQuarter, formatQuarter, parseQuarter } from '../core/agenda/quarter';
import { AGENDA_LAYOUT, renderRows } from '../core/agenda/rows';
import { Agenda, AgendaConfig } from '../core/agenda/types';
import { Grid } from '../core/cell';
import { parseWorkbook } from '../core/parse';
import { Region, localPlanTitle, monthNumber } from '../core/region';
import { computeCheck, readSnapshot } from './budgetCheck';
import { Runtime } from './runtime';

/** The agenda's facts that are region data, not sheet data: campaigns, newsletter, local plan, organiser. */
export function agendaConfigFromRegion(region: Region): AgendaConfig {
  const { overleg } = region;
  const localPlan = localPlanTitle(region);
  return {
    campaigns: (overleg.campagnes ?? []).map((c) => ({ name: c.naam, months: c.maanden.map(monthNumber) })),
    newsletter: overleg.nieuwsbrief?.tekst ?? '',
    localPlanTitles: localPlan ? [localPlan] : [],
    organiserNames: [...(overleg.meetup?.organisator ?? [])],
  };
}

export class AgendaInputError extends Error {}

/** Reads `JJJJ-Qn` or says in Dutch what is expected. */
export function readQuarter(text: string): Quarter {
  const quarter = parseQuarter(text);
  if (!quarter) throw new AgendaInputError(`"${text}" is geen kwartaal. Gebruik JJJJ-Qn, bijvoorbeeld 2025-Q1.`);
  return quarter;
}

export interface AgendaOutput {
  agenda: Agenda;
  title: string;
  quarter: string;
  tabName: string;
  markdown: string;
  html: string;
  rows: Grid;
}

/**
 * Builds and renders the agenda from one read of the workbook. The budget part comes from the same
 * computeCheck the budget check uses, so the agenda and `Budgetcontrole` cannot disagree.
 */
export function prepareAgenda(runtime: Runtime, quarter: Quarter, config: AgendaConfig): AgendaOutput {
  const snapshot = readSnapshot(runtime);
  const check = computeCheck(runtime, snapshot);
  const agenda = buildAgenda({ programme: check.programme, check, quarter, config });
  return {
    agenda,
    title: agenda.title,
    quarter: agenda.quarter,
    tabName: agendaTabName(agenda.quarter),
    markdown: renderMarkdown(agenda),
    html: renderHtml(agenda),
    rows: renderRows(agenda),
  };
}

/** Writes the tab `Agenda JJJJ-Qn` whole; a second run for the same quarter replaces it. */
export function writeAgendaTab(runtime: Runtime, output: AgendaOutput): void {
  runtime.withDocumentLock(() => runtime.workbook.replaceTab(output.tabName, AGENDA_LAYOUT, output.rows));
}

/** The quarter the menu proposes: the next planned meet-up's, else Peildatum's. */
export function proposedQuarter(runtime: Runtime): string {
  const snapshot = readSnapshot(runtime);
  const { programme } = parseWorkbook(snapshot, { timeZone: runtime.workbook.timeZone, today: runtime.today() });
  return formatQuarter(defaultQuarter(programme.meetups, programme.settings.referenceDate));
}
