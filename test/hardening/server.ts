import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_PROVIDERS } from '../../src/core/providers/registry.js';
import { startCaptureServer, type CaptureServerOptions, type ReceivedDelivery, type Rejection } from '../../src/core/server/index.js';
import { idGenerator, openStore } from '../../src/core/store/index.js';
import { cryptoRandom } from '../../src/core/random.js';

/** The capture server in this process, storing to a fresh directory; what it delivered and rejected. */
export async function captureServer(overrides: Partial<CaptureServerOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hookctl-srv-'));
  const store = openStore(dir);
  await store.prepare();
  const delivered: ReceivedDelivery[] = [];
  const rejected: Rejection[] = [];
  const errors: unknown[] = [];
  const server = await startCaptureServer({
    host: '127.0.0.1',
    port: 0,
    maxBody: 10 * 1024 * 1024,
    requestTimeoutMs: 30_000,
    now: Date.now,
    newId: idGenerator(Date.now, cryptoRandom()),
    inspect: { providers: BUILTIN_PROVIDERS, secretsFor: () => ['s3cret'] },
    store,
    nextStatus: () => 200,
    rejectInvalid: false,
    delayMs: 0,
    onDelivery: (d) => delivered.push(d),
    onRejected: (r) => rejected.push(r),
    onError: (e) => errors.push(e),
    ...overrides,
  });
  return {
    url: server.url,
    store,
    dir,
    delivered,
    rejected,
    errors,
    async close() {
      await server.close();
      await store.close();
    },
  };
}

/** POST `body`; resolves with the status and the answer's bytes. */
export function post(url: string, body: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/hook`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.length), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
