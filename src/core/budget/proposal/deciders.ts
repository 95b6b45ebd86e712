import { Settings } from '../../workbook/model';

type Deciders = Pick<Settings, 'decisionBody' | 'shiftDecisionBody' | 'programmeDecisionBody'>;

/** `Besluitvorming`, or a plain word when the sheet names nobody. */
export function decisionBodyOf(settings: Pick<Settings, 'decisionBody'>): string {
  return settings.decisionBody.trim() || 'de besluitvorming (vul Instellingen › Besluitvorming in)';
}

/** Who decides a deferral or a shift within the year's total: `Besluitvorming verschuiving`, else `Besluitvorming`. */
export function shiftDecider(settings: Deciders): string {
  return settings.shiftDecisionBody.trim() || decisionBodyOf(settings);
}

/** Who decides a change of the programme total or of the reserve: `Besluitvorming programma`, else `Besluitvorming`. */
export function programmeDecider(settings: Deciders): string {
  return settings.programmeDecisionBody.trim() || decisionBodyOf(settings);
}

export const escalateTo = (settings: Deciders) => `Voorleggen aan ${settings.programmeDecisionBody.trim() || settings.decisionBody.trim() || 'besluitvorming'}`;
