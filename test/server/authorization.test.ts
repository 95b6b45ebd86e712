import { TAB } from '../../src/core/workbook/contract';
import * as server from '../../src/server/index';
import { installDocumentAppFake } from '../fakes/documentApp';
import { installMailAppFake } from '../fakes/mailApp';
import { FakeHandles, installAppsScriptFakes } from '../fakes/spreadsheetApp';
import { CONTROLLER, OWNER, PL, TIEL, rightsWorkbook } from './rightsWorkbook';
import { fillWorkbook, sheetDate } from './workbooks';

const STRANGER = 'iemand@elders.nl';
const ROLES = { projectleider: PL, controller: CONTROLLER, ambtenaar: TIEL, onbekend: STRANGER } as const;
type RoleName = keyof typeof ROLES;

let fakes: FakeHandles;
let uninstallOthers: () => void;

beforeEach(() => {
  fakes = installAppsScriptFakes({ activeUserEmail: PL, ownerEmail: OWNER });
  const mail = installMailAppFake({ counter: fakes.counter });
  const docs = installDocumentAppFake({ counter: fakes.counter });
  uninstallOthers = () => {
    docs.uninstall();
    mail.uninstall();
  };
  rightsWorkbook(fakes);
  fillWorkbook(fakes, { [TAB.meetups]: [['Datum', 'Thema'], [sheetDate('2025-03-20'), 'Preventie']] });
  // the project leader set up the edit trigger; it runs as them
  server.installEditTrigger();
});
afterEach(() => {
  uninstallOthers();
  fakes.uninstall();
});

const editEvent = () => {
  const range = fakes.spreadsheet.getSheetByName(TAB.actions)!.getRange('I2');
  return { range, source: fakes.spreadsheet, user: fakes.Session.getActiveUser(), value: 'Loopt', oldValue: 'Loopt' } as never;
};

/** Every public function, called as the Session user; the triggers as their effective user. */
const CALLS: Record<string, () => unknown> = {
  setupWorkbook: () => server.setupWorkbook(),
  runBudgetCheck: () => server.runBudgetCheck(),
  generateMeetupAgenda: () => server.generateMeetupAgenda('2025-Q1'),
  menuGenerateAgenda: () => server.menuGenerateAgenda(),
  generateBerap: () => server.generateBerap('2025-06-30'),
  installReminders: () => server.installReminders(),
  sendUpdateRequests: () => server.sendUpdateRequests(),
  applyProtections: () => server.applyProtections(),
  installEditTrigger: () => server.installEditTrigger(),
  onEditInstalled: () => server.onEditInstalled(editEvent()),
  onChangeInstalled: () => server.onChangeInstalled({ changeType: 'REMOVE_ROW' }),
  getMyActions: () => server.getMyActions(),
  updateAction: () => server.updateAction('A-001', { toelichting: 'bijgewerkt' }),
  addAction: () => server.addAction({ actie: 'Nieuw', actielijn: 'AL1' }),
  getDashboard: () => server.getDashboard(),
  getSidebar: () => server.getSidebar(),
};

/** Who may: the rule of issue 9, written out by hand. */
const MAY: Record<string, RoleName[]> = {
  setupWorkbook: ['projectleider'],
  runBudgetCheck: ['projectleider', 'controller'],
  generateMeetupAgenda: ['projectleider'],
  generateBerap: ['projectleider', 'controller'],
  menuGenerateAgenda: ['projectleider'],
  installReminders: ['projectleider'],
  sendUpdateRequests: ['projectleider'],
  applyProtections: ['projectleider'],
  installEditTrigger: ['projectleider'],
  onEditInstalled: ['projectleider'],
  onChangeInstalled: ['projectleider'],
  getMyActions: ['projectleider', 'ambtenaar'],
  updateAction: ['projectleider', 'ambtenaar'],
  // the project leader adds rows in the sheet itself
  addAction: ['ambtenaar'],
  getDashboard: ['projectleider', 'controller', 'ambtenaar', 'onbekend'],
  getSidebar: ['projectleider', 'controller', 'ambtenaar', 'onbekend'],
};

const REFUSAL = /^(Alleen |Je staat niet als editor|Als projectleider voeg je|onEditInstalled draait alleen|onChangeInstalled draait alleen)/;

describe('every public function checks the caller on the server', () => {
  it('covers every exported function except the menu and the UI glue', () => {
    const exported = Object.keys(server).sort();
    expect(exported.filter((n) => !(n in CALLS)).sort()).toEqual(['onInstall', 'onOpen', 'selectRow', 'showSidebar']);
  });

  for (const [name, call] of Object.entries(CALLS)) {
    for (const role of Object.keys(ROLES) as RoleName[]) {
      const allowed = MAY[name].includes(role);
      it(`${name} as ${role}: ${allowed ? 'allowed' : 'refused in Dutch'}`, () => {
        // Session: active and effective user are the caller, as for a menu item, sidebar call or console
        fakes.__setUser(ROLES[role], ROLES[role]);
        let message = '';
        try {
          call();
        } catch (error) {
          message = (error as Error).message;
        }
        if (allowed) expect([name, role, message]).toEqual([name, role, expect.not.stringMatching(REFUSAL)]);
        else expect([name, role, message]).toEqual([name, role, expect.stringMatching(REFUSAL)]);
      });
    }
  }

  it('refuses before doing anything: a refused check or agenda writes nothing', () => {
    fakes.__setUser(TIEL, TIEL);
    const tabs = fakes.spreadsheet.sheets.map((s) => s.name);
    expect(() => server.runBudgetCheck()).toThrow('Alleen de projectleider (projectleider@nijmegen.nl) en de controller kunnen de budgetcontrole uitvoeren; je bent ingelogd als ambtenaar@tiel.nl.');
    expect(() => server.sendUpdateRequests()).toThrow(/^Alleen de projectleider \(projectleider@nijmegen.nl\) kan de herinneringen aanzetten of versturen/);
    expect(fakes.spreadsheet.sheets.map((s) => s.name)).toEqual(tabs);
    expect(fakes.triggers.filter((t) => t.handlerFunction === 'sendUpdateRequests')).toEqual([]);
  });
});
