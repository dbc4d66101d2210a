import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkOS } from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/core/delivery/types.js';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'workosCatalogueTestSecret';
const LIB = join(process.cwd(), 'node_modules/@workos-inc/node/lib');

/** The events the SDK's deserializeEvent switches on: the same list as its EventResponse union, read at run time. */
function sdkEvents(): string[] {
  const file = readdirSync(LIB).find((f) => /^factory-.*\.mjs$/.test(f)) as string;
  const src = readFileSync(join(LIB, file), 'utf8');
  const start = src.indexOf('const deserializeEvent = (event) => {');
  const body = src.slice(start, src.indexOf('\n};', start));
  return [...body.matchAll(/case "([\w.]+)":/g)].map((m) => m[1] as string);
}

describe('every WorkOS event', () => {
  const names = listEvents(getProvider('workos')).map((e) => e.name);

  it("is the SDK's list: every event deserializeEvent knows, and no other", () => {
    expect(names.length).toBe(75);
    expect(new Set(names)).toEqual(new Set(sdkEvents()));
  });

  it("is accepted by the SDK's constructEvent and deserialized as the event it names", async () => {
    const workos = new WorkOS('sk_test_hookctl');
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('workos', secret)) {
      try {
        const sigHeader = headerOf(delivery, 'WorkOS-Signature');
        if (!/^t=\d{13}, v1=[0-9a-f]{64}$/.test(sigHeader)) wrong.push(`${name}: header ${sigHeader}`);
        const event = await workos.webhooks.constructEvent({ payload: JSON.parse(delivery.body.toString('utf8')), sigHeader, secret });
        if (event.event !== name) wrong.push(`${name}: parsed as ${event.event}`);
        if (!event.id.startsWith('event_') || !event.createdAt) wrong.push(`${name}: envelope ${event.id} ${event.createdAt}`);
      } catch (err) {
        wrong.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is refused by constructEvent once older than its 180 s window', async () => {
    const workos = new WorkOS('sk_test_hookctl');
    const { delivery } = everyDelivery('workos', secret, Date.now() - 181_000)[0] as { delivery: Delivery };
    const payload = JSON.parse(delivery.body.toString('utf8'));
    await expect(workos.webhooks.constructEvent({ payload, sigHeader: headerOf(delivery, 'WorkOS-Signature'), secret })).rejects.toThrow(/tolerance/);
  });
});
