// Some tests read and write real LibreOffice files (test/libreoffice/). Install LibreOffice Calc
// (headless, about 150 MB) when it is absent and we may (root, apt), as ensure-chromium does.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];
if (!candidates.some((p) => existsSync(p)) && !process.env.SOFFICE_PATH) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log('LibreOffice ontbreekt: installeren met apt-get (eenmalig, ongeveer een minuut)...');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui', { stdio: 'inherit' });
  } else {
    console.warn('LibreOffice ontbreekt en kan niet automatisch worden geinstalleerd (geen root of geen apt-get).');
    console.warn('Installeer het zelf (bijv. `sudo apt-get install libreoffice-calc-nogui`) of zet SOFFICE_PATH.');
  }
}
