import { createHash } from 'node:crypto';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign as octokitSign } from '@octokit/webhooks-methods';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPayload, serializeBody, sign } from '../../src/index.js';
import { renderString } from '../../src/core/templates/index.js';
import { encodeForm } from '../../src/core/templates/form.js';
import { BUILTIN_PROVIDERS } from '../../src/core/providers/registry.js';
import { seededRandom } from '../../src/core/random.js';
import { openStore } from '../../src/core/store/index.js';
import { runInProcess } from '../support/inproc.js';
import { post, startListen, type Listener } from './support.js';

const stripe = new Stripe('sk_test_hookctl');
const SECRETS = {
  stripe: 'whsec_stripe_listen_test_0123456789',
  'standard-webhooks': 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  svix: 'whsec_aG9va2N0bC1zdml4LXRlc3Qtc2VjcmV0IQ==',
  github: "It's a Secret to Everybody",
};
const sha = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

let cwd: string;
let listener: Listener;

beforeAll(async () => {
  // Secrets per provider from the config file; captures under the config's "store".
  cwd = mkdtempSync(join(tmpdir(), 'hookctl-listen-'));
  writeFileSync(join(cwd, '.hookctlrc.json'), JSON.stringify({ secrets: SECRETS, store: 'captures' }));
  listener = await startListen([], { cwd });
});
afterAll(async () => {
  await listener?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

async function deliver(path: string, body: string, headers: Record<string, string>) {
  const res = await post(`${listener.url}${path}`, body, { 'content-type': 'application/json', ...headers });
  const [line] = await listener.deliveries(1);
  return { res, line: line as Record<string, any> };
}

describe("listen verifies deliveries signed by the providers' own libraries", () => {
  const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', data: { object: { amount: 2000 } } });

  it('stripe: generateTestHeaderString', async () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRETS.stripe });
    const { res, line } = await deliver('/webhooks/stripe', body, { 'Stripe-Signature': header });
    expect(res.status).toBe(200);
    expect(line).toMatchObject({
      provider: 'stripe',
      event: 'payment_intent.succeeded',
      verification: { ok: true, secretIndex: 0 },
      response: { status: 200 },
      bodyBytes: body.length,
      bodySha256: sha(body),
    });
    expect(JSON.parse(res.body)).toEqual({ received: true, id: line.id });
  });

  it('stripe: a body altered after signing fails with no-match, a stale timestamp with timestamp-too-old', async () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRETS.stripe });
    const tampered = await deliver('/webhooks/stripe', body.replace('2000', '2001'), { 'Stripe-Signature': header });
    expect(tampered.line.verification).toMatchObject({ ok: false, reason: 'no-match' });
    const stale = stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRETS.stripe, timestamp: Math.floor(Date.now() / 1000) - 3600 });
    const old = await deliver('/webhooks/stripe', body, { 'Stripe-Signature': stale });
    expect(old.line.verification).toMatchObject({ ok: false, reason: 'timestamp-too-old' });
  });

  it('standard webhooks: Webhook.sign', async () => {
    const payload = JSON.stringify({ type: 'user.created', timestamp: new Date().toISOString(), data: { id: 'user_1' } });
    const id = 'msg_2b9pX7gq0WKQpTyk';
    const now = new Date();
    const signature = new StandardWebhook(SECRETS['standard-webhooks']).sign(id, now, payload);
    const headers = { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signature };
    const { line } = await deliver('/webhooks', payload, headers);
    expect(line).toMatchObject({ provider: 'standard-webhooks', event: 'user.created', deliveryId: id, verification: { ok: true } });
    // The same message again (a retry): same id, flagged as a duplicate of the first capture.
    const again = await deliver('/webhooks', payload, headers);
    expect(again.line.duplicateOf).toBe(line.id);
    // Signed with another secret: no-match.
    const wrong = new StandardWebhook('whsec_d3JvbmctZGV2LXNlY3JldC12YWx1ZQ==').sign(id, now, payload);
    const bad = await deliver('/webhooks', payload, { ...headers, 'webhook-signature': wrong });
    expect(bad.line.verification).toMatchObject({ ok: false, reason: 'no-match' });
  });

  it('svix: Webhook.sign, detected from the svix-* headers', async () => {
    const payload = JSON.stringify({ type: 'invoice.paid', data: { id: 'inv_1' } });
    const now = new Date();
    const signature = new SvixWebhook(SECRETS.svix).sign('msg_svix1', now, payload);
    const { line } = await deliver('/webhooks', payload, { 'svix-id': 'msg_svix1', 'svix-timestamp': String(Math.floor(now.getTime() / 1000)), 'svix-signature': signature });
    expect(line).toMatchObject({ provider: 'svix', event: 'invoice.paid', verification: { ok: true } });
    const stale = new SvixWebhook(SECRETS.svix).sign('msg_svix2', new Date(now.getTime() - 3_600_000), payload);
    const old = await deliver('/webhooks', payload, { 'svix-id': 'msg_svix2', 'svix-timestamp': String(Math.floor(now.getTime() / 1000) - 3600), 'svix-signature': stale });
    expect(old.line.verification).toMatchObject({ ok: false, reason: 'timestamp-too-old' });
  });

  it("github: @octokit/webhooks-methods sign; event from X-GitHub-Event plus the body's action", async () => {
    const payload = JSON.stringify({ action: 'opened', number: 1, pull_request: { id: 1 } });
    const signature = await octokitSign(SECRETS.github, payload);
    const { line } = await deliver('/webhooks/github', payload, { 'X-GitHub-Event': 'pull_request', 'X-GitHub-Delivery': 'd-1', 'X-Hub-Signature-256': signature });
    expect(line).toMatchObject({ provider: 'github', event: 'pull_request.opened', deliveryId: 'd-1', verification: { ok: true } });
    const missing = await deliver('/webhooks/github', payload, { 'X-GitHub-Event': 'pull_request', 'X-Hub-Signature-256': 'sha256=' });
    expect(missing.line.verification).toMatchObject({ ok: false, reason: 'malformed-signature' });
  });

  it('stores every delivery byte-exact, headers in arrival order', async () => {
    const captures = await openStore(join(cwd, 'captures')).list();
    const delivered = listener.lines.filter((l) => l.type === 'delivery');
    expect(captures.length).toBe(delivered.length);
    for (const line of delivered) {
      const c = captures.find((x) => x.id === line.id);
      expect(c?.bodySha256).toBe(line.bodySha256);
      expect(sha(c?.body as Buffer)).toBe(line.bodySha256);
      expect(c?.headers).toEqual(line.headers);
    }
  });
});

