/**
 * A clone has nothing beside it, so the README and docs/ may link only into the repository: every
 * relative link must resolve to a file inside it, and every #anchor to a heading of its target.
 * Web addresses (https:, mailto:) are not files and are left alone.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SKIP_DIRS = new Set(['.git', 'node_modules', 'build', 'out', 'test-artifacts', 'coverage']);

function markdownFiles(dir = ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : markdownFiles(path.join(dir, e.name));
    return e.name.endsWith('.md') ? [path.join(dir, e.name)] : [];
  });
}

/** Link targets outside code: inline `[x](target)`, references `[x]: target`, and HTML href/src. */
export function linkTargets(markdown: string): string[] {
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  const references = [...text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]);
  const html = [...text.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
  return [...inline, ...references, ...html];
}

/** GitHub's anchor of each heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const m of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const plain = m[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '');
    const slug = plain.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n ? `${slug}-${n}` : slug);
  }
  return out;
}

/** What is wrong with one link of `file`, or null. */
export function linkProblem(file: string, target: string, root = ROOT): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null;
  const [rawPath, anchor] = target.split('#', 2);
  const resolved = rawPath ? path.resolve(path.dirname(file), decodeURIComponent(rawPath)) : file;
  const inside = path.relative(root, resolved);
  if (path.isAbsolute(rawPath) || inside.startsWith('..') || path.isAbsolute(inside)) return `${target}: buiten de repository`;
  if (!fs.existsSync(resolved)) return `${target}: bestaat niet`;
  if (anchor && resolved.endsWith('.md') && !anchors(fs.readFileSync(resolved, 'utf8')).has(anchor)) return `${target}: geen kop #${anchor}`;
  return null;
}

describe('links in the README and docs/', () => {
  const files = markdownFiles();

  test('the README and the user docs are there', () => {
    const names = files.map((f) => path.relative(ROOT, f));
    expect(names).toEqual(expect.arrayContaining(['README.md', path.join('docs', 'werkboek.md'), path.join('docs', 'regiobestand.md'), path.join('docs', 'opdrachtregel.md'), path.join('docs', 'rechten-en-logboek.md')]));
  });

  test('the README links the user docs', () => {
    const targets = linkTargets(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).map((t) => t.split('#')[0]);
    for (const doc of ['docs/werkboek.md', 'docs/regiobestand.md', 'docs/opdrachtregel.md', 'docs/rechten-en-logboek.md']) expect(targets).toContain(doc);
  });

  test.each(markdownFiles().map((f) => [path.relative(ROOT, f), f]))('%s: every link stays inside the repository and finds its file and heading', (_name, file) => {
    const problems = linkTargets(fs.readFileSync(file, 'utf8')).map((t) => linkProblem(file, t)).filter((p) => p !== null);
    expect(problems).toEqual([]);
  });

  test('the check itself: a link out of the repository, a missing file and a missing heading are caught', () => {
    const readme = path.join(ROOT, 'README.md');
    expect(linkTargets('zie [de spec](../shared/spec/werkboek.md) en <a href="docs/weg.md">weg</a>\n[ref]: docs/ook-weg.md\n`[geen](link.md)`'))
      .toEqual(['../shared/spec/werkboek.md', 'docs/ook-weg.md', 'docs/weg.md']);
    expect(linkProblem(readme, '../shared/spec/werkboek.md')).toBe('../shared/spec/werkboek.md: buiten de repository');
    expect(linkProblem(readme, '/etc/passwd')).toBe('/etc/passwd: buiten de repository');
    expect(linkProblem(readme, 'docs/bestaat-niet.md')).toBe('docs/bestaat-niet.md: bestaat niet');
    expect(linkProblem(readme, 'docs/werkboek.md#bestaat-niet')).toBe('docs/werkboek.md#bestaat-niet: geen kop #bestaat-niet');
    expect(linkProblem(readme, 'docs/werkboek.md#mutaties')).toBeNull();
    expect(linkProblem(readme, 'https://developers.google.com/apps-script')).toBeNull();
    expect(anchors('# A new region in ten minutes\n## Rights per municipality (project leader)\n## Notes\n## Notes')).toEqual(new Set(['a-new-region-in-ten-minutes', 'rights-per-municipality-project-leader', 'notes', 'notes-1']));
  });
});
