/**
 * Local preview of the sidebar without Google: `npm run preview [-- --workbook FILE.xlsx] [--port N]
 * [--user EMAIL]`. Serves build/Sidebar.html on 127.0.0.1 with a stand-in for google.script.run
 * that POSTs to /rpc/<name>; each call is answered by the REAL server functions, running over a
 * local workbook through setRuntimeOverride. Changes stay in memory: the .xlsx is never overwritten.
 */
import { previewTrigger } from './previewTrigger';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MemoryPropertyStore } from '../adapters/local/properties';
import { PropertyStore } from '../ports/properties';
import { WorkbookPort } from '../ports/workbook';
import { localRuntime } from '../adapters/local/runtime';
import { LocalWorkbook } from '../adapters/local/workbook';
import { budgetCheck } from '../app/budgetCheck';
import { setupWorkbook } from '../app/setup';
import { DEMO, addDemoData } from '../cli/demo';
import { cellText, isBlank } from '../core/sheet/cell';
import { SETTING, TAB } from '../core/workbook/contract';
import { defaultRegion } from '../data/regions';
import { Day } from '../core/values/dates';
import { escapeHtml } from '../core/values/html';
import type { ServerApi, ServerFunctionName } from '../server/api';
import { runBudgetCheck } from '../server/budget';
import { setRuntimeOverride } from '../server/context';
import { generateMeetupAgenda } from '../server/agenda';
import { getDashboard, selectRow } from '../server/dashboard';
import { setRowSelectorOverride } from '../server/context';
import { addAction, getMyActions, updateAction } from '../server/myActions';
import { getSidebar } from '../server/sidebar';
import { headerIndex } from '../core/sheet/headers';

export interface PreviewOptions {
  /** The workbook the server functions work on; default the demo workbook. */
  workbook?: WorkbookPort;
  /** 0 (default in tests) picks a free port. */
  port?: number;
  /** Act as this person (an official's e-mail shows "Mijn acties"). */
  userEmail?: string;
  /** A fixed today; the workbook's `Peildatum` wins when set. */
  today?: Day;
  /** The built sidebar; default build/Sidebar.html. */
  sidebarHtml?: string;
  /** Document properties (ID counters, time of the last check), kept across calls; default empty. */
  properties?: PropertyStore;
  /**
   * Simulated network and Apps Script overhead per server call, in ms (Apps Script adds ~0.8 s).
   * Half is spent before the server function runs and half after, as a real round trip would.
   */
  latencyMs?: number;
}

export interface RpcCall {
  name: string;
  args: unknown[];
  ok: boolean;
  message?: string;
}

export interface Preview {
  url: string;
  /** The sidebar page itself (what the tests load). */
  sidebarUrl: string;
  workbook: WorkbookPort;
  /** Rows the sidebar asked to select, in order. */
  selections: { tab: string; row: number }[];
  calls: RpcCall[];
  /** Act as someone else from the next call on. */
  setUserEmail(email: string): void;
  /** Change the simulated latency from the next call on. */
  setLatency(ms: number): void;
  close(): Promise<void>;
}

type Handlers = { [K in ServerFunctionName]: (...args: Parameters<ServerApi[K]>) => ReturnType<ServerApi[K]> };

/**
 * The public functions the sidebar calls. Typed against ServerApi, so a server function whose
 * signature drifts from what the sidebar expects fails the type check here.
 */
function serverHandlers(): Handlers {
  return {
    getSidebar,
    getDashboard,
    selectRow,
    runBudgetCheck,
    getMyActions,
    updateAction,
    addAction,
    generateMeetupAgenda,
  };
}

/** The header that carries the per-run token with every call of the page's google.script.run. */
export const TOKEN_HEADER = 'X-Regiomonitor-Token';

/**
 * google.script.run as the sidebar sees it in Sheets: a chain of with*Handler calls, then the
 * function. The token is this run's secret: only the page the preview served knows it.
 */
const googleScriptShim = (token: string) => `(function () {
  var token = ${JSON.stringify(token)};
  function runner(success, failure) {
    return new Proxy({}, { get: function (_, name) {
      if (name === 'withSuccessHandler') return function (fn) { return runner(fn, failure); };
      if (name === 'withFailureHandler') return function (fn) { return runner(success, fn); };
      if (name === 'withUserObject') return function () { return runner(success, failure); };
      if (typeof name !== 'string') return undefined;
      return function () {
        var args = Array.prototype.slice.call(arguments);
        fetch('/rpc/' + encodeURIComponent(name), { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', '${TOKEN_HEADER}': token }, body: JSON.stringify(args) })
          .then(function (r) { return r.json(); })
          .then(function (answer) {
            if (answer.ok) { if (success) success(answer.value); }
            else if (failure) failure(new Error(answer.message));
          }, function (e) { if (failure) failure(new Error('NetworkError: ' + e.message)); });
      };
    } });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {}, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } } } };
})();`;

