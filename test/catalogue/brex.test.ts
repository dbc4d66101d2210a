import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'svix';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery } from './deliveries.js';

const secret = `whsec_${Buffer.from('brex catalogue test secret').toString('base64')}`;
const data = JSON.parse(readFileSync(join(process.cwd(), 'scripts/catalogue/data/brex-events.json'), 'utf8'));

describe('every Brex webhook event', () => {
  const names = listEvents(getProvider('brex')).map((e) => e.name);

  it('is the documented set (data/brex-events.json): the 8 events with a payload page', () => {
    expect(names).toHaveLength(8);
    expect(names).toEqual(data.events.map((e: { name: string }) => e.name));
    // The enum's other 12 values have no public payload: none is sent.
    expect(data.enumOnly).toHaveLength(12);
    expect(names.filter((n) => data.enumOnly.includes(n))).toEqual([]);
  });

  it("passes svix's Webhook.verify, each body's event_type naming its event", () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('brex', secret)) {
      const headers = Object.fromEntries(delivery.headers.map(([n, v]) => [n.toLowerCase(), v]));
      try {
        const body = new Webhook(secret).verify(delivery.body.toString('utf8'), headers) as { event_type?: string };
        if (body.event_type !== name) wrong.push(`${name}: event_type ${body.event_type}`);
      } catch (err) {
        wrong.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
