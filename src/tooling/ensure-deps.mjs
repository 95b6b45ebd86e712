// Installs the locked dependencies when they are absent or differ from the lock file, so `npm start`
// and `npm test` work on a fresh clone as the README promises.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const hidden = 'node_modules/.package-lock.json';

/** Why node_modules does not hold what package-lock.json locks, or null when it does. */
function staleness() {
  if (!existsSync('node_modules')) return 'node_modules ontbreekt';
  if (!existsSync(hidden)) return 'node_modules is niet door npm geïnstalleerd';
  const locked = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(hidden, 'utf8')).packages ?? {};
  for (const [where, entry] of Object.entries(locked)) {
    if (where === '') continue;
    const have = installed[where];
    // Optional binaries of other platforms (@swc/core-darwin-arm64, …) are locked but never installed here.
    if (!have && entry.optional) continue;
    if (!have || have.version !== entry.version) return `${where} ${have ? have.version : 'ontbreekt'}, vastgelegd ${entry.version}`;
  }
  return null;
}

const why = staleness();
if (why) {
  if (existsSync('node_modules') && lstatSync('node_modules').isSymbolicLink()) {
    // A link to another checkout's packages (a git worktree): installing would rewrite those.
    console.warn(`Regiomonitor: node_modules wijkt af van package-lock.json (${why}), maar is een link naar een andere map; niet opnieuw geïnstalleerd.`);
  } else {
    // npm ci installs exactly the lock file, from scratch.
    console.log(`Regiomonitor: dependencies installeren met npm ci (${why})...`);
    execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  }
}
