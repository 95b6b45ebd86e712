// Installs the locked dependencies when they are absent, so `npm start` and `npm test` work on a
// fresh clone as the README promises.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000;
if (stale) {
  // `npm install`, not `npm ci`: the registry here has no metadata for some other platforms'
  // optional binaries (@swc/core-darwin-*), which npm ci then reports as a lock file out of sync.
  // npm install still installs exactly the locked versions.
  console.log('Regiomonitor: dependencies installeren (npm install)...');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
