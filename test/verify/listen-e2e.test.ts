import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../captures/helpers.js';
import { BIN, runCli } from '../support/cli.js';
import { startServer, type TestServer } from '../support/server.js';

const SECRET = 'whsec_e2e_transcodely';
const lines = (s: string) => s.trim().split('\n').filter(Boolean);
const json = (s: string) => lines(s).map((l) => JSON.parse(l) as Record<string, any>);

/** `hookctl listen --port 0 --json` in a child process; resolves once it prints its URL. */
function listen(store: string): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'listen', '--port', '0', '--json', '--store', store, '--secret', SECRET], {
      env: { ...process.env, NO_COLOR: '1', CI: '1', HOOKCTL_SECRET: undefined, HOOKCTL_PROVIDER: undefined, HOOKCTL_CONFIG: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error('listen did not start')), 10_000);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const first = out.split('\n')[0];
      if (out.includes('\n') && first) {
        clearTimeout(timer);
        const url = (JSON.parse(first) as { url: string }).url;
        resolve({
          url,
          child,
          stop: () =>
            new Promise((r) => {
              child.once('close', () => r());
              child.kill('SIGINT');
            }),
        });
      }
    });
    child.on('error', reject);
  });
}

describe('listen → verify → replay, end to end', () => {
  const store = tempDir();
  let listener: Awaited<ReturnType<typeof listen>>;
  let receiver: TestServer;
  beforeAll(async () => {
    listener = await listen(store);
    // A receiver written from Transcodely's documented code (seed 002), with its length check.
    receiver = await startServer((r, res) => {
      const ts = String(r.headers['x-transcodely-timestamp'] ?? '');
      const sig = Buffer.from(String(r.headers['x-transcodely-signature'] ?? ''));
      const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${ts}.${r.body.toString()}`).digest('hex')}`);
      const fresh = Math.abs(Date.now() / 1000 - parseInt(ts, 10)) <= 300;
      res.statusCode = fresh && sig.length === expected.length && timingSafeEqual(sig, expected) ? 200 : 401;
      res.end();
    });
  });
  afterAll(async () => {
    await listener?.stop();
    await receiver?.close();
  });

  it('listen captures a delivery from send, and `verify last` passes', async () => {
    const sent = await runCli(['send', 'transcodely/job.completed', '--to', listener.url, '--secret', SECRET]);
    expect(sent.code).toBe(0);
    const r = await runCli(['verify', 'last', '--store', store, '--secret', SECRET, '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)[0]).toMatchObject({ ok: true, provider: 'transcodely', providerFrom: 'headers', secretIndex: 0 });
  });

  it('a delivery sent with --signature invalid fails with reason no-match, and no diagnosis claims to explain it', async () => {
    await runCli(['send', 'transcodely/job.failed', '--to', listener.url, '--secret', SECRET, '--signature', 'invalid']);
    const r = await runCli(['verify', 'last', '--store', store, '--secret', SECRET, '--json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout)[0]).toMatchObject({ ok: false, reason: 'no-match', diagnosis: [] });
    const human = await runCli(['verify', 'last', '--store', store, '--secret', SECRET]);
    expect(human.stdout).toMatch(/^✘ invalid .*transcodely\s+no-match/);
  });

  it('a stale capture replayed as is is refused by the receiver (hint: --resign); with --resign it is accepted', async () => {
    const old = Math.floor(Date.now() / 1000) - 3600;
    await runCli(['send', 'transcodely/job.completed', '--to', listener.url, '--secret', SECRET, '--timestamp', String(old)]);
    const v = await runCli(['verify', 'last', '--store', store, '--secret', SECRET, '--json']);
    expect(json(v.stdout)[0]).toMatchObject({ reason: 'timestamp-too-old', diagnosis: [{ code: 'timestamp-stale' }] });

    const asIs = await runCli(['replay', 'last', '--to', receiver.url, '--store', store, '--json']);
    expect(json(asIs.stdout)[0]).toMatchObject({ status: 401, resigned: false });
    expect(json(asIs.stdout)[0]?.hint).toContain('--resign');
    const resigned = await runCli(['replay', 'last', '--to', receiver.url, '--store', store, '--resign', '--secret', SECRET, '--expect', '2xx', '--json']);
    expect(resigned.code).toBe(0);
    expect(json(resigned.stdout)[0]).toMatchObject({ status: 200, resigned: true });
    expect(receiver.received.at(-1)?.body.equals(receiver.received.at(-2)!.body)).toBe(true);
  });
});
