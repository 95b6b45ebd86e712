/**
 * The house (issue 18): the layout rules that keep the code where a reader expects it. Cheap checks
 * over the source text, so a change that breaks one fails here, with the file named.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

function files(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(p, pattern));
    else if (pattern.test(entry.name)) out.push(path.join(ROOT, p));
  }
  return out;
}

/** The code without its comments, so a comment may name SpreadsheetApp or a path. */
function code(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const SOURCES = [...files('src', /\.(ts|mjs)$/), ...files('sidebar', /\.(ts|css|html)$/)];
const TS = SOURCES.filter((f) => f.endsWith('.ts'));

/** The relative imports of a file, resolved to paths from the repository root. */
function imports(file: string): string[] {
  const found = [...code(file).matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]);
  return found.map((spec) => rel(path.resolve(path.dirname(file), spec)));
}

test('Apps Script services appear only under src/adapters/appsscript/', () => {
  const services = 'SpreadsheetApp|DocumentApp|MailApp|GmailApp|LockService|PropertiesService|CacheService|ScriptApp|Session|HtmlService|Utilities|DriveApp|UrlFetchApp|ContentService|CalendarApp|Logger';
  const use = new RegExp(`typeof\\s+(${services})\\b|(?<![\\w.$'"])(${services})\\s*\\.`);
  const offenders = TS.filter((f) => !rel(f).startsWith('src/adapters/appsscript/') && use.test(code(f))).map(rel);
  expect(offenders).toEqual([]);
});

test('no source file in src/ or sidebar/ has more than 400 lines', () => {
  const long = SOURCES.map((f) => [rel(f), fs.readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
  expect(long).toEqual([]);
});

test('src/core groups its domains: at most a dozen entries at its root', () => {
  expect(fs.readdirSync(path.join(ROOT, 'src/core')).length).toBeLessThanOrEqual(12);
});

test('nothing imports upward: core and ports know no adapter, app, server, CLI, tooling or data; adapters no app or server; app no server', () => {
  const rules: [string, string[]][] = [
    ['src/core/', ['src/adapters', 'src/app', 'src/server', 'src/cli', 'src/tooling', 'src/data']],
    ['src/ports/', ['src/adapters', 'src/app', 'src/server', 'src/cli', 'src/tooling', 'src/data']],
    ['src/adapters/', ['src/app', 'src/server', 'src/cli', 'src/tooling']],
    ['src/app/', ['src/adapters', 'src/server', 'src/cli', 'src/tooling']],
    ['src/data/', ['src/adapters', 'src/app', 'src/server', 'src/cli', 'src/tooling']],
  ];
  const upward = TS.flatMap((f) => {
    const from = rel(f);
    const forbidden = rules.find(([dir]) => from.startsWith(dir))?.[1] ?? [];
    return imports(f).filter((to) => forbidden.some((d) => to === d || to.startsWith(`${d}/`))).map((to) => `${from} → ${to}`);
  });
  expect(upward).toEqual([]);
});

test('each sheet rule has one home: the lock, the default time zone, A1 letters', () => {
  const holders = (pattern: RegExp) => TS.filter((f) => pattern.test(code(f))).map(rel);
  expect(holders(/LOCK_WAIT_MS\s*=/)).toEqual(['src/adapters/appsscript/lock.ts']);
  expect(holders(/\.waitLock\(/)).toEqual(['src/adapters/appsscript/lock.ts']);
  expect(holders(/'Europe\/Amsterdam'/)).toEqual(['src/core/values/dates.ts']);
  expect(holders(/charCodeAt\(0\)\s*-\s*64/)).toEqual(['src/core/sheet/a1.ts']);
});

test('the server is the list of public functions: every export of src/server/index.ts is a few lines away from the app', () => {
  const server = files('src/server', /\.ts$/).filter((f) => !/\/(api|menu)\.ts$/.test(f));
  const tooLong = server.map((f) => [rel(f), fs.readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 60);
  expect(tooLong).toEqual([]);
});
