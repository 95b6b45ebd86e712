// Three projects, so `npm test` runs them side by side on every core and `npx jest --selectProjects
// unit` runs one: unit (the pure core and data), integration (server functions over the fakes,
// adapters, the CLI, LibreOffice round trips) and browser (the sidebar in Chromium; one Chromium per
// worker, see test/browser/environment.cjs).
const os = require('node:os');

const base = {
  // jest-environment-node with an ordinary global object: see the file for why.
  testEnvironment: '<rootDir>/test/support/environment.cjs',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

// Folders (and top-level files) of the unit project; everything else outside test/browser/ is integration.
const UNIT = ['core', 'data', 'sidebar', 'docs', 'house.test.ts'];
const unitMatch = UNIT.map((p) => (p.endsWith('.ts') ? `<rootDir>/test/${p}` : `<rootDir>/test/${p}/**/*.test.ts`));
const unitIgnore = UNIT.map((p) => `<rootDir>/test/${p}${p.endsWith('.ts') ? '$' : '/'}`);

module.exports = {
  // Jest's default is one worker fewer than the cores: on two cores, one. The workers spend much of
  // their time waiting on child processes (Chromium, LibreOffice), so every core gets a worker.
  maxWorkers: Math.max(2, os.availableParallelism?.() ?? os.cpus().length),
  globalSetup: '<rootDir>/test/support/globalSetup.cjs',
  globalTeardown: '<rootDir>/test/support/globalTeardown.cjs',
  reporters: ['default', '<rootDir>/test/summaryReporter.cjs'],
  // A loaded machine may take longer than jest's default 5 s for a file round trip (a test failed
  // so under load); how long something takes is the benchmark's business, not a test's. Jest reads
  // this from the global config only, not per project.
  testTimeout: 60_000,
  projects: [
    { ...base, displayName: 'unit', roots: ['<rootDir>/test'], testMatch: unitMatch },
    {
      ...base,
      displayName: 'integration',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/', ...unitIgnore],
    },
    { ...base, displayName: 'browser', roots: ['<rootDir>/test/browser'], testMatch: ['**/*.test.ts'], testEnvironment: '<rootDir>/test/browser/environment.cjs' },
  ],
};