/** What the preview allows the page to do: nothing from outside, as in Apps Script's sandbox. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; form-action 'none'; frame-ancestors 'self'";

export function withShim(sidebarHtml: string, token: string): string {
  const shim = `<script>${googleScriptShim(token)}</script>`;
  return /<head[^>]*>/i.test(sidebarHtml) ? sidebarHtml.replace(/<head[^>]*>/i, (head) => `${head}\n${shim}`) : shim + sidebarHtml;
}

function frame(user: string): string {
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Regiomonitor preview</title>
<style>body{margin:0;font-family:Arial,sans-serif;display:flex;gap:16px;background:#e8eaed}iframe{width:300px;height:100vh;border:0;background:#fff;box-shadow:0 0 4px #999}main{padding:16px;max-width:40em}</style></head>
<body><iframe src="/sidebar" title="Regiomonitor zijbalk"></iframe><main><h1>Regiomonitor: lokale preview</h1>
<p>De zijbalk links praat met de echte serverfuncties, over een lokaal werkboek. Gebruiker: <strong>${escapeHtml(user || 'onbekend')}</strong>.</p>
<p>Wijzigingen blijven in het geheugen; geen bestand wordt overschreven.</p></main></body></html>`;
}

function defaultSidebarHtml(): string {
  const candidates = [join(__dirname, 'Sidebar.html'), join(__dirname, '..', '..', 'build', 'Sidebar.html'), join(process.cwd(), 'build', 'Sidebar.html')];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error('build/Sidebar.html ontbreekt: voer eerst `npm run build` uit.');
  return readFileSync(file, 'utf8');
}

/** Fictional people for the demo, so `--user` can show both views; `.invalid` never delivers mail. */
export const DEMO_PROJECT_LEADER = 'projectleider@demo.invalid';

