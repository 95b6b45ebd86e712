import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Bundles the sidebar the way src/tooling/build.mjs does (main.ts as a minified browser IIFE and
 * styles.css inlined at the markers), from the current sources, so the browser tests never run
 * against a stale build/Sidebar.html.
 */
export async function buildSidebarHtml(): Promise<string> {
  const script = await build({
    entryPoints: [join(ROOT, 'sidebar', 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    write: false,
    legalComments: 'none',
  });
  const css = await build({ entryPoints: [join(ROOT, 'sidebar', 'styles.css')], bundle: true, minify: true, write: false, loader: { '.css': 'css' } });
  const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const template = readFileSync(join(ROOT, 'sidebar', 'index.html'), 'utf8');
  return template
    .replace('<!-- STYLE -->', () => `<style>${css.outputFiles[0].text}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>${js}</script>`);
}
