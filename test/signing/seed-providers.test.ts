import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sign, verify } from '../../src/index.js';

const SECRET = 'test_secret';
const BODY = '{"job_id":"job_abc123xyz","status":"completed"}';
const BODY_HMAC = '52f9b36a49a1457fa843a2e21b4712ed8358b0b00662ea897c90d2a0aa768d8e';

describe('golden vectors from PROVIDERS.md', () => {
  it.each([
    ['changethisfile', 'X-CTF-Signature', `sha256=${BODY_HMAC}`],
    ['mediaconvert', 'X-MediaConvert-Signature', `sha256=${BODY_HMAC}`],
    ['ittybit', 'Ittybit-Signature', BODY_HMAC],
    ['download-api', 'X-Webhook-Signature', `sha256=${BODY_HMAC}`],
  ])('%s signs the raw body into %s', (provider, header, value) => {
    const signed = sign({ provider, secret: SECRET, body: BODY });
    expect(signed.headers[header]).toBe(value);
    expect(verify({ provider, secrets: SECRET, headers: signed.headers, body: BODY })).toMatchObject({ ok: true, secretIndex: 0 });
  });

  it('transcodely signs {timestamp}.{body} and sends the timestamp verbatim', () => {
    const signed = sign({ provider: 'transcodely', secret: SECRET, body: BODY, timestamp: 1709136942 });
    expect(signed.headers).toEqual({
      'X-Transcodely-Timestamp': '1709136942',
      'X-Transcodely-Signature': 'sha256=d38c3511a2fdb2c5db816261f1cad3b2c0d93aacd4acdb07521c865e8a555f11',
    });
  });
});

/** Receivers written from the seed documents' own samples, as independent oracles. */
const seedVerifiers = {
  changethisfile: (body: Buffer, h: Record<string, string>, secret: string) => createHmac('sha256', secret).update(body).digest('hex') === (h['x-ctf-signature'] ?? '').replace('sha256=', ''),
  mediaconvert: (body: Buffer, h: Record<string, string>, secret: string) => {
    const expected = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    const got = Buffer.from(h['x-mediaconvert-signature'] ?? '');
    return got.length === expected.length && timingSafeEqual(got, Buffer.from(expected));
  },
  transcodely: (body: Buffer, h: Record<string, string>, secret: string, nowSec: number) => {
    const ts = h['x-transcodely-timestamp'] ?? '';
    if (Math.abs(nowSec - parseInt(ts, 10)) > 300) return false;
    const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.${body.toString()}`).digest('hex')}`;
    return expected === h['x-transcodely-signature'];
  },
  ittybit: (body: Buffer, h: Record<string, string>, secret: string) =>
    // The doc's Express sample hashes JSON.stringify(req.body): it only agrees on compact JSON.
    createHmac('sha256', secret)
      .update(JSON.stringify(JSON.parse(body.toString())))
      .digest('hex') === h['ittybit-signature'],
  'download-api': (body: Buffer, h: Record<string, string>, secret: string) => {
    const sig = h['x-webhook-signature'] ?? '';
    return sig.startsWith('sha256=') && sig.slice(7) === createHmac('sha256', secret).update(body).digest('hex');
  },
} as const;

const lower = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

describe('seed providers against receivers written from their documents', () => {
  const body = Buffer.from(JSON.stringify({ job_id: 'job_1', state: 'done', name: 'Zoë ✓' }));
  const now = 1_764_000_000_000;
  for (const [provider, accepts] of Object.entries(seedVerifiers)) {
    it(`${provider}: hookctl's signature is accepted by the documented sample`, () => {
      const signed = sign({ provider, secret: 'whsec_rotating', body, now });
      expect(accepts(signed.body, lower(signed.headers), 'whsec_rotating', now / 1000)).toBe(true);
    });
  }
});

describe('slack, shopify, paddle, linear (written from PROVIDERS.md with node:crypto)', () => {
  const body = '{"type":"event_callback","event":{"text":"hi"}}';
  const now = 1_764_000_000_000;

  it('slack signs v0:{timestamp}:{body} as v0=<hex>', () => {
    const signed = sign({ provider: 'slack', secret: 'slack-secret', body, timestamp: 1764000000 });
    const expected = createHmac('sha256', 'slack-secret').update(`v0:1764000000:${body}`).digest('hex');
    expect(signed.headers).toEqual({ 'X-Slack-Request-Timestamp': '1764000000', 'X-Slack-Signature': `v0=${expected}` });
  });

  it('shopify signs the raw body as base64', () => {
    const signed = sign({ provider: 'shopify', secret: 'shpss_x', body });
    expect(signed.headers['X-Shopify-Hmac-Sha256']).toBe(createHmac('sha256', 'shpss_x').update(body).digest('base64'));
  });

  it('paddle signs {ts}:{body} into ts=..;h1=.. and accepts any of several h1', () => {
    const signed = sign({ provider: 'paddle', secret: 'pdl_secret', body, timestamp: 1764000000 });
    const h1 = createHmac('sha256', 'pdl_secret').update(`1764000000:${body}`).digest('hex');
    expect(signed.headers['Paddle-Signature']).toBe(`ts=1764000000;h1=${h1}`);
    const several = { 'Paddle-Signature': `ts=1764000000;h1=${'f'.repeat(64)};h1=${h1}` };
    expect(verify({ provider: 'paddle', secrets: 'pdl_secret', headers: several, body, now })).toMatchObject({ ok: true });
  });

  it('linear checks webhookTimestamp (ms) in the body within 60 s', () => {
    const fresh = JSON.stringify({ action: 'create', webhookTimestamp: now - 30_000 });
    const stale = JSON.stringify({ action: 'create', webhookTimestamp: now - 61_000 });
    for (const [b, expected] of [
      [fresh, { ok: true }],
      [stale, { ok: false, reason: 'timestamp-too-old', signatureMatched: true }],
    ] as const) {
      const signed = sign({ provider: 'linear', secret: 'lin', body: b });
      expect(signed.headers['Linear-Signature']).toBe(createHmac('sha256', 'lin').update(b).digest('hex'));
      expect(verify({ provider: 'linear', secrets: 'lin', headers: signed.headers, body: b, now })).toMatchObject(expected);
    }
  });
});
