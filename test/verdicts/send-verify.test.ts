import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCapture, storeWith, tempDir } from '../captures/helpers.js';
import { startServer, type TestServer } from '../support/server.js';
import { post, startListen } from '../listen/support.js';
import { getProvider, listEvents, verifyCapture } from '../../src/index.js';
import { runInProcess as hookctl } from '../support/inproc.js';
import { startExpressReceiver, STRIPE_SECRET, TRANSCODELY_SECRET, type Receiver } from './receivers.js';

const cwd = tempDir('hookctl-verdicts-send-');

let raw: Receiver;
beforeAll(async () => {
  raw = await startExpressReceiver('raw');
});
afterAll(async () => {
  await raw.close();
});

describe('send and replay verdicts', () => {
  it('--signature stale --expect 4xx against a typo in the path exits 1 and names the missing route', async () => {
    const r = await hookctl(['send', 'job.completed', '--to', `${raw.url}/webhooks/typo`, '--secret', TRANSCODELY_SECRET, '--signature', 'stale', '--expect', '4xx'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^✘ 404/m);
    expect(r.stderr).toMatch(/the response did not match --expect 4xx \(got 404\)/);
    expect(r.stderr).toMatch(/route not found: POST http:\/\/127\.0\.0\.1:\d+\/webhooks\/typo answered 404; transcodely deliveries go to \/webhooks\/transcodely by default/);
  });

  it('a negative mode expects a refusal by default: a correct 401 is a ✔, and --expect rejected passes on it', async () => {
    const base = ['send', 'job.completed', '--to', `${raw.url}/webhooks/transcodely`, '--secret', TRANSCODELY_SECRET, '--signature', 'invalid'];
    const plain = await hookctl(base, { cwd });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^✔ 401/m);
    expect((await hookctl([...base, '--expect', 'rejected'], { cwd })).code).toBe(0);
    const typo = await hookctl(['send', 'job.completed', '--to', `${raw.url}/nope`, '--secret', TRANSCODELY_SECRET, '--signature', 'invalid'], { cwd });
    expect(typo.stdout).toMatch(/^✘ 404/m);
    expect(typo.stderr).toMatch(/route not found: POST .*\/nope answered 404/);
  });

  it('--body-format reserialize: a raw-body receiver accepts it, a re-serializing one refuses it', async () => {
    const restringify = await startExpressReceiver('restringify');
    try {
      const args = (url: string) => ['send', 'job.completed', '--to', `${url}/webhooks/transcodely`, '--secret', TRANSCODELY_SECRET, '--body-format', 'reserialize', '--expect', '2xx'];
      expect((await hookctl(args(raw.url), { cwd })).code).toBe(0);
      expect((await hookctl(args(restringify.url), { cwd })).code).toBe(1);
      const dry = await hookctl(['send', 'job.completed', '--to', ':3000', '--body-format', 'reserialize', '--dry-run', '--json'], { cwd });
      const body = String((JSON.parse(dry.stdout) as { request: { body: string } }).request.body);
      expect(body.endsWith('\n')).toBe(true);
      expect(JSON.stringify(JSON.parse(body))).not.toBe(body);
      expect(body).toContain('"big_integer": 9007199254740993');
    } finally {
      await restringify.close();
    }
  });

  it('Stripe deliveries are 2-space indented JSON, accepted by stripe.webhooks.constructEvent; --data stays byte for byte', async () => {
    const r = await hookctl(['send', 'stripe/invoice.paid', '--to', `${raw.url}/webhooks/stripe`, '--secret', STRIPE_SECRET, '--expect', '2xx', '--verbose'], { cwd });
    expect(r.code).toBe(0);
    const dry = await hookctl(['send', 'stripe/invoice.paid', '--to', ':3000', '--dry-run', '--json'], { cwd });
    const body = String((JSON.parse(dry.stdout) as { request: { body: string } }).request.body);
    expect(body).toBe(JSON.stringify(JSON.parse(body), null, 2));
    const data = await hookctl(['send', 'stripe/invoice.paid', '--to', ':3000', '--data', '{"a":1}', '--dry-run', '--json'], { cwd });
    expect((JSON.parse(data.stdout) as { request: { body: string } }).request.body).toBe('{"a":1}');
  });

  it('without --provider, --to naming a provider picks its events (send --all)', async () => {
    const r = await hookctl(['send', '--all', '--to', `${raw.url}/webhooks/stripe`, '--secret', STRIPE_SECRET, '--expect', '2xx', '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/provider stripe, named by the path \/webhooks\/stripe \(pass --provider to choose another\)/);
    // Every Stripe event type (the generated catalogue), and nothing else.
    const providers = r.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { provider: string }).provider);
    expect(providers).toHaveLength(listEvents(getProvider('stripe')).length);
    expect(new Set(providers)).toEqual(new Set(['stripe']));
  });

  it('replay --expect 4xx does not count a 404 as a refusal', async () => {
    const store = await storeWith([makeCapture({ provider: 'transcodely', secret: TRANSCODELY_SECRET, body: '{"event":"job.completed"}', at: Date.now() })]);
    const r = await hookctl(['replay', 'last', '--store', store, '--to', `${raw.url}/webhooks/gone`, '--expect', '4xx'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/hint: route not found: POST .*\/webhooks\/gone answered 404/);
  });
});

describe('verify judges a capture as of its receive time', () => {
  const DAY = 86_400_000;
  const at = Date.now() - DAY;
  let store: string;
  beforeAll(async () => {
    store = await storeWith([makeCapture({ provider: 'stripe', secret: STRIPE_SECRET, body: '{"id":"evt_1","object":"event"}', at, event: 'invoice.paid' })]);
  });

  it('verify last on a day-old good delivery exits 0 and says it judged at the receive time', async () => {
    const r = await hookctl(['verify', 'last', '--store', store, '--secret', STRIPE_SECRET], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ valid/);
    expect(r.stdout).toMatch(new RegExp(`judged +${new Date(at).toISOString().slice(0, 19)}.*as of its receive time \\(--now judges against the clock\\)`));
    const json = await hookctl(['verify', 'last', '--store', store, '--secret', STRIPE_SECRET, '--json'], { cwd });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, judgedBy: 'received', judgedAt: new Date(at).toISOString() });
  });

  it('--now judges against the clock (too old), --at at another instant; both together are a usage error', async () => {
    const now = await hookctl(['verify', 'last', '--store', store, '--secret', STRIPE_SECRET, '--now', '--json'], { cwd });
    expect(now.code).toBe(1);
    expect(JSON.parse(now.stdout)).toMatchObject({ ok: false, reason: 'timestamp-too-old', judgedBy: 'clock' });
    const later = await hookctl(['verify', 'last', '--store', store, '--secret', STRIPE_SECRET, '--at', new Date(at + 3_600_000).toISOString(), '--json'], { cwd });
    expect(JSON.parse(later.stdout)).toMatchObject({ ok: false, reason: 'timestamp-too-old', judgedBy: 'at' });
    const both = await hookctl(['verify', 'last', '--store', store, '--now', '--at', '1764496800'], { cwd });
    expect(both.code).toBe(2);
    expect((await hookctl(['verify', 'last', '--store', store, '--at', 'yesterday'], { cwd })).stderr).toMatch(/--at "yesterday" is not a time/);
  });

  it('the library verifies a capture the same way: at its receive time unless given now', async () => {
    const capture = makeCapture({ provider: 'stripe', secret: STRIPE_SECRET, body: '{"id":"evt_2"}', at });
    expect(verifyCapture(capture, { secrets: STRIPE_SECRET })).toMatchObject({ ok: true });
    expect(verifyCapture(capture, { secrets: STRIPE_SECRET, now: Date.now() })).toMatchObject({ ok: false, reason: 'timestamp-too-old' });
  });

  it('captures show says its verdict is as received', async () => {
    const r = await hookctl(['captures', 'show', 'last', '--store', store], { cwd });
    expect(r.stdout).toMatch(/signature +✔ valid \(secret #1\), as received/);
  });
});

describe('secrets per provider from the environment', () => {
  it('HOOKCTL_SECRET_STRIPE and HOOKCTL_SECRET_STANDARD_WEBHOOKS side by side: each provider signs with its own', async () => {
    const sw = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const env = { HOOKCTL_SECRET_STRIPE: STRIPE_SECRET, HOOKCTL_SECRET_STANDARD_WEBHOOKS: sw, HOOKCTL_SECRET: 'whsec_generic_literal' };
    const stripe = await hookctl(['send', 'stripe/invoice.paid', '--to', `${raw.url}/webhooks/stripe`, '--expect', '2xx'], { cwd, env });
    expect(stripe.code).toBe(0);
    const dry = await hookctl(['send', 'standard-webhooks/invoice.paid', '--to', ':3000', '--dry-run'], { cwd, env });
    expect(dry.code).toBe(0);
  });

  it('a secret a scheme cannot decode is bad-secret for that provider, with the reason, not a silent no-match', async () => {
    const signed = await hookctl(['send', 'svix/invoice.paid', '--to', ':4000', '--secret', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', '--dry-run', '--json'], { cwd });
    const request = (JSON.parse(signed.stdout) as { request: { headers: Record<string, string>; body: string } }).request;
    const store = await storeWith([
      {
        ...makeCapture({ provider: 'svix', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', body: request.body, at: Date.now() }),
        headers: Object.entries(request.headers),
      },
    ]);
    const r = await hookctl(['verify', 'last', '--store', store, '--json'], { cwd, env: { HOOKCTL_SECRET: 'whsec_stripe_style_literal!' } });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, provider: 'svix', reason: 'bad-secret', secretSource: 'env' });
  });
});

describe('--insecure reaches a receiver with a self-signed certificate', () => {
  let server: ReturnType<typeof createServer>;
  let url: string;
  beforeAll(async () => {
    const tls = new URL('../support/tls/', import.meta.url);
    server = createServer({ key: readFileSync(new URL('key.pem', tls)), cert: readFileSync(new URL('cert.pem', tls)) }, (_req, res) => {
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('without it: a TLS error naming --insecure; with it: delivered, with one warning', async () => {
    const refused = await hookctl(['send', 'job.completed', '--to', url], { cwd });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/TLS handshake with 127\.0\.0\.1:\d+ failed .*\n.*pass --insecure/);
    const ok = await hookctl(['send', 'job.completed', '--to', url, '--insecure', '--expect', '2xx'], { cwd });
    expect(ok.code).toBe(0);
    expect(ok.stderr.match(/--insecure: TLS certificates are not checked/g)).toHaveLength(1);
  });
});

describe('listen --forward-to', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startServer((r, res) => {
      res.statusCode = r.url === '/webhooks/transcodely' ? 200 : 404;
      res.end();
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it("host:port keeps each delivery's path; a path is used as given, and the app's 404 gets a hint naming both paths", async () => {
    const kept = await startListen(['--forward-to', app.url.replace('http://', ''), '--no-store'], { cwd, json: false });
    try {
      expect((await post(`${kept.url}/webhooks/transcodely`, '{}', {})).status).toBe(200);
      await kept.waitFor((l) => /⇢ http:\/\/127\.0\.0\.1:\d+\/webhooks\/transcodely 200/.test(l.text ?? ''));
    } finally {
      await kept.stop();
    }
    const fixed = await startListen(['--forward-to', `${app.url}/webhooks`, '--no-store'], { cwd, json: false });
    try {
      expect((await post(`${fixed.url}/webhooks/transcodely`, '{}', {})).status).toBe(404);
      await fixed.waitFor((l) =>
        /your app has no route for \/webhooks: --forward-to with a path sends every delivery there; give host:port alone to keep each delivery's path, \/webhooks\/transcodely/.test(l.text ?? ''),
      );
    } finally {
      await fixed.stop();
    }
  });

  it('help shows a target without a path', async () => {
    const r = await hookctl(['--help'], { cwd });
    expect(r.stdout).toMatch(/hookctl listen --port 4000 --forward-to localhost:3000$/m);
  });
});

describe('a custom provider says how it lays bodies out', () => {
  it('request.bodyFormat "pretty" indents its bodies; another value is a config error naming the key', async () => {
    const dir = tempDir('hookctl-verdicts-config-');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    writeFileSync(join(dir, '.hookctlrc.json'), JSON.stringify({ providers: [{ id: 'acme', extends: 'github', request: { bodyFormat: 'pretty' } }] }));
    const r = await hookctl(['send', 'acme/push', '--to', ':3000', '--dry-run', '--json'], { cwd: dir });
    const body = (JSON.parse(r.stdout) as { request: { body: string } }).request.body;
    expect(body).toBe(JSON.stringify(JSON.parse(body), null, 2));
    writeFileSync(join(dir, '.hookctlrc.json'), JSON.stringify({ providers: [{ id: 'acme', extends: 'github', request: { bodyFormat: 'tabs' } }] }));
    const bad = await hookctl(['send', 'acme/push', '--to', ':3000', '--dry-run'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/providers\[0\]\.request\.bodyFormat must be "compact" or "pretty"/);
  });
});
