import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { parseEdit } from '../../src/core/delivery/edits.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { seededRandom } from '../../src/core/random.js';
import { buildReplay } from '../../src/core/replay/build.js';
import { readTarget, targetHasPath } from '../../src/core/http/target.js';
import { replayHeaders, targetUrl } from '../../src/core/http/resend.js';
import { fromCapture } from '../../src/core/captures/source.js';
import { makeCapture } from '../captures/helpers.js';

const NOW = Date.now();
const HOUR = 3_600_000;
const opts = (provider: string, secret: string, extra: Partial<Parameters<typeof buildReplay>[1]> = {}) => ({
  resign: true,
  edits: [],
  profile: getProvider(provider),
  secrets: [secret],
  now: NOW,
  random: seededRandom(7),
  ...extra,
});
const record = (headers: [string, string][]) => Object.fromEntries(headers.map(([k, v]) => [k.toLowerCase(), v]));

describe('replayHeaders', () => {
  it('keeps order, case and duplicates; drops the headers a client computes', () => {
    expect(
      replayHeaders([
        ['Host', 'a'],
        ['X-B', '1'],
        ['content-length', '3'],
        ['x-a', '2'],
        ['Connection', 'close'],
        ['X-B', '3'],
        ['Transfer-Encoding', 'chunked'],
        ['Expect', '100-continue'],
      ]),
    ).toEqual([
      ['X-B', '1'],
      ['x-a', '2'],
      ['X-B', '3'],
    ]);
  });
});

describe('targetUrl', () => {
  it("keeps the capture path when --to has none, and uses --to's path when it has one", () => {
    expect(targetUrl(readTarget('localhost:3000'), '/hooks?a=1').href).toBe('http://localhost:3000/hooks?a=1');
    expect(targetUrl(readTarget(':3000/in'), '/hooks?a=1').href).toBe('http://localhost:3000/in');
    expect(targetHasPath('http://x:1')).toBe(false);
    expect(targetHasPath('http://x:1/')).toBe(true);
  });
});

describe('buildReplay', () => {
  it('as captured: the same bytes, the same headers in the same order', () => {
    const c = makeCapture({ provider: 'github', secret: 's', body: '{"a":1}', at: NOW - HOUR, extraHeaders: [['X-GitHub-Delivery', 'd-1']] });
    const r = buildReplay(fromCapture(c), { ...opts('github', 's'), resign: false });
    expect(r.body.equals(c.body)).toBe(true);
    expect(r.bodySha256).toBe(c.bodySha256);
    expect(r.headers).toEqual(replayHeaders(c.headers));
    expect(r).toMatchObject({ resigned: false, edited: false });
  });

  it('re-signs a stale Stripe capture in place; stripe.webhooks.constructEvent accepts it', () => {
    const secret = 'whsec_stripe_replay';
    const c = makeCapture({ provider: 'stripe', secret, body: '{"id":"evt_1","object":"event"}', at: NOW - HOUR });
    const stripe = new Stripe('sk_test_x');
    const header = (h: [string, string][]) => h.find(([k]) => k === 'Stripe-Signature')?.[1] as string;
    expect(() => stripe.webhooks.constructEvent(c.body, header(c.headers), secret)).toThrow(/tolerance/i);
    const r = buildReplay(fromCapture(c), opts('stripe', secret));
    expect(stripe.webhooks.constructEvent(r.body, header(r.headers), secret).id).toBe('evt_1');
    expect(r.headers.map(([k]) => k)).toEqual(replayHeaders(c.headers).map(([k]) => k));
    expect(r.timestamp).toBe(Math.floor(NOW / 1000));
  });

  it('re-signs Standard Webhooks with a fresh webhook-id; the standardwebhooks library accepts it', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const c = makeCapture({ provider: 'standard-webhooks', secret, body: '{"type":"user.created"}', at: NOW - HOUR });
    const r = buildReplay(fromCapture(c), opts('standard-webhooks', secret));
    expect(new Webhook(secret).verify(r.body.toString(), record(r.headers))).toEqual({ type: 'user.created' });
    expect(record(r.headers)['webhook-id']).toMatch(/^msg_[a-z0-9]{24}$/);
    expect(record(r.headers)['webhook-id']).not.toBe(record(c.headers)['webhook-id']);
    expect(r.deliveryId).toBe(record(r.headers)['webhook-id']);
  });

  it('--set edits, then signs the edited body (GitHub, checked with @octokit/webhooks-methods)', async () => {
    const c = makeCapture({ provider: 'github', secret: 'gh', body: '{"action":"opened","number":1}', at: NOW, extraHeaders: [['X-GitHub-Delivery', 'old-guid']] });
    const r = buildReplay(fromCapture(c), opts('github', 'gh', { edits: [parseEdit('action=closed')] }));
    expect(r.body.toString()).toBe('{"action":"closed","number":1}');
    expect(r.edited).toBe(true);
    expect(await octokitVerify('gh', r.body.toString(), record(r.headers)['x-hub-signature-256'] as string)).toBe(true);
    expect(record(r.headers)['x-github-delivery']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("moves a body timestamp (Linear's webhookTimestamp) to now", () => {
    const c = makeCapture({ provider: 'linear', secret: 'lin', body: JSON.stringify({ action: 'create', webhookTimestamp: NOW - HOUR }), at: NOW - HOUR });
    const r = buildReplay(fromCapture(c), opts('linear', 'lin'));
    expect(JSON.parse(r.body.toString()).webhookTimestamp).toBe(NOW);
  });

  it('refuses to edit a body that is not JSON', () => {
    const c = makeCapture({ provider: 'github', secret: 'gh', body: 'a=b', at: NOW });
    expect(() => buildReplay(fromCapture(c), opts('github', 'gh', { edits: [parseEdit('a=1')] }))).toThrow(/is not valid JSON/);
  });
});
