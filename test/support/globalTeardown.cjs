// Removes the run's scratch directory made by globalSetup.cjs (warm LibreOffice profiles).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function globalTeardown() {
  const dir = process.env.REGIOMONITOR_TEST_TMP;
  if (dir && path.dirname(dir) === os.tmpdir() && path.basename(dir).startsWith('regiomonitor-test-')) fs.rmSync(dir, { recursive: true, force: true });
};
