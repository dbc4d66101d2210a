import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { ROOT } from '../support/cli.js';
import { makeCapture, tempDir } from '../captures/helpers.js';

describe('the library API (the package root)', () => {
  it('exports the signing, diagnosis, registry, fixture and store functions docs/library.md documents', () => {
    const documented = [
      'sign',
      'verify',
      'diagnose',
      'getProvider',
      'providerList',
      'detectProvider',
      'signWithScheme',
      'verifyWithScheme',
      'buildPayload',
      'renderTemplate',
      'openStore',
      'readCaptureFile',
      'buildDelivery',
      'createDeliveryBuilder',
    ];
    const section = readFileSync(join(ROOT, 'docs/library.md'), 'utf8');
    for (const name of documented) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
      expect(section, name).toContain(`\`${name}`);
    }
    expect(api.BUILTIN_PROVIDERS.map((p) => p.id)).toEqual(expect.arrayContaining(['stripe', 'github', 'okta', 'msgraph']));
  });

  it('openStore reads back what was stored: header pairs in order and the body byte for byte', async () => {
    const dir = tempDir();
    const body = Buffer.from([0x7b, 0xff, 0x00, 0x7d]); // not UTF-8: must survive as bytes
    const capture = makeCapture({ provider: 'github', secret: 's', body, at: Date.now() });
    const store = api.openStore(dir);
    await store.append(capture);
    const [back] = await store.list();
    expect(back!.body.equals(body)).toBe(true);
    expect(back!.headers).toEqual(capture.headers);
    expect((await store.get('last')).id).toBe(capture.id);
  });

  it('buildDelivery makes what send sends: a Stripe event its own library accepts, and an invalid one it refuses', () => {
    const secret = 'whsec_library_delivery';
    const spec = { profile: api.getProvider('stripe'), event: 'invoice.paid', secrets: [secret], now: Date.now(), random: api.cryptoRandom() };
    const d = api.buildDelivery(spec);
    const header = d.headers.find(([k]) => k.toLowerCase() === 'stripe-signature')![1];
    const event = new Stripe('sk_test_x').webhooks.constructEvent(d.body, header, secret);
    expect(event.type).toBe('invoice.paid');
    expect(event.id).toMatch(/^evt_\w{20,}/);
    const bad = api.buildDelivery({ ...spec, mode: 'invalid' });
    const badHeader = bad.headers.find(([k]) => k.toLowerCase() === 'stripe-signature')![1];
    expect(() => new Stripe('sk_test_x').webhooks.constructEvent(bad.body, badHeader, secret)).toThrow(/No signatures found matching/);
  });
});
