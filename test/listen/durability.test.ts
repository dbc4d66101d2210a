import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sign } from '../../src/index.js';
import { openStore, type StoreWarning } from '../../src/core/store/index.js';
import { startListen } from './support.js';

const SECRET = 'durability_secret';
const TOTAL = 3000;
const KILL_AFTER = 1000;
const CONCURRENCY = 32;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const dir = mkdtempSync(join(tmpdir(), 'hookctl-durable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function deliver(agent: Agent, url: string, body: Buffer): Promise<{ status: number; body: string } | undefined> {
  const headers = { 'content-type': 'application/json', 'content-length': String(body.length), ...sign({ provider: 'github', secret: SECRET, body }).headers };
  return new Promise((resolve) => {
    const req = request(`${url}/webhooks/github`, { method: 'POST', headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', () => resolve(undefined));
    });
    req.on('error', () => resolve(undefined));
    req.end(body);
  });
}

describe('durability', () => {
  it('kill -9 in the middle of a burst loses no delivery that got a response', async () => {
    const l = await startListen(['--provider', 'github', '--secret', SECRET, '--store', dir]);
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const acked: { id: string; sha: string }[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < TOTAL) {
        const n = next++;
        const body = Buffer.from(JSON.stringify({ n, pad: 'x'.repeat(n % 500), at: Date.now() }));
        const res = await deliver(agent, l.url, body);
        if (res?.status === 200) {
          acked.push({ id: (JSON.parse(res.body) as { id: string }).id, sha: sha(body) });
          if (acked.length >= KILL_AFTER && !killed) {
            killed = true;
            l.child.kill('SIGKILL');
          }
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();
    const { signal } = await l.exit;
    expect(signal).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acked.length).toBeLessThan(TOTAL);

    const warnings: StoreWarning[] = [];
    const stored = new Map((await openStore(dir, { onWarning: (w) => warnings.push(w) }).list()).map((c) => [c.id, c]));
    const missing = acked.filter((a) => !stored.has(a.id));
    expect(missing).toEqual([]);
    for (const a of acked) {
      const c = stored.get(a.id);
      expect(c?.bodySha256).toBe(a.sha);
      expect(sha(c?.body as Buffer)).toBe(a.sha);
    }
    // At most the batch in flight at the kill can be torn.
    expect(warnings.length).toBeLessThanOrEqual(1);
  }, 60_000);
});
