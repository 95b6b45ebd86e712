// Jest's node environment, with one change: the test file's global object is an ordinary one.
// jest-environment-node hands vm.createContext a proxy, and every context node makes from an
// object reaches its globals through interceptors: each `Date`, `String` or `Math` in code under
// test then costs about half a microsecond, which made the CPU-bound tests (reading every cell of a
// workbook, the demo) several times slower than the same code outside jest. A context made with
// vm.constants.DONT_CONTEXTIFY has a plain global object. What it gives up: jest's deletion of the
// globals a test file leaves behind (testEnvironmentOptions.globalsCleanup), which only saves memory.
const vm = require('node:vm');
const { TestEnvironment } = require('jest-environment-node');

const plain = vm.constants?.DONT_CONTEXTIFY;

// A jest worker ends when jest sends it CHILD_MESSAGE_END (2) and its event loop drains; what a
// test file left running (a shared Chromium, a timer of a closed preview) would hold it past the
// half second jest waits, and jest then reports a leak it fixes by killing the worker. The worker
// has nothing left to do, so it exits; Playwright's exit handler kills the browsers it launched.
if (typeof process.send === 'function') {
  const onMessage = (message) => {
    if (!Array.isArray(message) || message[0] !== 2) return;
    // Jest's own listener (registered first) has seen the message; nothing else is pending.
    process.exit(0);
  };
  process.on('message', onMessage);
}

class FastGlobalsEnvironment extends TestEnvironment {
  constructor(config, context) {
    if (plain === undefined) {
      super(config, context);
      return;
    }
    const createContext = vm.createContext;
    vm.createContext = () => createContext(plain);
    try {
      super(config, context);
    } finally {
      vm.createContext = createContext;
    }
  }
}

module.exports = FastGlobalsEnvironment;
