/**
 * The server functions the sidebar may call through google.script.run, with their parameter and
 * return types. Types only: the sidebar's client (sidebar/client.ts) and the preview's dispatcher
 * (src/tooling/preview.ts) are both checked against this one list, so client and server cannot
 * drift apart. Every value crossing is JSON-like (google.script.run drops Dates and functions).
 */
import type { CheckSummary } from '../core/check.types';
import type { Status } from '../core/contract';
import type { DashboardData } from '../core/dashboard';
import type { Day } from '../core/dates';

/** An action as "Mijn acties" shows it. */
export interface MyAction {
  id: string;
  row: number;
  municipality: string;
  title: string;
  owner: string;
  theme: string;
  priority: string;
  deadline: Day | null;
  status: Status;
  note: string;
  updatedOn: Day | null;
  updatedBy: string;
}

export interface MyActions {
  email: string;
  municipalities: string[];
  actions: MyAction[];
}

/** What an official may change; absent fields stay as they are. `deadline: null` clears it. */
export interface ActionChanges {
  status?: Status;
  deadline?: Day | null;
  note?: string;
}

export interface UpdateActionResult {
  action: MyAction;
}

export interface MeetupAgenda {
  title: string;
  markdown: string;
  html: string;
  docUrl?: string;
}

export interface ServerApi {
  getDashboard(): DashboardData;
  runBudgetCheck(): CheckSummary;
  getMyActions(): MyActions;
  updateAction(id: string, changes: ActionChanges): UpdateActionResult;
  generateMeetupAgenda(quarter: string): MeetupAgenda;
  selectRow(tab: string, row: number): void;
}

export type ServerFunctionName = keyof ServerApi;
