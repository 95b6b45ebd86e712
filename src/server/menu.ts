/**
 * The `Regiomonitor` menu as data: a caption and the name of the public server function it calls.
 * Later issues append items; the bundle test checks each function is a top-level declaration in
 * Code.js, because Sheets calls menu items by global function name.
 */
export interface MenuItem {
  caption: string;
  functionName: string;
}

export const MENU_TITLE = 'Regiomonitor';

export const MENU_ITEMS: readonly MenuItem[] = [
  { caption: 'Dashboard openen', functionName: 'showSidebar' },
  { caption: 'Werkboek inrichten', functionName: 'setupWorkbook' },
  { caption: 'Budget controleren', functionName: 'runBudgetCheck' },
  { caption: 'Rechten per gemeente toepassen', functionName: 'applyProtections' },
  { caption: 'Bewerkingen bijhouden aanzetten', functionName: 'installEditTrigger' },
  { caption: 'Agenda meet-up maken', functionName: 'menuGenerateAgenda' },
  { caption: 'Berap maken', functionName: 'generateBerap' },
  { caption: 'Herinneringen aanzetten', functionName: 'installReminders' },
];
