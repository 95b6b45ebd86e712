import { request } from 'node:http';
import { LocalWorkbook } from '../../src/adapters/local/workbook';
import { Preview, TOKEN_HEADER, parsePreviewArgs, previewUser, startPreview } from '../../src/tooling/preview';
import { PROJECT_LEADER, scenarioWorkbook } from '../browser/scenario';

let preview: Preview;
let port: number;
let token: string;

beforeAll(async () => {
  preview = await startPreview({ workbook: LocalWorkbook.create(), sidebarHtml: '<!DOCTYPE html><html><head></head><body></body></html>' });
  port = Number(new URL(preview.url).port);
  const page = await call('GET', '/sidebar', {});
  token = /var token = "([0-9a-f]{64})"/.exec(page.body)![1];
});
afterAll(() => preview.close().catch(() => undefined));

function call(method: string, path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sameOrigin = () => ({ Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' });

describe('the preview server', () => {
  it("injects the run's token into the page's google.script.run", () => {
    expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a same-origin call that carries the token', async () => {
    const answer = await call('POST', '/rpc/getMyActions', { ...sameOrigin(), [TOKEN_HEADER]: token }, '[]');
    expect(answer.status).toBe(200);
    // the server function itself refuses (no user in this preview): it was reached
    expect(JSON.parse(answer.body)).toEqual({ ok: false, message: expect.stringContaining('e-mailadres') });
  });

  it('refuses a missing or wrong token, another origin, a cross-site fetch and a preflight, with 403', async () => {
    const attempts: [string, Record<string, string>][] = [
      ['no token', sameOrigin()],
      ['wrong token', { ...sameOrigin(), [TOKEN_HEADER]: token.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }],
      ['short token', { ...sameOrigin(), [TOKEN_HEADER]: token.slice(0, 10) }],
      ['other origin', { ...sameOrigin(), Origin: 'http://evil.example', [TOKEN_HEADER]: token }],
      ['no origin', { 'Content-Type': 'application/json', [TOKEN_HEADER]: token }],
      ['cross-site', { ...sameOrigin(), 'Sec-Fetch-Site': 'cross-site', [TOKEN_HEADER]: token }],
    ];
    for (const [what, headers] of attempts) {
      const answer = await call('POST', '/rpc/getMyActions', headers, '[]');
      expect([what, answer.status]).toEqual([what, 403]);
    }
    const preflight = await call('OPTIONS', '/rpc/getMyActions', { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' });
    expect(preflight.status).toBe(403);
    expect(preview.calls).toHaveLength(1); // only the allowed call above reached a server function
  });
  // Last: one preview per process (they share the server functions' runtime override).
  it('gives another run another token', async () => {
    await preview.close();
    const other = await startPreview({ workbook: LocalWorkbook.create(), sidebarHtml: '<html><head></head></html>' });
    try {
      const page = await new Promise<string>((resolve) => {
        request({ host: '127.0.0.1', port: Number(new URL(other.url).port), path: '/sidebar' }, (res) => {
          let t = '';
          res.on('data', (c) => (t += c));
          res.on('end', () => resolve(t));
        }).end();
      });
      expect(page).toContain(TOKEN_HEADER);
      expect(page).not.toContain(token);
    } finally {
      await other.close();
    }
  });
});

/** The preview server's simulated latency, which the sidebar's speed tests rely on. */
describe('simulated latency', () => {
  /** A call as the sidebar makes it: same origin, with the run's token from the served page. */
  async function rpc(other: Preview, name: string): Promise<{ ok: boolean; ms: number }> {
    const otherPort = Number(new URL(other.url).port);
    const get = (method: string, path: string, headers: Record<string, string>, body = '') =>
      new Promise<string>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: otherPort, method, path, headers: { Host: `127.0.0.1:${otherPort}`, ...headers } }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.end(body);
      });
    const runToken = /var token = "([0-9a-f]{64})"/.exec(await get('GET', '/sidebar', {}))![1];
    const started = performance.now();
    const answer = JSON.parse(await get('POST', `/rpc/${name}`, { Origin: `http://127.0.0.1:${otherPort}`, 'Content-Type': 'application/json', [TOKEN_HEADER]: runToken }, '[]')) as { ok: boolean };
    return { ok: answer.ok, ms: performance.now() - started };
  }

  it('makes every server call wait the simulated latency, and it can change between calls', async () => {
    const slowPreview = await startPreview({ workbook: scenarioWorkbook(), userEmail: PROJECT_LEADER, sidebarHtml: '<html><head></head></html>', latencyMs: 300 });
    try {
      const slow = await rpc(slowPreview, 'getDashboard');
      expect(slow.ok).toBe(true);
      expect(slow.ms).toBeGreaterThanOrEqual(300);
      slowPreview.setLatency(0);
      const fast = await rpc(slowPreview, 'getDashboard');
      // Without latency the call costs only the server's work, far below the 300 ms it waited before.
      expect(fast.ms).toBeLessThan(slow.ms);
      // A failing call waits too: latency is the network's, not the function's.
      slowPreview.setLatency(200);
      const failed = await rpc(slowPreview, 'bestaatNiet');
      expect(failed).toMatchObject({ ok: false });
      expect(failed.ms).toBeGreaterThanOrEqual(100);
    } finally {
      await slowPreview.close();
    }
  });

  it('--latency takes milliseconds and refuses anything else in Dutch', () => {
    expect(parsePreviewArgs(['--latency', '800', '--user', 'a@b.nl'])).toEqual({ port: 8787, latencyMs: 800, user: 'a@b.nl' });
    // The demo opens as its project leader (README); an own workbook as --user, else as an unknown user.
    expect(previewUser(parsePreviewArgs([]), 'pl@demo.invalid')).toBe('pl@demo.invalid');
    expect(previewUser(parsePreviewArgs(['--user', 'a@b.nl']), 'pl@demo.invalid')).toBe('a@b.nl');
    expect(previewUser(parsePreviewArgs(['--workbook', 'x.xlsx']), 'pl@demo.invalid')).toBeUndefined();
    expect(() => parsePreviewArgs(['--latency', 'snel'])).toThrow('--latency snel: geef een aantal milliseconden tussen 0 en 60000');
  });
});
