/** The preview server's simulated latency, which the sidebar's speed tests rely on. */
import { parsePreviewArgs, startPreview } from '../../src/tooling/preview';
import { PROJECT_LEADER, scenarioWorkbook } from '../browser/scenario';

const rpc = async (url: string, name: string) => {
  const started = performance.now();
  const answer = (await (await fetch(`${url}rpc/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' })).json()) as { ok: boolean };
  return { ok: answer.ok, ms: performance.now() - started };
};

test('every server call waits the simulated latency, and it can change between calls', async () => {
  const preview = await startPreview({ workbook: scenarioWorkbook(), userEmail: PROJECT_LEADER, sidebarHtml: '<html><head></head></html>', latencyMs: 300 });
  try {
    const slow = await rpc(preview.url, 'getDashboard');
    expect(slow.ok).toBe(true);
    expect(slow.ms).toBeGreaterThanOrEqual(300);
    preview.setLatency(0);
    const fast = await rpc(preview.url, 'getDashboard');
    // Without latency the call costs only the server's work, far below the 300 ms it waited before.
    expect(fast.ms).toBeLessThan(slow.ms);
    // A failing call waits too: latency is the network's, not the function's.
    preview.setLatency(200);
    const failed = await rpc(preview.url, 'bestaatNiet');
    expect(failed).toMatchObject({ ok: false });
    expect(failed.ms).toBeGreaterThanOrEqual(100);
  } finally {
    await preview.close();
  }
});

test('--latency takes milliseconds and refuses anything else in Dutch', () => {
  expect(parsePreviewArgs(['--latency', '800', '--user', 'a@b.nl'])).toEqual({ port: 8787, latencyMs: 800, user: 'a@b.nl' });
  expect(() => parsePreviewArgs(['--latency', 'snel'])).toThrow('--latency snel: geef een aantal milliseconden tussen 0 en 60000');
});
