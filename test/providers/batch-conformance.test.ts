import { afterEach, describe, expect, it } from 'vitest';
import { BATCH_PROVIDERS } from '../../src/core/providers/builtin/batches.js';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { PROVIDER_CATEGORIES } from '../../src/core/providers/types.js';
import { runInProcess } from '../support/inproc.js';
import { startServer, type TestServer } from '../support/server.js';
import { testSecret, verifierFor, verifyingHandler } from '../send/receivers.js';

/**
 * Issue 26: `hookctl test` passes a minimal receiver of each provider added in a batch (the one
 * test/send/receivers-*.ts writes, verifying with the provider's own library or documentation), and
 * fails the same route with its signature check removed.
 */
const BATCHES = BATCH_PROVIDERS;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function suite(provider: string, url: string) {
  const r = await runInProcess(['test', '--to', url, '--provider', provider, '--secret', testSecret(provider), '--json'], { timeoutMs: 60_000 });
  const rows = r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);
  return { code: r.code, stderr: r.stderr, failed: rows.filter((x) => x.type === 'scenario' && x.status !== 'pass' && x.status !== 'skip').map((x) => `${x.id}: ${x.status} ${x.message ?? ''}`) };
}

describe('the batches', () => {
  it('add providers with ids of their own', () => {
    const ids = BATCHES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(BATCHES.map((p) => [p.id, p] as const))('%s', (id, profile) => {
  it('is listed under a category, with events and its docs', () => {
    expect(PROVIDER_CATEGORIES).toContain(profile.category);
    expect(profile.docs).toMatch(/^https:\/\//);
    expect(listEvents(profile).length).toBeGreaterThan(0);
  });

  it('hookctl test passes its receiver, and fails it once the signature check is gone', async () => {
    const secret = testSecret(id);
    server = await startServer(verifyingHandler(verifierFor(id, secret), [], { provider: id, secret }));
    const good = await suite(id, `${server.url}${profile.request.path}`);
    expect(good.failed).toEqual([]);
    expect(good.code).toBe(0);
    await server.close();
    server = await startServer((_req, res) => {
      res.statusCode = 200;
      res.end('ok');
    });
    const open = await suite(id, `${server.url}${profile.request.path}`);
    expect(open.code).toBe(1);
    // A token binds no body, so invalid-signature is skipped for it; a wrong or missing token still must be refused.
    expect(open.failed.filter((f) => /^(invalid-signature|wrong-secret|missing-signature): fail/.test(f)).length).toBeGreaterThan(0);
  });
});
