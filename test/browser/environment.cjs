// The browser project's jest environment: one Chromium per jest worker, shared by every browser
// test file that worker runs. Jest gives each test file a fresh module registry, so a browser kept
// in the harness would be launched again for every file; this module is loaded by the worker's own
// Node require and stays, so its browser does too. Launched on first use; when jest ends the
// worker, the worker exits and Playwright kills the browser (see test/support/environment.cjs).
// Run in band (one file, or -i) there is no worker: each file then closes its browser.
const TestEnvironment = require('../support/environment.cjs');
const { existsSync } = require('node:fs');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=nl-NL'];

let launching = null;

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium ontbreekt: apt-get install -y chromium, of zet CHROMIUM_PATH.');
  return found;
}

/** The worker's browser; a new one when the last one crashed or was closed. */
function sharedBrowser() {
  if (launching) {
    return launching.then((browser) => {
      if (browser.isConnected()) return browser;
      launching = null;
      return sharedBrowser();
    });
  }
  const { chromium } = require('playwright-core');
  launching = chromium.launch({ executablePath: chromiumPath(), args: ARGS });
  launching.catch(() => { launching = null; });
  return launching;
}

function closeBrowser() {
  const closing = launching;
  launching = null;
  return closing ? closing.then((browser) => browser.close(), () => undefined) : Promise.resolve();
}

// In a worker, test/support/environment.cjs ends the process (and so this browser) when jest ends it.
const inWorker = typeof process.send === 'function';

class BrowserEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    this.global.__regiomonitorSharedChromium = sharedBrowser;
  }

  async teardown() {
    if (!inWorker) await closeBrowser();
    await super.teardown();
  }
}

module.exports = BrowserEnvironment;
