/**
 * The server functions the sidebar may call through google.script.run, with their parameter and
 * return types. Types only: the sidebar's client (sidebar/client.ts) and the preview's dispatcher
 * (src/tooling/preview.ts) are both checked against this one list, so client and server cannot
 * drift apart. Every value crossing is JSON-like (google.script.run drops Dates and functions).
 */
import type { CheckSummary } from '../core/check';
import type { Status } from '../core/workbook/contract';
import type { DashboardData } from '../core/dashboard';
import type { Day } from '../core/values/dates';
import type { AddActionResult, MyActions, UpdateActionResult } from '../app/myActions';
import type { NewAction } from '../core/actions/add';
import type { ActionVersion } from '../core/actions/version';
import type { SidebarData } from '../app/sidebar';

/** "Mijn acties" results are defined by the service that makes them; the sidebar sees them here. */
export type { AddActionResult, MyAction, MyActions, UpdateActionResult } from '../app/myActions';
export type { NewAction } from '../core/actions/add';
export type { ActionVersion, EditableField } from '../core/actions/version';
export type { SidebarData, SidebarPart } from '../app/sidebar';

/** What an official may change; absent fields stay as they are. `deadline: null` clears it. */
export interface ActionChanges {
  status?: Status;
  deadline?: Day | null;
  note?: string;
}

export interface MeetupAgenda {
  title: string;
  markdown: string;
  html: string;
  docUrl?: string;
}

export interface ServerApi {
  /** Dashboard and "Mijn acties" in one round trip. */
  getSidebar(): SidebarData;
  getDashboard(): DashboardData;
  runBudgetCheck(): CheckSummary;
  getMyActions(): MyActions;
  /** `base`: the version the form started from; a row changed since then is not written. */
  updateAction(id: string, changes: ActionChanges, base: ActionVersion): UpdateActionResult;
  /** A local action of the caller's own municipality; the server sets Gemeente, ID and stamps. */
  addAction(input: NewAction): AddActionResult;
  generateMeetupAgenda(quarter: string): MeetupAgenda;
  selectRow(tab: string, row: number): void;
}

export type ServerFunctionName = keyof ServerApi;
