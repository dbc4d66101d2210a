import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Telnyx from 'telnyx';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { TELNYX_DEV_KEYS } from '../../src/core/providers/builtin/stamped-telnyx.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery } from './deliveries.js';

const telnyx = new Telnyx({ apiKey: 'hookctl' });
const { privateKey, publicKey } = TELNYX_DEV_KEYS;

/** The members of the SDK's UnwrapWebhookEvent union, read from its source at run time. */
function sdkMembers(): string[] {
  const src = readFileSync(join(process.cwd(), 'node_modules/telnyx/src/resources/webhooks.ts'), 'utf8');
  const at = src.indexOf('export type UnwrapWebhookEvent =');
  return [...src.slice(at, src.indexOf(';', at)).matchAll(/\|\s*(\w+)/g)].map((m) => m[1] as string);
}

/** The event names the source gives each member: its `event_type` / `event` literals. */
function sdkNames(): string[] {
  const src = readFileSync(join(process.cwd(), 'node_modules/telnyx/src/resources/webhooks.ts'), 'utf8');
  return [...src.matchAll(/\n\s+(?:event_type|event)\??:\s*((?:\s*\|?\s*'[\w.]+')+);/g)].flatMap((m) => [...(m[1] as string).matchAll(/'([\w.]+)'/g)].map((x) => x[1] as string));
}

describe('every Telnyx webhook', () => {
  const names = listEvents(getProvider('telnyx')).map((e) => e.name);

  it("covers every member of the SDK's UnwrapWebhookEvent union, each name the source gives it", () => {
    expect(sdkMembers().length).toBe(75);
    expect(names.length).toBe(84);
    const named = new Set(sdkNames());
    // Two members name no event: hookctl names them (campaign.status_update, link_clicked).
    expect(names.filter((n) => !named.has(n))).toEqual(['campaign.status_update', 'link_clicked']);
  });

  it("is accepted by the SDK's webhooks.unwrap with the public key, and names itself in the body", async () => {
    const wrong: string[] = [];
    const profile = getProvider('telnyx');
    for (const { name, delivery } of everyDelivery('telnyx', privateKey)) {
      try {
        const event = await telnyx.webhooks.unwrap(delivery.body.toString('utf8'), { headers: Object.fromEntries(delivery.headers), key: publicKey });
        const match = Object.entries(listEvents(profile).find((e) => e.name === name)?.match ?? {});
        for (const [path, want] of match) {
          const got = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], event);
          if (want === true ? got === undefined : got !== want) wrong.push(`${name}: ${path} is ${String(got)}`);
        }
      } catch (err) {
        wrong.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is refused by unwrap once more than 300 s off', async () => {
    for (const skew of [-301_000, 301_000]) {
      const { delivery } = everyDelivery('telnyx', privateKey, Date.now() + skew)[0] as ReturnType<typeof everyDelivery>[number];
      await expect(telnyx.webhooks.unwrap(delivery.body.toString('utf8'), { headers: Object.fromEntries(delivery.headers), key: publicKey })).rejects.toThrow(/too old or too new/);
    }
  });
});
