// Installs the locked dependencies when they are absent, so `npm start` and `npm test` work on a
// fresh clone as the README promises.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000;
if (stale) {
  console.log('Regiomonitor: dependencies installeren (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
