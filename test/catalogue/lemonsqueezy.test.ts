import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'lmsqz_catalogue_test';
const TYPES = join(process.cwd(), 'node_modules/@lemonsqueezy/lemonsqueezy.js/dist/index.d.ts');

/** The SDK's webhook event union (`type Events = "order_created" | ...`), read from its declarations. */
const sdkEvents = [...(readFileSync(TYPES, 'utf8').match(/^type Events = ([^;]+);/m)?.[1] ?? '').matchAll(/"(\w+)"/g)].map((m) => m[1]);

describe('every Lemon Squeezy webhook event', () => {
  const names = listEvents(getProvider('lemonsqueezy')).map((e) => e.name);

  it("is one of @lemonsqueezy/lemonsqueezy.js's webhook Events, all 15", () => {
    expect(sdkEvents.length).toBe(15);
    expect(names).toEqual(sdkEvents);
  });

  it('is verified as the docs show (hex HMAC-SHA256 of the raw body), named alike in X-Event-Name and meta.event_name', () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('lemonsqueezy', secret)) {
      // docs.lemonsqueezy.com/help/webhooks/signing-requests, the Node.js example.
      const digest = Buffer.from(createHmac('sha256', secret).update(delivery.body).digest('hex'), 'utf8');
      const signature = Buffer.from(headerOf(delivery, 'X-Signature'), 'utf8');
      if (digest.length !== signature.length || !timingSafeEqual(digest, signature)) wrong.push(`${name}: signature`);
      const body = JSON.parse(delivery.body.toString()) as { meta: { event_name: string }; data: { type: string; id: unknown } };
      if (body.meta.event_name !== name || headerOf(delivery, 'X-Event-Name') !== name) wrong.push(`${name}: named ${body.meta.event_name}`);
      if (typeof body.data.id !== 'string' || !/^(orders|subscriptions|subscription-invoices|license-keys)$/.test(body.data.type)) wrong.push(`${name}: data ${body.data.type} ${body.data.id}`);
    }
    expect(wrong).toEqual([]);
  });
});
