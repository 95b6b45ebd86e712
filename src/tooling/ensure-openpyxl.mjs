// Some tests read workbooks that another writer saved: openpyxl (test/fixtures/openpyxl/). Install it
// when absent, as ensure-libreoffice does for LibreOffice: `python3 -m pip install openpyxl`, else
// Debian's python3-openpyxl when we may (root, apt). Those tests skip with a message when neither works.
import { spawnSync } from 'node:child_process';
import { aptInstall } from './aptInstall.mjs';

const hasOpenpyxl = (python) => spawnSync(python, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
const pythons = ['python3', '/usr/bin/python3'];

if (!pythons.some(hasOpenpyxl)) {
  const pip = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', 'openpyxl'], { stdio: 'inherit', timeout: 300_000 });
  if (pip.status !== 0 || !pythons.some(hasOpenpyxl)) {
    aptInstall({
      what: 'openpyxl (pip kon het niet installeren)',
      packages: '--no-install-recommends python3-openpyxl',
      duration: 'python3-openpyxl',
      manual: [
        'openpyxl ontbreekt en kan niet worden geinstalleerd (geen PyPI, geen root of apt-get).',
        'De tests met bestanden van openpyxl worden overgeslagen. Installeer het zelf: python3 -m pip install openpyxl',
      ],
    });
  }
}
