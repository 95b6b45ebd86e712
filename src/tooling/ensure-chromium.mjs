// The browser tests drive Debian's Chromium. Install it when it is absent and we may (root, apt).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];
if (!candidates.some((p) => existsSync(p)) && !process.env.CHROMIUM_PATH) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium ontbreekt: installeren met apt-get (eenmalig, ongeveer 30 s)...');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.warn('Chromium ontbreekt en kan niet automatisch worden geinstalleerd (geen root of geen apt-get).');
    console.warn('Installeer het zelf (bijv. `sudo apt-get install chromium`) of zet CHROMIUM_PATH.');
  }
}
