import { createHmac } from 'node:crypto';
import { sign as octokitSign, verify as octokitVerify } from '@octokit/webhooks-methods';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import { describe, expect, it } from 'vitest';
import { sign, verify } from '../../src/index.js';

const stripe = new Stripe('sk_test_hookctl');
const NOW = 1_709_136_942_000;
const body = '{"id":"evt_1","object":"event","type":"payment_intent.succeeded","amount":2000,"name":"Zoë"}';

describe('stripe (oracle: stripe.webhooks)', () => {
  const secret = 'whsec_test_secret_value_1234567890';

  it('hookctl signs and constructEvent accepts', () => {
    const signed = sign({ provider: 'stripe', secret, body, now: Date.now() });
    const event = stripe.webhooks.constructEvent(signed.body, signed.headers['Stripe-Signature'] as string, secret);
    expect(event.id).toBe('evt_1');
  });

  it('generateTestHeaderString signs and hookctl accepts', () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: NOW / 1000 });
    const result = verify({ provider: 'stripe', secrets: secret, headers: { 'stripe-signature': header }, body, now: NOW });
    expect(result).toMatchObject({ ok: true, secretIndex: 0, timestamp: NOW / 1000, ageSec: 0 });
  });

  it('accepts a header with several v1 signatures when any matches', () => {
    const good = stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: NOW / 1000 });
    const header = `${good.replace('v1=', `v1=${'0'.repeat(64)},v1=`)}`;
    expect(verify({ provider: 'stripe', secrets: secret, headers: { 'Stripe-Signature': header }, body, now: NOW }).ok).toBe(true);
  });

  it('uses the whole whsec_ string as the key, not its base64 decoding', () => {
    const signed = sign({ provider: 'stripe', secret, body, timestamp: 1_700_000_000 });
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signed.headers['Stripe-Signature']).toBe(`t=1700000000,v1=${expected}`);
  });

  it('rejects in the past beyond 300 s but not a future timestamp (past-only tolerance)', () => {
    const old = sign({ provider: 'stripe', secret, body, timestamp: NOW / 1000 - 301 });
    const future = sign({ provider: 'stripe', secret, body, timestamp: NOW / 1000 + 3600 });
    expect(verify({ provider: 'stripe', secrets: secret, headers: old.headers, body, now: NOW })).toMatchObject({ ok: false, reason: 'timestamp-too-old', signatureMatched: true });
    expect(verify({ provider: 'stripe', secrets: secret, headers: future.headers, body, now: NOW }).ok).toBe(true);
  });
});

describe('standard-webhooks (oracle: standardwebhooks)', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

  it('reproduces the spec vector', () => {
    const signed = sign({ provider: 'standard-webhooks', secret, body: '{"test": 2432232314}', id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330 });
    expect(signed.headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('hookctl signs and Webhook.verify accepts', () => {
    const signed = sign({ provider: 'standard-webhooks', secret, body, now: Date.now() });
    expect(new StandardWebhook(secret).verify(signed.body.toString(), signed.headers)).toMatchObject({ id: 'evt_1' });
  });

  it('Webhook.sign signs and hookctl accepts', () => {
    const wh = new StandardWebhook(secret);
    const sig = wh.sign('msg_abc', new Date(NOW), body);
    const headers = { 'webhook-id': 'msg_abc', 'webhook-timestamp': String(NOW / 1000), 'webhook-signature': sig };
    expect(verify({ provider: 'standard-webhooks', secrets: secret, headers, body, now: NOW })).toMatchObject({ ok: true, secretIndex: 0 });
  });

  it('accepts a space-separated signature list where a later entry matches', () => {
    const sig = new StandardWebhook(secret).sign('msg_abc', new Date(NOW), body);
    const headers = { 'webhook-id': 'msg_abc', 'webhook-timestamp': String(NOW / 1000), 'webhook-signature': `v1,${'A'.repeat(43)}= v2,xyz ${sig}` };
    expect(verify({ provider: 'standard-webhooks', secrets: secret, headers, body, now: NOW }).ok).toBe(true);
  });

  it('rejects timestamps more than 300 s away in both directions', () => {
    for (const [offset, reason] of [
      [-301, 'timestamp-too-old'],
      [301, 'timestamp-too-new'],
    ] as const) {
      const signed = sign({ provider: 'standard-webhooks', secret, body, timestamp: NOW / 1000 + offset });
      expect(verify({ provider: 'standard-webhooks', secrets: secret, headers: signed.headers, body, now: NOW })).toMatchObject({ ok: false, reason });
    }
  });
});

describe('svix (oracle: svix)', () => {
  const secret = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';

  it('hookctl signs with svix-* headers and the svix library accepts', () => {
    const signed = sign({ provider: 'svix', secret, body, now: Date.now() });
    expect(Object.keys(signed.headers).sort()).toEqual(['svix-id', 'svix-signature', 'svix-timestamp']);
    expect(new SvixWebhook(secret).verify(signed.body.toString(), signed.headers)).toMatchObject({ id: 'evt_1' });
  });

  it('svix signs and hookctl accepts under either header family', () => {
    const sig = new SvixWebhook(secret).sign('msg_svix', new Date(NOW), body);
    const svixHeaders = { 'svix-id': 'msg_svix', 'svix-timestamp': String(NOW / 1000), 'svix-signature': sig };
    expect(verify({ provider: 'standard-webhooks', secrets: secret, headers: svixHeaders, body, now: NOW }).ok).toBe(true);
    expect(verify({ provider: 'svix', secrets: secret, headers: svixHeaders, body, now: NOW }).ok).toBe(true);
  });
});

describe('github (oracle: @octokit/webhooks-methods)', () => {
  it('reproduces the GitHub docs vector', () => {
    const signed = sign({ provider: 'github', secret: "It's a Secret to Everybody", body: 'Hello, World!' });
    expect(signed.headers['X-Hub-Signature-256']).toBe('sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17');
  });

  it('hookctl signs and octokit verify accepts', async () => {
    const signed = sign({ provider: 'github', secret: 'gh-secret', body });
    expect(await octokitVerify('gh-secret', body, signed.headers['X-Hub-Signature-256'] as string)).toBe(true);
  });

  it('octokit signs and hookctl accepts', async () => {
    const sig = await octokitSign('gh-secret', body);
    expect(verify({ provider: 'github', secrets: 'gh-secret', headers: { 'x-hub-signature-256': sig }, body })).toMatchObject({ ok: true, header: 'X-Hub-Signature-256' });
  });

  it('falls back to the legacy sha1 header when sha256 is absent', () => {
    const sha1 = createHmac('sha1', 'gh-secret').update(body).digest('hex');
    const signed = sign({ provider: 'github', secret: 'gh-secret', body });
    expect(signed.headers['X-Hub-Signature']).toBe(`sha1=${sha1}`);
    expect(verify({ provider: 'github', secrets: 'gh-secret', headers: { 'X-Hub-Signature': `sha1=${sha1}` }, body })).toMatchObject({ ok: true, header: 'X-Hub-Signature' });
  });
});