function slug(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Puts a value into a blank cell of a user tab, found by key column; never overwrites. */
function fillBlank(workbook: WorkbookPort, tab: string, keyHeader: string, key: string, header: string, value: string): boolean {
  const grid = workbook.readTab(tab);
  if (!grid) return false;
  const keyColumn = headerIndex(grid[0], keyHeader);
  const column = headerIndex(grid[0], header);
  const row = grid.findIndex((r, i) => i > 0 && cellText(r[keyColumn]).trim() === key);
  if (keyColumn < 0 || column < 0 || row < 1 || !isBlank(grid[row][column])) return false;
  workbook.writeCells(tab, [{ row: row + 1, column: column + 1, value }]);
  return true;
}

/**
 * The demo: the default region set up as `Werkboek inrichten` does, with the demo's fictional
 * spending, a fictional project leader and one fictional official (of the first municipality), and
 * checked once so the generated tabs exist to click to.
 */
export function demoWorkbook(): { workbook: LocalWorkbook; properties: PropertyStore; people: { projectLeader: string; official: string; municipality: string } } {
  const workbook = LocalWorkbook.create();
  const properties = new MemoryPropertyStore();
  const runtime = localRuntime(workbook, { today: DEMO.referenceDate, properties });
  const region = defaultRegion();
  setupWorkbook(runtime, region);
  addDemoData(workbook, region);
  const municipality = cellText(workbook.readTab(TAB.municipalities)?.[1]?.[0] ?? null).trim();
  const official = `ambtenaar.${slug(municipality)}@demo.invalid`;
  fillBlank(workbook, TAB.settings, 'Sleutel', SETTING.projectLeader, 'Waarde', DEMO_PROJECT_LEADER);
  fillBlank(workbook, TAB.municipalities, 'Gemeente', municipality, 'Editors', official);
  budgetCheck(runtime);
  return { workbook, properties, people: { projectLeader: DEMO_PROJECT_LEADER, official, municipality } };
}

function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('Verzoek is te groot.'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A call to the server functions must come from the page this run served: a POST from the same
 * origin (browsers always send Origin with a POST) carrying the run's token. Anything else, a
 * cross-origin preflight included, is refused.
 */
function rpcAllowed(req: IncomingMessage, port: number, token: string): boolean {
  if (req.method !== 'POST') return false;
  const origin = req.headers.origin;
  if (origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const given = Buffer.from(String(req.headers[TOKEN_HEADER.toLowerCase()] ?? ''));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

const delay = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra });
  res.end(body);
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const workbook = options.workbook ?? demoWorkbook().workbook;
  // A new secret for every run: a page elsewhere (another site, another preview) cannot know it.
  const token = randomBytes(32).toString('hex');
  const page = withShim(options.sidebarHtml ?? defaultSidebarHtml(), token);
  let userEmail = options.userEmail ?? '';
  let latencyMs = options.latencyMs ?? 0;
  const selections: { tab: string; row: number }[] = [];
  const calls: RpcCall[] = [];
  const handlers = serverHandlers();

  // One property store for the preview's life, as a document keeps its properties between calls
  // (ID counters, the Logboek chain, the time of the last check).
  const properties = options.properties ?? new MemoryPropertyStore();
  setRuntimeOverride(() => localRuntime(workbook, { today: options.today, userEmail, properties }));
  const trigger = previewTrigger(workbook, () => localRuntime(workbook, { today: options.today, properties }));
  setRowSelectorOverride((tab, row) => {
    selections.push({ tab, row });
  });

  let port = 0;
  const server = createServer((req, res) => {
    void (async () => {
      // Only this machine, by name too: a page elsewhere cannot reach us through DNS rebinding.
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, 'text/plain; charset=utf-8', 'Alleen lokaal bereikbaar.');
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', frame(userEmail));
      if (req.method === 'GET' && url.pathname === '/sidebar') return send(res, 200, 'text/html; charset=utf-8', page, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
      const rpc = /^\/rpc\/([A-Za-z]\w*)$/.exec(url.pathname);
      if (url.pathname.startsWith('/rpc/') && !rpcAllowed(req, port, token)) return send(res, 403, 'text/plain; charset=utf-8', 'Geweigerd: alleen de zijbalk van deze preview mag de serverfuncties aanroepen.');
      if (req.method === 'POST' && rpc) {
        const name = rpc[1];
        let args: unknown[] = [];
        try {
          const body = await readBody(req);
          args = body ? JSON.parse(body) : [];
          if (!Array.isArray(args)) throw new Error('Argumenten moeten een lijst zijn.');
          if (!Object.prototype.hasOwnProperty.call(handlers, name)) throw new Error(`De serverfunctie ${name} bestaat niet.`);
          const fn = handlers[name as ServerFunctionName] as (...a: unknown[]) => unknown;
          const latency = latencyMs;
          await delay(latency / 2);
          // JSON both ways, like google.script.run: what cannot cross is lost here too.
          const value = await fn(...(JSON.parse(JSON.stringify(args)) as unknown[]));
          trigger();
          await delay(latency / 2);
          calls.push({ name, args, ok: true });
          return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ ok: true, value: value === undefined ? null : value }));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await delay(latencyMs / 2);
          calls.push({ name, args, ok: false, message });
          return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ ok: false, message }));
        }
      }
      return send(res, 404, 'text/plain; charset=utf-8', 'Niet gevonden.');
    })().catch((error) => send(res, 500, 'text/plain; charset=utf-8', String(error)));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    sidebarUrl: `${url}sidebar`,
    workbook,
    selections,
    calls,
    setUserEmail(email: string) {
      userEmail = email;
    },
    setLatency(ms: number) {
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        setRuntimeOverride(null);
        setRowSelectorOverride(null);
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

interface CliArgs {
  workbook?: string;
  port: number;
  user?: string;
  latencyMs?: number;
}

export function parsePreviewArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { port: 8787 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--workbook' && value) { args.workbook = value; i++; }
    else if (flag === '--port' && value) {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${value}: geen geldig poortnummer`);
      args.port = port;
      i++;
    } else if (flag === '--user' && value) { args.user = value; i++; }
    else if (flag === '--latency' && value) {
      const ms = Number(value);
      if (!Number.isInteger(ms) || ms < 0 || ms > 60_000) throw new Error(`--latency ${value}: geef een aantal milliseconden tussen 0 en 60000`);
      args.latencyMs = ms;
      i++;
    } else throw new Error(`Onbekende optie ${flag}. Gebruik: npm run preview -- [--workbook BESTAND.xlsx] [--port N] [--user E-MAIL] [--latency MS]`);
  }
  return args;
}

/** The demo opens as its project leader, as the README says; an own workbook as --user (without it: an unknown user, who may only look). */
export function previewUser(args: CliArgs, demoProjectLeader: string | undefined): string | undefined {
  return args.user ?? (args.workbook ? undefined : demoProjectLeader);
}

async function main(): Promise<void> {
  const args = parsePreviewArgs(process.argv.slice(2));
  const demo = args.workbook ? null : demoWorkbook();
  const workbook = args.workbook ? await LocalWorkbook.load(args.workbook) : demo!.workbook;
  const user = previewUser(args, demo?.people.projectLeader);
  const preview = await startPreview({ workbook, properties: demo?.properties, port: args.port, userEmail: user, latencyMs: args.latencyMs });
  console.log(`Regiomonitor-preview: ${preview.url}`);
  console.log(`Werkboek: ${args.workbook ?? 'demo (fictieve mutaties)'}; gebruiker: ${user ?? 'onbekend (alleen meekijken)'}${args.latencyMs ? `; ${args.latencyMs} ms vertraging per serveraanroep` : ''}.`);
  if (demo) {
    console.log(`Als projectleider:  npm run preview -- --user ${demo.people.projectLeader}`);
    console.log(`Als ambtenaar (${demo.people.municipality}): npm run preview -- --user ${demo.people.official}`);
  }
  console.log('Wijzigingen blijven in het geheugen; geen bestand wordt overschreven. Stoppen met Ctrl+C.');
}

// By file name, not require.main: bundled into bench.js, `module` is the bundle and would match.
if (/[\\/]preview\.[jt]s$/.test(process.argv[1] ?? '')) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
