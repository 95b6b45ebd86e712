import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { TAB } from '../../src/core/workbook/contract';
import { MENU_ITEMS, MENU_TITLE } from '../../src/server/menu';
import { FakeHandles, __values, installAppsScriptFakes } from '../fakes/spreadsheetApp';

const root = join(__dirname, '..', '..');
const codePath = join(root, 'build', 'Code.js');
const addonPath = join(root, 'build', 'addon', 'Code.js');
const PUBLIC = ['onOpen', 'onInstall', 'setupWorkbook', 'runBudgetCheck'];
const menuFunctions = MENU_ITEMS.map((i) => i.functionName);
let code: string;
let addonCode: string;

beforeAll(() => {
  // Always rebuild: a stale Code.js would test yesterday's code.
  execFileSync(process.execPath, [join(root, 'src', 'tooling', 'build.mjs')], { cwd: root, stdio: 'pipe' });
  code = readFileSync(codePath, 'utf8');
  addonCode = readFileSync(addonPath, 'utf8');
}, 60_000);

/** A fresh V8 context, like an Apps Script execution, with the fakes as its globals. */
function load(source = code): { context: vm.Context; fakes: FakeHandles } {
  const context = vm.createContext({});
  const fakes = installAppsScriptFakes({ target: context, dateConstructor: vm.runInContext('Date', context) as DateConstructor });
  new vm.Script(source, { filename: 'Code.js' }).runInContext(context);
  return { context, fakes };
}

describe('build/Code.js', () => {
  it('stays within 512 KB', () => {
    expect(statSync(codePath).size).toBeLessThanOrEqual(512 * 1024);
  });

  it('declares every public and every menu function as a top-level function declaration', () => {
    const names = [...new Set([...PUBLIC, ...menuFunctions])];
    // Only a top-level function declaration is hoisted: probing before the rest of the script runs
    // tells it apart from `var x = function` or `globalThis.x = ...`, which Apps Script does not list.
    const probe = `globalThis.__hoisted = [${names.map((n) => `typeof ${n}`).join(', ')}];`;
    const context = vm.createContext({});
    installAppsScriptFakes({ target: context });
    new vm.Script(code.replace(/^("use strict";)?/, (directive) => `${directive}${probe}`), { filename: 'Code.js' }).runInContext(context);
    expect(context.__hoisted).toEqual(names.map(() => 'function'));
    for (const name of names) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it('onOpen in AuthMode.NONE builds the menu and calls nothing but the UI', () => {
    const { context, fakes } = load();
    fakes.counter.reset();
    context.onOpen({ authMode: 'NONE' });
    expect(fakes.ui.menus).toEqual([{ title: MENU_TITLE, addon: false, items: MENU_ITEMS.map((i) => ({ kind: 'item', caption: i.caption, functionName: i.functionName })) }]);
    const services = Object.keys(fakes.counter.breakdown()).map((m) => m.split('.')[0]);
    expect(new Set(services)).toEqual(new Set(['SpreadsheetApp', 'Ui', 'Menu']));
    expect(fakes.counter.count('SpreadsheetApp.getUi')).toBe(1);
    expect(fakes.counter.breakdown()).not.toHaveProperty('SpreadsheetApp.getActive');
  });

  it('as the editor add-on (build/addon/Code.js), onOpen puts the same items in the add-on menu under Extensies', () => {
    const { context, fakes } = load(addonCode);
    context.onOpen({ authMode: 'NONE' });
    expect(fakes.ui.menus).toEqual([{ title: MENU_TITLE, addon: true, items: MENU_ITEMS.map((i) => ({ kind: 'item', caption: i.caption, functionName: i.functionName })) }]);
    // the bound script keeps a menu of its own in the menu bar
    const bound = load();
    bound.context.onOpen({ authMode: 'NONE' });
    expect(bound.fakes.ui.menus.map((m) => m.addon)).toEqual([false]);
    // one code base: the same public functions, and the add-on within the same budget
    expect(addonCode.match(/^function \w+\(/gm)).toEqual(code.match(/^function \w+\(/gm));
    expect(statSync(addonPath).size).toBeLessThanOrEqual(512 * 1024);
  });

  it('onInstall shows the same menu', () => {
    const { context, fakes } = load();
    context.onInstall({ authMode: 'FULL' });
    expect(fakes.ui.menus.map((m) => m.items.length)).toEqual([MENU_ITEMS.length]);
  });

  it('runs setupWorkbook and runBudgetCheck end to end in a fresh context', () => {
    const { context, fakes } = load();
    const report = context.setupWorkbook('gelderland-zuid') as { created: string[] };
    expect(report.created).toContain(TAB.ledger);
    const summary = context.runBudgetCheck() as { message: string };
    expect(fakes.ui.toasts.map((t) => t.message)).toEqual([expect.stringMatching(/^Werkboek ingericht/), summary.message]);
    // Budgetcontrole: header and at least one line per budget year
    expect(__values(fakes.spreadsheet, TAB.budgetCheck)!.length).toBeGreaterThan(1);
  });
});

describe('build/Sidebar.html', () => {
  const sidebarPath = join(root, 'build', 'Sidebar.html');

  it('stays under 150 KB', () => {
    expect(statSync(sidebarPath).size).toBeLessThan(150 * 1024);
  });

  it('asks nothing from outside: no external scripts, styles, fonts, images or frames', () => {
    const html = readFileSync(sidebarPath, 'utf8');
    // Attributes and CSS that would make the browser fetch something.
    expect(html).not.toMatch(/\b(?:src|href|action|srcset|poster)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<link\b/i);
    // The fonts are named, not loaded: Google Sans and Roboto when the system has them.
    expect(html).toMatch(/"Google Sans",\s*Roboto/);
  });
});
