import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Razorpay from 'razorpay';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'razorpay_catalogue_test_secret';
const data = JSON.parse(readFileSync(join(process.cwd(), 'scripts/catalogue/data/razorpay-events.json'), 'utf8')) as { groups: { events: string[] }[] };

describe('every documented Razorpay Payments webhook event', () => {
  const names = listEvents(getProvider('razorpay')).map((e) => e.name);

  it('is on a product page of the docs, all 50 in the order the data file keeps them', () => {
    expect(names).toEqual(data.groups.flatMap((g) => g.events));
    expect(names.length).toBe(50);
  });

  it("is accepted by the SDK's Razorpay.validateWebhookSignature, its envelope naming the event and the entities it contains", () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('razorpay', secret)) {
      const body = delivery.body.toString('utf8');
      if (!Razorpay.validateWebhookSignature(body, headerOf(delivery, 'X-Razorpay-Signature'), secret)) wrong.push(`${name}: signature`);
      const event = JSON.parse(body) as { entity: string; event: string; contains: string[]; payload: Record<string, { entity: unknown }> };
      if (event.entity !== 'event' || event.event !== name) wrong.push(`${name}: envelope ${event.entity} ${event.event}`);
      if (event.contains.join() !== Object.keys(event.payload).join() || !event.contains.length) wrong.push(`${name}: contains ${event.contains.join()}`);
      if (!/^[a-z0-9]{14}$/.test(headerOf(delivery, 'X-Razorpay-Event-Id'))) wrong.push(`${name}: event id`);
    }
    expect(wrong).toEqual([]);
  });
});
