import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryBuilder } from '../../src/core/delivery/build.js';
import { toCurl } from '../../src/core/delivery/curl.js';
import type { Delivery, SignatureMode } from '../../src/core/delivery/types.js';
import type { EventSpec, ProviderProfile } from '../../src/core/providers/types.js';
import { seededRandom } from '../../src/core/random.js';
import { runInProcess } from '../support/inproc.js';
import { startServer, type TestServer } from '../support/server.js';

const NOW = 1_772_274_942_000;
const SECRET = 'event-request-secret';

/** A provider of our own: a signed ordinary event beside the three kinds of event-level requests. */
const profile: ProviderProfile = {
  id: 'acme',
  name: 'Acme',
  scheme: {
    content: '{timestamp}.{body}',
    signatures: [{ header: 'X-Acme-Signature', algorithm: 'sha256', encoding: 'hex', format: { style: 'prefixed', prefix: '' } }],
    secret: { encoding: 'utf8' },
    timestamp: { source: 'header', header: 'X-Acme-Time', unit: 's', tolerance: { pastSec: 300, futureSec: null } },
  },
  request: { method: 'POST', path: '/hooks/acme', contentType: 'application/json', headers: { 'X-Acme-Kind': 'event', 'X-Acme-Region': 'eu' } },
  events: [
    { name: 'thing.happened', description: 'an ordinary event', payload: { id: '{{id:evt_}}' } },
    {
      name: 'verify',
      description: 'a GET check',
      payload: { hub: { mode: 'subscribe', challenge: '{{int:1000:9999}}' }, plain: 'a b' },
      request: { method: 'GET', unsigned: true, template: 'query' },
    },
    { name: 'hello', description: 'an unsigned POST', payload: { token: 'tok_{{hex:8}}' }, request: { unsigned: true, headers: { 'X-Acme-Secret': '{{hex:16}}' } } },
    { name: 'typed', description: 'its own headers, signed', payload: { n: 1 }, request: { headers: { 'x-acme-kind': 'typed', 'X-Acme-Event': '{{event}}' } } },
  ],
  devSecret: SECRET,
  delivery: { timeoutMs: 1000, retryDelaysSec: [], retryOn: [], retryOnTimeout: false },
};
const event = (name: string) => profile.events.find((e) => e.name === name) as EventSpec;
const builder = (name: string, o: { url?: URL; mode?: SignatureMode; set?: string[] } = {}) =>
  createDeliveryBuilder({ profile, event: event(name), secrets: [SECRET], url: o.url, mode: o.mode, overrides: { set: o.set } });
