import { TAB } from '../../src/core/workbook/contract';
import { FakeHandles } from '../fakes/spreadsheetApp';
import { fillWorkbook, sheetDate } from './workbooks';

export const PL = 'projectleider@nijmegen.nl';
export const CONTROLLER = 'controller@nijmegen.nl';
export const TIEL = 'ambtenaar@tiel.nl';
export const NIJMEGEN = 'ambtenaar@nijmegen.nl';
export const OWNER = 'eigenaar@nijmegen.nl';

/**
 * Two municipalities and the region. Acties columns are in a different order than the contract
 * (Gemeente first, ID third) so everything must go by header.
 * Rows: 2 A-001 Tiel, 3 A-002 Nijmegen, 4 A-003 Regio, 5 A-004 Tiel, 6 A-005 Nijmegen.
 */
export const ACTIES_HEADER = ['Gemeente', 'Actie', 'ID', 'Actielijn', 'Eigenaar', 'Thema', 'Prioriteit', 'Deadline', 'Status', 'Begrotingspost', 'Geraamd', 'Toelichting', 'Bijgewerkt op', 'Bijgewerkt door'];
export const COL = Object.fromEntries(ACTIES_HEADER.map((h, i) => [h, i + 1])) as Record<string, number>;

export function rightsWorkbook(fakes: FakeHandles): void {
  fillWorkbook(fakes, {
    [TAB.settings]: [['Sleutel', 'Waarde'], ['Regio', 'Testregio'], ['Projectleider', PL.toUpperCase()], ['Controller', CONTROLLER], ['Peildatum', sheetDate('2025-03-15')]],
    [TAB.municipalities]: [['Gemeente', 'Subregio', 'Editors'], ['Tiel', 'Rivierenland', `${TIEL}, collega@tiel.nl`], ['Nijmegen', 'Rijk van Nijmegen', NIJMEGEN]],
    [TAB.actionLines]: [['Code', 'Actielijn'], ['AL1', 'Preventie']],
    [TAB.actions]: [
      ACTIES_HEADER,
      ['Tiel', 'Training', 'A-001', 'AL1', 'Team Tiel', '', 'Hoog', '', 'Loopt', '', '', '', '', ''],
      ['Nijmegen', 'Campagne', 'A-002', 'AL1', 'Team Nijmegen', '', 'Laag', '', 'Niet gestart', '', '', '', '', ''],
      ['Regio', 'Regiovisie', 'A-003', 'AL1', 'Projectleider', '', 'Middel', '', 'Loopt', '', '', '', '', ''],
      ['Tiel', 'Lokaal plan', 'A-004', 'AL1', 'Team Tiel', '', 'Middel', '', 'Loopt', '', '', 'oud', '', ''],
      ['Nijmegen', 'Huisbezoeken', 'A-005', 'AL1', 'Team Nijmegen', '', 'Hoog', '', 'Loopt', '', '', '', '', ''],
    ],
    [TAB.budget]: [['Jaar', 'Code', 'Begrotingspost', 'Raming'], [2025, 'P1', 'Preventie', 1000]],
    [TAB.ledger]: [['ID', 'Datum', 'Jaar', 'Code', 'Actie-ID', 'Soort', 'Bedrag', 'Verplichting-ID', 'Afgesloten', 'Omschrijving'], ['M-0001', sheetDate('2025-02-01'), 2025, 'P1', 'A-001', 'Realisatie', 100, '', '', 'x']],
    [TAB.log]: [['Tijdstip', 'Gebruiker', 'Tabblad', 'Cel', 'Oud', 'Nieuw']],
  });
}
