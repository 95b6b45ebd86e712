// Some tests read workbooks that another writer saved: openpyxl (test/fixtures/openpyxl/). Install it
// when absent, as ensure-libreoffice does for LibreOffice: `python3 -m pip install openpyxl`, else
// Debian's python3-openpyxl when we may (root, apt). Those tests skip with a message when neither works.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const hasOpenpyxl = (python) => spawnSync(python, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
const pythons = ['python3', '/usr/bin/python3'];

if (!pythons.some(hasOpenpyxl)) {
  const pip = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', 'openpyxl'], { stdio: 'inherit', timeout: 300_000 });
  if (pip.status !== 0 || !pythons.some(hasOpenpyxl)) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (root && existsSync('/usr/bin/apt-get')) {
      console.log('openpyxl: pip kon het niet installeren; nu met apt-get (python3-openpyxl)...');
      execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-openpyxl', { stdio: 'inherit' });
    } else {
      console.warn('openpyxl ontbreekt en kan niet worden geinstalleerd (geen PyPI, geen root of apt-get).');
      console.warn('De tests met bestanden van openpyxl worden overgeslagen. Installeer het zelf: python3 -m pip install openpyxl');
    }
  }
}
