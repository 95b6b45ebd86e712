// One scratch directory per `jest` run, for what a worker keeps between its test files (the warm
// LibreOffice profile of test/libreoffice/libreoffice.ts). Workers inherit the variable; the
// teardown removes the directory, so other runs on the same machine keep theirs.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function globalSetup() {
  if (!process.env.REGIOMONITOR_TEST_TMP) process.env.REGIOMONITOR_TEST_TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-test-'));
};
