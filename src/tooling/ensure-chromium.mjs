// The browser tests drive Debian's Chromium. Install it when it is absent and we may (root, apt).
import { existsSync } from 'node:fs';
import { aptInstall } from './aptInstall.mjs';

const candidates = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];
if (!candidates.some((p) => existsSync(p)) && !process.env.CHROMIUM_PATH) {
  aptInstall({
    what: 'Chromium ontbreekt',
    packages: 'chromium',
    duration: 'eenmalig, ongeveer 30 s',
    manual: [
      'Chromium ontbreekt en kan niet automatisch worden geinstalleerd (geen root of geen apt-get).',
      'Installeer het zelf (bijv. `sudo apt-get install chromium`) of zet CHROMIUM_PATH.',
    ],
  });
}