describe('listen verifies hookctl-signed deliveries for every built-in provider (dev secrets)', () => {
  let dev: Listener;
  beforeAll(async () => {
    dev = await startListen(['--no-store']);
  });
  afterAll(async () => {
    await dev?.stop();
  });

  for (const profile of BUILTIN_PROVIDERS) {
    it(`${profile.id}: detected, verified, event named`, async () => {
      const event = listEvents(profile)[0];
      if (!event) throw new Error(`${profile.id} has no events`);
      const r = seededRandom(42);
      const now = Date.now();
      // Forms (Twilio's SMS webhook) are form-encoded; Twilio signs the URL it posts to.
      const contentType = event.contentType ?? profile.request.contentType;
      const payload = buildPayload(profile, event, { random: r, now });
      const body = contentType.includes('form') ? encodeForm(payload) : serializeBody(payload);
      const signed = sign({ provider: profile.id, secret: profile.devSecret, body, now, url: `${dev.url}${profile.request.path}`, contentType });
      const headers: Record<string, string> = { 'content-type': contentType, ...signed.headers };
      for (const [k, v] of Object.entries(profile.request.headers ?? {})) headers[k] = renderString(v, { random: r, now, event: event.name }) as string;
      if (profile.request.eventHeader)
        headers[profile.request.eventHeader.name] = profile.request.eventHeader.value.replace('{event}', event.name).replace('{eventBase}', event.name.split('.')[0] as string);
      if (profile.request.deliveryId) headers[profile.request.deliveryId.header] = `dlv_${profile.id}`;
      // Meta signs with GitHub's header: its documented User-Agent is what tells its deliveries apart.
      if (profile.request.userAgent) headers['user-agent'] = renderString(profile.request.userAgent, { random: r, now, event: event.name });
      // The body sign() returns is the one to send: Graph's clientState is written into it.
      const res = await post(`${dev.url}${profile.request.path}`, signed.body, headers);
      const [line] = await dev.deliveries(1);
      expect(res.status).toBe(200);
      expect(line).toMatchObject({ provider: profile.id, verification: { ok: true } });
      expect(line?.event).toBe(event.name);
    });
  }
});

describe('listen verifies what `hookctl send` sends, every event of every provider', () => {
  let dev: Listener;
  beforeAll(async () => {
    dev = await startListen(['--no-store']);
  });
  afterAll(async () => {
    await dev?.stop();
  });

  for (const profile of BUILTIN_PROVIDERS) {
    it(`${profile.id}: send --all`, async () => {
      const sent = await runInProcess(['send', '--all', '--provider', profile.id, '--to', dev.url]);
      expect(sent.code, sent.stderr).toBe(0);
      const events = listEvents(profile);
      const lines = await dev.deliveries(events.length);
      // A handshake request the provider sends unsigned carries no header that names it: only the signed
      // ones are judged here (test/providers/handshake-providers.test.ts checks the others as documented).
      const signed = events.map((e) => !e.request?.unsigned);
      expect(lines.filter((_, i) => signed[i]).map((l) => [l.provider, l.event, l.verification.ok])).toEqual(events.filter((_, i) => signed[i]).map((e) => [profile.id, e.name, true]));
    });
  }
});
