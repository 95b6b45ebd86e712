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
  { caption: 'Herinneringen aanzetten', functionName: 'installReminders' },
];

/**
 * Builds the menu and nothing else: onOpen runs in AuthMode.NONE for an add-on that has not been
 * used in this document yet, where touching the spreadsheet, properties or Session throws.
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui, items: readonly MenuItem[] = MENU_ITEMS): void {
  const menu = ui.createMenu(MENU_TITLE);
  for (const item of items) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}
