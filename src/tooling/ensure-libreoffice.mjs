// Some tests read and write real LibreOffice files (test/libreoffice/). Install LibreOffice Calc
// (headless, about 150 MB) when it is absent and we may (root, apt), as ensure-chromium does.
import { existsSync } from 'node:fs';
import { aptInstall } from './aptInstall.mjs';

const candidates = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];
if (!candidates.some((p) => existsSync(p)) && !process.env.SOFFICE_PATH) {
  aptInstall({
    what: 'LibreOffice ontbreekt',
    packages: '--no-install-recommends libreoffice-calc-nogui',
    duration: 'eenmalig, ongeveer een minuut',
    manual: [
      'LibreOffice ontbreekt en kan niet automatisch worden geinstalleerd (geen root of geen apt-get).',
      'Installeer het zelf (bijv. `sudo apt-get install libreoffice-calc-nogui`) of zet SOFFICE_PATH.',
    ],
  });
}
