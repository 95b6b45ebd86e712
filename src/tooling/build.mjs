// Builds everything under build/: Code.js + appsscript.json (+ Sidebar.html) for clasp push, and the
// node tools (cli.js, bench.js, preview.js). The same Apps Script code is built twice: build/ for a
// script bound to one spreadsheet (the quick trial), build/addon/ for the editor add-on (the
// recommended deployment, README "Deploy"); they differ only in REGIOMONITOR_DEPLOYMENT
// (src/server/deployment.ts). Run: node src/tooling/build.mjs
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'build');
const at = (...p) => join(root, ...p);
// The built-in region file with its sources (about 50 KB) travels in Code.js, and so do budget model v3
// (about 50 KB), the keyed Logboek with its catch-up (about 30 KB), the agenda and the berap (about
// 45 KB) and the Sheets/Drive advanced-service paths (about 40 KB); 512 KB leaves room for that and
// still catches a stray dependency (full zod alone would add some 400 KB). Parsing 512 KB costs V8 a
// few milliseconds per call, far below one service call.
const MAX_CODE_BYTES = 512 * 1024;
const GLOBAL_NAME = 'Regiomonitor';

const started = Date.now();
mkdirSync(out, { recursive: true });
const sizes = [];
const record = (file) => sizes.push([relative(root, file), statSync(file).size]);

/** The export names of src/server/index.ts, from an ESM build's metafile (nothing written). */
async function serverExports(entry) {
  const result = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', write: false, metafile: true, outfile: join(out, 'exports.mjs'), logLevel: 'silent' });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  return output.exports;
}

/**
 * Apps Script calls menu items and triggers by global function name and only sees real top-level
 * function declarations, so each export of the IIFE gets a forwarding declaration.
 */
function stubs(names) {
  return names
    .map((name) => `function ${name}() { return ${GLOBAL_NAME}.${name}.apply(this, arguments); }`)
    .join('\n');
}

async function buildAppsScript(deployment) {
  const dir = deployment === 'addon' ? join(out, 'addon') : out;
  mkdirSync(dir, { recursive: true });
  const entry = at('src/server/index.ts');
  const names = await serverExports(entry);
  for (const name of names) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || name === 'default') throw new Error(`src/server/index.ts: export "${name}" cannot be a global function`);
  }
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minifySyntax: true,
    minifyWhitespace: true,
    minifyIdentifiers: false, // stack traces in Stackdriver stay readable
    legalComments: 'none',
    write: false,
    outfile: join(dir, 'Code.js'),
    define: { REGIOMONITOR_DEPLOYMENT: JSON.stringify(deployment) },
    logLevel: 'warning',
  });
  const code = `${result.outputFiles[0].text}\n${stubs(names)}\n`;
  const size = Buffer.byteLength(code);
  const file = join(dir, 'Code.js');
  writeFileSync(file, code);
  record(file);
  if (size > MAX_CODE_BYTES) throw new Error(`${relative(root, file)} is ${(size / 1024).toFixed(1)} KB, more than the ${MAX_CODE_BYTES / 1024} KB budget`);
  copyFileSync(at('appsscript.json'), join(dir, 'appsscript.json'));
  record(join(dir, 'appsscript.json'));
  return names;
}

async function buildNode(entry, outName) {
  if (!existsSync(at(entry))) return;
  const file = join(out, outName);
  await esbuild.build({
    entryPoints: [at(entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    outfile: file,
    logLevel: 'warning',
  });
  record(file);
}

async function buildSidebar() {
  const entry = at('sidebar/main.ts');
  if (!existsSync(entry)) return;
  const result = await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'iife', target: 'es2020', minify: true, write: false, outfile: join(out, 'sidebar.js'), logLevel: 'warning' });
  // Inside <script>, "</script" would end the element early.
  const script = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const css = existsSync(at('sidebar/styles.css')) ? readFileSync(at('sidebar/styles.css'), 'utf8') : '';
  const template = readFileSync(at('sidebar/index.html'), 'utf8');
  if (!template.includes('<!-- SCRIPT -->')) throw new Error('sidebar/index.html lacks the <!-- SCRIPT --> marker');
  // Function replacers: `$&` and friends in the bundle must not be read as replacement patterns.
  const html = template.replace('<!-- STYLE -->', () => `<style>${css}</style>`).replace('<!-- SCRIPT -->', () => `<script>${script}</script>`);
  for (const dir of [out, join(out, 'addon')]) {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'Sidebar.html');
    writeFileSync(file, html);
    record(file);
  }
}

try {
  const [names] = await Promise.all([
    buildAppsScript('bound'),
    buildAppsScript('addon'),
    buildNode('src/cli/cli.ts', 'cli.js'),
    buildNode('src/tooling/bench.ts', 'bench.js'),
    buildNode('src/tooling/benchCli.ts', 'benchCli.js'),
    buildNode('src/tooling/preview.ts', 'preview.js'),
    buildSidebar(),
  ]);
  for (const [file, size] of sizes.sort(([a], [b]) => a.localeCompare(b))) console.log(`${file.padEnd(30)} ${(size / 1024).toFixed(1).padStart(8)} KB`);
  console.log(`Apps Script functions: ${names.join(', ')}`);
  console.log(`build ok in ${Date.now() - started} ms`);
} catch (error) {
  console.error(`build failed: ${error.message}`);
  process.exit(1);
}
