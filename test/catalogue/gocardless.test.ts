import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventResourceType } from 'gocardless-nodejs/types/Types';
import { parseWithMeta } from 'gocardless-nodejs/webhooks';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'gocardless_catalogue_test_secret';
const data = JSON.parse(readFileSync(join(process.cwd(), 'scripts/catalogue/data/gocardless-events.json'), 'utf8')) as { actions: Record<string, string[]> };

describe('every GoCardless webhook event', () => {
  const names = listEvents(getProvider('gocardless')).map((e) => e.name);

  it("is a resource type of the SDK's EventResourceType × an action documented for it: 95 in all", () => {
    const resources = Object.values(EventResourceType) as string[];
    expect(Object.keys(data.actions).every((r) => resources.includes(r))).toBe(true);
    expect(names).toEqual(resources.flatMap((r) => (data.actions[r] ?? []).map((a) => `${r}.${a}`)));
    expect(names.length).toBe(95);
  });

  it("is parsed by the SDK's webhooks.parseWithMeta: signature accepted, one event as named, the webhook id read", () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('gocardless', secret)) {
      try {
        const { events, webhookId } = parseWithMeta(delivery.body, secret, headerOf(delivery, 'Webhook-Signature'));
        const got = events.map((e) => `${e.resource_type}.${e.action}`);
        if (got.join() !== name) wrong.push(`${name}: parsed as ${got.join()}`);
        if (!/^WB\d{12}$/.test(webhookId ?? '')) wrong.push(`${name}: webhook id ${webhookId}`);
        if (!/^EV\d{12}$/.test(events[0]?.id ?? '')) wrong.push(`${name}: event id ${events[0]?.id}`);
      } catch (err) {
        wrong.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