const build = (name: string, o: Parameters<typeof builder>[1] = {}): Delivery => builder(name, o).build({ now: NOW, random: seededRandom(3) });
const names = (d: Delivery) => d.headers.map(([n]) => n);

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('an event of its own method and query (template: query)', () => {
  it('puts the rendered fields on the URL, nested ones joined with dots, after the target query; no body, no Content-Type', () => {
    const d = build('verify', { url: new URL('http://127.0.0.1:3000/hooks/acme?tenant=1') });
    expect(d.method).toBe('GET');
    expect(d.url?.search).toMatch(/^\?tenant=1&hub\.mode=subscribe&hub\.challenge=\d{4}&plain=a\+b$/);
    expect(d.query).toBe(d.url?.search.replace('?tenant=1&', ''));
    expect(d.body.length).toBe(0);
    expect(names(d)).toEqual(['User-Agent', 'X-Acme-Kind', 'X-Acme-Region']);
  });

  it('is edited like a body (--set hub.challenge=42), and keeps its query when there is no target', () => {
    const d = build('verify', { set: ['hub.challenge=42'] });
    expect(d.url).toBeUndefined();
    expect(d.query).toBe('hub.mode=subscribe&hub.challenge=42&plain=a+b');
  });

  it('refuses --data: the event sends no body', () => {
    expect(() => createDeliveryBuilder({ profile, event: event('verify'), secrets: [SECRET], overrides: { data: Buffer.from('{}') } })).toThrow(/sent with no body/);
  });

  it('goes on the wire as a GET with no body, and curl repeats it without --data', async () => {
    server = await startServer((_req, res) => {
      res.end('ok');
    });
    const r = await runInProcess(['send', 'acme/verify', '--to', `${server.url}/hooks/acme`, '--secret', SECRET], { cwd: await acmeConfig() });
    expect(r.code, r.stderr).toBe(0);
    const got = server.received[0]!;
    expect(got.method).toBe('GET');
    expect(got.url).toMatch(/^\/hooks\/acme\?hub\.mode=subscribe&hub\.challenge=\d{4}&plain=a\+b$/);
    expect(got.body.length).toBe(0);
    expect(got.headers['content-type']).toBeUndefined();
    const curl = toCurl(build('verify'), 'http://127.0.0.1:3000/hooks/acme?x=1');
    expect(curl).toMatch(/^curl -sS -X GET /);
    expect(curl).not.toContain('--data-binary');
  });

  it('--dry-run without a target shows the query after the path', async () => {
    const r = await runInProcess(['send', 'acme/verify', '--dry-run', '--secret', SECRET], { cwd: await acmeConfig() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/→ GET \/hooks\/acme\?hub\.mode=subscribe&hub\.challenge=\d{4}&plain=a\+b/);
  });
});

describe('an event the provider sends unsigned', () => {
  it('carries no signature or timestamp header, and its own headers with fresh tokens', () => {
    const d = build('hello');
    expect(names(d)).toEqual(['Content-Type', 'User-Agent', 'X-Acme-Kind', 'X-Acme-Region', 'X-Acme-Secret']);
    expect(d.headers.at(-1)?.[1]).toMatch(/^[0-9a-f]{16}$/);
    expect(d).toMatchObject({ method: 'POST', mode: 'valid', signature: undefined, timestamp: undefined, messageId: undefined });
    expect(JSON.parse(d.body.toString())).toEqual({ token: expect.stringMatching(/^tok_[0-9a-f]{8}$/) });
  });

  it('ignores --signature modes, says so once, and is not expected to be refused', () => {
    for (const mode of ['invalid', 'missing', 'stale', 'wrong-secret'] as const) {
      const b = builder('hello', { mode });
      expect(b.plan).toEqual({ mode: 'valid', offsetSec: 0, expectRejected: false, warning: `hello is sent unsigned, as the provider sends it: --signature ${mode} does not apply to it` });
      expect(names(b.build({ now: NOW, random: seededRandom(3) }))).not.toContain('X-Acme-Signature');
    }
    expect(builder('hello').plan.warning).toBeUndefined();
  });
});

describe("an event's own headers", () => {
  it("come after the provider's, replace a same-named one (any case) in place, and are signed over like any other", () => {
    const d = build('typed');
    expect(d.headers.slice(0, 5)).toEqual([
      ['Content-Type', 'application/json'],
      ['User-Agent', 'hookctl'],
      ['x-acme-kind', 'typed'],
      ['X-Acme-Region', 'eu'],
      ['X-Acme-Event', 'typed'],
    ]);
    const sig = d.headers.find(([n]) => n === 'X-Acme-Signature')?.[1];
    expect(sig).toBe(
      createHmac('sha256', SECRET)
        .update(`${NOW / 1000}.${d.body}`)
        .digest('hex'),
    );
  });
});

/** A working directory whose config defines the acme provider (events inline). */
async function acmeConfig(): Promise<string> {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'hookctl-acme-'));
  const { id, name, scheme, request, events, delivery } = profile;
  writeFileSync(join(dir, '.hookctlrc.json'), JSON.stringify({ provider: 'acme', providers: [{ id, name, scheme, request, events, delivery }] }));
  return dir;
}
